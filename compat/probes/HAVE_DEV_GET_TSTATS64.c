// SPDX-License-Identifier: GPL-2.0-only
/* dev_get_tstats64(), an ndo_get_stats64 summing dev->tstats (5.11+). */
#include <linux/netdevice.h>

static const struct net_device_ops probe_ops __maybe_unused = {
	.ndo_get_stats64 = dev_get_tstats64,
};
