// SPDX-License-Identifier: GPL-2.0-only
/* nf_ct_handle_fragments(), shared by OVS and act_ct since 6.2. */
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_zones.h>

static int probe(struct net *net, struct sk_buff *skb, u16 zone)
{
	u16 mru;
	u8 proto;

	return nf_ct_handle_fragments(net, skb, zone, NFPROTO_IPV4, &proto, &mru);
}
