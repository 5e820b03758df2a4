// SPDX-License-Identifier: GPL-2.0-only
/* nf_ipv6_ops.fragment with a socket-taking callback (RHEL 7). */
#include <linux/netfilter_ipv6.h>

static int out(struct sock *sk, struct sk_buff *skb)
{
	return 0;
}

static int probe(const struct nf_ipv6_ops *v6ops, struct sk_buff *skb)
{
	return v6ops->fragment(skb->sk, skb, out);
}
