// SPDX-License-Identifier: GPL-2.0-only
/*
 * dst_init() without the initial_ref argument: dst reference counts are
 * rcuref_t and always start at one (6.3+).
 */
#include <net/dst.h>

static void probe(struct dst_entry *dst, struct dst_ops *ops)
{
	dst_init(dst, ops, NULL, DST_OBSOLETE_NONE, DST_NOCOUNT);
}
