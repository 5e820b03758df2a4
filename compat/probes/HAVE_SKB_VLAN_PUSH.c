// SPDX-License-Identifier: GPL-2.0-only
/* skb_vlan_push()/skb_vlan_pop() (3.19+). */
#include <linux/skbuff.h>

static int probe(struct sk_buff *skb)
{
	return skb_vlan_push(skb, 0, 1) ?: skb_vlan_pop(skb);
}
