// SPDX-License-Identifier: GPL-2.0-only
/* struct nf_nat_range2, the NAT range with base_proto (4.18+). */
#include <linux/netfilter/nf_nat.h>

static unsigned int probe(const struct nf_nat_range2 *r)
{
	return r->flags + r->base_proto.all;
}
