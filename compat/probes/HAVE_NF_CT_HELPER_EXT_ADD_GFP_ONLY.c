// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_helper_ext_add(ct, gfp), without the unused helper argument. */
#include <net/netfilter/nf_conntrack_helper.h>

static struct nf_conn_help *probe(struct nf_conn *ct)
{
	return nf_ct_helper_ext_add(ct, GFP_KERNEL);
}
