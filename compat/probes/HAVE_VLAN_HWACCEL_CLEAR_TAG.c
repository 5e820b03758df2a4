// SPDX-License-Identifier: GPL-2.0-only
/* __vlan_hwaccel_clear_tag() (4.20+, with skb->vlan_present). */
#include <linux/if_vlan.h>

static void probe(struct sk_buff *skb)
{
	__vlan_hwaccel_clear_tag(skb);
}
