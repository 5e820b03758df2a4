// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_delete() (3.12+). */
#include <net/netfilter/nf_conntrack.h>

static bool probe(struct nf_conn *ct)
{
	return nf_ct_delete(ct, 0, 0);
}
