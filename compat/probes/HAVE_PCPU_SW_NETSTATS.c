// SPDX-License-Identifier: GPL-2.0-only
/* struct pcpu_sw_netstats (3.14+). */
#include <linux/netdevice.h>

static size_t probe(void)
{
	return sizeof(struct pcpu_sw_netstats);
}
