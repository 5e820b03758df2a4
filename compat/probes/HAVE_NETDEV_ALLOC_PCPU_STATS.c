// SPDX-License-Identifier: GPL-2.0-only
/* netdev_alloc_pcpu_stats() (3.14+). */
#include <linux/netdevice.h>

static void __percpu *probe(void)
{
	return netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
}
