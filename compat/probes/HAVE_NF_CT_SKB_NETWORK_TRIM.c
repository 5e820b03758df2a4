// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_skb_network_trim() (6.2+). */
#include <net/netfilter/nf_conntrack.h>

static int probe(struct sk_buff *skb)
{
	return nf_ct_skb_network_trim(skb, NFPROTO_IPV4);
}
