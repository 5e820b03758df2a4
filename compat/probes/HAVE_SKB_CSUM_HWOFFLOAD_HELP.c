// SPDX-License-Identifier: GPL-2.0-only
/* skb_csum_hwoffload_help(): software checksum unless offloaded (4.13+). */
#include <linux/netdevice.h>

static int probe(struct sk_buff *skb)
{
	return skb_csum_hwoffload_help(skb, 0);
}
