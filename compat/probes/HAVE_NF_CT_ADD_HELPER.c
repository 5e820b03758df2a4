// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_add_helper(): attach a helper to an unconfirmed conntrack (6.2+). */
#include <net/netfilter/nf_conntrack_helper.h>

static int probe(struct nf_conn *ct, struct nf_conntrack_helper *h)
{
	return nf_ct_add_helper(ct, h);
}
