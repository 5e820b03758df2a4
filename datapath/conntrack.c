// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ct() and ct_clear actions, on the kernel's netfilter conntrack.
 *
 * A ct() action is validated once, when its flow is installed, into a
 * struct ovs_conntrack_info stored inside the flow's action list: the zone,
 * whether to commit, the mark and labels to write, an optional helper and a
 * conntrack template.  The template carries the zone (and helper) into
 * nf_conntrack_in(), which is how netfilter itself assigns zones and
 * helpers (xt_CT does the same).  Executing ct() on a packet:
 *
 *  1. moves skb->data to the network header, trims link-layer padding and
 *     gathers IP fragments (the datagram goes on; a fragment that does not
 *     complete one is kept by the reassembly queue);
 *  2. reuses the conntrack entry the skb already carries when it was found
 *     in this zone by an earlier ct() in this pipeline (recirculation), or
 *     looks the packet up with nf_conntrack_in();
 *  3. for commit: writes mark, labels and event mask, runs the helper and
 *     confirms the entry into the table;
 *  4. copies the result into the flow key's ct fields for the next lookup.
 *
 * Behaviour (states reported, when a lookup is skipped, force_commit,
 * expectations, TCP liberal mode) follows the in-tree datapath's
 * net/openvswitch/conntrack.c, which is what OVS userspace is written
 * against.  NAT (OVS_CT_ATTR_NAT) is applied between steps 2 and 3 by
 * nat.c.  A timeout policy (OVS_CT_ATTR_TIMEOUT, a cttimeout policy by
 * name) rides on the template like the helper.  Zone limits: the
 * ovs_ct_limit generic netlink family at the end of this file keeps a limit
 * per zone; committing a new connection counts the zone's connections with
 * nf_conncount first.
 */

#include <linux/errno.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/kernel.h>
#include <linux/netfilter.h>
#include <linux/openvswitch.h>
#include <linux/skbuff.h>
#include <linux/static_key.h>
#include <linux/string.h>
#include <linux/xarray.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/netns/generic.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>
#include <net/netfilter/nf_conntrack_ecache.h>
#include <net/netfilter/nf_conntrack_expect.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netfilter/nf_conntrack_l4proto.h>
#include <net/netfilter/nf_conntrack_labels.h>
#include <net/netfilter/nf_conntrack_timeout.h>
#include <net/netfilter/nf_conntrack_zones.h>
#include <net/netfilter/ipv4/nf_defrag_ipv4.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

#include "nf_conntrack_ovs.h"

#include "actions.h"
#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "nat.h"

/* Our key stores exactly the 128 label bits that conntrack keeps. */
static_assert(NF_CT_LABELS_MAX_SIZE == OVS_CT_LABELS_LEN);

/* The ct_state bits that say a connection went through NAT. */
#define OVS_CT_NAT_STATE	(OVS_CS_F_SRC_NAT | OVS_CS_F_DST_NAT)

/**
 * struct ovs_ct_mark - the OVS_CT_ATTR_MARK payload.
 * @value: bits to write into the connection's mark.
 * @mask: which bits of the mark to write; never 0 once parsed.
 */
struct ovs_ct_mark {
	u32 value;
	u32 mask;
};

/**
 * struct ovs_ct_labels - the OVS_CT_ATTR_LABELS payload.
 * @value: label bits to write.
 * @mask: which label bits to write; never all-zero once parsed.
 */
struct ovs_ct_labels {
	struct ovs_key_ct_labels value;
	struct ovs_key_ct_labels mask;
};

/**
 * struct ovs_conntrack_info - a prepared ct() action.
 * @tmpl: conntrack template handed to nf_conntrack_in(): carries @zone and
 *	the helper.  Marked confirmed and holding one extra reference, so
 *	that neither packet references nor confirmation logic ever free or
 *	insert it; freed only by ovs_ct_free_action().
 * @helper: the helper attached to @tmpl, or NULL; we hold a reference.
 * @zone: the conntrack zone (id, default direction).
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6, from the flow key.
 * @commit: commit the connection (OVS_CT_ATTR_COMMIT or FORCE_COMMIT).
 * @force: OVS_CT_ATTR_FORCE_COMMIT: an entry found in the reply direction
 *	is deleted and the packet starts a new connection.
 * @have_eventmask: @eventmask was given.
 * @eventmask: IPCT_* event bits to report for the committed connection.
 * @mark: masked write of the connection mark (commit only).
 * @labels: masked write of the connection labels (commit only).
 * @nat: NAT to apply (nat.c); inactive without OVS_CT_ATTR_NAT.
 * @timeout: name of the cttimeout policy (OVS_CT_ATTR_TIMEOUT), or "".
 * @timeout_policy: the policy @tmpl carries, when @timeout was found when
 *	the flow was installed; NULL otherwise.  Only compared, never
 *	dereferenced.
 *
 * Copied by value into the flow's action list, so it holds no pointer to
 * itself; read-only once installed.
 */
struct ovs_conntrack_info {
	struct nf_conn *tmpl;
	struct nf_conntrack_helper *helper;
	struct nf_conntrack_zone zone;
	u16 family;
	u8 commit : 1;
	u8 force : 1;
	u8 have_eventmask : 1;
	u32 eventmask;
	struct ovs_ct_mark mark;
	struct ovs_ct_labels labels;
	struct ovs_nat_info nat;
	char timeout[CTNL_TIMEOUT_NAME_MAX];
	const void *timeout_policy;
};

static bool ovs_ct_labels_nonzero(const struct ovs_key_ct_labels *labels)
{
	int i;

	for (i = 0; i < OVS_CT_LABELS_LEN_32; i++)
		if (labels->ct_labels_32[i])
			return true;
	return false;
}

static u16 ovs_ct_key_family(const struct sw_flow_key *key)
{
	if (key->eth.type == htons(ETH_P_IP))
		return NFPROTO_IPV4;
	if (key->eth.type == htons(ETH_P_IPV6))
		return NFPROTO_IPV6;
	return NFPROTO_UNSPEC;
}

/*
 * For IPv6 neighbour discovery the key keeps the ND fields where other IPv6
 * packets keep the original tuple (they share a union), so ND keys get no
 * original tuple.  Same test the flow extractor uses to parse ND.
 */
static bool ovs_ct_key_is_nd(const struct sw_flow_key *key)
{
	return key->eth.type == htons(ETH_P_IPV6) &&
	       key->ip.proto == IPPROTO_ICMPV6 &&
	       key->tp.dst == 0 &&
	       (key->tp.src == htons(NDISC_NEIGHBOUR_SOLICITATION) ||
		key->tp.src == htons(NDISC_NEIGHBOUR_ADVERTISEMENT));
}

/* ------------------------------------------------------------------ */
/* The key's ct fields                                                */
/* ------------------------------------------------------------------ */

/* ct_state bits for a packet carrying @ct in state @ctinfo. */
static u8 ovs_ct_state(const struct nf_conn *ct, enum ip_conntrack_info ctinfo,
		       bool nat_from_status)
{
	u8 state = OVS_CS_F_TRACKED;

	switch (ctinfo) {
	case IP_CT_ESTABLISHED:
		state |= OVS_CS_F_ESTABLISHED;
		break;
	case IP_CT_ESTABLISHED_REPLY:
		state |= OVS_CS_F_ESTABLISHED | OVS_CS_F_REPLY_DIR;
		break;
	case IP_CT_RELATED:
		state |= OVS_CS_F_RELATED;
		break;
	case IP_CT_RELATED_REPLY:
		state |= OVS_CS_F_RELATED | OVS_CS_F_REPLY_DIR;
		break;
	case IP_CT_NEW:
		state |= OVS_CS_F_NEW;
		break;
	default:
		break;
	}

	/* Not in the table yet: whatever the packet looked like, it is new. */
	if (!nf_ct_is_confirmed(ct))
		state |= OVS_CS_F_NEW;
	/* OVS keeps +rel for the whole life of an expected connection. */
	if (ct->master)
		state |= OVS_CS_F_RELATED;

	if (nat_from_status) {
		if (ct->status & IPS_SRC_NAT)
			state |= OVS_CS_F_SRC_NAT;
		if (ct->status & IPS_DST_NAT)
			state |= OVS_CS_F_DST_NAT;
	}

	/* Report only what flow_netlink accepts back from userspace. */
	return state & OVS_CT_SUPPORTED_STATE;
}

static u32 ovs_ct_get_mark(const struct nf_conn *ct)
{
#if IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)
	return ct ? READ_ONCE(ct->mark) : 0;
#else
	return 0;
#endif
}

static void ovs_ct_get_labels(const struct nf_conn *ct,
			      struct ovs_key_ct_labels *labels)
{
	const struct nf_conn_labels *cl = ct ? nf_ct_labels_find(ct) : NULL;

	if (cl)
		memcpy(labels, cl->bits, OVS_CT_LABELS_LEN);
	else
		memset(labels, 0, OVS_CT_LABELS_LEN);
}

/* No original tuple: zero it where the key has room for one. */
static void ovs_ct_key_clear_orig(struct sw_flow_key *key)
{
	key->ct_orig_proto = 0;
	key->ct.orig_tp_src = 0;
	key->ct.orig_tp_dst = 0;
	if (key->eth.type == htons(ETH_P_IP))
		memset(&key->ipv4.ct_orig, 0, sizeof(key->ipv4.ct_orig));
	else if (key->eth.type == htons(ETH_P_IPV6) && !ovs_ct_key_is_nd(key))
		memset(&key->ipv6.ct_orig, 0, sizeof(key->ipv6.ct_orig));
}

/*
 * The original-direction tuple of @ct (of its master, for a related
 * connection: that is what userspace firewalls on), when its address family
 * is the packet's.
 */
static void ovs_ct_key_set_orig(struct sw_flow_key *key,
				const struct nf_conn *ct)
{
	const struct nf_conntrack_tuple *orig;
	u8 icmp_proto;

	if (!ct) {
		ovs_ct_key_clear_orig(key);
		return;
	}
	if (ct->master)
		ct = ct->master;
	orig = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;

	if (key->eth.type == htons(ETH_P_IP) &&
	    nf_ct_l3num(ct) == NFPROTO_IPV4) {
		key->ipv4.ct_orig.src = orig->src.u3.ip;
		key->ipv4.ct_orig.dst = orig->dst.u3.ip;
		icmp_proto = IPPROTO_ICMP;
	} else if (key->eth.type == htons(ETH_P_IPV6) &&
		   !ovs_ct_key_is_nd(key) &&
		   nf_ct_l3num(ct) == NFPROTO_IPV6) {
		key->ipv6.ct_orig.src = orig->src.u3.in6;
		key->ipv6.ct_orig.dst = orig->dst.u3.in6;
		icmp_proto = IPPROTO_ICMPV6;
	} else {
		ovs_ct_key_clear_orig(key);
		return;
	}

	key->ct_orig_proto = orig->dst.protonum;
	if (orig->dst.protonum == icmp_proto) {
		key->ct.orig_tp_src = htons(orig->dst.u.icmp.type);
		key->ct.orig_tp_dst = htons(orig->dst.u.icmp.code);
	} else {
		key->ct.orig_tp_src = orig->src.u.all;
		key->ct.orig_tp_dst = orig->dst.u.all;
	}
}

/* Write every ct field of @key; @ct may be NULL (no connection). */
static void ovs_ct_key_set(struct sw_flow_key *key, u8 state, u16 zone_id,
			   const struct nf_conn *ct)
{
	key->ct_state = state;
	key->ct_zone = zone_id;
	key->ct.mark = ovs_ct_get_mark(ct);
	ovs_ct_get_labels(ct, &key->ct.labels);
	ovs_ct_key_set_orig(key, ct);
}

/*
 * Set @key's ct fields from the entry @skb carries.  @invalid_zone non-NULL
 * means the packet has just been through conntrack in that zone, so having
 * no entry makes it +trk+inv; NULL means it has not (key extraction), so no
 * entry means no ct state at all.
 */
static void ovs_ct_update_key(const struct sk_buff *skb,
			      const struct nf_conntrack_zone *invalid_zone,
			      struct sw_flow_key *key, bool nat_from_status)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	ct = nf_ct_get(skb, &ctinfo);
	if (ct && nf_ct_is_template(ct))
		ct = NULL;

	if (ct)
		ovs_ct_key_set(key, ovs_ct_state(ct, ctinfo, nat_from_status),
			       nf_ct_zone(ct)->id, ct);
	else if (invalid_zone)
		ovs_ct_key_set(key, OVS_CS_F_TRACKED | OVS_CS_F_INVALID,
			       invalid_zone->id, NULL);
	else
		ovs_ct_key_set(key, 0, NF_CT_DEFAULT_ZONE_ID, NULL);
}

/**
 * ovs_ct_fill_key - set a key's ct fields from the packet's conntrack entry.
 * @skb: the packet; it may carry an entry from the host stack (e.g. sent by
 *	a local socket through an internal port) or from an earlier pass.
 * @key: the key being extracted; ct_state, ct_zone, ct.mark, ct.labels and
 *	the original tuple are written (all zero when there is no entry, or
 *	the packet is untracked or carries only a template).
 *
 * Context: any; does not sleep.  Called for every packet, lock-free.
 * Source: ovs_ct_fill_key() of the in-tree datapath (NAT bits come from the
 * entry's status, within %OVS_CT_SUPPORTED_STATE).
 */
void ovs_ct_fill_key(const struct sk_buff *skb, struct sw_flow_key *key)
{
	ovs_ct_update_key(skb, NULL, key, true);
}

/**
 * ovs_ct_put_key - serialize a key's (or mask's) ct fields.
 * @swkey: the flow key: its eth.type and ct_orig_proto decide whether and
 *	which original-tuple attribute exists.
 * @output: the values to write (the key itself, or its mask).
 * @skb: the netlink message.
 *
 * Writes OVS_KEY_ATTR_CT_STATE (u32), CT_ZONE (u16), CT_MARK (u32) and
 * CT_LABELS (16 bytes) whenever the kernel supports them, then
 * CT_ORIG_TUPLE_IPV4 or _IPV6 when @swkey has an original tuple, as the
 * in-tree datapath does.
 *
 * Return: 0 or -EMSGSIZE.
 */
int ovs_ct_put_key(const struct sw_flow_key *swkey,
		   const struct sw_flow_key *output, struct sk_buff *skb)
{
	if (nla_put_u32(skb, OVS_KEY_ATTR_CT_STATE, output->ct_state))
		return -EMSGSIZE;
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES) &&
	    nla_put_u16(skb, OVS_KEY_ATTR_CT_ZONE, output->ct_zone))
		return -EMSGSIZE;
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK) &&
	    nla_put_u32(skb, OVS_KEY_ATTR_CT_MARK, output->ct.mark))
		return -EMSGSIZE;
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS) &&
	    nla_put(skb, OVS_KEY_ATTR_CT_LABELS, sizeof(output->ct.labels),
		    &output->ct.labels))
		return -EMSGSIZE;

	if (!swkey->ct_orig_proto)
		return 0;

	if (swkey->eth.type == htons(ETH_P_IP)) {
		struct ovs_key_ct_tuple_ipv4 t;

		memset(&t, 0, sizeof(t));
		t.ipv4_src = output->ipv4.ct_orig.src;
		t.ipv4_dst = output->ipv4.ct_orig.dst;
		t.src_port = output->ct.orig_tp_src;
		t.dst_port = output->ct.orig_tp_dst;
		t.ipv4_proto = output->ct_orig_proto;
		if (nla_put(skb, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4, sizeof(t), &t))
			return -EMSGSIZE;
	} else if (swkey->eth.type == htons(ETH_P_IPV6)) {
		struct ovs_key_ct_tuple_ipv6 t;

		memset(&t, 0, sizeof(t));
		memcpy(t.ipv6_src, &output->ipv6.ct_orig.src, sizeof(t.ipv6_src));
		memcpy(t.ipv6_dst, &output->ipv6.ct_orig.dst, sizeof(t.ipv6_dst));
		t.src_port = output->ct.orig_tp_src;
		t.dst_port = output->ct.orig_tp_dst;
		t.ipv6_proto = output->ct_orig_proto;
		if (nla_put(skb, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6, sizeof(t), &t))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * ovs_ct_verify - may flows match on this ct key attribute?
 * @net: the namespace (labels are reserved per namespace by ovs_ct_init()).
 * @attr: an OVS_KEY_ATTR_CT_* type.
 *
 * CT_STATE and the original tuples always; CT_ZONE, CT_MARK and CT_LABELS
 * when the kernel has conntrack zones, marks and labels configured.
 *
 * Return: true if supported, false otherwise (including non-ct attributes).
 */
bool ovs_ct_verify(struct net *net, enum ovs_key_attr attr)
{
	switch (attr) {
	case OVS_KEY_ATTR_CT_STATE:
	case OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4:
	case OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6:
		return true;
	case OVS_KEY_ATTR_CT_ZONE:
		return IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES);
	case OVS_KEY_ATTR_CT_MARK:
		return IS_ENABLED(CONFIG_NF_CONNTRACK_MARK);
	case OVS_KEY_ATTR_CT_LABELS:
		/* ovs_ct_init() fails rather than run without labels. */
		return IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS);
	default:
		return false;
	}
}

/* ------------------------------------------------------------------ */
/* Executing ct() and ct_clear                                        */
/* ------------------------------------------------------------------ */

/* Netfilter verdict to this file's return convention. */
static int ovs_ct_verdict_errno(unsigned int verdict)
{
	switch (verdict & NF_VERDICT_MASK) {
	case NF_ACCEPT:
		return 0;
	case NF_STOLEN:
		return -EINPROGRESS;
	default:
		return -EINVAL;
	}
}

/*
 * What nf_conntrack_in() would have said about a packet matching tuple
 * hash @h (the core's own function for this is not exported).
 */
static enum ip_conntrack_info
ovs_ct_info_for(const struct nf_conntrack_tuple_hash *h)
{
	const struct nf_conn *ct = nf_ct_tuplehash_to_ctrack(h);

	if (NF_CT_DIRECTION(h) == IP_CT_DIR_REPLY)
		return IP_CT_ESTABLISHED_REPLY;
	if (test_bit(IPS_SEEN_REPLY_BIT, &ct->status))
		return IP_CT_ESTABLISHED;
	if (test_bit(IPS_EXPECTED_BIT, &ct->status))
		return IP_CT_RELATED;
	return IP_CT_NEW;
}

/*
 * Find the table entry @skb belongs to without running conntrack (no
 * state change, no accounting) and attach it to @skb.  Used when the skb
 * lost its entry on the way through userspace, and for force_commit.
 * @natted: the packet was already translated, so look up the inverse.
 * Context: rcu_read_lock.  Return: the entry, or NULL.
 */
static struct nf_conn *ovs_ct_find_existing(struct net *net,
					    const struct nf_conntrack_zone *zone,
					    u16 family, struct sk_buff *skb,
					    bool natted)
{
	struct nf_conntrack_tuple_hash *h;
	struct nf_conntrack_tuple tuple;
	struct nf_conn *ct;

	if (!nf_ct_get_tuplepr(skb, skb_network_offset(skb), family, net,
			       &tuple))
		return NULL;

	if (natted) {
		struct nf_conntrack_tuple inverse;

		if (!nf_ct_invert_tuple(&inverse, &tuple))
			return NULL;
		tuple = inverse;
	}

	h = nf_conntrack_find_get(net, zone, &tuple);
	if (!h)
		return NULL;
	ct = nf_ct_tuplehash_to_ctrack(h);

	/* The inverted tuple hit the other direction's hash. */
	if (natted)
		h = &ct->tuplehash[!NF_CT_DIRECTION(h)];

	/* The reference from nf_conntrack_find_get() moves to the skb. */
	nf_ct_set(skb, ct, ovs_ct_info_for(h));
	return ct;
}

/* The cttimeout policy @ct uses, or NULL; only for comparison. */
static const void *ovs_ct_timeout_policy(const struct nf_conn *ct)
{
#if OVS_CT_TIMEOUT_SUPPORTED
	const struct nf_conn_timeout *ext = nf_ct_timeout_find(ct);

	return ext ? rcu_access_pointer(ext->timeout) : NULL;
#else
	return NULL;
#endif
}

/*
 * Does the entry @skb carries already hold this ct()'s answer, so that the
 * packet need not (and must not, as that would count it twice) go through
 * nf_conntrack_in() again?  True when an earlier ct() in this pipeline
 * looked the packet up in the same zone (with the same helper).  Drops the
 * skb's entry, and for force_commit deletes it from the table, when it is
 * a reply-direction entry that force_commit must replace.
 */
static bool ovs_ct_skb_cached(struct net *net, const struct sw_flow_key *key,
			      const struct ovs_conntrack_info *info,
			      struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	bool looked_up = true;
	struct nf_conn *ct;

	ct = nf_ct_get(skb, &ctinfo);
	if (!ct) {
		bool tracked_here;

		/*
		 * No entry, but the key may say this packet was tracked in
		 * this zone before an upcall took its entry away.  With
		 * force_commit on a fresh packet, find the entry anyway to
		 * see whether it must be replaced.
		 */
		tracked_here = (key->ct_state & OVS_CS_F_TRACKED) &&
			       !(key->ct_state & OVS_CS_F_INVALID) &&
			       key->ct_zone == info->zone.id;
		if (!tracked_here && !(info->force && !key->ct_state))
			return false;

		looked_up = tracked_here;
		ct = ovs_ct_find_existing(net, &info->zone, info->family, skb,
					  key->ct_state & OVS_CT_NAT_STATE);
		if (!ct)
			return false;
		nf_ct_get(skb, &ctinfo);
	}

	if (nf_ct_is_template(ct))
		return false;
	if (!net_eq(net, nf_ct_net(ct)))
		return false;
	if (!nf_ct_zone_equal_any(info->tmpl, nf_ct_zone(ct)))
		return false;
	if (info->helper) {
		struct nf_conn_help *help = nfct_help(ct);

		if (help && rcu_access_pointer(help->helper) != info->helper)
			return false;
	}
	if (info->timeout_policy &&
	    ovs_ct_timeout_policy(ct) != info->timeout_policy)
		return false;

	if (info->force && CTINFO2DIR(ctinfo) != IP_CT_DIR_ORIGINAL) {
		/* Unconfirmed entries are not in the table: just drop. */
		if (nf_ct_is_confirmed(ct))
			nf_ct_delete(ct, 0, 0);
		nf_ct_put(ct);
		nf_ct_set(skb, NULL, 0);
		return false;
	}

	return looked_up;
}

/*
 * Put the packet through conntrack in info's zone unless it already carries
 * the answer, update the key, and do the per-packet work on the entry that
 * does not depend on committing.  Context: rcu_read_lock.
 * Return: 0 (the skb may carry no entry: invalid); -EINPROGRESS if conntrack
 * stole the skb; other negative errno to drop.
 */
static int ovs_ct_lookup_packet(struct net *net, struct sw_flow_key *key,
				const struct ovs_conntrack_info *info,
				struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;
	bool cached;
	int err;

	cached = ovs_ct_skb_cached(net, key, info, skb);

	/*
	 * Committing writes extensions of an unconfirmed entry; one that
	 * another skb (a clone) also holds must not change under it.  Start
	 * over with a fresh entry instead.
	 */
	if (cached && info->commit) {
		ct = nf_ct_get(skb, &ctinfo);
		if (ct && !nf_ct_is_confirmed(ct) && nf_ct_shared(ct)) {
			nf_reset_ct(skb);
			cached = false;
		}
	}

	if (!cached) {
		struct nf_hook_state state = {
			.hook = NF_INET_PRE_ROUTING,
			.pf = info->family,
			.net = net,
		};

		/* The template puts the new entry into our zone. */
		ct = nf_ct_get(skb, &ctinfo);
		if (ct)
			nf_ct_put(ct);
		nf_conntrack_get(&info->tmpl->ct_general);
		nf_ct_set(skb, info->tmpl, IP_CT_NEW);

		err = ovs_ct_verdict_errno(nf_conntrack_in(skb, &state));
		if (err)
			return err;

		/* Fresh result: no NAT has been done on it in this pass. */
		ovs_ct_update_key(skb, &info->zone, key, false);
	}

	ct = nf_ct_get(skb, &ctinfo);
	if (!ct)
		return 0;

	/*
	 * NAT before the helper runs, so that a NAT helper sees the mapping.
	 * Only once per packet and zone (the key's NAT bits), and for new
	 * connections only when committing: see nat.c.
	 */
	err = ovs_nat_execute(skb, ct, ctinfo, &info->nat, info->family,
			      info->commit, key);
	if (err)
		return err;

	/*
	 * A connection first seen by a ct() without helper may be committed
	 * by one with a helper: attach it now, before confirmation.
	 */
	if (info->commit && info->helper && !nf_ct_is_confirmed(ct) &&
	    !nfct_help(ct)) {
		err = __nf_ct_try_assign_helper(ct, info->tmpl, GFP_ATOMIC);
		if (err)
			return err;
		err = ovs_nat_helper_attached(ct, &info->nat);
		if (err)
			return err;
	}

	/*
	 * Help packets of confirmed connections once per lookup.  New
	 * connections are helped at commit, when all their extensions exist.
	 */
	if (!cached && nf_ct_is_confirmed(ct)) {
		err = ovs_ct_verdict_errno(nf_ct_helper(skb, ct, ctinfo,
							info->family));
		if (err)
			return err;
	}

	/*
	 * OVS may see only part of a connection's packets (e.g. after a
	 * flow change); do not let TCP window tracking call the rest invalid.
	 */
	if (nf_ct_protonum(ct) == IPPROTO_TCP && nf_ct_is_confirmed(ct) &&
	    nf_conntrack_tcp_established(ct))
		nf_ct_set_tcp_be_liberal(ct);

	return 0;
}

/*
 * Is the packet expected by a helper (e.g. an FTP data connection)?  If so,
 * delete any entry that clashes with the expectation (helpers do not check
 * for one), so that the expected connection can be set up when committed.
 * Context: rcu_read_lock.  Return: the expectation, valid under RCU, or NULL.
 */
static struct nf_conntrack_expect *
ovs_ct_expect_find(struct net *net, const struct nf_conntrack_zone *zone,
		   u16 family, const struct sk_buff *skb)
{
	struct nf_conntrack_tuple_hash *h;
	struct nf_conntrack_expect *exp;
	struct nf_conntrack_tuple tuple;

	if (!nf_ct_get_tuplepr(skb, skb_network_offset(skb), family, net,
			       &tuple))
		return NULL;

	exp = __nf_ct_expect_find(net, zone, &tuple);
	if (!exp)
		return NULL;

	h = nf_conntrack_find_get(net, zone, &tuple);
	if (h) {
		struct nf_conn *ct = nf_ct_tuplehash_to_ctrack(h);

		nf_ct_delete(ct, 0, 0);
		nf_ct_put(ct);
	}
	return exp;
}

/* ct() without commit. */
static int ovs_ct_lookup(struct net *net, struct sw_flow_key *key,
			 const struct ovs_conntrack_info *info,
			 struct sk_buff *skb)
{
	struct nf_conntrack_expect *exp;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;
	int err;

	/*
	 * nf_conntrack_in() would consume the expectation, yet the packet
	 * may still be lost in an upcall.  Report expected packets as
	 * +new+rel of the master instead; they go through conntrack only
	 * when committed.
	 */
	exp = ovs_ct_expect_find(net, &info->zone, info->family, skb);
	if (exp) {
		ovs_ct_key_set(key, OVS_CS_F_TRACKED | OVS_CS_F_NEW |
			       OVS_CS_F_RELATED, info->zone.id, exp->master);
		return 0;
	}

	err = ovs_ct_lookup_packet(net, key, info, skb);
	if (err)
		return err;

	ct = nf_ct_get(skb, &ctinfo);
	if (ct)
		nf_ct_deliver_cached_events(ct);
	return 0;
}

static void ovs_ct_set_mark(struct nf_conn *ct, struct sw_flow_key *key,
			    const struct ovs_ct_mark *mark)
{
#if IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)
	u32 old = READ_ONCE(ct->mark);
	u32 new = (old & ~mark->mask) | (mark->value & mark->mask);

	if (new != old) {
		WRITE_ONCE(ct->mark, new);
		if (nf_ct_is_confirmed(ct))
			nf_conntrack_event_cache(IPCT_MARK, ct);
	}
	key->ct.mark = new;
#endif
}

/*
 * Labels of a connection being committed (unconfirmed, so nobody else sees
 * it yet): start from the master's labels for a related connection, then
 * apply the masked write.
 */
static int ovs_ct_init_labels(struct nf_conn *ct, struct sw_flow_key *key,
			      const struct ovs_ct_labels *labels)
{
	bool have_mask = ovs_ct_labels_nonzero(&labels->mask);
	const struct nf_conn_labels *master_cl = NULL;
	struct nf_conn_labels *cl;
	u32 *bits;
	int i;

	if (ct->master)
		master_cl = nf_ct_labels_find(ct->master);
	if (!master_cl && !have_mask)
		return 0;

	cl = nf_ct_labels_find(ct);
	if (!cl)
		cl = nf_ct_labels_ext_add(ct);
	if (!cl)
		return -ENOSPC;

	if (master_cl)
		memcpy(cl->bits, master_cl->bits, OVS_CT_LABELS_LEN);
	bits = (u32 *)cl->bits;
	for (i = 0; i < OVS_CT_LABELS_LEN_32; i++)
		bits[i] = (bits[i] & ~labels->mask.ct_labels_32[i]) |
			  (labels->value.ct_labels_32[i] &
			   labels->mask.ct_labels_32[i]);

	/* So that the NEW event carries the labels. */
	nf_conntrack_event_cache(IPCT_LABEL, ct);
	memcpy(&key->ct.labels, cl->bits, OVS_CT_LABELS_LEN);
	return 0;
}

/* Masked label write on a connection already in the table. */
static int ovs_ct_set_labels(struct nf_conn *ct, struct sw_flow_key *key,
			     const struct ovs_ct_labels *labels)
{
#if IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)
	const struct nf_conn_labels *cl = nf_ct_labels_find(ct);
	int err;

	/* Entries get the extension at creation once labels are in use. */
	if (!cl)
		return -ENOSPC;

	err = nf_connlabels_replace(ct, labels->value.ct_labels_32,
				    labels->mask.ct_labels_32,
				    OVS_CT_LABELS_LEN_32);
	if (err)
		return err;
	memcpy(&key->ct.labels, cl->bits, OVS_CT_LABELS_LEN);
	return 0;
#else
	return -EINVAL;
#endif
}

/*
 * Which events to report for the connection.  A new entry may lack the
 * event extension (events off, or no listener when it was created): give
 * it one, as a ruleset-assigned mask does in netfilter.
 */
static void ovs_ct_set_eventmask(struct nf_conn *ct, u32 eventmask)
{
	struct nf_conntrack_ecache *cache = nf_ct_ecache_find(ct);

	if (cache)
		cache->ctmask = eventmask;
	else if (eventmask && !nf_ct_is_confirmed(ct))
		nf_ct_ecache_ext_add(ct, eventmask, 0, GFP_ATOMIC);
}

static int ovs_ct_check_limit(struct net *net, const struct sk_buff *skb,
			      const struct ovs_conntrack_info *info);
#if OVS_CT_LIMIT_SUPPORTED
/*
 * Set (once, never cleared) by the first OVS_CT_LIMIT_CMD_SET in any
 * namespace: until then committing pays nothing for zone limits.
 */
static DEFINE_STATIC_KEY_FALSE(ovs_ct_limit_enabled);
#endif

/* Is a zone limit to be checked before committing a new connection? */
static bool ovs_ct_limits_on(void)
{
#if OVS_CT_LIMIT_SUPPORTED
	return static_branch_unlikely(&ovs_ct_limit_enabled);
#else
	return false;
#endif
}

/* ct(commit): look up, apply the action's settings, confirm. */
static int ovs_ct_commit(struct net *net, struct sw_flow_key *key,
			 const struct ovs_conntrack_info *info,
			 struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;
	int err;

	err = ovs_ct_lookup_packet(net, key, info, skb);
	if (err)
		return err;

	/* Invalid packets have no entry; committing them does nothing. */
	ct = nf_ct_get(skb, &ctinfo);
	if (!ct)
		return 0;

	/* A new connection over its zone's limit is dropped. */
	if (ovs_ct_limits_on() && !nf_ct_is_confirmed(ct)) {
		err = ovs_ct_check_limit(net, skb, info);
		if (err)
			return err;
	}

	/* Extensions first: adding one moves the others. */
	if (info->have_eventmask)
		ovs_ct_set_eventmask(ct, info->eventmask);

	/* Before confirming, so that the NEW event carries the values. */
	if (info->mark.mask)
		ovs_ct_set_mark(ct, key, &info->mark);

	if (!nf_ct_is_confirmed(ct)) {
		err = ovs_ct_init_labels(ct, key, &info->labels);
		if (err)
			return err;

		/* The helper needs all other extensions in place. */
		err = ovs_ct_verdict_errno(nf_ct_helper(skb, ct, ctinfo,
							info->family));
		if (err)
			return err;
	} else if (ovs_ct_labels_nonzero(&info->labels.mask)) {
		err = ovs_ct_set_labels(ct, key, &info->labels);
		if (err)
			return err;
	}

	/* Inserts a new entry; also delivers events queued above. */
	return ovs_ct_verdict_errno(nf_conntrack_confirm(skb));
}

/*
 * The network header must be sane before conntrack, padding trimming and
 * helpers read it.  Malformed packets are dropped here.
 */
static int ovs_ct_check_network_header(struct sk_buff *skb, u16 family)
{
	if (family == NFPROTO_IPV4) {
		const struct iphdr *iph;

		if (!pskb_may_pull(skb, sizeof(*iph)))
			return -EINVAL;
		iph = ip_hdr(skb);
		if (iph->version != 4 || iph->ihl < 5)
			return -EINVAL;
		/* tot_len is 0 only in a BIG TCP GSO packet. */
		if (ntohs(iph->tot_len) < iph->ihl * 4 &&
		    !(!iph->tot_len && skb_is_gso(skb)))
			return -EINVAL;
	} else {
		if (!pskb_may_pull(skb, sizeof(struct ipv6hdr)) ||
		    ipv6_hdr(skb)->version != 6)
			return -EINVAL;
	}
	return 0;
}

/**
 * ovs_ct_execute - run a ct() action on a packet.
 * @net: the datapath's namespace.
 * @skb: the packet, skb->data at the Ethernet header (and back there on
 *	return 0); on success it carries its conntrack entry, or none when
 *	conntrack found it invalid.
 * @key: the packet's key: L3/L4 fields are re-extracted after reassembly,
 *	ip.frag becomes %OVS_FRAG_TYPE_NONE, and the ct fields are set for
 *	the next flow lookup (recirculation).
 * @info: the prepared action.
 *
 * IP fragments are first gathered into the whole datagram (per zone); the
 * largest fragment size seen becomes OVS_CB(skb)->mru so output can
 * refragment.  OVS_CB(skb) survives, although defragmentation uses skb->cb.
 * See the top of this file for the rest; behaviour as net/openvswitch.
 *
 * Context: rcu_read_lock held, BH disabled.  Lock-free, no allocation
 * beyond what netfilter does for new connections and fragment queues.
 * Return: 0; -EINPROGRESS when the skb was consumed: a fragment queued
 * (or dropped) by reassembly, or stolen by conntrack -- the caller must not
 * touch it; any other negative errno (malformed packet, conntrack or helper
 * drop verdict, failed commit) when the skb is still owned by the caller,
 * who drops it.
 */
int ovs_ct_execute(struct net *net, struct sk_buff *skb,
		   struct sw_flow_key *key,
		   const struct ovs_conntrack_info *info)
{
	struct ovs_skb_cb ovs_cb = *OVS_CB(skb);
	int nh_ofs = skb_network_offset(skb);
	int err;

	/* Conntrack works on the network header. */
	skb_pull_rcsum(skb, nh_ofs);

	err = ovs_ct_check_network_header(skb, info->family);
	if (err)
		goto out;
	err = nf_ct_skb_network_trim(skb, info->family);
	if (err)
		goto out;

	if (key->ip.frag != OVS_FRAG_TYPE_NONE) {
		u8 proto = key->ip.proto;
		u16 mru = 0;

		err = nf_ct_handle_fragments(net, skb, info->zone.id,
					     info->family, &proto, &mru);
		if (err)
			return -EINPROGRESS;	/* queued or freed */

		ovs_cb.mru = max(ovs_cb.mru, mru);
		*OVS_CB(skb) = ovs_cb;

		/* The key came from the last fragment: parse the datagram. */
		skb_push_rcsum(skb, nh_ofs);
		err = ovs_flow_key_update_l3l4(skb, key);
		skb_pull_rcsum(skb, nh_ofs);
		if (err)
			goto out;
		key->ip.frag = OVS_FRAG_TYPE_NONE;
	}

	if (info->commit)
		err = ovs_ct_commit(net, key, info, skb);
	else
		err = ovs_ct_lookup(net, key, info, skb);
	if (err == -EINPROGRESS)
		return err;

out:
	skb_push_rcsum(skb, nh_ofs);
	*OVS_CB(skb) = ovs_cb;
	return err;
}

/**
 * ovs_ct_clear - the ct_clear action: forget the packet's conntrack state.
 * @skb: the packet; its entry reference (if any) is dropped and it is
 *	marked untracked, so later netfilter hooks leave it alone.
 * @key: its key, or NULL: ct_state, ct_zone, ct.mark, ct.labels and the
 *	original tuple are zeroed.
 *
 * Context: rcu_read_lock, BH disabled.  Source: in-tree ovs_ct_clear().
 * Return: 0.
 */
int ovs_ct_clear(struct sk_buff *skb, struct sw_flow_key *key)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	ct = nf_ct_get(skb, &ctinfo);
	if (ct)
		nf_ct_put(ct);
	nf_ct_set(skb, NULL, IP_CT_UNTRACKED);

	if (key)
		ovs_ct_key_set(key, 0, NF_CT_DEFAULT_ZONE_ID, NULL);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Installing, dumping and freeing ct()                               */
/* ------------------------------------------------------------------ */

/* Payload length bounds of each OVS_CT_ATTR_*; {0, 0} is a flag. */
static const struct {
	int min;
	int max;
} ovs_ct_attr_len[OVS_CT_ATTR_MAX + 1] = {
	[OVS_CT_ATTR_COMMIT]		= { 0, 0 },
	[OVS_CT_ATTR_ZONE]		= { sizeof(u16), sizeof(u16) },
	[OVS_CT_ATTR_MARK]		= { sizeof(struct ovs_ct_mark),
					    sizeof(struct ovs_ct_mark) },
	[OVS_CT_ATTR_LABELS]		= { sizeof(struct ovs_ct_labels),
					    sizeof(struct ovs_ct_labels) },
	[OVS_CT_ATTR_HELPER]		= { 1, NF_CT_HELPER_NAME_LEN },
	[OVS_CT_ATTR_FORCE_COMMIT]	= { 0, 0 },
	[OVS_CT_ATTR_EVENTMASK]		= { sizeof(u32), sizeof(u32) },
	[OVS_CT_ATTR_TIMEOUT]		= { 1, CTNL_TIMEOUT_NAME_MAX },
};

static int ovs_ct_parse(const struct nlattr *attr,
			struct ovs_conntrack_info *info, u16 *zone_id,
			const char **helper, bool log)
{
	const struct nlattr *nat_attr = NULL;
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, attr, rem) {
		int type = nla_type(a);
		int len = nla_len(a);

		if (type <= OVS_CT_ATTR_UNSPEC || type > OVS_CT_ATTR_MAX) {
			OVS_NLERR(log, "Unknown conntrack attribute %d", type);
			return -EINVAL;
		}
		if (type == OVS_CT_ATTR_NAT) {
			/* Parsed by nat.c below, once commit is known. */
			if (nat_attr) {
				OVS_NLERR(log, "Conntrack NAT given twice");
				return -EINVAL;
			}
			nat_attr = a;
			continue;
		}
		if (type == OVS_CT_ATTR_TIMEOUT && !OVS_CT_TIMEOUT_SUPPORTED) {
			OVS_NLERR(log, "Conntrack timeout policies are not supported");
			return -EINVAL;
		}
		if (len < ovs_ct_attr_len[type].min ||
		    len > ovs_ct_attr_len[type].max) {
			OVS_NLERR(log, "Conntrack attribute %d has length %d, expected %d..%d",
				  type, len, ovs_ct_attr_len[type].min,
				  ovs_ct_attr_len[type].max);
			return -EINVAL;
		}

		switch (type) {
		case OVS_CT_ATTR_FORCE_COMMIT:
			info->force = 1;
			fallthrough;
		case OVS_CT_ATTR_COMMIT:
			info->commit = 1;
			break;
		case OVS_CT_ATTR_ZONE:
			*zone_id = nla_get_u16(a);
			if (!IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES) && *zone_id) {
				OVS_NLERR(log, "Conntrack zones are not supported");
				return -EINVAL;
			}
			break;
		case OVS_CT_ATTR_MARK:
			if (!IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)) {
				OVS_NLERR(log, "Conntrack marks are not supported");
				return -EINVAL;
			}
			memcpy(&info->mark, nla_data(a), sizeof(info->mark));
			if (!info->mark.mask) {
				OVS_NLERR(log, "ct_mark mask cannot be 0");
				return -EINVAL;
			}
			break;
		case OVS_CT_ATTR_LABELS:
			if (!IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)) {
				OVS_NLERR(log, "Conntrack labels are not supported");
				return -EINVAL;
			}
			memcpy(&info->labels, nla_data(a), sizeof(info->labels));
			if (!ovs_ct_labels_nonzero(&info->labels.mask)) {
				OVS_NLERR(log, "ct_labels mask cannot be 0");
				return -EINVAL;
			}
			break;
		case OVS_CT_ATTR_HELPER:
			if (!memchr(nla_data(a), '\0', len)) {
				OVS_NLERR(log, "Conntrack helper name is not NUL-terminated");
				return -EINVAL;
			}
			*helper = nla_data(a);
			break;
		case OVS_CT_ATTR_EVENTMASK:
			info->have_eventmask = 1;
			info->eventmask = nla_get_u32(a);
			break;
		case OVS_CT_ATTR_TIMEOUT:
			if (!memchr(nla_data(a), '\0', len)) {
				OVS_NLERR(log, "Conntrack timeout policy name is not NUL-terminated");
				return -EINVAL;
			}
			strscpy(info->timeout, nla_data(a), sizeof(info->timeout));
			break;
		default:
			OVS_NLERR(log, "Unknown conntrack attribute %d", type);
			return -EINVAL;
		}
	}
	if (rem) {
		OVS_NLERR(log, "Conntrack action has %d trailing bytes", rem);
		return -EINVAL;
	}

	if (!info->commit && info->mark.mask) {
		OVS_NLERR(log, "Setting ct_mark requires commit");
		return -EINVAL;
	}
	if (!info->commit && ovs_ct_labels_nonzero(&info->labels.mask)) {
		OVS_NLERR(log, "Setting ct_labels requires commit");
		return -EINVAL;
	}
	if (nat_attr)
		return ovs_nat_parse(nat_attr, info->family, info->commit,
				     &info->nat, log);
	return 0;
}

/*
 * Attach the cttimeout policy named in @info to its template, for protocol
 * @proto of @info's family.  A policy that does not exist, or is for
 * another protocol, is logged and ignored.
 */
static void ovs_ct_attach_timeout(struct net *net,
				  struct ovs_conntrack_info *info, u8 proto)
{
#if OVS_CT_TIMEOUT_SUPPORTED
	int err;

	err = nf_ct_set_timeout(net, info->tmpl, info->family, proto,
				info->timeout);
	if (err) {
		pr_info_ratelimited("openvswitch: cannot use timeout policy \"%s\": %d\n",
				    info->timeout, err);
		return;
	}
	info->timeout_policy = ovs_ct_timeout_policy(info->tmpl);
#endif
}

/* Release what a prepared (or half-prepared) ct() holds. */
static void ovs_ct_release(const struct ovs_conntrack_info *info)
{
	if (info->helper) {
		/* nf_ct_add_helper() also took the NAT helper for NAT. */
		if (ovs_nat_active(&info->nat))
			nf_nat_helper_put(info->helper);
		nf_conntrack_helper_put(info->helper);
	}
	/* Our extra reference keeps packets from ever freeing it. */
	if (info->tmpl) {
		/* Puts the policy (and its module) if one was attached. */
		if (OVS_CT_TIMEOUT_SUPPORTED && info->timeout[0])
			nf_ct_destroy_timeout(info->tmpl);
		nf_ct_tmpl_free(info->tmpl);
	}
}

/**
 * ovs_ct_copy_action - validate a ct() action and append its prepared form.
 * @net: the datapath's namespace; the template and helper belong to it.
 * @attr: the OVS_ACTION_ATTR_CT nest of OVS_CT_ATTR_* attributes.
 * @key: the flow's key; its eth.type must be IPv4 or IPv6 and gives the
 *	family, its ip.proto selects the helper's protocol.
 * @sfa: the kernel action list being built; an OVS_ACTION_ATTR_CT holding
 *	a struct ovs_conntrack_info is appended.
 * @log: whether to log validation errors.
 *
 * Every attribute's length is checked exactly (the helper name: 1 to
 * %NF_CT_HELPER_NAME_LEN bytes, NUL-terminated).  The helper is looked up
 * (its module loaded if needed) and attached to a conntrack template for
 * the zone, and so is the timeout policy (1 to %CTNL_TIMEOUT_NAME_MAX
 * bytes, NUL-terminated) when it exists; one that does not is logged and
 * the action installed without it.  Same validation as the in-tree
 * datapath.
 *
 * Context: process context, may sleep (GFP_KERNEL, helper module loading).
 * Return: 0; -EINVAL for a non-IP flow, unknown or malformed attributes,
 * a zero mark or labels mask, mark or labels without commit, or an unknown
 * helper, for NAT the kernel lacks or a malformed NAT nest (see
 * ovs_nat_parse(), which returns -ERANGE for SRC with DST), and for
 * features the kernel lacks (timeout policies without cttimeout)
 * (-EINVAL, not -EOPNOTSUPP: ovs-vswitchd's feature probes treat EINVAL as
 * "unsupported" quietly and warn on anything else); -ENOMEM; -EMSGSIZE if
 * the action list is full.  On error nothing is held and @sfa is unchanged.
 */
int ovs_ct_copy_action(struct net *net, const struct nlattr *attr,
		       const struct sw_flow_key *key,
		       struct sw_flow_actions **sfa, bool log)
{
	u16 zone_id = NF_CT_DEFAULT_ZONE_ID;
	struct ovs_conntrack_info info;
	const char *helper = NULL;
	struct nlattr *copied;
	int err;

	memset(&info, 0, sizeof(info));
	info.family = ovs_ct_key_family(key);
	if (info.family == NFPROTO_UNSPEC) {
		OVS_NLERR(log, "ct() requires an IPv4 or IPv6 flow");
		return -EINVAL;
	}

	err = ovs_ct_parse(attr, &info, &zone_id, &helper, log);
	if (err)
		return err;

	nf_ct_zone_init(&info.zone, zone_id, NF_CT_DEFAULT_ZONE_DIR, 0);
	info.tmpl = nf_ct_tmpl_alloc(net, &info.zone, GFP_KERNEL);
	if (!info.tmpl) {
		OVS_NLERR(log, "Failed to allocate conntrack template");
		return -ENOMEM;
	}

	if (helper) {
		/* With NAT, the helper's NAT module (nf_nat_ftp...) too. */
		err = nf_ct_add_helper(info.tmpl, helper, info.family,
				       key->ip.proto,
				       ovs_nat_active(&info.nat), &info.helper);
		if (err) {
			OVS_NLERR(log, "Cannot use conntrack helper \"%s\" (%d)",
				  helper, err);
			goto err_release;
		}
	}

	/*
	 * The policy is looked up now; one that does not exist (yet) leaves
	 * the flow installed with the kernel's default timeouts, as the
	 * in-tree datapath does: ovs-vswitchd probes the feature with a
	 * name that does not exist and expects success.
	 */
	if (info.timeout[0])
		ovs_ct_attach_timeout(net, &info, key->ip.proto);

	/*
	 * A template is never confirmed into the table; the flag keeps
	 * confirmation paths from trying.  The extra reference keeps the
	 * count above zero whatever the kernel started it at, so packets
	 * that pick the template up and drop it never free it.
	 */
	__set_bit(IPS_CONFIRMED_BIT, &info.tmpl->status);
	nf_conntrack_get(&info.tmpl->ct_general);

	copied = ovs_nla_add_action(sfa, OVS_ACTION_ATTR_CT, &info,
				    sizeof(info), log);
	if (IS_ERR(copied)) {
		err = PTR_ERR(copied);
		goto err_release;
	}
	return 0;

err_release:
	ovs_ct_release(&info);
	return err;
}

/**
 * ovs_ct_action_to_attr - serialize a prepared ct() back to userspace form.
 * @info: the prepared action (inside a kernel action list).
 * @skb: the netlink message; an OVS_ACTION_ATTR_CT nest is added.
 *
 * Emits COMMIT or FORCE_COMMIT, ZONE (always, when zones are configured),
 * MARK and LABELS (value then mask) when set, the HELPER name and
 * EVENTMASK when given, and the NAT nest (ovs_nat_to_attr()), as the
 * in-tree datapath does.
 *
 * Context: ovs_mutex or rcu_read_lock (the action list is live).
 * Return: 0 or -EMSGSIZE (the partial nest is removed).
 */
int ovs_ct_action_to_attr(const struct ovs_conntrack_info *info,
			  struct sk_buff *skb)
{
	struct nlattr *start;

	start = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_CT);
	if (!start)
		return -EMSGSIZE;

	if (info->commit &&
	    nla_put_flag(skb, info->force ? OVS_CT_ATTR_FORCE_COMMIT :
					    OVS_CT_ATTR_COMMIT))
		goto nla_put_failure;
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES) &&
	    nla_put_u16(skb, OVS_CT_ATTR_ZONE, info->zone.id))
		goto nla_put_failure;
	if (info->mark.mask &&
	    nla_put(skb, OVS_CT_ATTR_MARK, sizeof(info->mark), &info->mark))
		goto nla_put_failure;
	if (ovs_ct_labels_nonzero(&info->labels.mask) &&
	    nla_put(skb, OVS_CT_ATTR_LABELS, sizeof(info->labels),
		    &info->labels))
		goto nla_put_failure;
	if (info->helper &&
	    nla_put_string(skb, OVS_CT_ATTR_HELPER, info->helper->name))
		goto nla_put_failure;
	if (info->have_eventmask &&
	    nla_put_u32(skb, OVS_CT_ATTR_EVENTMASK, info->eventmask))
		goto nla_put_failure;
	if (info->timeout[0] &&
	    nla_put_string(skb, OVS_CT_ATTR_TIMEOUT, info->timeout))
		goto nla_put_failure;
	if (ovs_nat_to_attr(&info->nat, info->family, skb))
		goto nla_put_failure;

	nla_nest_end(skb, start);
	return 0;

nla_put_failure:
	nla_nest_cancel(skb, start);
	return -EMSGSIZE;
}

/**
 * ovs_ct_free_action - release what a prepared ct() holds.
 * @a: an OVS_ACTION_ATTR_CT attribute of a kernel action list, as built by
 *	ovs_ct_copy_action().
 *
 * Drops the helper reference (and its module) and frees the template.
 * Context: any, including an RCU callback; no packet may still be using
 * the action list.
 */
void ovs_ct_free_action(const struct nlattr *a)
{
	ovs_ct_release(nla_data(a));
}

/* ------------------------------------------------------------------ */
/* Zone limits: the ovs_ct_limit family                               */
/* ------------------------------------------------------------------ */

#if OVS_CT_LIMIT_SUPPORTED

/* A limit of 0 means no limit; zones start (and are reset to) that. */
#define OVS_CT_LIMIT_UNLIMITED	0

/**
 * struct ovs_ct_limit_info - a namespace's zone limits.
 * @zones: per-zone limits, indexed by zone id; each entry is an xarray
 *	value entry holding the limit (0: this zone is unlimited, whatever
 *	the default).  Read under RCU, written under ovs_mutex.
 * @default_limit: limit of zones without an entry; 0 means unlimited.
 * @conncount: connections per zone (the zone id is the u32 key).
 */
struct ovs_ct_limit_info {
	struct xarray zones;
	u32 default_limit;
	struct nf_conncount_data *conncount;
};

static struct ovs_ct_limit_info *ovs_ct_limit_info(const struct net *net)
{
	struct ovs_net *ovs_net = net_generic(net, ovs_net_id);

	return rcu_dereference_check(ovs_net->ct_limit_info,
				     lockdep_ovsl_is_held());
}

/* The limit that applies to @zone.  Context: RCU or ovs_mutex. */
static u32 ovs_ct_zone_limit(struct ovs_ct_limit_info *info, u16 zone)
{
	void *entry = xa_load(&info->zones, zone);

	return entry ? xa_to_value(entry) : READ_ONCE(info->default_limit);
}

/*
 * Would committing @ct, a new connection in @zone, take the zone over its
 * limit?  nf_conncount remembers @ct's tuple under the zone; when @ct is
 * dropped instead, its garbage collection forgets it.  Context: RCU, BH off.
 */
static int ovs_ct_check_limit(struct net *net, const struct sk_buff *skb,
			      const struct ovs_conntrack_info *info)
{
	struct ovs_ct_limit_info *limits = ovs_ct_limit_info(net);
	u32 key = info->zone.id;
	u32 limit;

	if (!limits)
		return 0;
	limit = ovs_ct_zone_limit(limits, info->zone.id);
	if (!limit)
		return 0;
	if (nf_conncount_count_skb(net, skb, info->family, limits->conncount,
				   &key) > limit) {
		net_warn_ratelimited("openvswitch: zone %u is over its conntrack limit of %u connections\n",
				     info->zone.id, limit);
		return -ENOMEM;
	}
	return 0;
}

/* How many connections @zone has.  Context: RCU. */
static u32 ovs_ct_zone_count(struct net *net, struct ovs_ct_limit_info *info,
			     u16 zone)
{
	u32 key = zone;

	return nf_conncount_count_skb(net, NULL, 0, info->conncount, &key);
}

static const struct nla_policy ovs_ct_limit_policy[OVS_CT_LIMIT_ATTR_MAX + 1] = {
	[OVS_CT_LIMIT_ATTR_ZONE_LIMIT] = { .type = NLA_NESTED },
};

/*
 * OVS_CT_LIMIT_ATTR_ZONE_LIMIT is not a nest of attributes but a packed
 * array of struct ovs_zone_limit.  Check all of it before acting on any:
 * whole entries only, zone ids OVS_ZONE_LIMIT_DEFAULT_ZONE or 0..65535.
 * Return: the number of entries, or -EINVAL (with an extack message).
 */
static int ovs_ct_limit_check_array(const struct nlattr *attr,
				    struct netlink_ext_ack *extack)
{
	const struct ovs_zone_limit *zl = nla_data(attr);
	int n = nla_len(attr) / sizeof(*zl);
	int i;

	if (nla_len(attr) % sizeof(*zl)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Zone limits must be whole struct ovs_zone_limit entries");
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (zl[i].zone_id != OVS_ZONE_LIMIT_DEFAULT_ZONE &&
		    (zl[i].zone_id < 0 || zl[i].zone_id > U16_MAX)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "Zone id out of range (-1 or 0..65535)");
			return -EINVAL;
		}
	}
	return n;
}

/* Reply skeleton shared by the three commands; @space: payload bytes. */
static struct sk_buff *ovs_ct_limit_reply(struct genl_info *info, u8 cmd,
					  size_t space,
					  struct ovs_header **hdr)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct sk_buff *skb;

	skb = genlmsg_new(sizeof(**hdr) + space, GFP_KERNEL);
	if (!skb)
		return ERR_PTR(-ENOMEM);
	*hdr = genlmsg_put(skb, info->snd_portid, info->snd_seq,
			   &dp_ct_limit_genl_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return ERR_PTR(-EMSGSIZE);
	}
	(*hdr)->dp_ifindex = req->dp_ifindex;
	return skb;
}

/* SET or DEL: write every entry of @attr (already checked) to @limits. */
static int ovs_ct_limit_write(struct ovs_ct_limit_info *limits,
			      const struct nlattr *attr, int n, bool del)
{
	const struct ovs_zone_limit *zl = nla_data(attr);
	int i, err;

	for (i = 0; i < n; i++) {
		if (zl[i].zone_id == OVS_ZONE_LIMIT_DEFAULT_ZONE) {
			WRITE_ONCE(limits->default_limit,
				   del ? OVS_CT_LIMIT_UNLIMITED : zl[i].limit);
			continue;
		}
		if (del) {
			xa_erase(&limits->zones, zl[i].zone_id);
			continue;
		}
		err = xa_err(xa_store(&limits->zones, zl[i].zone_id,
				      xa_mk_value(zl[i].limit),
				      GFP_KERNEL_ACCOUNT));
		if (err)
			return err;
	}
	return 0;
}

static int ovs_ct_limit_cmd_write(struct sk_buff *skb, struct genl_info *info,
				  bool del)
{
	const struct nlattr *attr = info->attrs[OVS_CT_LIMIT_ATTR_ZONE_LIMIT];
	struct ovs_ct_limit_info *limits;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	int n, err;

	if (!attr) {
		NL_SET_ERR_MSG_MOD(info->extack, "Zone limits missing");
		return -EINVAL;
	}
	n = ovs_ct_limit_check_array(attr, info->extack);
	if (n < 0)
		return n;

	reply = ovs_ct_limit_reply(info, del ? OVS_CT_LIMIT_CMD_DEL :
					       OVS_CT_LIMIT_CMD_SET, 0, &hdr);
	if (IS_ERR(reply))
		return PTR_ERR(reply);

	ovs_lock();
	limits = ovs_ct_limit_info(genl_info_net(info));
	err = ovs_ct_limit_write(limits, attr, n, del);
	ovs_unlock();
	if (err) {
		nlmsg_free(reply);
		return err;
	}
	if (!del)
		static_branch_enable(&ovs_ct_limit_enabled);

	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static int ovs_ct_limit_cmd_set(struct sk_buff *skb, struct genl_info *info)
{
	return ovs_ct_limit_cmd_write(skb, info, false);
}

static int ovs_ct_limit_cmd_del(struct sk_buff *skb, struct genl_info *info)
{
	return ovs_ct_limit_cmd_write(skb, info, true);
}

/* One reply entry; the default "zone" reports no count. */
static int ovs_ct_limit_put(struct sk_buff *reply, struct net *net,
			    struct ovs_ct_limit_info *limits, s32 zone_id)
{
	struct ovs_zone_limit zl = { .zone_id = zone_id };

	if (zone_id == OVS_ZONE_LIMIT_DEFAULT_ZONE) {
		zl.limit = READ_ONCE(limits->default_limit);
	} else {
		zl.limit = ovs_ct_zone_limit(limits, zone_id);
		zl.count = ovs_ct_zone_count(net, limits, zone_id);
	}
	return nla_put_nohdr(reply, sizeof(zl), &zl);
}

/*
 * GET: the listed zones (each with the limit that applies to it and its
 * connection count), or without a list the default followed by every zone
 * that has a limit of its own.  Under ovs_mutex, so that the reply can be
 * sized exactly.
 */
static int ovs_ct_limit_cmd_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct nlattr *attr = info->attrs[OVS_CT_LIMIT_ATTR_ZONE_LIMIT];
	struct net *net = genl_info_net(info);
	const struct ovs_zone_limit *zl = NULL;
	struct ovs_ct_limit_info *limits;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	struct nlattr *nest;
	unsigned long zone;
	int i, n, err = 0;
	void *entry;

	if (attr) {
		n = ovs_ct_limit_check_array(attr, info->extack);
		if (n < 0)
			return n;
		zl = nla_data(attr);
	}

	ovs_lock();
	limits = ovs_ct_limit_info(net);
	if (!attr) {
		n = 1;
		xa_for_each(&limits->zones, zone, entry)
			n++;
	}
	reply = ovs_ct_limit_reply(info, OVS_CT_LIMIT_CMD_GET,
				   nla_total_size(n * sizeof(*zl)), &hdr);
	if (IS_ERR(reply)) {
		ovs_unlock();
		return PTR_ERR(reply);
	}
	nest = nla_nest_start_noflag(reply, OVS_CT_LIMIT_ATTR_ZONE_LIMIT);
	if (!nest) {
		err = -EMSGSIZE;
		goto out;
	}

	rcu_read_lock();
	if (attr) {
		for (i = 0; i < n && !err; i++)
			err = ovs_ct_limit_put(reply, net, limits,
					       zl[i].zone_id);
	} else {
		err = ovs_ct_limit_put(reply, net, limits,
				       OVS_ZONE_LIMIT_DEFAULT_ZONE);
		xa_for_each(&limits->zones, zone, entry) {
			if (err)
				break;
			err = ovs_ct_limit_put(reply, net, limits, zone);
		}
	}
	rcu_read_unlock();
	nla_nest_end(reply, nest);
out:
	ovs_unlock();
	if (err) {
		nlmsg_free(reply);
		return err;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static const struct genl_small_ops dp_ct_limit_genl_ops[] = {
	{
		.cmd = OVS_CT_LIMIT_CMD_SET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_ct_limit_cmd_set,
	},
	{
		.cmd = OVS_CT_LIMIT_CMD_DEL,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_ct_limit_cmd_del,
	},
	{
		.cmd = OVS_CT_LIMIT_CMD_GET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_ct_limit_cmd_get,
	},
};

static const struct genl_multicast_group dp_ct_limit_mcgroups[] = {
	{ .name = OVS_CT_LIMIT_MCGROUP },
};

/* Registered with the other families by datapath.c's module init. */
struct genl_family dp_ct_limit_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_CT_LIMIT_FAMILY,
	.version = OVS_CT_LIMIT_VERSION,
	.maxattr = OVS_CT_LIMIT_ATTR_MAX,
	.policy = ovs_ct_limit_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_ct_limit_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_ct_limit_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_CT_LIMIT_CMD_GET + 1,
#endif
	.mcgrps = dp_ct_limit_mcgroups,
	.n_mcgrps = ARRAY_SIZE(dp_ct_limit_mcgroups),
	.module = THIS_MODULE,
};

MODULE_ALIAS_GENL_FAMILY(OVS_CT_LIMIT_FAMILY);

static int ovs_ct_limit_init(struct net *net)
{
	struct ovs_net *ovs_net = net_generic(net, ovs_net_id);
	struct ovs_ct_limit_info *limits;

	limits = kzalloc(sizeof(*limits), GFP_KERNEL);
	if (!limits)
		return -ENOMEM;
	xa_init(&limits->zones);
	limits->default_limit = OVS_CT_LIMIT_UNLIMITED;
	limits->conncount = nf_conncount_init_inet(net, sizeof(u32));
	if (IS_ERR(limits->conncount)) {
		int err = PTR_ERR(limits->conncount);

		pr_err("openvswitch: cannot set up connection counting: %d\n",
		       err);
		kfree(limits);
		return err;
	}
	rcu_assign_pointer(ovs_net->ct_limit_info, limits);
	return 0;
}

static void ovs_ct_limit_exit(struct net *net)
{
	struct ovs_net *ovs_net = net_generic(net, ovs_net_id);
	struct ovs_ct_limit_info *limits;

	limits = rcu_replace_pointer(ovs_net->ct_limit_info, NULL, true);
	if (!limits)
		return;
	/* Packets that were already in the datapath may still count. */
	synchronize_rcu();
	nf_conncount_destroy_inet(net, limits->conncount);
	xa_destroy(&limits->zones);
	kfree(limits);
}

#else /* !OVS_CT_LIMIT_SUPPORTED */

static int ovs_ct_check_limit(struct net *net, const struct sk_buff *skb,
			      const struct ovs_conntrack_info *info)
{
	return 0;
}

static int ovs_ct_limit_init(struct net *net)
{
	return 0;
}

static void ovs_ct_limit_exit(struct net *net)
{
}

#endif /* OVS_CT_LIMIT_SUPPORTED */

/* ------------------------------------------------------------------ */
/* Per-namespace setup                                                */
/* ------------------------------------------------------------------ */

/**
 * ovs_ct_init - per-namespace conntrack setup.
 * @net: the namespace being initialised.
 *
 * Reserves all 128 conntrack label bits, so that new entries get the labels
 * extension and ct_label works, and sets up the namespace's zone limits
 * (none: every zone unlimited) and their nf_conncount tree.  Defragmentation needs no per-namespace
 * switch: ct() calls ip_defrag()/nf_ct_frag6_gather() directly, whose state
 * exists in every namespace, so the host stack's own reassembly is left as
 * it was (as with the in-tree datapath).
 *
 * Context: process context (pernet init), may sleep.
 * Return: 0 or a negative errno.
 */
int ovs_ct_init(struct net *net)
{
	int err;

	err = nf_connlabels_get(net, NF_CT_LABELS_MAX_SIZE * BITS_PER_BYTE - 1);
	if (err) {
		pr_err("openvswitch: cannot reserve conntrack labels: %d\n", err);
		return err;
	}
	err = ovs_ct_limit_init(net);
	if (err)
		nf_connlabels_put(net);
	return err;
}

/**
 * ovs_ct_exit - undo ovs_ct_init().
 * @net: the namespace being dismantled (or the module going away).
 *
 * Context: process context (pernet exit), may sleep.
 */
void ovs_ct_exit(struct net *net)
{
	ovs_ct_limit_exit(net);
	nf_connlabels_put(net);
}
