// SPDX-License-Identifier: GPL-2.0-only
/* get_random_u32() (4.11+). */
#include <linux/random.h>

static u32 probe(void)
{
	return get_random_u32();
}
