// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_ct_set_tcp_be_liberal() and nf_conntrack_tcp_established(), added
 * together for OVS and act_ct.
 */
#include <net/netfilter/nf_conntrack_l4proto.h>

static bool probe(struct nf_conn *ct)
{
	nf_ct_set_tcp_be_liberal(ct);
	return nf_conntrack_tcp_established(ct);
}
