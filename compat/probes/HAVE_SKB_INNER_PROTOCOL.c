// SPDX-License-Identifier: GPL-2.0-only
/* skb->inner_protocol (3.11+). */
#include <linux/skbuff.h>

static __be16 probe(const struct sk_buff *skb)
{
	return skb->inner_protocol;
}
