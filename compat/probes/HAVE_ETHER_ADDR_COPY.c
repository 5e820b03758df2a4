// SPDX-License-Identifier: GPL-2.0-only
/* ether_addr_copy() (3.14+). */
#include <linux/etherdevice.h>

static void probe(u8 *d, const u8 *s)
{
	ether_addr_copy(d, s);
}
