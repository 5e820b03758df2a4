// SPDX-License-Identifier: GPL-2.0-only
/* kvzalloc(), kvzalloc_node(): slab or vmalloc memory (4.12+). */
#include <linux/mm.h>
#include <linux/slab.h>

static void *probe(size_t size)
{
	kvfree(kvzalloc(size, GFP_KERNEL));
	return kvzalloc_node(size, GFP_KERNEL, 0);
}
