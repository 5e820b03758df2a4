// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_invert_tuple(inverse, orig) finds the protocol itself (4.19+). */
#include <net/netfilter/nf_conntrack_core.h>

static bool probe(struct nf_conntrack_tuple *inv,
		  const struct nf_conntrack_tuple *orig)
{
	return nf_ct_invert_tuple(inv, orig);
}
