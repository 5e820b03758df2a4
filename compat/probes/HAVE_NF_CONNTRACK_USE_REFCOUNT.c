// SPDX-License-Identifier: GPL-2.0-only
/* struct nf_conntrack.use is a refcount_t (5.19+; atomic_t before). */
#include <linux/refcount.h>
#include <net/netfilter/nf_conntrack.h>

static unsigned int probe(const struct nf_conn *ct)
{
	return refcount_read(&ct->ct_general.use);
}
