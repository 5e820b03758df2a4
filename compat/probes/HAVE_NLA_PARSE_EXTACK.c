// SPDX-License-Identifier: GPL-2.0-only
/* Netlink parsing reports errors through a struct netlink_ext_ack (4.12+). */
#include <net/netlink.h>

static int probe(struct nlattr **tb, const struct nlattr *nla,
		 struct netlink_ext_ack *extack)
{
	return nla_parse_nested(tb, 1, nla, NULL, extack);
}
