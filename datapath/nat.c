// SPDX-License-Identifier: GPL-2.0-only
/*
 * NAT for the ct() action, on the kernel's nf_nat.
 *
 * All address and port selection, tuple uniqueness, checksum updates and
 * ICMP error rewriting is nf_nat's.  This file only decides, per packet,
 * which manipulation (source or destination) to ask nf_nat for and whether
 * a new mapping has to be set up first, the way nf_nat's own hooks do and
 * with the behaviour userspace expects from the in-tree datapath:
 *
 *  - connections are translated once they have a mapping; a mapping is set
 *    up only for a connection being committed by a ct() with SRC or DST;
 *  - the mapping of a connection translates its packets in both
 *    directions, the reply direction getting the inverse manipulation;
 *  - a connection with only a destination mapping also gets a null source
 *    binding, so that nf_nat picks a fresh source port when its reply
 *    tuple would clash with another connection's;
 *  - ICMP and ICMPv6 errors related to a translated connection have the
 *    embedded header translated as well;
 *  - a packet is translated once per zone, however often it recirculates:
 *    the flow key's SRC_NAT/DST_NAT bits record that it has been.
 *
 * Kernels since 6.2 have the same per-packet logic as nf_ct_nat(); it is
 * done here on the primitives that every supported kernel exports
 * (nf_nat_setup_info(), nf_nat_alloc_null_binding(), nf_nat_packet() and
 * the ICMP translators), so that the flow key reports the same thing on
 * every kernel.
 */

#include <linux/errno.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/kernel.h>
#include <linux/netfilter.h>
#include <linux/openvswitch.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <net/ipv6.h>
#include <net/netlink.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netfilter/nf_conntrack_seqadj.h>
#if IS_ENABLED(CONFIG_NF_NAT)
#include <net/netfilter/nf_nat.h>
#endif

#include "datapath.h"
#include "flow.h"
#include "nat.h"

#if IS_ENABLED(CONFIG_NF_NAT)

/* ------------------------------------------------------------------ */
/* Installing and dumping                                             */
/* ------------------------------------------------------------------ */

/* Payload length of OVS_NAT_ATTR_@type in a @family flow; -1: unknown. */
static int ovs_nat_attr_len(int type, u16 family)
{
	switch (type) {
	case OVS_NAT_ATTR_SRC:
	case OVS_NAT_ATTR_DST:
	case OVS_NAT_ATTR_PERSISTENT:
	case OVS_NAT_ATTR_PROTO_HASH:
	case OVS_NAT_ATTR_PROTO_RANDOM:
		return 0;
	case OVS_NAT_ATTR_IP_MIN:
	case OVS_NAT_ATTR_IP_MAX:
		return family == NFPROTO_IPV6 ? sizeof(struct in6_addr) :
						sizeof(struct in_addr);
	case OVS_NAT_ATTR_PROTO_MIN:
	case OVS_NAT_ATTR_PROTO_MAX:
		return sizeof(u16);
	default:
		return -1;
	}
}

/* Compare two addresses of @family numerically: <0, 0 or >0. */
static int ovs_nat_addr_cmp(const union nf_inet_addr *a,
			    const union nf_inet_addr *b, u16 family)
{
	if (family == NFPROTO_IPV6)
		return ipv6_addr_cmp(&a->in6, &b->in6);
	if (ntohl(a->ip) == ntohl(b->ip))
		return 0;
	return ntohl(a->ip) < ntohl(b->ip) ? -1 : 1;
}

/**
 * ovs_nat_parse - validate an OVS_CT_ATTR_NAT nest into a prepared NAT.
 * @attr: the OVS_CT_ATTR_NAT attribute; its payload is OVS_NAT_ATTR_*:
 *	SRC or DST (flags), IP_MIN and IP_MAX (4 bytes for IPv4, 16 for IPv6,
 *	network order), PROTO_MIN and PROTO_MAX (u16, host order), and the
 *	PERSISTENT, PROTO_HASH and PROTO_RANDOM flags.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6, the flow's.
 * @commit: the ct() commits (checked here, whatever the attribute order).
 * @nat: the result; zeroed on failure.
 * @log: log validation errors.
 *
 * An empty nest is a bare "nat": translate connections that already have
 * a mapping.  With SRC or DST, a missing IP_MAX or PROTO_MAX means a range
 * of one; without IP_MIN/IP_MAX new connections get a null binding.
 * Validation as the in-tree datapath's, plus min <= max for addresses and
 * ports and PROTO_HASH excluding PROTO_RANDOM (both nonsensical ranges
 * that ovs-vswitchd never sends).
 *
 * Context: process context.
 * Return: 0; -ERANGE for SRC and DST together (or either twice); -EINVAL
 * otherwise (see nat.h).
 */
int ovs_nat_parse(const struct nlattr *attr, u16 family, bool commit,
		  struct ovs_nat_info *nat, bool log)
{
	struct nf_nat_range2 *range = &nat->range;
	bool have_ip_max = false, have_proto_max = false;
	const struct nlattr *a;
	u8 type = OVS_NAT_NONE;
	int rem;

	memset(nat, 0, sizeof(*nat));

	nla_for_each_nested(a, attr, rem) {
		int t = nla_type(a);
		int want = ovs_nat_attr_len(t, family);

		if (want < 0) {
			OVS_NLERR(log, "Unknown NAT attribute %d", t);
			goto invalid;
		}
		if (nla_len(a) != want) {
			OVS_NLERR(log, "NAT attribute %d has length %d, expected %d",
				  t, nla_len(a), want);
			goto invalid;
		}

		switch (t) {
		case OVS_NAT_ATTR_SRC:
		case OVS_NAT_ATTR_DST:
			if (type != OVS_NAT_NONE) {
				OVS_NLERR(log, "NAT may be SRC or DST, once");
				memset(nat, 0, sizeof(*nat));
				return -ERANGE;
			}
			type = t == OVS_NAT_ATTR_SRC ? OVS_NAT_SRC : OVS_NAT_DST;
			break;
		case OVS_NAT_ATTR_IP_MIN:
			memcpy(&range->min_addr, nla_data(a), want);
			range->flags |= NF_NAT_RANGE_MAP_IPS;
			break;
		case OVS_NAT_ATTR_IP_MAX:
			memcpy(&range->max_addr, nla_data(a), want);
			range->flags |= NF_NAT_RANGE_MAP_IPS;
			have_ip_max = true;
			break;
		case OVS_NAT_ATTR_PROTO_MIN:
			range->min_proto.all = htons(nla_get_u16(a));
			range->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
			break;
		case OVS_NAT_ATTR_PROTO_MAX:
			range->max_proto.all = htons(nla_get_u16(a));
			range->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
			have_proto_max = true;
			break;
		case OVS_NAT_ATTR_PERSISTENT:
			range->flags |= NF_NAT_RANGE_PERSISTENT;
			break;
		case OVS_NAT_ATTR_PROTO_HASH:
			/* nf_nat's "random" is a keyed hash of the tuple. */
			range->flags |= NF_NAT_RANGE_PROTO_RANDOM;
			break;
		case OVS_NAT_ATTR_PROTO_RANDOM:
			range->flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
			break;
		}
	}
	if (rem) {
		OVS_NLERR(log, "NAT attribute has %d trailing bytes", rem);
		goto invalid;
	}

	if (type == OVS_NAT_NONE) {
		if (range->flags) {
			OVS_NLERR(log, "NAT range and flags need SRC or DST");
			goto invalid;
		}
		nat->type = OVS_NAT_EXISTING;
		return 0;
	}
	if (!commit) {
		OVS_NLERR(log, "SRC or DST NAT needs commit");
		goto invalid;
	}

	if ((range->flags & NF_NAT_RANGE_MAP_IPS) && !have_ip_max)
		range->max_addr = range->min_addr;
	if ((range->flags & NF_NAT_RANGE_PROTO_SPECIFIED) && !have_proto_max)
		range->max_proto = range->min_proto;

	if ((range->flags & NF_NAT_RANGE_MAP_IPS) &&
	    ovs_nat_addr_cmp(&range->min_addr, &range->max_addr, family) > 0) {
		OVS_NLERR(log, "NAT address range has min above max");
		goto invalid;
	}
	if ((range->flags & NF_NAT_RANGE_PROTO_SPECIFIED) &&
	    ntohs(range->min_proto.all) > ntohs(range->max_proto.all)) {
		OVS_NLERR(log, "NAT port range has min above max");
		goto invalid;
	}
	if ((range->flags & NF_NAT_RANGE_PROTO_RANDOM) &&
	    (range->flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY)) {
		OVS_NLERR(log, "NAT PROTO_HASH and PROTO_RANDOM exclude each other");
		goto invalid;
	}

	nat->type = type;
	return 0;

invalid:
	memset(nat, 0, sizeof(*nat));
	return -EINVAL;
}

/* IP_MIN, and IP_MAX when the range has more than one address. */
static int ovs_nat_put_addrs(const struct nf_nat_range2 *range, u16 family,
			     struct sk_buff *skb)
{
	bool single = !ovs_nat_addr_cmp(&range->min_addr, &range->max_addr,
					family);

	if (family == NFPROTO_IPV6) {
		if (nla_put_in6_addr(skb, OVS_NAT_ATTR_IP_MIN,
				     &range->min_addr.in6))
			return -EMSGSIZE;
		if (!single && nla_put_in6_addr(skb, OVS_NAT_ATTR_IP_MAX,
						&range->max_addr.in6))
			return -EMSGSIZE;
	} else {
		if (nla_put_in_addr(skb, OVS_NAT_ATTR_IP_MIN,
				    range->min_addr.ip))
			return -EMSGSIZE;
		if (!single && nla_put_in_addr(skb, OVS_NAT_ATTR_IP_MAX,
					       range->max_addr.ip))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * ovs_nat_to_attr - serialize a prepared NAT as OVS_CT_ATTR_NAT.
 * @nat: the prepared NAT (inside a live action list).
 * @family: the ct() action's family, which gives the address length.
 * @skb: the netlink message.
 *
 * Writes nothing for an inactive @nat, an empty nest for a bare "nat", and
 * otherwise SRC or DST, IP_MIN (and IP_MAX when different), PROTO_MIN (and
 * PROTO_MAX when different), then the PERSISTENT, PROTO_HASH and
 * PROTO_RANDOM flags: what ovs_nat_parse() reads back to the same range,
 * and the form the in-tree datapath dumps.
 *
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0 or -EMSGSIZE (the partial nest is removed).
 */
int ovs_nat_to_attr(const struct ovs_nat_info *nat, u16 family,
		    struct sk_buff *skb)
{
	const struct nf_nat_range2 *range = &nat->range;
	struct nlattr *start;
	u32 flags = range->flags;

	if (!ovs_nat_active(nat))
		return 0;

	start = nla_nest_start_noflag(skb, OVS_CT_ATTR_NAT);
	if (!start)
		return -EMSGSIZE;

	if (nat->type == OVS_NAT_EXISTING)
		goto done;

	if (nla_put_flag(skb, nat->type == OVS_NAT_SRC ? OVS_NAT_ATTR_SRC :
							 OVS_NAT_ATTR_DST))
		goto cancel;
	if ((flags & NF_NAT_RANGE_MAP_IPS) &&
	    ovs_nat_put_addrs(range, family, skb))
		goto cancel;
	if (flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		if (nla_put_u16(skb, OVS_NAT_ATTR_PROTO_MIN,
				ntohs(range->min_proto.all)))
			goto cancel;
		if (range->max_proto.all != range->min_proto.all &&
		    nla_put_u16(skb, OVS_NAT_ATTR_PROTO_MAX,
				ntohs(range->max_proto.all)))
			goto cancel;
	}
	if ((flags & NF_NAT_RANGE_PERSISTENT) &&
	    nla_put_flag(skb, OVS_NAT_ATTR_PERSISTENT))
		goto cancel;
	if ((flags & NF_NAT_RANGE_PROTO_RANDOM) &&
	    nla_put_flag(skb, OVS_NAT_ATTR_PROTO_HASH))
		goto cancel;
	if ((flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY) &&
	    nla_put_flag(skb, OVS_NAT_ATTR_PROTO_RANDOM))
		goto cancel;
done:
	nla_nest_end(skb, start);
	return 0;

cancel:
	nla_nest_cancel(skb, start);
	return -EMSGSIZE;
}

/* ------------------------------------------------------------------ */
/* Translating packets                                                */
/* ------------------------------------------------------------------ */

/*
 * nf_nat infers the manipulation from the hook it is called for
 * (HOOK2MANIP): source translation happens on input, destination
 * translation on output.
 */
static unsigned int ovs_nat_hooknum(enum nf_nat_manip_type mtype)
{
	return mtype == NF_NAT_MANIP_SRC ? NF_INET_LOCAL_IN : NF_INET_LOCAL_OUT;
}

/*
 * If @skb is an ICMP (ICMPv6) packet related to @ct -- an error about one
 * of its packets -- rewrite the outer and the embedded header for @mtype.
 * Return: false if it is not one (nothing done); true if it is, with
 * *@verdict set to nf_nat's answer.
 */
static bool ovs_nat_icmp_error(struct sk_buff *skb, struct nf_conn *ct,
			       enum ip_conntrack_info ctinfo, u16 family,
			       enum nf_nat_manip_type mtype,
			       unsigned int *verdict)
{
	unsigned int hooknum = ovs_nat_hooknum(mtype);
	int ok;

	if (family == NFPROTO_IPV4) {
		if (ip_hdr(skb)->protocol != IPPROTO_ICMP)
			return false;
		ok = nf_nat_icmp_reply_translation(skb, ct, ctinfo, hooknum);
	} else {
#if IS_ENABLED(CONFIG_IPV6)
		u8 nexthdr = ipv6_hdr(skb)->nexthdr;
		__be16 frag_off;
		int ofs;

		ofs = ipv6_skip_exthdr(skb, sizeof(struct ipv6hdr), &nexthdr,
				       &frag_off);
		if (ofs < 0 || nexthdr != IPPROTO_ICMPV6)
			return false;
		ok = nf_nat_icmpv6_reply_translation(skb, ct, ctinfo, hooknum,
						     ofs);
#else
		return false;
#endif
	}

	*verdict = ok ? NF_ACCEPT : NF_DROP;
	return true;
}

/*
 * Apply one manipulation, @mtype, to @skb: set up the connection's mapping
 * for it first if the connection is new and has none (into @range when it
 * maps addresses, else a null binding), then let nf_nat rewrite the
 * packet.  *@done gets BIT(@mtype) when the packet went through.
 * Return: a netfilter verdict, %NF_ACCEPT or %NF_DROP.
 */
static unsigned int ovs_nat_manip(struct sk_buff *skb, struct nf_conn *ct,
				  enum ip_conntrack_info ctinfo, u16 family,
				  const struct nf_nat_range2 *range,
				  enum nf_nat_manip_type mtype,
				  unsigned int *done)
{
	unsigned int hooknum = ovs_nat_hooknum(mtype);
	unsigned int verdict;

	switch (ctinfo) {
	case IP_CT_RELATED:
	case IP_CT_RELATED_REPLY:
		if (ovs_nat_icmp_error(skb, ct, ctinfo, family, mtype,
				       &verdict))
			goto out;
		/* Any other related packet starts a connection of its own. */
		fallthrough;
	case IP_CT_NEW:
		if (nf_nat_initialized(ct, mtype))
			break;
		if (range && (range->flags & NF_NAT_RANGE_MAP_IPS))
			verdict = nf_nat_setup_info(ct, range, mtype);
		else
			verdict = nf_nat_alloc_null_binding(ct, hooknum);
		if (verdict != NF_ACCEPT)
			return verdict;
		break;
	case IP_CT_ESTABLISHED:
	case IP_CT_ESTABLISHED_REPLY:
		break;
	default:
		return NF_DROP;
	}

	verdict = nf_nat_packet(ct, ctinfo, hooknum, skb);
out:
	if (verdict == NF_ACCEPT)
		*done |= BIT(mtype);
	return verdict;
}

/*
 * Which manipulation the packet gets first, if any.  A connection that has
 * a mapping keeps it: its original-direction packets get the mapping's
 * manipulation, its replies the inverse one.  Packets of a new (or
 * expected, not yet committed) connection get what the action asks for.
 */
static bool ovs_nat_first_manip(const struct nf_conn *ct,
				enum ip_conntrack_info ctinfo,
				const struct ovs_nat_info *nat, bool commit,
				enum nf_nat_manip_type *mtype)
{
	if (ctinfo != IP_CT_NEW && (ct->status & IPS_NAT_MASK) &&
	    (ctinfo != IP_CT_RELATED || commit)) {
		bool snat = ct->status & IPS_SRC_NAT;
		bool reply = CTINFO2DIR(ctinfo) == IP_CT_DIR_REPLY;

		*mtype = snat != reply ? NF_NAT_MANIP_SRC : NF_NAT_MANIP_DST;
		return true;
	}

	switch (nat->type) {
	case OVS_NAT_SRC:
		*mtype = NF_NAT_MANIP_SRC;
		return true;
	case OVS_NAT_DST:
		*mtype = NF_NAT_MANIP_DST;
		return true;
	default:
		return false;
	}
}

/* The key's view of the packet after manipulation @mtype. */
static void ovs_nat_update_key(struct sw_flow_key *key,
			       const struct sk_buff *skb, u16 family,
			       enum nf_nat_manip_type mtype)
{
	bool src = mtype == NF_NAT_MANIP_SRC;
	__be16 ports[2], *p;

	key->ct_state |= src ? OVS_CS_F_SRC_NAT : OVS_CS_F_DST_NAT;

	if (family == NFPROTO_IPV4) {
		const struct iphdr *iph = ip_hdr(skb);

		if (src)
			key->ipv4.addr.src = iph->saddr;
		else
			key->ipv4.addr.dst = iph->daddr;
	} else {
		const struct ipv6hdr *ip6h = ipv6_hdr(skb);

		if (src)
			key->ipv6.addr.src = ip6h->saddr;
		else
			key->ipv6.addr.dst = ip6h->daddr;
	}

	/* Ports start all three transport headers; ICMP keeps type/code. */
	switch (key->ip.proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
		break;
	default:
		return;
	}
	p = skb_header_pointer(skb, skb_transport_offset(skb), sizeof(ports),
			       ports);
	if (!p)
		return;
	if (src)
		key->tp.src = p[0];
	else
		key->tp.dst = p[1];
}

/**
 * ovs_nat_execute - translate a packet after its conntrack lookup.
 * @skb: the packet, skb->data at its network header (nf_nat rewrites the
 *	headers relative to skb->data), transport header set by key
 *	extraction, carrying @ct.
 * @ct: the packet's conntrack entry.
 * @ctinfo: the packet's state in @ct.
 * @nat: the ct() action's NAT.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6.
 * @commit: the ct() commits.
 * @key: the packet's key; see nat.h.
 *
 * Nothing happens without NAT in the action, when @key already carries a
 * NAT bit (the packet was translated in this zone before recirculating),
 * or for a connection that is not confirmed and not being committed (new
 * connections are translated, and their mapping set up, only by the ct()
 * that commits them, before their helper runs).  Otherwise the packet gets
 * the manipulation of its connection's mapping, or the one the action
 * asks for; a connection with both mappings gets both, and an original-
 * direction packet of a destination-only mapping also gets the null source
 * binding.  The key then reflects each manipulation applied, as in the
 * in-tree datapath.
 *
 * Context: rcu_read_lock, BH disabled.  No allocation except nf_nat's own
 * for a new connection's extension.
 * Return: 0 or -EINVAL (drop).
 */
int ovs_nat_execute(struct sk_buff *skb, struct nf_conn *ct,
		    enum ip_conntrack_info ctinfo,
		    const struct ovs_nat_info *nat, u16 family, bool commit,
		    struct sw_flow_key *key)
{
	const struct nf_nat_range2 *range = &nat->range;
	enum nf_nat_manip_type mtype;
	unsigned int verdict;
	unsigned int done = 0;

	if (!ovs_nat_active(nat) || (key->ct_state & OVS_CS_F_NAT_MASK))
		return 0;
	if (!nf_ct_is_confirmed(ct) && !commit)
		return 0;

	/* Extensions can only be added before the entry is in the table. */
	if (!nf_ct_is_confirmed(ct) && !nf_ct_nat_ext_add(ct)) {
		verdict = NF_DROP;
		goto out;
	}

	if (!ovs_nat_first_manip(ct, ctinfo, nat, commit, &mtype))
		return 0;

	verdict = ovs_nat_manip(skb, ct, ctinfo, family, range, mtype, &done);
	if (verdict == NF_ACCEPT && (ct->status & IPS_DST_NAT)) {
		if (ct->status & IPS_SRC_NAT)
			verdict = ovs_nat_manip(skb, ct, ctinfo, family, range,
						mtype == NF_NAT_MANIP_SRC ?
						NF_NAT_MANIP_DST :
						NF_NAT_MANIP_SRC, &done);
		else if (CTINFO2DIR(ctinfo) == IP_CT_DIR_ORIGINAL)
			verdict = ovs_nat_manip(skb, ct, ctinfo, family, NULL,
						NF_NAT_MANIP_SRC, &done);
	}

	if (done & BIT(NF_NAT_MANIP_SRC))
		ovs_nat_update_key(key, skb, family, NF_NAT_MANIP_SRC);
	if (done & BIT(NF_NAT_MANIP_DST))
		ovs_nat_update_key(key, skb, family, NF_NAT_MANIP_DST);
out:
	if (verdict == NF_ACCEPT)
		return 0;
	NF_CT_STAT_INC_ATOMIC(nf_ct_net(ct), drop);
	return -EINVAL;
}

/**
 * ovs_nat_helper_attached - give a newly helped connection sequence
 * adjustment when NAT may apply.
 * @ct: an unconfirmed connection that just got a helper.
 * @nat: the committing ct() action's NAT.
 *
 * Context: rcu_read_lock, BH disabled.  Source: the in-tree datapath adds
 * the extension at the same point.
 * Return: 0 or -ENOMEM.
 */
int ovs_nat_helper_attached(struct nf_conn *ct,
			    const struct ovs_nat_info *nat)
{
	if (!ovs_nat_active(nat) || nfct_seqadj(ct))
		return 0;
	return nfct_seqadj_ext_add(ct) ? 0 : -ENOMEM;
}

#else /* !CONFIG_NF_NAT */

/*
 * Without nf_nat, ct() with NAT is refused at installation, so no prepared
 * action is ever active and the rest has nothing to do.
 */

/**
 * ovs_nat_parse - refuse OVS_CT_ATTR_NAT: this kernel has no nf_nat.
 * @attr: the attribute.
 * @family: the flow's family.
 * @commit: unused.
 * @nat: zeroed.
 * @log: log the refusal.
 * Return: -EINVAL.
 */
int ovs_nat_parse(const struct nlattr *attr, u16 family, bool commit,
		  struct ovs_nat_info *nat, bool log)
{
	memset(nat, 0, sizeof(*nat));
	OVS_NLERR(log, "Conntrack NAT is not supported by this kernel");
	return -EINVAL;
}

/**
 * ovs_nat_to_attr - nothing to serialize without nf_nat.
 * @nat: inactive.
 * @family: unused.
 * @skb: unused.
 * Return: 0.
 */
int ovs_nat_to_attr(const struct ovs_nat_info *nat, u16 family,
		    struct sk_buff *skb)
{
	return 0;
}

/**
 * ovs_nat_execute - nothing to translate without nf_nat.
 * @skb: unused.
 * @ct: unused.
 * @ctinfo: unused.
 * @nat: inactive.
 * @family: unused.
 * @commit: unused.
 * @key: unchanged.
 * Return: 0.
 */
int ovs_nat_execute(struct sk_buff *skb, struct nf_conn *ct,
		    enum ip_conntrack_info ctinfo,
		    const struct ovs_nat_info *nat, u16 family, bool commit,
		    struct sw_flow_key *key)
{
	return 0;
}

/**
 * ovs_nat_helper_attached - nothing to prepare without nf_nat.
 * @ct: unused.
 * @nat: inactive.
 * Return: 0.
 */
int ovs_nat_helper_attached(struct nf_conn *ct,
			    const struct ovs_nat_info *nat)
{
	return 0;
}

#endif /* CONFIG_NF_NAT */
