// SPDX-License-Identifier: GPL-2.0-only
/* genl_notify() takes the request's genl_info (4.6+). */
#include <net/genetlink.h>

static void probe(const struct genl_family *f, struct sk_buff *skb,
		  struct genl_info *info)
{
	genl_notify(f, skb, info, 0, GFP_KERNEL);
}
