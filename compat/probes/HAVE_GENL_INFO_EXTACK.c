// SPDX-License-Identifier: GPL-2.0-only
/* genl_info.extack: a request's extended ack (4.12+). */
#include <net/genetlink.h>

static struct netlink_ext_ack *probe(struct genl_info *info)
{
	return info->extack;
}
