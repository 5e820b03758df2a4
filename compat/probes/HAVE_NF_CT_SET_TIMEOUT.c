// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_set_timeout(): attach a cttimeout policy, by name, to a template. */
#include <net/netfilter/nf_conntrack_timeout.h>

static int probe(struct net *net, struct nf_conn *tmpl)
{
	int err = nf_ct_set_timeout(net, tmpl, NFPROTO_IPV4, IPPROTO_TCP, "x");

	nf_ct_destroy_timeout(tmpl);
	return err;
}
