// SPDX-License-Identifier: GPL-2.0-only
/* __skb_vlan_pop(): remove the in-band outer tag, exported (4.6+). */
#include <linux/skbuff.h>

static int probe(struct sk_buff *skb)
{
	u16 tci;

	return __skb_vlan_pop(skb, &tci);
}
