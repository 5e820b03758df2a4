// SPDX-License-Identifier: GPL-2.0-only
/* ipv6_stub->ipv6_fragment(): ip6_fragment() without linking to ipv6.ko. */
#include <net/ipv6_stubs.h>

static int probe(struct net *net, struct sk_buff *skb,
		 int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	return ipv6_stub->ipv6_fragment(net, NULL, skb, output);
}
