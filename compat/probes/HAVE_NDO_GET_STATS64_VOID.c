// SPDX-License-Identifier: GPL-2.0-only
/* ndo_get_stats64 returns nothing (4.11+; its stats argument before). */
#include <linux/netdevice.h>

static void probe_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *s)
{
}

static const struct net_device_ops probe_ops __maybe_unused = {
	.ndo_get_stats64 = probe_get_stats64,
};
