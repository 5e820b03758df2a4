// SPDX-License-Identifier: GPL-2.0-only
/* netdev_notifier_info_to_dev() (3.11+). */
#include <linux/netdevice.h>

static struct net_device *probe(void *ptr)
{
	return netdev_notifier_info_to_dev(ptr);
}
