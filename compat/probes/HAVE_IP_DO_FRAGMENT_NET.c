// SPDX-License-Identifier: GPL-2.0-only
/* ip_do_fragment() whose callback takes the namespace (4.4+). */
#include <net/ip.h>

static int out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return 0;
}

static int probe(struct net *net, struct sk_buff *skb)
{
	return ip_do_fragment(net, skb->sk, skb, out);
}
