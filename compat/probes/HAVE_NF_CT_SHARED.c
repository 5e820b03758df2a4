// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_shared(): is a conntrack referenced by more than one holder? */
#include <net/netfilter/nf_conntrack.h>

static bool probe(const struct nf_conn *ct)
{
	return nf_ct_shared(ct);
}
