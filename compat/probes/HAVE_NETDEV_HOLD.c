// SPDX-License-Identifier: GPL-2.0-only
/* netdev_hold()/netdev_put() with a reference tracker (5.17+, backported). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev, netdevice_tracker *t)
{
	netdev_hold(dev, t, GFP_KERNEL);
	netdev_put(dev, t);
}
