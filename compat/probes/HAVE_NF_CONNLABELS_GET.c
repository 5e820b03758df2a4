// SPDX-License-Identifier: GPL-2.0-only
/* nf_connlabels_get()/put(): reserve conntrack label bits (4.3+). */
#include <net/netfilter/nf_conntrack_labels.h>

static int probe(struct net *net)
{
	nf_connlabels_put(net);
	return nf_connlabels_get(net, 127);
}
