// SPDX-License-Identifier: GPL-2.0-only
/* dev_fetch_sw_netstats(): sum per-CPU sw netstats (5.10+). */
#include <linux/netdevice.h>

static void probe(struct rtnl_link_stats64 *s, struct net_device *dev)
{
	dev_fetch_sw_netstats(s, dev->tstats);
}
