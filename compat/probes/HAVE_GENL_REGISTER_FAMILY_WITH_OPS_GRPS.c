// SPDX-License-Identifier: GPL-2.0-only
/*
 * _genl_register_family_with_ops_grps(): ops and groups are handed over at
 * registration, not declared in the family (3.13 to 4.9).
 */
#include <net/genetlink.h>

static int probe(struct genl_family *f, const struct genl_ops *ops,
		 const struct genl_multicast_group *grps)
{
	return _genl_register_family_with_ops_grps(f, ops, 1, grps, 1);
}
