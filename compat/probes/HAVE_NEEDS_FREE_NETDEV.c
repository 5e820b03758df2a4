// SPDX-License-Identifier: GPL-2.0-only
/*
 * net_device.needs_free_netdev and .priv_destructor: the core frees the
 * device after the private destructor (4.12+; before, dev->destructor had
 * to call free_netdev() itself).
 */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->needs_free_netdev = true;
	dev->priv_destructor = NULL;
}
