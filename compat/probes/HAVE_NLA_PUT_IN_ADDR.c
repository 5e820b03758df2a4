// SPDX-License-Identifier: GPL-2.0-only
/* nla_put_in_addr() and friends (4.1+). */
#include <net/netlink.h>

static int probe(struct sk_buff *skb, const struct nlattr *nla)
{
	struct in6_addr a6 = nla_get_in6_addr(nla);

	return nla_put_in_addr(skb, 1, nla_get_in_addr(nla)) ?:
	       nla_put_in6_addr(skb, 2, &a6);
}
