// SPDX-License-Identifier: GPL-2.0-only
/* net_device.max_mtu: the core enforces the MTU range (4.10+). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->max_mtu = ETH_MAX_MTU;
}
