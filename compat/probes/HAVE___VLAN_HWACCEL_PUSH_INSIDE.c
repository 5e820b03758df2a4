// SPDX-License-Identifier: GPL-2.0-only
/* __vlan_hwaccel_push_inside() (4.0+). */
#include <linux/if_vlan.h>

static struct sk_buff *probe(struct sk_buff *skb)
{
	return __vlan_hwaccel_push_inside(skb);
}
