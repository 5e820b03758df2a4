// SPDX-License-Identifier: GPL-2.0-only
/* ip_do_fragment() whose callback takes the socket (RHEL 7). */
#include <net/ip.h>

static int out(struct sock *sk, struct sk_buff *skb)
{
	return 0;
}

static int probe(struct sk_buff *skb)
{
	return ip_do_fragment(skb->sk, skb, out);
}
