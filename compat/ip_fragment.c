// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IP fragmenters with the output callback of current kernels,
 * int (*)(struct net *, struct sock *, struct sk_buff *), for kernels whose
 * fragmenters call back with (struct sock *, struct sk_buff *) (4.1-4.3
 * and RHEL 7) or with the skb alone (before 4.1).  The callback and the
 * namespace are kept per CPU for the duration of the call: fragmenting
 * runs with bottom halves disabled and calls back synchronously.
 */

#include <linux/netfilter_ipv6.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <net/ip.h>

/* The kernel's own fragmenter, not compat.h's name for ours. */
#undef ip_do_fragment

#if !defined(HAVE_IP_DO_FRAGMENT_NET) || \
	(!defined(HAVE_IPV6_STUB_IPV6_FRAGMENT) && \
	 !defined(HAVE_NF_IPV6_OPS_FRAGMENT_NET) && \
	 defined(HAVE_NF_IPV6_OPS_FRAGMENT_SK))

/* The caller's callback and namespace while one of ours is running. */
struct ovs_compat_frag_output {
	ovs_frag_output_fn output;
	struct net *net;
};

static DEFINE_PER_CPU(struct ovs_compat_frag_output, ovs_compat_frag_out);

static int ovs_compat_frag_call(struct sock *sk, struct sk_buff *skb)
{
	const struct ovs_compat_frag_output *out =
		this_cpu_ptr(&ovs_compat_frag_out);

	return out->output(out->net, sk, skb);
}

/* For fragmenters that call back with the socket and the skb. */
static int __maybe_unused ovs_compat_frag_output_sk(struct sock *sk,
						    struct sk_buff *skb)
{
	return ovs_compat_frag_call(sk, skb);
}

/* For fragmenters that call back with the skb alone. */
static int __maybe_unused ovs_compat_frag_output_skb(struct sk_buff *skb)
{
	return ovs_compat_frag_call(skb->sk, skb);
}

/*
 * Run @frag with our callback standing in for @output, restoring any
 * outer call's state afterwards.
 */
static int ovs_compat_frag_run(struct net *net, struct sock *sk,
			       struct sk_buff *skb, ovs_frag_output_fn output,
			       int (*frag)(struct sock *sk, struct sk_buff *skb))
{
	struct ovs_compat_frag_output *out = this_cpu_ptr(&ovs_compat_frag_out);
	struct ovs_compat_frag_output saved = *out;
	int err;

	out->output = output;
	out->net = net;
	err = frag(sk, skb);
	*out = saved;
	return err;
}
#endif

#ifndef HAVE_IP_DO_FRAGMENT_NET
static int ovs_compat_ip_frag(struct sock *sk, struct sk_buff *skb)
{
#ifdef HAVE_IP_DO_FRAGMENT_SK
	return ip_do_fragment(sk, skb, ovs_compat_frag_output_sk);
#else
	return ip_fragment(skb, ovs_compat_frag_output_skb);
#endif
}

/**
 * ovs_compat_ip_do_fragment - fragment an IPv4 packet (ip_do_fragment()).
 * @net: namespace of the packet, passed on to @output.
 * @sk: socket the packet belongs to, or NULL.
 * @skb: the packet, skb->data at its IPv4 header, with a dst giving the
 *	MTU; consumed.
 * @output: called for each fragment, which it consumes.
 *
 * Context: bottom halves disabled.
 * Return: 0 or a negative errno from fragmenting or @output.
 */
int ovs_compat_ip_do_fragment(struct net *net, struct sock *sk,
			      struct sk_buff *skb, ovs_frag_output_fn output)
{
	return ovs_compat_frag_run(net, sk, skb, output, ovs_compat_ip_frag);
}
#endif

#if !defined(HAVE_IPV6_STUB_IPV6_FRAGMENT) && \
	!defined(HAVE_NF_IPV6_OPS_FRAGMENT_NET) && \
	defined(HAVE_NF_IPV6_OPS_FRAGMENT_SK)
static int ovs_compat_ip6_frag(struct sock *sk, struct sk_buff *skb)
{
	const struct nf_ipv6_ops *v6ops = nf_get_ipv6_ops();

	if (!v6ops) {
		kfree_skb(skb);
		return -EAFNOSUPPORT;
	}
	return v6ops->fragment(sk, skb, ovs_compat_frag_output_sk);
}

/**
 * ovs_compat_ipv6_fragment_sk - fragment an IPv6 packet with netfilter's
 * IPv6 fragmenter, whose callback takes no namespace.
 * @net: namespace of the packet, passed on to @output.
 * @sk: socket the packet belongs to, or NULL.
 * @skb: the packet, skb->data at its IPv6 header; consumed.
 * @output: called for each fragment, which it consumes.
 *
 * Context: bottom halves disabled, rcu_read_lock held.
 * Return: 0 or a negative errno; -EAFNOSUPPORT when IPv6 is not loaded.
 */
int ovs_compat_ipv6_fragment_sk(struct net *net, struct sock *sk,
				struct sk_buff *skb, ovs_frag_output_fn output)
{
	return ovs_compat_frag_run(net, sk, skb, output, ovs_compat_ip6_frag);
}
#endif
