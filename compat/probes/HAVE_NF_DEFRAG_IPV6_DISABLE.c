// SPDX-License-Identifier: GPL-2.0-only
/* nf_defrag_ipv6_disable(): per-netns defrag hooks are refcounted. */
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

static void probe(struct net *net)
{
	nf_defrag_ipv6_disable(net);
}
