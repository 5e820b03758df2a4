// SPDX-License-Identifier: GPL-2.0-only
/*
 * Our implementations of the conntrack helpers that kernels before 6.2 do
 * not export (net/netfilter/nf_conntrack_ovs.c upstream).  Each block is
 * built only when compat/probe.sh found the kernel's own version missing,
 * and its symbol carries an ovs_compat_ prefix (see nf_conntrack_ovs.h), so
 * on a new enough kernel this file compiles to nothing.
 */

#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ipv6_frag.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netfilter/nf_conntrack_seqadj.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

#include "nf_conntrack_ovs.h"

#ifndef HAVE_NF_CT_HANDLE_FRAGMENTS
#if IS_ENABLED(CONFIG_NF_DEFRAG_IPV6)
/*
 * Queue an IPv6 fragment with conntrack's defragmenter under @user.
 * Returns 0 with @skb now the whole datagram, -EINPROGRESS when @skb was
 * queued, or another negative errno with @skb freed.
 */
static int ovs_compat_frag6_gather(struct net *net, struct sk_buff *skb,
				   u32 user)
{
#if defined(HAVE_NF_CT_FRAG6_GATHER_ERRNO)
	/* Queues @skb itself; keeps it on errors other than -EINPROGRESS. */
	int err = nf_ct_frag6_gather(net, skb, user);

	if (err && err != -EINPROGRESS)
		kfree_skb(skb);
	return err;
#elif defined(HAVE_NF_CT_FRAG6_GATHER_NET)
	/*
	 * Before 4.5 the defragmenter queues a clone and keeps @skb itself
	 * on a list of originals; once complete it returns a new head with
	 * the originals chained to it.  Returning @skb means it was not
	 * queued (no fragment header, too short, no memory).
	 */
	struct sk_buff *whole = nf_ct_frag6_gather(net, skb, user);

	if (!whole)
		return -EINPROGRESS;
	if (whole == skb) {
		kfree_skb(skb);
		return -EINVAL;
	}
	/*
	 * @skb is one of the originals that are now released: keep it, and
	 * turn it into the reassembled datagram so that the caller's skb
	 * carries on.
	 */
	skb_get(skb);
	nf_ct_frag6_consume_orig(whole);
	skb_morph(skb, whole);
	consume_skb(whole);
	return 0;
#else
	/*
	 * Older kernels do not export their IPv6 conntrack defragmenter (it
	 * took no namespace then): IPv6 fragments cannot be tracked.
	 */
	kfree_skb(skb);
	return -EPFNOSUPPORT;
#endif
}
#endif

/**
 * nf_ct_handle_fragments - gather an IP fragment into a whole datagram.
 * @net: namespace whose fragment queues are used.
 * @skb: the fragment, skb->data at its network header.  skb->cb is
 *	overwritten (IPCB/IP6CB): callers keeping state there must save it.
 * @zone: conntrack zone; fragments of different zones never mix.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6.
 * @proto: for IPv6, set to the reassembled packet's first next-header.
 * @mru: set to the largest fragment size seen (IPCB/IP6CB frag_max_size).
 *
 * IPv4 uses ip_defrag() with user %IP_DEFRAG_CONNTRACK_IN + @zone, IPv6
 * nf_ct_frag6_gather() with %IP6_DEFRAG_CONNTRACK_IN + @zone, exactly the
 * queues conntrack's own defragmentation uses.  On success @skb is the
 * whole datagram, its hash cleared and ignore_df set so that output may
 * refragment it.  Same contract as the kernel's 6.2+ function.
 *
 * Context: softirq or any context; BH are disabled around ip_defrag().
 * Return: 0 with @skb reassembled; -EINPROGRESS when @skb was queued to wait
 * for more fragments; any other negative errno when @skb has been freed.
 * In every non-zero case the caller no longer owns @skb.
 */
int nf_ct_handle_fragments(struct net *net, struct sk_buff *skb, u16 zone,
			   u8 family, u8 *proto, u16 *mru)
{
	int err;

	switch (family) {
	case NFPROTO_IPV4:
		memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
		local_bh_disable();
		/* Consumes the skb on every non-zero return. */
#ifdef HAVE_IP_DEFRAG_NET
		err = ip_defrag(net, skb, IP_DEFRAG_CONNTRACK_IN + zone);
#else
		/* One set of queues for all namespaces before 4.3. */
		err = ip_defrag(skb, IP_DEFRAG_CONNTRACK_IN + zone);
#endif
		local_bh_enable();
		if (err)
			return err;
		*mru = IPCB(skb)->frag_max_size;
		break;
#if IS_ENABLED(CONFIG_NF_DEFRAG_IPV6)
	case NFPROTO_IPV6:
		memset(IP6CB(skb), 0, sizeof(struct inet6_skb_parm));
		err = ovs_compat_frag6_gather(net, skb,
					      IP6_DEFRAG_CONNTRACK_IN + zone);
		if (err)
			return err;
		*proto = ipv6_hdr(skb)->nexthdr;
		*mru = IP6CB(skb)->frag_max_size;
		break;
#endif
	default:
		kfree_skb(skb);
		return -EPFNOSUPPORT;
	}

	skb_clear_hash(skb);
	skb->ignore_df = 1;
	return 0;
}
#endif /* !HAVE_NF_CT_HANDLE_FRAGMENTS */

#ifndef HAVE_NF_CT_HELPER_FN
/**
 * nf_ct_helper - run a connection's helper, then sequence adjustment.
 * @skb: the packet, skb->data at its (validated) network header.
 * @ct: its conntrack entry.
 * @ctinfo: the packet's state within @ct.
 * @proto: %NFPROTO_IPV4 or %NFPROTO_IPV6, the packet's family.
 *
 * Does for callers outside the netfilter hooks what nf_confirm() does at
 * the end of the hook chain: call the helper attached to @ct (if any, and
 * if it serves @proto) on the transport payload, and then, when a helper
 * (e.g. FTP under NAT) changed the payload length, fix up TCP sequence
 * numbers.  Replies of related connections are not helped, as in-kernel.
 *
 * Context: rcu_read_lock held.
 * Return: a netfilter verdict: %NF_ACCEPT, or what the helper returned
 * (%NF_DROP etc.); %NF_DROP when sequence adjustment fails.
 */
int nf_ct_helper(struct sk_buff *skb, struct nf_conn *ct,
		 enum ip_conntrack_info ctinfo, u16 proto)
{
	const struct nf_conntrack_helper *helper;
	const struct nf_conn_help *help;
	unsigned int protoff;
	int verdict;

	if (ctinfo == IP_CT_RELATED_REPLY)
		return NF_ACCEPT;

	help = nfct_help(ct);
	if (!help)
		return NF_ACCEPT;
	helper = rcu_dereference(help->helper);
	if (!helper)
		return NF_ACCEPT;
	if (helper->tuple.src.l3num != NFPROTO_UNSPEC &&
	    helper->tuple.src.l3num != proto)
		return NF_ACCEPT;

	switch (proto) {
	case NFPROTO_IPV4:
		protoff = skb_network_offset(skb) + ip_hdrlen(skb);
		break;
	case NFPROTO_IPV6: {
		u8 nexthdr = ipv6_hdr(skb)->nexthdr;
		__be16 frag_off;
		int ofs;

		ofs = ipv6_skip_exthdr(skb, skb_network_offset(skb) +
				       sizeof(struct ipv6hdr),
				       &nexthdr, &frag_off);
		/* No transport header, or a non-first fragment: nothing. */
		if (ofs < 0 || (frag_off & htons(~0x7)))
			return NF_ACCEPT;
		protoff = ofs;
		break;
	}
	default:
		WARN_ONCE(1, "conntrack helper on family %u\n", proto);
		return NF_DROP;
	}

	verdict = helper->help(skb, protoff, ct, ctinfo);
	if (verdict != NF_ACCEPT)
		return verdict;

	if (test_bit(IPS_SEQ_ADJUST_BIT, &ct->status) &&
	    !nf_ct_seq_adjust(skb, ct, ctinfo, protoff))
		return NF_DROP;
	return NF_ACCEPT;
}
#endif /* !HAVE_NF_CT_HELPER_FN */

#ifndef HAVE_NF_CT_ADD_HELPER
/**
 * nf_ct_add_helper - attach a conntrack helper, found by name, to a conntrack.
 * @ct: normally a template (nf_ct_tmpl_alloc()) that new connections copy
 *	their helper from; must not be confirmed.
 * @name: helper name, e.g. "ftp"; the helper's module is loaded on demand.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6.
 * @proto: transport protocol the helper serves (IPPROTO_TCP, ...).
 * @nat: also take a reference on the matching NAT helper ("nf_nat_@name").
 * @hp: set to the helper on success.
 *
 * On success the caller holds a reference on the helper (and its module),
 * released with nf_conntrack_helper_put(), plus nf_nat_helper_put() when
 * @nat was true.
 *
 * Context: process context, may sleep (module loading, GFP_KERNEL).
 * Return: 0; -EINVAL if no such helper; -ENOMEM; or the NAT helper error.
 */
int nf_ct_add_helper(struct nf_conn *ct, const char *name, u8 family,
		     u8 proto, bool nat, struct nf_conntrack_helper **hp)
{
	struct nf_conntrack_helper *helper;
	struct nf_conn_help *help;

	helper = nf_conntrack_helper_try_module_get(name, family, proto);
	if (!helper)
		return -EINVAL;

#ifdef HAVE_NF_CT_HELPER_EXT_ADD_GFP_ONLY
	help = nf_ct_helper_ext_add(ct, GFP_KERNEL);
#else
	help = nf_ct_helper_ext_add(ct, helper, GFP_KERNEL);
#endif
	if (!help) {
		nf_conntrack_helper_put(helper);
		return -ENOMEM;
	}

	if (nat) {
#if IS_ENABLED(CONFIG_NF_NAT)
		/* compat/nf_conntrack_ovs.h supplies it before 5.2. */
		int err = nf_nat_helper_try_module_get(name, family, proto);

		if (err) {
			nf_conntrack_helper_put(helper);
			return err;
		}
#else
		nf_conntrack_helper_put(helper);
		return -EOPNOTSUPP;
#endif
	}

	rcu_assign_pointer(help->helper, helper);
	*hp = helper;
	return 0;
}
#endif /* !HAVE_NF_CT_ADD_HELPER */

#ifndef HAVE_NF_CT_SKB_NETWORK_TRIM
/**
 * nf_ct_skb_network_trim - drop lower-layer padding after the IP datagram.
 * @skb: the packet, skb->data at its network header; the caller has made
 *	sure the fixed IPv4 or IPv6 header is in the linear area.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6; other values trim nothing.
 *
 * Trims @skb to the length its IP header states (keeping CHECKSUM_COMPLETE
 * consistent) so that checksum validation in conntrack does not see e.g.
 * Ethernet minimum-size padding.  A zero length field (IPv6 jumbogram or a
 * GSO super-packet) leaves @skb alone.  The skb is never freed.
 *
 * Return: 0, or -ENOMEM if the skb could not be trimmed.
 */
int nf_ct_skb_network_trim(struct sk_buff *skb, int family)
{
	unsigned int len;

	switch (family) {
	case NFPROTO_IPV4:
		len = ntohs(ip_hdr(skb)->tot_len);
		break;
	case NFPROTO_IPV6:
		len = ntohs(ipv6_hdr(skb)->payload_len);
		if (len)
			len += sizeof(struct ipv6hdr);
		break;
	default:
		len = 0;
		break;
	}
	if (!len)
		return 0;

	return pskb_trim_rcsum(skb, skb_network_offset(skb) + len);
}
#endif /* !HAVE_NF_CT_SKB_NETWORK_TRIM */
