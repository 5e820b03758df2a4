// SPDX-License-Identifier: GPL-2.0-only
/* net_device.pcpu_stat_type: the core allocates per-CPU tstats (6.0+). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
}
