// SPDX-License-Identifier: GPL-2.0-only
/* kvfree() (3.15+). */
#include <linux/mm.h>

static void probe(void *p)
{
	kvfree(p);
}
