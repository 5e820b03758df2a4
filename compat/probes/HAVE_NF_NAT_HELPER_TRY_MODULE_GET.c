// SPDX-License-Identifier: GPL-2.0-only
/* nf_nat_helper_try_module_get()/_put(): NAT helpers by name (5.2+). */
#include <net/netfilter/nf_conntrack_helper.h>

static int probe(struct nf_conntrack_helper *h)
{
	int err = nf_nat_helper_try_module_get("ftp", NFPROTO_IPV4,
					       IPPROTO_TCP);

	nf_nat_helper_put(h);
	return err;
}
