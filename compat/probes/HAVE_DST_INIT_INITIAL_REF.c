// SPDX-License-Identifier: GPL-2.0-only
/* dst_init() setting up a dst, with an initial reference count (4.12-6.x). */
#include <net/dst.h>

static void probe(struct dst_entry *dst, struct dst_ops *ops)
{
	dst_init(dst, ops, NULL, 1, DST_OBSOLETE_NONE, DST_NOCOUNT);
}
