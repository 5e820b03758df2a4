// SPDX-License-Identifier: GPL-2.0-only
/*
 * skb_mpls_push(), skb_mpls_pop() with the "ethernet" argument, and
 * skb_mpls_update_lse() (all three as of 5.5).
 */
#include <linux/skbuff.h>

static int probe(struct sk_buff *skb)
{
	return skb_mpls_push(skb, 0, htons(0x8847), 14, true) +
	       skb_mpls_pop(skb, htons(0x0800), 14, true) +
	       skb_mpls_update_lse(skb, 0);
}
