// SPDX-License-Identifier: GPL-2.0-only
/* nla_nest_start_noflag(): a nest without NLA_F_NESTED (5.2+). */
#include <net/netlink.h>

static struct nlattr *probe(struct sk_buff *skb)
{
	return nla_nest_start_noflag(skb, 1);
}
