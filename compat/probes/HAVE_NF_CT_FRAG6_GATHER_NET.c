// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_ct_frag6_gather() with a namespace, returning the reassembled skb
 * (4.3/4.4; from 4.5 it returns an errno: HAVE_NF_CT_FRAG6_GATHER_ERRNO).
 */
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

static struct sk_buff *probe(struct net *net, struct sk_buff *skb)
{
	return nf_ct_frag6_gather(net, skb, 0);
}
