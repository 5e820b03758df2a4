// SPDX-License-Identifier: GPL-2.0-only
/* dev_sw_netstats_rx_add() on dev->tstats (5.10+). */
#include <linux/netdevice.h>

static void probe(struct net_device *dev)
{
	dev_sw_netstats_rx_add(dev, 64);
}
