// SPDX-License-Identifier: GPL-2.0-only
/* Forwarding headroom requested from lower devices (4.7+). */
#include <linux/netdevice.h>

static unsigned int probe(struct net_device *dev)
{
	netdev_set_rx_headroom(dev, 64);
	netdev_reset_rx_headroom(dev);
	return netdev_get_fwd_headroom(dev);
}
