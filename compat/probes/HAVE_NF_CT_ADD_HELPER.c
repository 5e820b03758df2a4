// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_ct_add_helper(): look a helper up by name and attach it to a
 * (template) conntrack, optionally with its NAT helper (6.2+).
 */
#include <net/netfilter/nf_conntrack_helper.h>

static int probe(struct nf_conn *tmpl, struct nf_conntrack_helper **hp)
{
	return nf_ct_add_helper(tmpl, "ftp", NFPROTO_IPV4, IPPROTO_TCP,
				false, hp);
}
