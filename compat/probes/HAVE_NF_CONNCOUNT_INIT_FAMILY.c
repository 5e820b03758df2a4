// SPDX-License-Identifier: GPL-2.0-only
/* nf_conncount_init() and _destroy() still take an address family. */
#include <net/netfilter/nf_conntrack_count.h>

static struct nf_conncount_data *probe(struct net *net)
{
	struct nf_conncount_data *data;

	data = nf_conncount_init(net, NFPROTO_INET, sizeof(u32));
	nf_conncount_destroy(net, NFPROTO_INET, data);
	return data;
}
