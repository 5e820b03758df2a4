// SPDX-License-Identifier: GPL-2.0-only
/* net_device.lltx replaced the NETIF_F_LLTX feature bit (6.12). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->lltx = true;
}
