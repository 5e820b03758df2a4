// SPDX-License-Identifier: GPL-2.0-only
/* nf_conncount_count_skb(): count by key, taking the tuple from the skb. */
#include <net/netfilter/nf_conntrack_count.h>

static unsigned int probe(struct net *net, const struct sk_buff *skb,
			  struct nf_conncount_data *data, const u32 *key)
{
	return nf_conncount_count_skb(net, skb, NFPROTO_IPV4, data, key);
}
