// SPDX-License-Identifier: GPL-2.0-only
/* skb_vlan_tag_present()/skb_vlan_tag_get() (3.19+). */
#include <linux/if_vlan.h>

static u16 probe(const struct sk_buff *skb)
{
	return skb_vlan_tag_present(skb) ? skb_vlan_tag_get(skb) : 0;
}
