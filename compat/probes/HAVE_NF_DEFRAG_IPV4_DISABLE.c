// SPDX-License-Identifier: GPL-2.0-only
/* nf_defrag_ipv4_disable(): per-netns defrag hooks are refcounted. */
#include <net/netfilter/ipv4/nf_defrag_ipv4.h>

static void probe(struct net *net)
{
	nf_defrag_ipv4_disable(net);
}
