// SPDX-License-Identifier: GPL-2.0-only
/* genl_register_mc_group(): groups registered one by one (before 3.13). */
#include <net/genetlink.h>

static int probe(struct genl_family *f, struct genl_multicast_group *grp)
{
	return genl_register_mc_group(f, grp);
}
