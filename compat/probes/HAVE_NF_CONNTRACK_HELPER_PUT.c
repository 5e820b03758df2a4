// SPDX-License-Identifier: GPL-2.0-only
/* nf_conntrack_helper_put(): drop a helper reference (4.12+). */
#include <net/netfilter/nf_conntrack_helper.h>

static void probe(struct nf_conntrack_helper *h)
{
	nf_conntrack_helper_put(h);
}
