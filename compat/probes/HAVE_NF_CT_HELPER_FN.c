// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_helper(): run a conntrack's helper and seqadj (6.2+). */
#include <net/netfilter/nf_conntrack_helper.h>

static int probe(struct sk_buff *skb, struct nf_conn *ct,
		 enum ip_conntrack_info ctinfo)
{
	return nf_ct_helper(skb, ct, ctinfo, NFPROTO_IPV4);
}
