// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_get_tuplepr() with a namespace argument (4.3+). */
#include <net/netfilter/nf_conntrack.h>

static bool probe(const struct sk_buff *skb, struct net *net,
		  struct nf_conntrack_tuple *tuple)
{
	return nf_ct_get_tuplepr(skb, 0, NFPROTO_IPV4, net, tuple);
}
