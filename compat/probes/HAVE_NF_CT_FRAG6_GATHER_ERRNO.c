// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_ct_frag6_gather() queues the skb itself and returns an errno (4.5+);
 * before, it returned a reassembled copy and held the originals.
 */
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

static int probe(struct net *net, struct sk_buff *skb)
{
	return nf_ct_frag6_gather(net, skb, 0);
}
