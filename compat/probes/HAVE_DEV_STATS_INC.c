// SPDX-License-Identifier: GPL-2.0-only
/* DEV_STATS_INC(): lock-free dev->stats counters (6.5+, backported). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	DEV_STATS_INC(dev, rx_dropped);
}
