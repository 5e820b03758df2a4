// SPDX-License-Identifier: GPL-2.0-only
/* IFF_NO_QUEUE: a device without qdisc (4.3+). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->priv_flags |= IFF_NO_QUEUE;
}
