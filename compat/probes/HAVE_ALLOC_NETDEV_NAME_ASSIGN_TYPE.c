// SPDX-License-Identifier: GPL-2.0-only
/* alloc_netdev() with a name assignment type (3.17+). */
#include <linux/netdevice.h>

static struct net_device *probe(void (*setup)(struct net_device *))
{
	return alloc_netdev(0, "x%d", NET_NAME_USER, setup);
}
