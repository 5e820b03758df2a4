// SPDX-License-Identifier: GPL-2.0-only
/* Zones with directions, struct nf_conntrack_zone passed by pointer (4.3+). */
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_zones.h>

static u16 probe(struct nf_conntrack_zone *zone, const struct nf_conn *ct)
{
	nf_ct_zone_init(zone, 1, NF_CT_DEFAULT_ZONE_DIR, 0);
	return nf_ct_zone(ct)->id;
}
