// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_tmpl_alloc()/nf_ct_tmpl_free(): conntrack templates (4.3+). */
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_zones.h>

static void probe(struct net *net, const struct nf_conntrack_zone *zone)
{
	nf_ct_tmpl_free(nf_ct_tmpl_alloc(net, zone, GFP_KERNEL));
}
