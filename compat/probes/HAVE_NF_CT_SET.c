// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_set(): attach a conntrack and its ctinfo to an skb. */
#include <net/netfilter/nf_conntrack.h>

static void probe(struct sk_buff *skb, struct nf_conn *ct)
{
	nf_ct_set(skb, ct, IP_CT_NEW);
}
