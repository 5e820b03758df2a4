// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_nat_ext_add() (3.16+, with NAT). */
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_nat.h>

static struct nf_conn_nat *probe(struct nf_conn *ct)
{
	return nf_ct_nat_ext_add(ct);
}
