// SPDX-License-Identifier: GPL-2.0-only
/*
 * nla_parse_nested_deprecated() and nlmsg_parse_deprecated(): liberal
 * parsing under its new name, once strict parsing became the default (5.2+).
 */
#include <net/netlink.h>

static int probe(struct nlattr **tb, const struct nlattr *nla,
		 const struct nlmsghdr *nlh)
{
	return nla_parse_nested_deprecated(tb, 1, nla, NULL, NULL) +
	       nlmsg_parse_deprecated(nlh, 0, tb, 1, NULL, NULL);
}
