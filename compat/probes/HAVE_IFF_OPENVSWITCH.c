// SPDX-License-Identifier: GPL-2.0-only
/* IFF_OPENVSWITCH marks OVS internal devices (4.3+). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->priv_flags |= IFF_OPENVSWITCH;
}
