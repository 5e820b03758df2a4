// SPDX-License-Identifier: GPL-2.0-only
/* netdev_master_upper_dev_link() takes an extended ack (4.15+). */
#include <linux/netdevice.h>

static int probe(struct net_device *dev, struct net_device *upper)
{
	return netdev_master_upper_dev_link(dev, upper, NULL, NULL, NULL);
}
