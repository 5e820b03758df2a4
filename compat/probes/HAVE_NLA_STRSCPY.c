// SPDX-License-Identifier: GPL-2.0-only
/* nla_strscpy() (5.11+; nla_strlcpy() before). */
#include <net/netlink.h>

static ssize_t probe(char *dst, const struct nlattr *a)
{
	return nla_strscpy(dst, a, 16);
}
