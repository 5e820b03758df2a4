// SPDX-License-Identifier: GPL-2.0-only
/* nf_conncount_count(): count by key, the caller passing tuple and zone. */
#include <net/netfilter/nf_conntrack_count.h>

static unsigned int probe(struct net *net, struct nf_conncount_data *data,
			  const u32 *key,
			  const struct nf_conntrack_tuple *tuple,
			  const struct nf_conntrack_zone *zone)
{
	return nf_conncount_count(net, data, key, tuple, zone);
}
