// SPDX-License-Identifier: GPL-2.0-only
/*
 * Datapath actions.
 *
 * Two halves live here.  At flow-install time a userspace action list
 * (OVS_ACTION_ATTR_*) is checked against the flow key and copied into a
 * kernel list, with a few rewrites that make execution cheaper:
 *
 *  - a plain set of a whole key attribute becomes the kernel-internal
 *    OVS_ACTION_ATTR_SET_TO_MASKED carrying value and mask, the mask
 *    covering exactly the fields that may be written;
 *  - sample() and clone() get a private first attribute recording whether
 *    their nested actions may change the flow key (and, for sample, the
 *    probability);
 *  - ct() is handed to conntrack.c, which stores a prepared description;
 *  - set(tunnel()) becomes OVS_ACTION_ATTR_SET holding a kernel-internal
 *    OVS_KEY_ATTR_TUNNEL_INFO whose payload is a pointer to a preallocated
 *    transmit metadata dst, attached to packets when executed.
 *
 * The serializer undoes these rewrites so userspace reads back what it
 * wrote.  At packet time the kernel list is executed.  Recirculation and
 * nested sample/clone that would recurse too deeply are put on a small
 * per-CPU FIFO that the outermost ovs_execute_actions() drains before it
 * returns; a per-CPU level counter bounds recursion through recirculation
 * and through ports that loop back into the datapath.
 *
 * Behaviour follows the in-tree datapath (net/openvswitch/actions.c and
 * the action half of flow_netlink.c), which ovs-vswitchd expects.
 */

/* compat.h is force-included and pulls in printk.h first. */
#undef pr_fmt
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/openvswitch.h>
#include <linux/percpu.h>
#include <linux/random.h>
#include <linux/sctp.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/icmpv6.h>

#include <net/checksum.h>
#include <net/dsfield.h>
#include <net/dst.h>
#include <net/dst_metadata.h>
#include <net/ip.h>
#include <net/ip6_fib.h>
#include <net/ipv6.h>
#include <net/ipv6_stubs.h>
#include <net/mpls.h>
#include <net/route.h>
#include <net/sctp/checksum.h>

#include "actions.h"
#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "flow_netlink.h"
#include "meter.h"
#include "vport.h"

/*
 * Private attribute type of the first attribute nested in a kernel clone()
 * action: a u32, non-zero when the nested actions leave the flow key alone
 * (or the clone is the last action) so they may run on the caller's key.
 */
#define OVS_CLONE_ARG_EXEC		0

/*
 * Marks a flow key that no longer describes the packet (e.g. after a VLAN
 * tag was pushed onto an already tagged frame).  The key's mac_proto is
 * otherwise always 0; the bit is cleared by re-extracting the key before
 * the key is handed to any other part of the datapath.
 */
#define OVS_KEY_STALE			0x80

/* The 20 flow-label bits of an IPv6 header's first word, host order. */
#define OVS_IPV6_LABEL_BITS		0x000FFFFFU

/* Smallest action buffer allocated; later growth goes by powers of two. */
#define OVS_ACTS_MIN_ALLOC		256

/* Per-CPU deferred-action FIFO depth. */
#define OVS_DEFERRED_FIFO_SIZE		10
/* Nesting of ovs_execute_actions() (recirculation, looping ports). */
#define OVS_RECURSION_LIMIT		5
/* Levels at which a nested key copy may still be executed in place. */
#define OVS_KEY_STACK_DEPTH		(OVS_RECURSION_LIMIT - 2)

/* Longest L2 header (Ethernet plus two VLAN tags) kept when refragmenting. */
#define OVS_FRAG_MAX_L2			(VLAN_ETH_HLEN + VLAN_HLEN)

/**
 * struct ovs_deferred_action - work postponed to the outermost execution.
 * @dp: datapath the work belongs to.
 * @skb: the packet, owned by the entry.
 * @actions: actions to run, or NULL to recirculate (look up @key again).
 * @actions_len: length of @actions.
 * @key: private copy of the packet's key.
 */
struct ovs_deferred_action {
	struct datapath *dp;
	struct sk_buff *skb;
	const struct nlattr *actions;
	int actions_len;
	struct sw_flow_key key;
};

/**
 * struct ovs_exec_cpu - one CPU's action-execution state.
 * @level: current nesting of ovs_execute_actions() and in-place clones.
 * @fifo_head: next free FIFO slot.
 * @fifo_tail: next FIFO slot to run.
 * @fifo: deferred work, drained at level 1.
 * @key_stack: key copies for nested execution, one per level.
 *
 * Only touched with BH disabled on the owning CPU.
 */
struct ovs_exec_cpu {
	int level;
	unsigned int fifo_head;
	unsigned int fifo_tail;
	struct ovs_deferred_action fifo[OVS_DEFERRED_FIFO_SIZE];
	struct sw_flow_key key_stack[OVS_KEY_STACK_DEPTH];
};

static struct ovs_exec_cpu __percpu *ovs_exec_cpus;

/* New value of a field: bits under @mask from @val, the rest from @old. */
#define OVS_APPLY_MASK(old, val, mask)	(((old) & ~(mask)) | ((val) & (mask)))

/*
 * Whether @a, seen with @rem bytes left in its list (itself included), is
 * the final attribute: nothing that could hold another attribute follows.
 */
static bool act_is_last(const struct nlattr *a, int rem)
{
	return rem - (int)NLA_ALIGN(a->nla_len) < NLA_HDRLEN;
}

/* ------------------------------------------------------------------ */
/* Kernel action lists: allocation, growth, freeing.                   */
/* ------------------------------------------------------------------ */

/*
 * Bytes of action storage behind an sfa.  The buffer is only ever
 * allocated as a power of two no smaller than both OVS_ACTS_MIN_ALLOC and
 * orig_len (fixed at allocation), and regrown to the power of two covering
 * actions_len, so its size can be recomputed instead of stored.
 */
static size_t sfa_capacity(const struct sw_flow_actions *sfa)
{
	size_t want = max_t(size_t, sfa->orig_len, OVS_ACTS_MIN_ALLOC);

	want = max_t(size_t, want, sfa->actions_len);
	return roundup_pow_of_two(want);
}

static struct sw_flow_actions *sfa_alloc(size_t orig_len)
{
	struct sw_flow_actions *sfa;
	size_t cap;

	cap = roundup_pow_of_two(max_t(size_t, orig_len, OVS_ACTS_MIN_ALLOC));
	sfa = kmalloc(sizeof(*sfa) + cap, GFP_KERNEL);
	if (!sfa)
		return NULL;
	sfa->orig_len = orig_len;
	sfa->actions_len = 0;
	return sfa;
}

/*
 * Reserve @size bytes (a multiple of NLA_ALIGNTO) at the end of the list,
 * reallocating it if needed.  Returns where they start.
 */
static void *sfa_reserve(struct sw_flow_actions **sfa, size_t size, bool log)
{
	struct sw_flow_actions *acts = *sfa;
	size_t need = acts->actions_len + size;
	void *at;

	if (need > OVS_MAX_ACTIONS_BUFSIZE) {
		OVS_NLERR(log, "Flow action size exceeds max %u",
			  OVS_MAX_ACTIONS_BUFSIZE);
		return ERR_PTR(-EMSGSIZE);
	}

	if (need > sfa_capacity(acts)) {
		struct sw_flow_actions *bigger;

		bigger = kmalloc(sizeof(*bigger) + roundup_pow_of_two(need),
				 GFP_KERNEL);
		if (!bigger)
			return ERR_PTR(-ENOMEM);
		bigger->orig_len = acts->orig_len;
		bigger->actions_len = acts->actions_len;
		memcpy(bigger->actions, acts->actions, acts->actions_len);
		kfree(acts);
		*sfa = bigger;
		acts = bigger;
	}

	at = (u8 *)acts->actions + acts->actions_len;
	acts->actions_len = need;
	return at;
}

/**
 * ovs_nla_add_action - append one attribute to an action list being built.
 * @sfa: the list; may be replaced by a larger copy (the old one is freed).
 * @attrtype: OVS_ACTION_ATTR_*, an internal type, or a nested type when
 *	building the inside of a nest.
 * @data: payload to copy, or NULL for a zero-filled payload.
 * @len: payload bytes, 0..(OVS_MAX_ACTIONS_BUFSIZE - NLA_HDRLEN).
 * @log: log errors.
 *
 * The attribute is padded to NLA_ALIGNTO with zeroes.  The returned
 * pointer is valid until the next append to @sfa.
 * Context: process context (allocates with GFP_KERNEL).
 * Return: the new attribute; ERR_PTR(-EMSGSIZE) if the list would exceed
 *	OVS_MAX_ACTIONS_BUFSIZE; ERR_PTR(-ENOMEM).
 */
struct nlattr *ovs_nla_add_action(struct sw_flow_actions **sfa, int attrtype,
				  void *data, int len, bool log)
{
	struct nlattr *a;

	if (len < 0 || len > U16_MAX - NLA_HDRLEN)
		return ERR_PTR(-EMSGSIZE);

	a = sfa_reserve(sfa, nla_total_size(len), log);
	if (IS_ERR(a))
		return a;

	a->nla_type = attrtype;
	a->nla_len = nla_attr_size(len);
	if (data)
		memcpy(nla_data(a), data, len);
	else
		memset(nla_data(a), 0, len);
	memset((u8 *)a + a->nla_len, 0, nla_padlen(len));
	return a;
}

/* Start a nest: returns its offset in the list, or a negative errno. */
static int sfa_nest_start(struct sw_flow_actions **sfa, int attrtype, bool log)
{
	int off = (*sfa)->actions_len;
	struct nlattr *a;

	a = ovs_nla_add_action(sfa, attrtype, NULL, 0, log);
	if (IS_ERR(a))
		return PTR_ERR(a);
	return off;
}

/* Close the nest started at @off: its length covers the list's tail. */
static int sfa_nest_end(struct sw_flow_actions *sfa, int off)
{
	u32 len = sfa->actions_len - off;
	struct nlattr *a;

	if (len > U16_MAX)
		return -EMSGSIZE;
	a = (struct nlattr *)((u8 *)sfa->actions + off);
	a->nla_len = len;
	return 0;
}

/*
 * Skip the private argument that opens a kernel sample() or clone() and
 * return the nested action list that follows (its length in *@len).
 */
static const struct nlattr *nested_after_arg(const struct nlattr *a, int *len)
{
	const struct nlattr *arg = nla_data(a);
	int rem = nla_len(a);

	if (!nla_ok(arg, rem)) {
		*len = 0;
		return arg;
	}
	arg = nla_next(arg, &rem);
	*len = max(rem, 0);
	return arg;
}

/*
 * The metadata dst of a kernel OVS_ACTION_ATTR_SET made from set(tunnel()),
 * or NULL if @a holds something else.  The pointer is stored unaligned
 * (attributes are only 4-byte aligned).
 */
static struct metadata_dst *set_action_tun_dst(const struct nlattr *a)
{
	const struct nlattr *inner = nla_data(a);
	struct metadata_dst *md;

	if (nla_len(a) < NLA_HDRLEN ||
	    nla_type(inner) != OVS_KEY_ATTR_TUNNEL_INFO ||
	    nla_len(inner) != sizeof(md))
		return NULL;
	memcpy(&md, nla_data(inner), sizeof(md));
	return md;
}

/*
 * Release what the actions in a kernel list hold (ct() state, set(tunnel())
 * metadata dsts: packets still carrying one keep their own reference).
 */
static void free_action_list(const struct nlattr *actions, int len)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_attr(a, actions, len, rem) {
		const struct nlattr *inner;
		int inner_len;

		switch (nla_type(a)) {
		case OVS_ACTION_ATTR_CT:
			ovs_ct_free_action(a);
			break;
		case OVS_ACTION_ATTR_SET: {
			struct metadata_dst *md = set_action_tun_dst(a);

			if (md)
				dst_release(&md->dst);
			break;
		}
		case OVS_ACTION_ATTR_SAMPLE:
		case OVS_ACTION_ATTR_CLONE:
			inner = nested_after_arg(a, &inner_len);
			free_action_list(inner, inner_len);
			break;
		case OVS_ACTION_ATTR_CHECK_PKT_LEN: {
			const struct nlattr *branch;
			int brem;

			/* The argument, then the two branches' lists. */
			nla_for_each_nested(branch, a, brem)
				if (nla_type(branch) != OVS_CHECK_PKT_LEN_ATTR_ARG)
					free_action_list(nla_data(branch),
							 nla_len(branch));
			break;
		}
		}
	}
}

/* Free the list's tail from offset @start on and cut it off. */
static void sfa_trim(struct sw_flow_actions *sfa, int start)
{
	free_action_list((const struct nlattr *)((u8 *)sfa->actions + start),
			 sfa->actions_len - start);
	sfa->actions_len = start;
}

/**
 * ovs_nla_free_flow_actions - free a kernel action list now.
 * @sfa: the list, or NULL.
 *
 * Releases the conntrack state of every ct() and the metadata dst of every
 * set(tunnel()) in the list, nested ones included, then the list itself.
 * Context: any context that may call ovs_ct_free_action() (process
 *	context or an RCU callback); no packet may still be using @sfa.
 */
void ovs_nla_free_flow_actions(struct sw_flow_actions *sfa)
{
	if (!sfa)
		return;
	free_action_list(sfa->actions, sfa->actions_len);
	kfree(sfa);
}

static void free_flow_actions_rcu_cb(struct rcu_head *head)
{
	ovs_nla_free_flow_actions(container_of(head, struct sw_flow_actions,
					       rcu));
}

/**
 * ovs_nla_free_flow_actions_rcu - free a kernel action list once current
 * RCU readers (packets executing it) are done.
 * @sfa: the list, or NULL.
 *
 * Context: any; the list must already be unreachable for new readers.
 */
void ovs_nla_free_flow_actions_rcu(struct sw_flow_actions *sfa)
{
	if (sfa)
		call_rcu(&sfa->rcu, free_flow_actions_rcu_cb);
}

/* ------------------------------------------------------------------ */
/* Validation and copy at install time.                                */
/* ------------------------------------------------------------------ */

/**
 * struct copy_ctx - what every level of a copy needs.
 * @net: the datapath's namespace (for ct()).
 * @key: the flow's masked key the actions are checked against.
 * @log: log errors.
 */
struct copy_ctx {
	struct net *net;
	const struct sw_flow_key *key;
	bool log;
};

/**
 * struct copy_state - the packet as the actions copied so far leave it.
 * @eth_type: its EtherType (the flow key's at the start; 0 once the last
 *	MPLS label is popped, when no more L3 actions may follow).
 * @vlan_tci: its outer VLAN TCI (OVS_VLAN_PRESENT set when tagged).
 * @mpls_labels: MPLS label stack depth known to be on it.
 *
 * Each action list starts from its enclosing list's state at the point of
 * the sample() or clone(); what a nested list does stays inside it, as in
 * the in-tree datapath.
 */
struct copy_state {
	__be16 eth_type;
	__be16 vlan_tci;
	u32 mpls_labels;
};

static int copy_action_list(const struct copy_ctx *ctx,
			    const struct copy_state *init,
			    const struct nlattr *actions, int len,
			    struct sw_flow_actions **sfa, int depth);

/* Append @a unchanged. */
static int copy_verbatim(const struct nlattr *a, struct sw_flow_actions **sfa,
			 bool log)
{
	struct nlattr *to;

	to = ovs_nla_add_action(sfa, nla_type(a), (void *)nla_data(a),
				nla_len(a), log);
	return PTR_ERR_OR_ZERO(to);
}

/*
 * May executing this (userspace-form) list change the flow key?  Only
 * output, recirc, trunc and userspace are known to leave it alone.
 */
static bool actions_may_change_key(const struct nlattr *actions, int len)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_attr(a, actions, len, rem) {
		switch (nla_type(a)) {
		case OVS_ACTION_ATTR_OUTPUT:
		case OVS_ACTION_ATTR_RECIRC:
		case OVS_ACTION_ATTR_TRUNC:
		case OVS_ACTION_ATTR_USERSPACE:
			break;
		default:
			return true;
		}
	}
	return false;
}

static bool key_is_ip(const struct sw_flow_key *key)
{
	return key->eth.type == htons(ETH_P_IP) ||
	       key->eth.type == htons(ETH_P_IPV6);
}

static bool eth_type_is_ip(__be16 type)
{
	return type == htons(ETH_P_IP) || type == htons(ETH_P_IPV6);
}

/* Does every 1 bit of the value lie under the mask that follows it? */
static bool masked_value_ok(const u8 *value, int len)
{
	const u8 *mask = value + len;
	int i;

	for (i = 0; i < len; i++)
		if (value[i] & ~mask[i])
			return false;
	return true;
}

/*
 * Check a set or masked-set action against the flow key.  @key_attr is the
 * single key attribute it carries and @len its value length (half the
 * payload when @masked).
 */
static int check_set(const struct copy_ctx *ctx, const struct copy_state *st,
		     const struct nlattr *key_attr, int len, bool masked)
{
	const struct sw_flow_key *key = ctx->key;
	int type = nla_type(key_attr);
	int expect;

	switch (type) {
	case OVS_KEY_ATTR_PRIORITY:
	case OVS_KEY_ATTR_SKB_MARK:
		expect = sizeof(u32);
		break;

	case OVS_KEY_ATTR_ETHERNET:
		expect = sizeof(struct ovs_key_ethernet);
		break;

	case OVS_KEY_ATTR_IPV4: {
		const struct ovs_key_ipv4 *v = nla_data(key_attr);

		expect = sizeof(*v);
		if (len != expect)
			break;
		if (st->eth_type != htons(ETH_P_IP)) {
			OVS_NLERR(ctx->log, "set(ipv4) on a non-IPv4 flow");
			return -EINVAL;
		}
		if (masked) {
			const struct ovs_key_ipv4 *m = v + 1;

			if (m->ipv4_proto || m->ipv4_frag) {
				OVS_NLERR(ctx->log,
					  "set(ipv4) cannot change proto or frag");
				return -EINVAL;
			}
		} else if (v->ipv4_proto != key->ip.proto ||
			   v->ipv4_frag != key->ip.frag) {
			OVS_NLERR(ctx->log,
				  "set(ipv4) cannot change proto or frag");
			return -EINVAL;
		}
		break;
	}

	case OVS_KEY_ATTR_IPV6: {
		const struct ovs_key_ipv6 *v = nla_data(key_attr);

		expect = sizeof(*v);
		if (len != expect)
			break;
		if (st->eth_type != htons(ETH_P_IPV6)) {
			OVS_NLERR(ctx->log, "set(ipv6) on a non-IPv6 flow");
			return -EINVAL;
		}
		if (masked) {
			const struct ovs_key_ipv6 *m = v + 1;

			if (m->ipv6_proto || m->ipv6_frag ||
			    (ntohl(m->ipv6_label) & ~OVS_IPV6_LABEL_BITS)) {
				OVS_NLERR(ctx->log,
					  "set(ipv6) writes read-only bits");
				return -EINVAL;
			}
		} else if (v->ipv6_proto != key->ip.proto ||
			   v->ipv6_frag != key->ip.frag) {
			OVS_NLERR(ctx->log,
				  "set(ipv6) cannot change proto or frag");
			return -EINVAL;
		}
		if (ntohl(v->ipv6_label) & ~OVS_IPV6_LABEL_BITS) {
			OVS_NLERR(ctx->log, "set(ipv6) label wider than 20 bits");
			return -EINVAL;
		}
		break;
	}

	case OVS_KEY_ATTR_TCP:
	case OVS_KEY_ATTR_UDP:
	case OVS_KEY_ATTR_SCTP: {
		u8 proto = type == OVS_KEY_ATTR_TCP ? IPPROTO_TCP :
			   type == OVS_KEY_ATTR_UDP ? IPPROTO_UDP : IPPROTO_SCTP;

		/* All three have two __be16 ports. */
		expect = sizeof(struct ovs_key_tcp);
		if (!eth_type_is_ip(st->eth_type) || key->ip.proto != proto) {
			OVS_NLERR(ctx->log,
				  "set of L4 ports (key %d) on a flow without that protocol",
				  type);
			return -EINVAL;
		}
		break;
	}

	case OVS_KEY_ATTR_MPLS:
		/* One label stack entry: the outermost. */
		expect = sizeof(struct ovs_key_mpls);
		if (!eth_p_mpls(st->eth_type)) {
			OVS_NLERR(ctx->log, "set(mpls) on a packet without MPLS");
			return -EINVAL;
		}
		if (len != expect)
			break;
		return 0;

	case OVS_KEY_ATTR_TUNNEL:
		/* Plain sets of a tunnel are handled by copy_set_tunnel(). */
		OVS_NLERR(ctx->log, "Masked tunnel set actions are not supported");
		return -EINVAL;

	default:
		OVS_NLERR(ctx->log, "Key attribute %d cannot be set", type);
		return -EINVAL;
	}

	if (len != expect || ovs_key_attr_len(type) != expect) {
		OVS_NLERR(ctx->log, "set of key %d has length %d, expected %d",
			  type, len, expect);
		return -EINVAL;
	}
	return 0;
}

/*
 * set(tunnel()): OVS_ACTION_ATTR_SET { OVS_KEY_ATTR_TUNNEL_INFO { pointer
 * to a TX metadata dst } }, the dst owned by the action list.
 */
static int copy_set_tunnel(const struct copy_ctx *ctx,
			   const struct nlattr *key_attr,
			   struct sw_flow_actions **sfa)
{
	struct metadata_dst *md;
	struct nlattr *added;
	int start, err;

	err = ovs_nla_get_tunnel_dst(key_attr, &md, ctx->log);
	if (err)
		return err;

	start = sfa_nest_start(sfa, OVS_ACTION_ATTR_SET, ctx->log);
	if (start < 0) {
		err = start;
		goto free_md;
	}
	added = ovs_nla_add_action(sfa, OVS_KEY_ATTR_TUNNEL_INFO, &md,
				   sizeof(md), ctx->log);
	if (IS_ERR(added)) {
		err = PTR_ERR(added);
		goto undo;
	}
	err = sfa_nest_end(*sfa, start);
	if (err)
		goto undo;
	return 0;

undo:
	(*sfa)->actions_len = start;
free_md:
	dst_release(&md->dst);
	return err;
}

/*
 * OVS_ACTION_ATTR_SET and _SET_MASKED.  Masked sets are copied as they
 * are; plain sets become SET_TO_MASKED with a mask of the settable bits,
 * except set(tunnel()), which copy_set_tunnel() prepares.
 */
static int copy_set(const struct copy_ctx *ctx, const struct copy_state *st,
		    const struct nlattr *a, bool masked,
		    struct sw_flow_actions **sfa)
{
	const struct nlattr *key_attr = nla_data(a);
	struct nlattr *nested;
	int len, err, start;
	u8 *value;

	/* Exactly one key attribute, filling the payload. */
	if (!nla_ok(key_attr, nla_len(a)) ||
	    nla_total_size(nla_len(key_attr)) != nla_len(a)) {
		OVS_NLERR(ctx->log, "set action must hold exactly one key");
		return -EINVAL;
	}

	if (!masked && nla_type(key_attr) == OVS_KEY_ATTR_TUNNEL)
		return copy_set_tunnel(ctx, key_attr, sfa);

	len = nla_len(key_attr);
	if (masked) {
		if (len % 2) {
			OVS_NLERR(ctx->log, "masked set with odd length %d",
				  len);
			return -EINVAL;
		}
		len /= 2;
	}

	err = check_set(ctx, st, key_attr, len, masked);
	if (err)
		return err;

	if (masked) {
		if (!masked_value_ok(nla_data(key_attr), len)) {
			OVS_NLERR(ctx->log,
				  "masked set value has bits outside its mask");
			return -EINVAL;
		}
		return copy_verbatim(a, sfa, ctx->log);
	}

	start = sfa_nest_start(sfa, OVS_ACTION_ATTR_SET_TO_MASKED, ctx->log);
	if (start < 0)
		return start;
	nested = ovs_nla_add_action(sfa, nla_type(key_attr), NULL, 2 * len,
				    ctx->log);
	if (IS_ERR(nested)) {
		(*sfa)->actions_len = start;
		return PTR_ERR(nested);
	}

	value = nla_data(nested);
	memcpy(value, nla_data(key_attr), len);
	memset(value + len, 0xff, len);

	/* Fields a plain set must match but never writes are left unmasked. */
	switch (nla_type(key_attr)) {
	case OVS_KEY_ATTR_IPV4: {
		struct ovs_key_ipv4 *m = (struct ovs_key_ipv4 *)(value + len);

		m->ipv4_proto = 0;
		m->ipv4_frag = 0;
		break;
	}
	case OVS_KEY_ATTR_IPV6: {
		struct ovs_key_ipv6 *m = (struct ovs_key_ipv6 *)(value + len);

		m->ipv6_proto = 0;
		m->ipv6_frag = 0;
		m->ipv6_label = htonl(OVS_IPV6_LABEL_BITS);
		break;
	}
	}

	err = sfa_nest_end(*sfa, start);
	if (err)
		(*sfa)->actions_len = start;
	return err;
}

static int copy_userspace(const struct copy_ctx *ctx, const struct nlattr *a,
			  struct sw_flow_actions **sfa)
{
	static const struct nla_policy policy[OVS_USERSPACE_ATTR_MAX + 1] = {
		[OVS_USERSPACE_ATTR_PID] = { .type = NLA_U32 },
		[OVS_USERSPACE_ATTR_USERDATA] = { .type = NLA_UNSPEC },
		[OVS_USERSPACE_ATTR_EGRESS_TUN_PORT] = { .type = NLA_U32 },
		[OVS_USERSPACE_ATTR_ACTIONS] = { .type = NLA_FLAG },
	};
	struct nlattr *attrs[OVS_USERSPACE_ATTR_MAX + 1];
	int err;

	err = nla_parse_nested_deprecated(attrs, OVS_USERSPACE_ATTR_MAX, a,
					  policy, NULL);
	if (err) {
		OVS_NLERR(ctx->log, "malformed userspace action");
		return err;
	}
	if (!attrs[OVS_USERSPACE_ATTR_PID] ||
	    !nla_get_u32(attrs[OVS_USERSPACE_ATTR_PID])) {
		OVS_NLERR(ctx->log, "userspace action needs a non-zero pid");
		return -EINVAL;
	}
	return copy_verbatim(a, sfa, ctx->log);
}

static int copy_sample(const struct copy_ctx *ctx, const struct copy_state *st,
		       const struct nlattr *a, bool last,
		       struct sw_flow_actions **sfa, int depth)
{
	const struct nlattr *attrs[OVS_SAMPLE_ATTR_MAX + 1] = { NULL };
	const struct nlattr *prob, *acts, *n;
	struct sample_arg arg;
	struct nlattr *added;
	int rem, start, err;

	nla_for_each_nested(n, a, rem) {
		int type = nla_type(n);

		if (!type || type > OVS_SAMPLE_ATTR_MAX || attrs[type]) {
			OVS_NLERR(ctx->log,
				  "sample: unknown or repeated attribute %d",
				  type);
			return -EINVAL;
		}
		attrs[type] = n;
	}
	if (rem) {
		OVS_NLERR(ctx->log, "sample: %d trailing bytes", rem);
		return -EINVAL;
	}

	prob = attrs[OVS_SAMPLE_ATTR_PROBABILITY];
	acts = attrs[OVS_SAMPLE_ATTR_ACTIONS];
	if (!prob || nla_len(prob) != sizeof(u32)) {
		OVS_NLERR(ctx->log, "sample: missing or bad probability");
		return -EINVAL;
	}
	if (!acts || (nla_len(acts) && nla_len(acts) < NLA_HDRLEN)) {
		OVS_NLERR(ctx->log, "sample: missing or bad action list");
		return -EINVAL;
	}

	start = sfa_nest_start(sfa, OVS_ACTION_ATTR_SAMPLE, ctx->log);
	if (start < 0)
		return start;

	memset(&arg, 0, sizeof(arg));
	arg.probability = nla_get_u32(prob);
	arg.exec = last || !actions_may_change_key(nla_data(acts),
						   nla_len(acts));
	added = ovs_nla_add_action(sfa, OVS_SAMPLE_ATTR_ARG, &arg, sizeof(arg),
				   ctx->log);
	if (IS_ERR(added)) {
		err = PTR_ERR(added);
		goto undo;
	}

	err = copy_action_list(ctx, st, nla_data(acts), nla_len(acts), sfa,
			       depth + 1);
	if (err)
		goto undo;

	err = sfa_nest_end(*sfa, start);
	if (err) {
		OVS_NLERR(ctx->log, "sample: nested actions too long");
		sfa_trim(*sfa, start + NLA_HDRLEN + nla_total_size(sizeof(arg)));
		goto undo;
	}
	return 0;

undo:
	(*sfa)->actions_len = start;
	return err;
}

static int copy_clone(const struct copy_ctx *ctx, const struct copy_state *st,
		      const struct nlattr *a, bool last,
		      struct sw_flow_actions **sfa, int depth)
{
	struct nlattr *added;
	int start, err;
	u32 exec;

	if (nla_len(a) && nla_len(a) < NLA_HDRLEN) {
		OVS_NLERR(ctx->log, "clone: malformed action list");
		return -EINVAL;
	}

	start = sfa_nest_start(sfa, OVS_ACTION_ATTR_CLONE, ctx->log);
	if (start < 0)
		return start;

	exec = last || !actions_may_change_key(nla_data(a), nla_len(a));
	added = ovs_nla_add_action(sfa, OVS_CLONE_ARG_EXEC, &exec, sizeof(exec),
				   ctx->log);
	if (IS_ERR(added)) {
		err = PTR_ERR(added);
		goto undo;
	}

	err = copy_action_list(ctx, st, nla_data(a), nla_len(a), sfa,
			       depth + 1);
	if (err)
		goto undo;

	err = sfa_nest_end(*sfa, start);
	if (err) {
		OVS_NLERR(ctx->log, "clone: nested actions too long");
		sfa_trim(*sfa, start + NLA_HDRLEN + nla_total_size(sizeof(exec)));
		goto undo;
	}
	return 0;

undo:
	(*sfa)->actions_len = start;
	return err;
}

/*
 * Copy one branch of check_pkt_len() as a nest of type @type holding the
 * kernel copy of @acts.  On failure nothing of the branch is left behind.
 */
static int copy_pkt_len_branch(const struct copy_ctx *ctx,
			       const struct copy_state *st, int type,
			       const struct nlattr *acts,
			       struct sw_flow_actions **sfa, int depth)
{
	int start, err;

	start = sfa_nest_start(sfa, type, ctx->log);
	if (start < 0)
		return start;
	err = copy_action_list(ctx, st, nla_data(acts), nla_len(acts), sfa,
			       depth + 1);
	if (err)
		goto undo;
	err = sfa_nest_end(*sfa, start);
	if (err) {
		OVS_NLERR(ctx->log, "check_pkt_len: branch actions too long");
		sfa_trim(*sfa, start + NLA_HDRLEN);
		goto undo;
	}
	return 0;

undo:
	(*sfa)->actions_len = start;
	return err;
}

/*
 * check_pkt_len(): OVS_CHECK_PKT_LEN_ATTR_PKT_LEN (u16, bytes) and both
 * branches' action lists are required, nothing else is allowed (uAPI
 * enum ovs_check_pkt_len_attr; the in-tree datapath since 5.2).  The
 * kernel copy holds the prepared struct check_pkt_len_arg, then the
 * less-or-equal branch, then the greater one; each branch is validated
 * from the state before the action, as either may run.
 */
static int copy_check_pkt_len(const struct copy_ctx *ctx,
			      const struct copy_state *st,
			      const struct nlattr *a, bool last,
			      struct sw_flow_actions **sfa, int depth)
{
	const struct nlattr *attrs[OVS_CHECK_PKT_LEN_ATTR_MAX + 1] = { NULL };
	const struct nlattr *len, *gt, *le, *n;
	struct check_pkt_len_arg arg;
	struct nlattr *added;
	int rem, start, le_start, err;

	nla_for_each_nested(n, a, rem) {
		int type = nla_type(n);

		if (!type || type > OVS_CHECK_PKT_LEN_ATTR_MAX || attrs[type]) {
			OVS_NLERR(ctx->log,
				  "check_pkt_len: unknown or repeated attribute %d",
				  type);
			return -EINVAL;
		}
		attrs[type] = n;
	}
	if (rem) {
		OVS_NLERR(ctx->log, "check_pkt_len: %d trailing bytes", rem);
		return -EINVAL;
	}

	len = attrs[OVS_CHECK_PKT_LEN_ATTR_PKT_LEN];
	gt = attrs[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER];
	le = attrs[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL];
	if (!len || nla_len(len) != sizeof(u16)) {
		OVS_NLERR(ctx->log, "check_pkt_len: missing or bad length");
		return -EINVAL;
	}
	if (!gt || !le || (nla_len(gt) && nla_len(gt) < NLA_HDRLEN) ||
	    (nla_len(le) && nla_len(le) < NLA_HDRLEN)) {
		OVS_NLERR(ctx->log, "check_pkt_len: missing or bad action list");
		return -EINVAL;
	}

	start = sfa_nest_start(sfa, OVS_ACTION_ATTR_CHECK_PKT_LEN, ctx->log);
	if (start < 0)
		return start;

	memset(&arg, 0, sizeof(arg));
	arg.pkt_len = nla_get_u16(len);
	arg.exec_for_greater = last ||
		!actions_may_change_key(nla_data(gt), nla_len(gt));
	arg.exec_for_lesser_equal = last ||
		!actions_may_change_key(nla_data(le), nla_len(le));
	added = ovs_nla_add_action(sfa, OVS_CHECK_PKT_LEN_ATTR_ARG, &arg,
				   sizeof(arg), ctx->log);
	if (IS_ERR(added)) {
		err = PTR_ERR(added);
		goto undo;
	}

	le_start = (*sfa)->actions_len;
	err = copy_pkt_len_branch(ctx, st,
				  OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL,
				  le, sfa, depth);
	if (err)
		goto undo;
	err = copy_pkt_len_branch(ctx, st,
				  OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER,
				  gt, sfa, depth);
	if (err)
		goto undo_le;

	err = sfa_nest_end(*sfa, start);
	if (!err)
		return 0;
	OVS_NLERR(ctx->log, "check_pkt_len: nested actions too long");

undo_le:
	/* Release the finished branches, closed nests from @le_start on. */
	for (n = (const struct nlattr *)((u8 *)(*sfa)->actions + le_start),
	     rem = (*sfa)->actions_len - le_start;
	     nla_ok(n, rem); n = nla_next(n, &rem))
		free_action_list(nla_data(n), nla_len(n));
undo:
	(*sfa)->actions_len = start;
	return err;
}

/* Payload length each action must have; -1 when variable or nested. */
static int action_arg_len(int type)
{
	switch (type) {
	case OVS_ACTION_ATTR_OUTPUT:
	case OVS_ACTION_ATTR_RECIRC:
	case OVS_ACTION_ATTR_METER:
		return sizeof(u32);
	case OVS_ACTION_ATTR_PUSH_VLAN:
		return sizeof(struct ovs_action_push_vlan);
	case OVS_ACTION_ATTR_POP_VLAN:
	case OVS_ACTION_ATTR_CT_CLEAR:
		return 0;
	case OVS_ACTION_ATTR_HASH:
		return sizeof(struct ovs_action_hash);
	case OVS_ACTION_ATTR_TRUNC:
		return sizeof(struct ovs_action_trunc);
	case OVS_ACTION_ATTR_PUSH_MPLS:
		return sizeof(struct ovs_action_push_mpls);
	case OVS_ACTION_ATTR_POP_MPLS:
		return sizeof(__be16);
	case OVS_ACTION_ATTR_ADD_MPLS:
		return sizeof(struct ovs_action_add_mpls);
	default:
		return -1;
	}
}

/*
 * push_mpls, or add_mpls after the L2 header: only onto an untagged frame
 * carrying IPv4, IPv6, ARP, RARP or MPLS, whose header order is known
 * (in-tree rule).
 */
static int check_push_mpls(const struct copy_ctx *ctx, struct copy_state *st,
			   __be16 mpls_type)
{
	if (!eth_p_mpls(mpls_type)) {
		OVS_NLERR(ctx->log, "MPLS push with non-MPLS EtherType %#x",
			  ntohs(mpls_type));
		return -EINVAL;
	}
	if ((st->vlan_tci & OVS_VLAN_PRESENT) ||
	    (!eth_type_is_ip(st->eth_type) &&
	     st->eth_type != htons(ETH_P_ARP) &&
	     st->eth_type != htons(ETH_P_RARP) &&
	     !eth_p_mpls(st->eth_type))) {
		OVS_NLERR(ctx->log, "MPLS push onto a VLAN frame or EtherType %#x",
			  ntohs(st->eth_type));
		return -EINVAL;
	}
	st->eth_type = mpls_type;
	st->mpls_labels++;
	return 0;
}

/*
 * pop_mpls: only from an untagged MPLS frame.  Once the last known label
 * is gone (or the new EtherType is not MPLS) the payload is not known to
 * be what the EtherType says, so no L3 set or further pop may follow.
 */
static int check_pop_mpls(const struct copy_ctx *ctx, struct copy_state *st,
			  __be16 next_type)
{
	if ((st->vlan_tci & OVS_VLAN_PRESENT) || !eth_p_mpls(st->eth_type)) {
		OVS_NLERR(ctx->log, "MPLS pop from a VLAN or non-MPLS frame");
		return -EINVAL;
	}
	if (next_type == htons(ETH_P_TEB)) {
		OVS_NLERR(ctx->log, "MPLS pop to Ethernet (TEB) is not supported");
		return -EINVAL;
	}
	if (st->mpls_labels)
		st->mpls_labels--;
	st->eth_type = eth_p_mpls(next_type) && st->mpls_labels ?
		       next_type : htons(0);
	return 0;
}

/* Validate one userspace action and append its kernel form. */
static int copy_one_action(const struct copy_ctx *ctx, struct copy_state *st,
			   const struct nlattr *a, bool last,
			   struct sw_flow_actions **sfa, int depth)
{
	int err;
	int type = nla_type(a);
	int want = action_arg_len(type);

	if (type > OVS_ACTION_ATTR_MAX) {
		OVS_NLERR(ctx->log, "Unknown action type %d", type);
		return -EINVAL;
	}
	if (want >= 0 && nla_len(a) != want) {
		OVS_NLERR(ctx->log, "Action %d has length %d, expected %d",
			  type, nla_len(a), want);
		return -EINVAL;
	}

	switch (type) {
	case OVS_ACTION_ATTR_OUTPUT:
		if (nla_get_u32(a) >= DP_MAX_PORTS) {
			OVS_NLERR(ctx->log, "output to invalid port %u",
				  nla_get_u32(a));
			return -EINVAL;
		}
		break;

	case OVS_ACTION_ATTR_USERSPACE:
		return copy_userspace(ctx, a, sfa);

	case OVS_ACTION_ATTR_SET:
		return copy_set(ctx, st, a, false, sfa);

	case OVS_ACTION_ATTR_SET_MASKED:
		return copy_set(ctx, st, a, true, sfa);

	case OVS_ACTION_ATTR_PUSH_VLAN: {
		const struct ovs_action_push_vlan *vlan = nla_data(a);

		if (!eth_type_vlan(vlan->vlan_tpid) ||
		    !(vlan->vlan_tci & htons(VLAN_CFI_MASK))) {
			OVS_NLERR(ctx->log,
				  "push_vlan needs TPID 0x8100/0x88a8 and the present bit");
			return -EINVAL;
		}
		st->vlan_tci = vlan->vlan_tci;
		break;
	}

	case OVS_ACTION_ATTR_POP_VLAN:
		st->vlan_tci = 0;
		break;

	case OVS_ACTION_ATTR_RECIRC:
	case OVS_ACTION_ATTR_CT_CLEAR:
		break;

	case OVS_ACTION_ATTR_PUSH_MPLS: {
		const struct ovs_action_push_mpls *mpls = nla_data(a);

		err = check_push_mpls(ctx, st, mpls->mpls_ethertype);
		if (err)
			return err;
		break;
	}

	case OVS_ACTION_ATTR_ADD_MPLS: {
		const struct ovs_action_add_mpls *mpls = nla_data(a);

		/*
		 * Without the L3 flag the label goes before the Ethernet
		 * header, leaving a packet without one: not supported here.
		 */
		if (!(mpls->tun_flags & OVS_MPLS_L3_TUNNEL_FLAG_MASK)) {
			OVS_NLERR(ctx->log,
				  "add_mpls before the Ethernet header is not supported");
			return -EINVAL;
		}
		err = check_push_mpls(ctx, st, mpls->mpls_ethertype);
		if (err)
			return err;
		break;
	}

	case OVS_ACTION_ATTR_POP_MPLS:
		err = check_pop_mpls(ctx, st, nla_get_be16(a));
		if (err)
			return err;
		break;

	case OVS_ACTION_ATTR_METER:
		/* Any id: a meter that does not exist lets packets pass. */
		break;

	case OVS_ACTION_ATTR_SAMPLE:
		return copy_sample(ctx, st, a, last, sfa, depth);

	case OVS_ACTION_ATTR_CLONE:
		return copy_clone(ctx, st, a, last, sfa, depth);

	case OVS_ACTION_ATTR_CHECK_PKT_LEN:
		return copy_check_pkt_len(ctx, st, a, last, sfa, depth);

	case OVS_ACTION_ATTR_HASH: {
		const struct ovs_action_hash *h = nla_data(a);

		if (h->hash_alg != OVS_HASH_ALG_L4) {
			OVS_NLERR(ctx->log, "Unsupported hash algorithm %u",
				  h->hash_alg);
			return -EINVAL;
		}
		break;
	}

	case OVS_ACTION_ATTR_TRUNC: {
		const struct ovs_action_trunc *t = nla_data(a);

		if (t->max_len < ETH_HLEN) {
			OVS_NLERR(ctx->log, "trunc to %u bytes is below %d",
				  t->max_len, ETH_HLEN);
			return -EINVAL;
		}
		break;
	}

	case OVS_ACTION_ATTR_CT:
		if (!key_is_ip(ctx->key)) {
			OVS_NLERR(ctx->log, "ct() needs an IPv4 or IPv6 flow");
			return -EINVAL;
		}
		return ovs_ct_copy_action(ctx->net, a, ctx->key, sfa, ctx->log);

	case OVS_ACTION_ATTR_PUSH_ETH:
	case OVS_ACTION_ATTR_POP_ETH:
	case OVS_ACTION_ATTR_PUSH_NSH:
	case OVS_ACTION_ATTR_POP_NSH:
	case OVS_ACTION_ATTR_DEC_TTL:
		OVS_NLERR(ctx->log, "Action type %d is not supported", type);
		return -EINVAL;

	default:
		OVS_NLERR(ctx->log, "Unknown action type %d", type);
		return -EINVAL;
	}

	return copy_verbatim(a, sfa, ctx->log);
}

/*
 * Copy a userspace action list.  On failure everything this call appended
 * is released again and the list is cut back to where it started, so the
 * caller always sees a list of complete attributes.
 */
static int copy_action_list(const struct copy_ctx *ctx,
			    const struct copy_state *init,
			    const struct nlattr *actions, int len,
			    struct sw_flow_actions **sfa, int depth)
{
	struct copy_state st = *init;
	int start = (*sfa)->actions_len;
	const struct nlattr *a;
	int rem, err;

	if (depth > OVS_COPY_ACTIONS_MAX_DEPTH) {
		OVS_NLERR(ctx->log, "Actions nested deeper than %d",
			  OVS_COPY_ACTIONS_MAX_DEPTH);
		return -EOVERFLOW;
	}

	nla_for_each_attr(a, actions, len, rem) {
		err = copy_one_action(ctx, &st, a, act_is_last(a, rem), sfa,
				      depth);
		if (err)
			goto fail;
	}
	if (rem) {
		OVS_NLERR(ctx->log, "Action list has %d trailing bytes", rem);
		err = -EINVAL;
		goto fail;
	}
	return 0;

fail:
	sfa_trim(*sfa, start);
	return err;
}

/**
 * ovs_nla_copy_actions - validate userspace actions into a kernel copy.
 * @net: the datapath's namespace (ct() zones, helpers, limits).
 * @attr: OVS_FLOW_ATTR_ACTIONS or OVS_PACKET_ATTR_ACTIONS.
 * @key: the flow's masked key; set actions and ct() are checked against
 *	its eth.type, ip.proto and ip.frag as the in-tree datapath does,
 *	the EtherType, VLAN presence and MPLS depth being followed through
 *	the list as push/pop actions change them (struct copy_state).
 * @sfa: receives the new list (orig_len = nla_len(@attr)); set to NULL
 *	and nothing left allocated on error.
 * @log: log errors (false for probes).
 *
 * Plain sets become OVS_ACTION_ATTR_SET_TO_MASKED, set(tunnel()) a SET
 * holding a prepared metadata dst, sample() and clone() get their private
 * first argument, ct() is prepared by conntrack.c.
 * Context: process context, may sleep.
 * Return: 0; -EINVAL malformed or inconsistent with @key, and for action
 *	types this datapath does not implement (add_mpls before the Ethernet
 *	header, Ethernet and NSH push/pop, check_pkt_len, dec_ttl, masked
 *	tunnel set): ovs-vswitchd's feature probes take EINVAL as a quiet
 *	"unsupported", as upstream; -EOVERFLOW when nested deeper than
 *	OVS_COPY_ACTIONS_MAX_DEPTH; -EMSGSIZE when the copy would exceed
 *	OVS_MAX_ACTIONS_BUFSIZE; -ENOMEM; ct() errors.
 */
int ovs_nla_copy_actions(struct net *net, const struct nlattr *attr,
			 const struct sw_flow_key *key,
			 struct sw_flow_actions **sfa, bool log)
{
	const struct copy_ctx ctx = { .net = net, .key = key, .log = log };
	struct copy_state st = {
		.eth_type = key->eth.type,
		.vlan_tci = key->eth.vlan.tci,
	};
	int err;

	if (eth_p_mpls(key->eth.type))
		st.mpls_labels = hweight32(key->mpls.num_labels_mask);

	*sfa = NULL;
	if (nla_len(attr) > OVS_MAX_ACTIONS_BUFSIZE) {
		OVS_NLERR(log, "Flow action size exceeds max %u",
			  OVS_MAX_ACTIONS_BUFSIZE);
		return -EMSGSIZE;
	}

	*sfa = sfa_alloc(nla_len(attr));
	if (!*sfa)
		return -ENOMEM;

	err = copy_action_list(&ctx, &st, nla_data(attr), nla_len(attr), sfa,
			       0);
	if (err) {
		ovs_nla_free_flow_actions(*sfa);
		*sfa = NULL;
	}
	return err;
}

/* ------------------------------------------------------------------ */
/* Serialization back to userspace.                                    */
/* ------------------------------------------------------------------ */

static int put_set_to_masked(const struct nlattr *a, struct sk_buff *skb)
{
	const struct nlattr *key_attr = nla_data(a);
	struct nlattr *nest;

	nest = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_SET);
	if (!nest)
		return -EMSGSIZE;
	/* The value is the first half of the payload. */
	if (nla_put(skb, nla_type(key_attr), nla_len(key_attr) / 2,
		    nla_data(key_attr))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* A kernel OVS_ACTION_ATTR_SET: only set(tunnel()) is kept in that form. */
static int put_set(const struct nlattr *a, struct sk_buff *skb)
{
	struct metadata_dst *md = set_action_tun_dst(a);
	struct nlattr *nest;

	if (!md)
		return nla_put(skb, OVS_ACTION_ATTR_SET, nla_len(a),
			       nla_data(a)) ? -EMSGSIZE : 0;

	nest = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_SET);
	if (!nest)
		return -EMSGSIZE;
	if (ovs_nla_put_tunnel_info(skb, OVS_KEY_ATTR_TUNNEL,
				    &md->u.tun_info)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_sample(const struct nlattr *a, struct sk_buff *skb)
{
	const struct sample_arg *arg = nla_data(nla_data(a));
	const struct nlattr *inner;
	struct nlattr *nest, *acts;
	int inner_len;

	inner = nested_after_arg(a, &inner_len);

	nest = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_SAMPLE);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, OVS_SAMPLE_ATTR_PROBABILITY, arg->probability))
		goto cancel;
	acts = nla_nest_start_noflag(skb, OVS_SAMPLE_ATTR_ACTIONS);
	if (!acts)
		goto cancel;
	if (ovs_nla_put_actions(inner, inner_len, skb))
		goto cancel;
	nla_nest_end(skb, acts);
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* check_pkt_len() back in userspace form: length, greater, less-or-equal. */
static int put_check_pkt_len(const struct nlattr *a, struct sk_buff *skb)
{
	const struct check_pkt_len_arg *arg = NULL;
	const struct nlattr *gt = NULL, *le = NULL, *n;
	struct nlattr *nest, *acts;
	int rem;

	nla_for_each_nested(n, a, rem) {
		switch (nla_type(n)) {
		case OVS_CHECK_PKT_LEN_ATTR_ARG:
			arg = nla_data(n);
			break;
		case OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER:
			gt = n;
			break;
		case OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL:
			le = n;
			break;
		}
	}
	if (WARN_ON_ONCE(!arg || !gt || !le))
		return -EINVAL;

	nest = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_CHECK_PKT_LEN);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u16(skb, OVS_CHECK_PKT_LEN_ATTR_PKT_LEN, arg->pkt_len))
		goto cancel;
	acts = nla_nest_start_noflag(skb,
				     OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER);
	if (!acts || ovs_nla_put_actions(nla_data(gt), nla_len(gt), skb))
		goto cancel;
	nla_nest_end(skb, acts);
	acts = nla_nest_start_noflag(skb,
				     OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL);
	if (!acts || ovs_nla_put_actions(nla_data(le), nla_len(le), skb))
		goto cancel;
	nla_nest_end(skb, acts);
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int put_clone(const struct nlattr *a, struct sk_buff *skb)
{
	const struct nlattr *inner;
	struct nlattr *nest;
	int inner_len;

	inner = nested_after_arg(a, &inner_len);

	nest = nla_nest_start_noflag(skb, OVS_ACTION_ATTR_CLONE);
	if (!nest)
		return -EMSGSIZE;
	if (ovs_nla_put_actions(inner, inner_len, skb)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * ovs_nla_put_actions - serialize a kernel action list in userspace form.
 * @attr: the first action of the list (a kernel copy made by
 *	ovs_nla_copy_actions(), or a nested list inside one).
 * @len: length of the list in bytes.
 * @skb: the netlink message; the caller opens and closes the enclosing
 *	OVS_*_ATTR_ACTIONS nest.
 *
 * SET_TO_MASKED goes back to the plain SET userspace gave, set(tunnel())
 * is rebuilt from its metadata dst, sample() and
 * clone() lose their private argument, ct() is written by conntrack.c.
 * Context: any; reads @attr only.
 * Return: 0, or -EMSGSIZE when @skb is full (partially written nests are
 *	cancelled; the caller cancels the enclosing nest).
 */
int ovs_nla_put_actions(const struct nlattr *attr, int len,
			struct sk_buff *skb)
{
	const struct nlattr *a;
	int rem, err;

	nla_for_each_attr(a, attr, len, rem) {
		int type = nla_type(a);

		switch (type) {
		case OVS_ACTION_ATTR_SET_TO_MASKED:
			err = put_set_to_masked(a, skb);
			break;
		case OVS_ACTION_ATTR_SET:
			err = put_set(a, skb);
			break;
		case OVS_ACTION_ATTR_SAMPLE:
			err = put_sample(a, skb);
			break;
		case OVS_ACTION_ATTR_CLONE:
			err = put_clone(a, skb);
			break;
		case OVS_ACTION_ATTR_CHECK_PKT_LEN:
			err = put_check_pkt_len(a, skb);
			break;
		case OVS_ACTION_ATTR_CT:
			err = ovs_ct_action_to_attr(nla_data(a), skb);
			break;
		default:
			err = nla_put(skb, type, nla_len(a), nla_data(a)) ?
			      -EMSGSIZE : 0;
			break;
		}
		if (err)
			return err;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Execution: flow key bookkeeping.                                    */
/* ------------------------------------------------------------------ */

static void key_mark_stale(struct sw_flow_key *key)
{
	key->mac_proto |= OVS_KEY_STALE;
}

/* Make @key describe @skb again before it is used beyond this file. */
static int key_refresh(struct sk_buff *skb, struct sw_flow_key *key)
{
	int err;

	if (likely(!(key->mac_proto & OVS_KEY_STALE)))
		return 0;
	err = ovs_flow_key_update(skb, key);
	if (err)
		return err;
	key->mac_proto &= ~OVS_KEY_STALE;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Execution: header rewriting.                                        */
/* ------------------------------------------------------------------ */

/*
 * For CHECKSUM_COMPLETE packets skb->csum covers everything from skb->data
 * (the Ethernet header) on.  Rewriting bytes that no other checksum field
 * compensates for is bracketed by these two: take the old bytes out of
 * skb->csum, then add the new ones.  All regions used start at an even
 * offset from skb->data.
 */
static void rcsum_remove(struct sk_buff *skb, const void *p, unsigned int len)
{
	skb_postpull_rcsum(skb, p, len);
}

static void rcsum_add(struct sk_buff *skb, const void *p, unsigned int len)
{
	skb_postpush_rcsum(skb, p, len);
}

static int set_ethernet(struct sk_buff *skb, struct sw_flow_key *key,
			const struct ovs_key_ethernet *v,
			const struct ovs_key_ethernet *m)
{
	struct ethhdr *eh;
	int err, i;

	err = skb_ensure_writable(skb, ETH_HLEN);
	if (unlikely(err))
		return err;

	eh = (struct ethhdr *)skb->data;
	rcsum_remove(skb, eh, 2 * ETH_ALEN);
	for (i = 0; i < ETH_ALEN; i++) {
		eh->h_dest[i] = OVS_APPLY_MASK(eh->h_dest[i], v->eth_dst[i],
					       m->eth_dst[i]);
		eh->h_source[i] = OVS_APPLY_MASK(eh->h_source[i], v->eth_src[i],
						 m->eth_src[i]);
	}
	rcsum_add(skb, eh, 2 * ETH_ALEN);

	ether_addr_copy(key->eth.dst, eh->h_dest);
	ether_addr_copy(key->eth.src, eh->h_source);
	return 0;
}

/* Where the checksum field sits in an L4 header, and the header's size. */
struct l4_csum_loc {
	unsigned int hdr_len;
	unsigned int csum_off;
	bool is_udp;
};

static bool l4_csum_loc(u8 proto, bool ipv6, struct l4_csum_loc *loc)
{
	switch (proto) {
	case IPPROTO_TCP:
		loc->hdr_len = sizeof(struct tcphdr);
		loc->csum_off = offsetof(struct tcphdr, check);
		loc->is_udp = false;
		return true;
	case IPPROTO_UDP:
		loc->hdr_len = sizeof(struct udphdr);
		loc->csum_off = offsetof(struct udphdr, check);
		loc->is_udp = true;
		return true;
	case IPPROTO_ICMPV6:
		if (!ipv6)
			return false;
		loc->hdr_len = sizeof(struct icmp6hdr);
		loc->csum_off = offsetof(struct icmp6hdr, icmp6_cksum);
		loc->is_udp = false;
		return true;
	default:
		return false;
	}
}

/*
 * After the fixed network header (ending @nh_end bytes into the packet)
 * was made writable: when @want_l4 and the packet holds a whole L4 header
 * of protocol @proto whose checksum covers the IP addresses, make that
 * header writable too and point *@check at its checksum field; otherwise
 * *@check is NULL.  Header pointers must be reloaded afterwards.
 */
static int prepare_l4_csum(struct sk_buff *skb, unsigned int nh_end,
			   bool want_l4, u8 proto, bool ipv6,
			   __sum16 **check, bool *is_udp)
{
	struct l4_csum_loc loc;
	unsigned int th_ofs;
	int err;

	*check = NULL;
	*is_udp = false;
	if (!want_l4 || !skb_transport_header_was_set(skb) ||
	    !l4_csum_loc(proto, ipv6, &loc))
		return 0;

	th_ofs = skb_transport_offset(skb);
	if (th_ofs < nh_end || skb->len < th_ofs + loc.hdr_len)
		return 0;

	err = skb_ensure_writable(skb, th_ofs + loc.hdr_len);
	if (unlikely(err))
		return err;

	*check = (__sum16 *)(skb_transport_header(skb) + loc.csum_off);
	*is_udp = loc.is_udp;
	return 0;
}

/*
 * Fold a change of @words 32-bit words of the pseudo-header (an address)
 * from @from to @to into the L4 checksum at @check.
 *
 * The arithmetic is done here rather than with inet_proto_csum_replace*()
 * because kernels disagree on whether those also adjust skb->csum for
 * IPv6.  Instead the checksum field itself is bracketed for
 * CHECKSUM_COMPLETE, like every other rewritten range that no header
 * checksum compensates.  For CHECKSUM_PARTIAL the field holds the
 * uncomplemented pseudo-header sum the device finishes from.
 */
static void l4_csum_update(struct sk_buff *skb, __sum16 *check, bool is_udp,
			   const __be32 *from, const __be32 *to, int words)
{
	__be32 diff[8];
	__wsum sum;
	int i;

	if (!check)
		return;
	if (is_udp && !*check && skb->ip_summed != CHECKSUM_PARTIAL)
		return;		/* UDP without checksum stays without. */

	for (i = 0; i < words; i++) {
		diff[i] = ~from[i];
		diff[words + i] = to[i];
	}

	rcsum_remove(skb, check, sizeof(*check));
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		sum = csum_partial(diff, 2 * words * sizeof(__be32),
				   csum_unfold(*check));
		*check = ~csum_fold(sum);
	} else {
		sum = csum_partial(diff, 2 * words * sizeof(__be32),
				   ~csum_unfold(*check));
		*check = csum_fold(sum);
		if (is_udp && !*check)
			*check = CSUM_MANGLED_0;
	}
	rcsum_add(skb, check, sizeof(*check));
}

static int set_ipv4(struct sk_buff *skb, struct sw_flow_key *key,
		    const struct ovs_key_ipv4 *v, const struct ovs_key_ipv4 *m)
{
	unsigned int nh_end = skb_network_offset(skb) + sizeof(struct iphdr);
	bool addr = m->ipv4_src || m->ipv4_dst;
	bool changed = false;
	__sum16 *check;
	struct iphdr *nh;
	bool is_udp;
	__be32 new;
	int err;

	err = skb_ensure_writable(skb, nh_end);
	if (unlikely(err))
		return err;

	/*
	 * Only the first fragment (or an unfragmented packet) carries the
	 * L4 header whose checksum covers the addresses.
	 */
	nh = ip_hdr(skb);
	err = prepare_l4_csum(skb, nh_end,
			      addr && !(nh->frag_off & htons(IP_OFFSET)),
			      nh->protocol, false, &check, &is_udp);
	if (err)
		return err;
	nh = ip_hdr(skb);

	/*
	 * Every IPv4 header rewrite below keeps the header checksum valid,
	 * so the header's contribution to a CHECKSUM_COMPLETE skb->csum does
	 * not change; only the L4 checksum field needs accounting.
	 */
	if (m->ipv4_src) {
		new = OVS_APPLY_MASK(nh->saddr, v->ipv4_src, m->ipv4_src);
		if (new != nh->saddr) {
			l4_csum_update(skb, check, is_udp, &nh->saddr, &new, 1);
			csum_replace4(&nh->check, nh->saddr, new);
			nh->saddr = new;
			key->ipv4.addr.src = new;
			changed = true;
		}
	}
	if (m->ipv4_dst) {
		new = OVS_APPLY_MASK(nh->daddr, v->ipv4_dst, m->ipv4_dst);
		if (new != nh->daddr) {
			l4_csum_update(skb, check, is_udp, &nh->daddr, &new, 1);
			csum_replace4(&nh->check, nh->daddr, new);
			nh->daddr = new;
			key->ipv4.addr.dst = new;
			changed = true;
		}
	}
	if (changed) {
		/* The packet no longer belongs to its connection or hash. */
		skb_clear_hash(skb);
		ovs_ct_clear(skb, NULL);
	}

	if (m->ipv4_tos) {
		ipv4_change_dsfield(nh, (u8)~m->ipv4_tos,
				    v->ipv4_tos & m->ipv4_tos);
		key->ip.tos = nh->tos;
	}
	if (m->ipv4_ttl) {
		u8 ttl = OVS_APPLY_MASK(nh->ttl, v->ipv4_ttl, m->ipv4_ttl);

		csum_replace2(&nh->check, htons(nh->ttl << 8), htons(ttl << 8));
		nh->ttl = ttl;
		key->ip.ttl = ttl;
	}
	return 0;
}

static bool ipv6_addr_mask_zero(const __be32 *m)
{
	return !(m[0] | m[1] | m[2] | m[3]);
}

/*
 * Rewrite one IPv6 address under @m.  The L4 checksum follows unless
 * @check is NULL.  Returns true if the address changed.
 */
static bool set_ipv6_addr(struct sk_buff *skb, __be32 *addr,
			  const __be32 *v, const __be32 *m,
			  __sum16 *check, bool is_udp)
{
	__be32 new[4];
	int i;

	for (i = 0; i < 4; i++)
		new[i] = OVS_APPLY_MASK(addr[i], v[i], m[i]);
	if (!memcmp(addr, new, sizeof(new)))
		return false;

	l4_csum_update(skb, check, is_udp, addr, new, 4);
	/* IPv6 has no header checksum to absorb the address change. */
	rcsum_remove(skb, addr, sizeof(new));
	memcpy(addr, new, sizeof(new));
	rcsum_add(skb, addr, sizeof(new));
	return true;
}

/* Does the IPv6 packet carry a routing header with segments left? */
static bool ipv6_has_active_rh(struct sk_buff *skb)
{
	int flags = IP6_FH_F_SKIP_RH;
	unsigned int off = 0;

	if (!ipv6_ext_hdr(ipv6_hdr(skb)->nexthdr))
		return false;
	return ipv6_find_hdr(skb, &off, NEXTHDR_ROUTING, NULL, &flags) ==
	       NEXTHDR_ROUTING;
}

static int set_ipv6(struct sk_buff *skb, struct sw_flow_key *key,
		    const struct ovs_key_ipv6 *v, const struct ovs_key_ipv6 *m)
{
	unsigned int nh_end = skb_network_offset(skb) + sizeof(struct ipv6hdr);
	bool src = !ipv6_addr_mask_zero(m->ipv6_src);
	bool dst = !ipv6_addr_mask_zero(m->ipv6_dst);
	bool changed = false;
	struct ipv6hdr *nh;
	__sum16 *check;
	bool is_udp;
	int err;

	err = skb_ensure_writable(skb, nh_end);
	if (unlikely(err))
		return err;

	/*
	 * The upper-layer protocol comes from the key (it lies behind any
	 * extension headers); later fragments carry no L4 header.
	 */
	err = prepare_l4_csum(skb, nh_end,
			      (src || dst) && key->ip.frag != OVS_FRAG_TYPE_LATER,
			      key->ip.proto, true, &check, &is_udp);
	if (err)
		return err;
	nh = ipv6_hdr(skb);

	if (src && set_ipv6_addr(skb, nh->saddr.s6_addr32, v->ipv6_src,
				 m->ipv6_src, check, is_udp)) {
		key->ipv6.addr.src = nh->saddr;
		changed = true;
	}
	/*
	 * With an active routing header the L4 pseudo-header uses the
	 * final destination, not this one.
	 */
	if (dst && set_ipv6_addr(skb, nh->daddr.s6_addr32, v->ipv6_dst,
				 m->ipv6_dst,
				 ipv6_has_active_rh(skb) ? NULL : check,
				 is_udp)) {
		key->ipv6.addr.dst = nh->daddr;
		changed = true;
	}
	if (changed) {
		skb_clear_hash(skb);
		ovs_ct_clear(skb, NULL);
	}

	if (m->ipv6_tclass || m->ipv6_label || m->ipv6_hlimit) {
		/* Version/class/label, payload length, next header, hops. */
		rcsum_remove(skb, nh, 8);
		if (m->ipv6_tclass) {
			ipv6_change_dsfield(nh, (u8)~m->ipv6_tclass,
					    v->ipv6_tclass & m->ipv6_tclass);
			key->ip.tos = ipv6_get_dsfield(nh);
		}
		if (m->ipv6_label) {
			u32 old = (nh->flow_lbl[0] & 0x0f) << 16 |
				  nh->flow_lbl[1] << 8 | nh->flow_lbl[2];
			u32 lbl = OVS_APPLY_MASK(old, ntohl(v->ipv6_label),
						 ntohl(m->ipv6_label)) &
				  OVS_IPV6_LABEL_BITS;

			nh->flow_lbl[0] = (nh->flow_lbl[0] & 0xf0) | (lbl >> 16);
			nh->flow_lbl[1] = lbl >> 8;
			nh->flow_lbl[2] = lbl;
			key->ipv6.label = *(__be32 *)nh &
					  htonl(OVS_IPV6_LABEL_BITS);
		}
		if (m->ipv6_hlimit) {
			nh->hop_limit = OVS_APPLY_MASK(nh->hop_limit,
						       v->ipv6_hlimit,
						       m->ipv6_hlimit);
			key->ip.ttl = nh->hop_limit;
		}
		rcsum_add(skb, nh, 8);
	}
	return 0;
}

/*
 * Make the first @len bytes of the L4 header writable.  Returns 1 when
 * the packet has no L4 header to rewrite (a non-first fragment, or the
 * IP header was incomplete), 0 when ready, or a negative errno (the L4
 * header is truncated, or memory ran out).
 */
static int prepare_l4_write(struct sk_buff *skb,
			    const struct sw_flow_key *key, unsigned int len)
{
	if (key->ip.frag == OVS_FRAG_TYPE_LATER ||
	    !skb_transport_header_was_set(skb) ||
	    skb_transport_offset(skb) <= skb_network_offset(skb))
		return 1;
	if (unlikely(skb->len < skb_transport_offset(skb) + len))
		return -EINVAL;
	return skb_ensure_writable(skb, skb_transport_offset(skb) + len);
}

static void l4_ports_changed(struct sk_buff *skb)
{
	skb_clear_hash(skb);
	ovs_ct_clear(skb, NULL);
}

static int set_tcp(struct sk_buff *skb, struct sw_flow_key *key,
		   const struct ovs_key_tcp *v, const struct ovs_key_tcp *m)
{
	struct tcphdr *th;
	__be16 port;
	int err;

	err = prepare_l4_write(skb, key, sizeof(*th));
	if (err)
		return min(err, 0);
	th = tcp_hdr(skb);

	port = OVS_APPLY_MASK(th->source, v->tcp_src, m->tcp_src);
	if (port != th->source) {
		inet_proto_csum_replace2(&th->check, skb, th->source, port,
					 false);
		th->source = port;
		key->tp.src = port;
		l4_ports_changed(skb);
	}
	port = OVS_APPLY_MASK(th->dest, v->tcp_dst, m->tcp_dst);
	if (port != th->dest) {
		inet_proto_csum_replace2(&th->check, skb, th->dest, port,
					 false);
		th->dest = port;
		key->tp.dst = port;
		l4_ports_changed(skb);
	}
	return 0;
}

static int set_udp(struct sk_buff *skb, struct sw_flow_key *key,
		   const struct ovs_key_udp *v, const struct ovs_key_udp *m)
{
	__be16 src, dst;
	struct udphdr *uh;
	int err;

	err = prepare_l4_write(skb, key, sizeof(*uh));
	if (err)
		return min(err, 0);
	uh = udp_hdr(skb);

	src = OVS_APPLY_MASK(uh->source, v->udp_src, m->udp_src);
	dst = OVS_APPLY_MASK(uh->dest, v->udp_dst, m->udp_dst);
	if (src == uh->source && dst == uh->dest)
		return 0;

	if (uh->check && skb->ip_summed != CHECKSUM_PARTIAL) {
		/* The checksum field absorbs the change. */
		inet_proto_csum_replace2(&uh->check, skb, uh->source, src,
					 false);
		inet_proto_csum_replace2(&uh->check, skb, uh->dest, dst,
					 false);
		if (!uh->check)
			uh->check = CSUM_MANGLED_0;
		uh->source = src;
		uh->dest = dst;
	} else {
		/*
		 * No checksum, or one still to be computed over the final
		 * ports: write them, keeping skb->csum right.
		 */
		rcsum_remove(skb, uh, 2 * sizeof(__be16));
		uh->source = src;
		uh->dest = dst;
		rcsum_add(skb, uh, 2 * sizeof(__be16));
	}

	key->tp.src = src;
	key->tp.dst = dst;
	l4_ports_changed(skb);
	return 0;
}

static int set_sctp(struct sk_buff *skb, struct sw_flow_key *key,
		    const struct ovs_key_sctp *v, const struct ovs_key_sctp *m)
{
	__le32 old_sum, old_good, new_good;
	struct sctphdr *sh;
	__be16 src, dst;
	unsigned int off;
	int err;

	err = prepare_l4_write(skb, key, sizeof(*sh));
	if (err)
		return min(err, 0);
	off = skb_transport_offset(skb);
	sh = sctp_hdr(skb);

	src = OVS_APPLY_MASK(sh->source, v->sctp_src, m->sctp_src);
	dst = OVS_APPLY_MASK(sh->dest, v->sctp_dst, m->sctp_dst);
	if (src == sh->source && dst == sh->dest)
		return 0;

	rcsum_remove(skb, sh, sizeof(*sh));
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		/* The CRC is computed later, over the new ports. */
		sh->source = src;
		sh->dest = dst;
	} else {
		/*
		 * Recompute the CRC32c, carrying over any error the old
		 * checksum had so a corrupted packet stays detectably so.
		 */
		old_sum = sh->checksum;
		old_good = sctp_compute_cksum(skb, off);
		sh->source = src;
		sh->dest = dst;
		new_good = sctp_compute_cksum(skb, off);
		sh->checksum = old_sum ^ old_good ^ new_good;
	}
	rcsum_add(skb, sh, sizeof(*sh));

	key->tp.src = src;
	key->tp.dst = dst;
	l4_ports_changed(skb);
	return 0;
}

/*
 * Run a SET_MASKED or SET_TO_MASKED action: @a is the key attribute, its
 * payload the value followed by a mask of the same length.
 */
/* set(mpls): rewrite the outermost label stack entry under the mask. */
static int set_mpls(struct sk_buff *skb, struct sw_flow_key *key,
		    const __be32 *val, const __be32 *mask)
{
	__be32 lse;
	int err;

	if (!pskb_may_pull(skb, skb_network_offset(skb) + MPLS_HLEN))
		return -ENOMEM;
	lse = OVS_APPLY_MASK(mpls_hdr(skb)->label_stack_entry, *val, *mask);
	err = skb_mpls_update_lse(skb, lse);
	if (err)
		return err;
	key->mpls.lse[0] = lse;
	return 0;
}

static int execute_masked_set(struct sk_buff *skb, struct sw_flow_key *key,
			      const struct nlattr *a)
{
	const void *v = nla_data(a);
	const void *m = (const u8 *)v + nla_len(a) / 2;

	switch (nla_type(a)) {
	case OVS_KEY_ATTR_PRIORITY:
		skb->priority = OVS_APPLY_MASK(skb->priority, *(const u32 *)v,
					       *(const u32 *)m);
		key->phy.priority = skb->priority;
		return 0;

	case OVS_KEY_ATTR_SKB_MARK:
		skb->mark = OVS_APPLY_MASK(skb->mark, *(const u32 *)v,
					   *(const u32 *)m);
		key->phy.skb_mark = skb->mark;
		return 0;

	case OVS_KEY_ATTR_ETHERNET:
		return set_ethernet(skb, key, v, m);
	case OVS_KEY_ATTR_IPV4:
		return set_ipv4(skb, key, v, m);
	case OVS_KEY_ATTR_IPV6:
		return set_ipv6(skb, key, v, m);
	case OVS_KEY_ATTR_TCP:
		return set_tcp(skb, key, v, m);
	case OVS_KEY_ATTR_UDP:
		return set_udp(skb, key, v, m);
	case OVS_KEY_ATTR_SCTP:
		return set_sctp(skb, key, v, m);
	case OVS_KEY_ATTR_MPLS:
		return set_mpls(skb, key, v, m);
	default:
		return -EINVAL;
	}
}

/*
 * push_mpls, and add_mpls with the L3 flag: a new outermost label right
 * after the Ethernet header (the frame is untagged, validation made sure),
 * the EtherType becoming @type.  The key is re-extracted when next needed.
 */
static int push_mpls(struct sk_buff *skb, struct sw_flow_key *key,
		     __be32 lse, __be16 type)
{
	int err;

	err = skb_mpls_push(skb, lse, type, skb->mac_len, true);
	if (err)
		return err;
	key_mark_stale(key);
	return 0;
}

/* pop_mpls: drop the outermost label; the EtherType becomes @next_type. */
static int pop_mpls(struct sk_buff *skb, struct sw_flow_key *key,
		    __be16 next_type)
{
	int err;

	err = skb_mpls_pop(skb, next_type, skb->mac_len, true);
	if (err)
		return err;
	key_mark_stale(key);
	return 0;
}

/*
 * set(tunnel()): the packet's dst becomes the action's transmit metadata
 * (another reference to it), which a collect_md tunnel device that the
 * packet is output to encapsulates with.  The flow key is not changed.
 */
static void execute_set_tunnel(struct sk_buff *skb, const struct nlattr *a)
{
	struct metadata_dst *md = set_action_tun_dst(a);

	if (unlikely(!md))
		return;
	skb_dst_drop(skb);
	dst_hold(&md->dst);
	skb_dst_set(skb, &md->dst);
}

static int push_vlan(struct sk_buff *skb, struct sw_flow_key *key,
		     const struct ovs_action_push_vlan *vlan)
{
	/*
	 * On an untagged frame the new tag is simply the key's outer tag;
	 * otherwise the tags shift and the key is re-extracted when needed.
	 */
	bool tagged = skb_vlan_tag_present(skb) ||
		      (key->eth.vlan.tci & OVS_VLAN_PRESENT);
	int err;

	err = skb_vlan_push(skb, vlan->vlan_tpid,
			    ntohs(vlan->vlan_tci) & ~VLAN_CFI_MASK);
	if (err)
		return err;

	if (tagged) {
		key_mark_stale(key);
	} else {
		key->eth.vlan.tpid = vlan->vlan_tpid;
		key->eth.vlan.tci = vlan->vlan_tci;
	}
	return 0;
}

static int pop_vlan(struct sk_buff *skb, struct sw_flow_key *key)
{
	int err;

	err = skb_vlan_pop(skb);
	if (err)
		return err;

	/* skb_vlan_pop() moves a remaining inner tag to the accel slot. */
	if (skb_vlan_tag_present(skb)) {
		key_mark_stale(key);
	} else {
		key->eth.vlan.tpid = 0;
		key->eth.vlan.tci = 0;
	}
	return 0;
}

static void execute_hash(struct sk_buff *skb, struct sw_flow_key *key,
			 const struct ovs_action_hash *h)
{
	u32 hash = jhash_1word(skb_get_hash(skb), h->hash_basis);

	/* 0 means "no hash" to the flow table; never produce it. */
	key->ovs_flow_hash = hash ? hash : 1;
}

/* ------------------------------------------------------------------ */
/* Execution: output and refragmentation.                              */
/* ------------------------------------------------------------------ */

/**
 * struct ovs_frag_ctx - state shared with the fragment output callback.
 * @vport: port the fragments leave through.
 * @orig_refdst: the packet's own dst (with its NOREF bit), put back on
 *	every fragment.
 * @cb: the packet's OVS_CB, restored on every fragment.
 * @vlan_present: the packet had an accelerated VLAN tag.
 * @vlan_proto: its TPID.
 * @vlan_tci: its TCI.
 * @l2_len: bytes in @l2.
 * @l2: the L2 header (Ethernet plus any in-line tags) prepended to every
 *	fragment.
 * @route: the on-stack route the IP fragmenters read the MTU from; the
 *	callback finds this structure from a fragment's dst.
 *
 * Lives on the stack of ovs_refragment(); the fragmenters call the output
 * callback synchronously, so nothing outlives it.  Keeping this on the
 * stack rather than per CPU stays correct if a fragment's transmission
 * re-enters the datapath (e.g. through an internal port) and refragments.
 */
struct ovs_frag_ctx {
	struct vport *vport;
	unsigned long orig_refdst;
	struct ovs_skb_cb cb;
	bool vlan_present;
	__be16 vlan_proto;
	u16 vlan_tci;
	unsigned int l2_len;
	u8 l2[OVS_FRAG_MAX_L2];
	union {
		struct dst_entry dst;
		struct rtable rt4;
		struct rt6_info rt6;
	} route;
};

/* The fragmenters cast the dst to these types; it must come first. */
static_assert(offsetof(struct rtable, dst) == 0);
static_assert(offsetof(struct rt6_info, dst) == 0);

static unsigned int ovs_frag_dst_mtu(const struct dst_entry *dst)
{
	return READ_ONCE(dst->dev->mtu);
}

static struct dst_ops ovs_frag_dst_ops = {
	.family = AF_UNSPEC,
	.mtu = ovs_frag_dst_mtu,
};

/* Output callback of ip_do_fragment() and ipv6_fragment(): one fragment. */
static int ovs_frag_xmit(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct ovs_frag_ctx *ctx = container_of(skb_dst(skb),
						struct ovs_frag_ctx, route.dst);

	/* Leave no pointer to the on-stack route in the fragment. */
	skb_dst_drop(skb);
	if (ctx->orig_refdst)
		__skb_dst_copy(skb, ctx->orig_refdst);

	*OVS_CB(skb) = ctx->cb;
	if (ctx->vlan_present)
		__vlan_hwaccel_put_tag(skb, ctx->vlan_proto, ctx->vlan_tci);
	else
		__vlan_hwaccel_clear_tag(skb);

	if (skb_cow_head(skb, ctx->l2_len)) {
		kfree_skb(skb);
		return -ENOMEM;
	}
	skb_push(skb, ctx->l2_len);
	memcpy(skb->data, ctx->l2, ctx->l2_len);
	skb_reset_mac_header(skb);
	skb_reset_mac_len(skb);
	/*
	 * Fragments built from a reassembled packet may carry a receive
	 * checksum that no longer matches their bytes; let the stack verify
	 * in software if one ever comes back in.
	 */
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;

	ovs_vport_send(ctx->vport, skb);
	return 0;
}

/*
 * Split a reassembled IPv4/IPv6 packet back into fragments of at most
 * @mru bytes of IP datagram each and send them out of @vport.  Consumes
 * @skb.  The IP layers' own fragmenters do the work; they take the MTU
 * from the skb's dst, so an on-stack route of the port's device is
 * attached for the duration, and frag_max_size caps fragments at @mru.
 */
static void ovs_refragment(struct datapath *dp, struct vport *vport,
			   struct sk_buff *skb, u16 mru, __be16 eth_type)
{
	unsigned int l2_len = skb_network_offset(skb);
	struct net *net = ovs_dp_get_net(dp);
	struct ovs_frag_ctx ctx;

	if (unlikely(l2_len < ETH_HLEN || l2_len > sizeof(ctx.l2) ||
		     skb_headlen(skb) < l2_len)) {
		net_warn_ratelimited("%s: cannot refragment, L2 header of %u bytes\n",
				     ovs_dp_name(dp), l2_len);
		kfree_skb(skb);
		return;
	}

	ctx.vport = vport;
	ctx.cb = *OVS_CB(skb);
	ctx.cb.mru = 0;
	ctx.cb.cutlen = 0;
	ctx.vlan_present = skb_vlan_tag_present(skb);
	ctx.vlan_proto = skb->vlan_proto;
	ctx.vlan_tci = skb_vlan_tag_get(skb);
	ctx.l2_len = l2_len;
	memcpy(ctx.l2, skb->data, l2_len);

	memset(&ctx.route, 0, sizeof(ctx.route));
	/*
	 * One reference that is never dropped: the IPv6 fragmenter takes and
	 * the callback drops one per fragment, so it never reaches zero.
	 */
	dst_init(&ctx.route.dst, &ovs_frag_dst_ops, NULL, DST_OBSOLETE_NONE,
		 DST_NOCOUNT);
	ctx.route.dst.dev = vport->dev;

	ctx.orig_refdst = skb->_skb_refdst;
	skb_dst_set_noref(skb, &ctx.route.dst);
	__skb_pull(skb, l2_len);

	if (eth_type == htons(ETH_P_IP)) {
		memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
		IPCB(skb)->frag_max_size = mru;
		ip_do_fragment(net, skb->sk, skb, ovs_frag_xmit);
	} else {
		memset(IP6CB(skb), 0, sizeof(struct inet6_skb_parm));
		IP6CB(skb)->frag_max_size = mru;
		/* It arrived fragmented, so it may leave fragmented. */
		skb->ignore_df = 1;
		ovs_ipv6_fragment(net, skb->sk, skb, ovs_frag_xmit);
	}

	/* Every fragment took its own reference in the callback. */
	refdst_drop(ctx.orig_refdst);
}

/* Send @skb (consumed) out of port @port_no, truncating and refragmenting. */
static void do_output(struct datapath *dp, struct sk_buff *skb, u32 port_no,
		      const struct sw_flow_key *key)
{
	struct vport *vport = ovs_vport_rcu(dp, port_no);
	u32 cutlen = OVS_CB(skb)->cutlen;
	u16 mru = OVS_CB(skb)->mru;
	unsigned int l3_len;

	if (unlikely(!vport || !netif_running(vport->dev) ||
		     !netif_carrier_ok(vport->dev))) {
		kfree_skb(skb);
		return;
	}

	if (unlikely(cutlen)) {
		unsigned int len = skb->len > cutlen ? skb->len - cutlen : 0;

		OVS_CB(skb)->cutlen = 0;
		if (pskb_trim_rcsum(skb, max_t(unsigned int, len, ETH_HLEN))) {
			kfree_skb(skb);
			return;
		}
	}

	if (unlikely(mru) && !skb_is_gso(skb) &&
	    (key->eth.type == htons(ETH_P_IP) ||
	     key->eth.type == htons(ETH_P_IPV6))) {
		l3_len = skb->len - skb_network_offset(skb);
		if (l3_len > mru) {
			/* Fragments as large as received would not fit. */
			if (mru > vport->dev->mtu) {
				kfree_skb(skb);
				return;
			}
			ovs_refragment(dp, vport, skb, mru, key->eth.type);
			return;
		}
	}

	ovs_vport_send(vport, skb);
}

/* OVS_ACTION_ATTR_USERSPACE: queue a copy to userspace; @skb is kept. */
static void output_userspace(struct datapath *dp, struct sk_buff *skb,
			     struct sw_flow_key *key, const struct nlattr *attr,
			     const struct nlattr *actions, int actions_len)
{
	unsigned int cpu = smp_processor_id();
	struct dp_upcall_info info;
	const struct nlattr *a;
	int rem;

	memset(&info, 0, sizeof(info));
	info.cmd = OVS_PACKET_CMD_ACTION;
	info.mru = OVS_CB(skb)->mru;

	nla_for_each_nested(a, attr, rem) {
		switch (nla_type(a)) {
		case OVS_USERSPACE_ATTR_USERDATA:
			info.userdata = a;
			break;
		case OVS_USERSPACE_ATTR_PID:
			/*
			 * With per-CPU dispatch the datapath's socket for
			 * this CPU replaces the pid, as in-tree.
			 */
			if (dp->user_features &
			    OVS_DP_F_DISPATCH_UPCALL_PER_CPU)
				info.portid = ovs_dp_get_upcall_portid(dp, cpu);
			else
				info.portid = nla_get_u32(a);
			break;
		case OVS_USERSPACE_ATTR_ACTIONS:
			info.actions = actions;
			info.actions_len = actions_len;
			break;
		case OVS_USERSPACE_ATTR_EGRESS_TUN_PORT: {
			struct vport *vport = ovs_vport_rcu(dp, nla_get_u32(a));

			/*
			 * The tunnel device completes the packet's transmit
			 * metadata (source address and port) on a private
			 * copy, as it would when sending it.
			 */
			if (vport && !dev_fill_metadata_dst(vport->dev, skb))
				info.egress_tun_info = skb_tunnel_info(skb);
			break;
		}
		}
	}

	if (key_refresh(skb, key))
		return;
	ovs_dp_upcall(dp, skb, key, &info, OVS_CB(skb)->cutlen);
}

/* ------------------------------------------------------------------ */
/* Execution: nesting, recirculation and the deferred FIFO.            */
/* ------------------------------------------------------------------ */

static int do_execute_actions(struct datapath *dp, struct sk_buff *skb,
			      struct sw_flow_key *key,
			      const struct nlattr *actions, int len);

/* A copy of @key for the next level, or NULL when nested too deeply. */
static struct sw_flow_key *key_copy_for_nesting(struct ovs_exec_cpu *pc,
						const struct sw_flow_key *key)
{
	struct sw_flow_key *copy;

	if (pc->level < 1 || pc->level > OVS_KEY_STACK_DEPTH)
		return NULL;
	copy = &pc->key_stack[pc->level - 1];
	*copy = *key;
	return copy;
}

static struct ovs_deferred_action *fifo_push(struct ovs_exec_cpu *pc)
{
	if (pc->fifo_head >= OVS_DEFERRED_FIFO_SIZE)
		return NULL;
	return &pc->fifo[pc->fifo_head++];
}

/*
 * Run @actions (or, when NULL, recirculate with @recirc_id) on @skb.
 * When @last, @skb is consumed; otherwise a clone is used and @skb left
 * untouched.  @copy_key says the work may change the key, so it gets its
 * own copy; that copy comes from the per-CPU key stack when the nesting
 * allows running now, otherwise the work is queued on the FIFO.
 * Failures inside the nested work only affect the clone.
 */
static int clone_execute(struct datapath *dp, struct sk_buff *skb,
			 struct sw_flow_key *key, u32 recirc_id,
			 const struct nlattr *actions, int len,
			 bool last, bool copy_key)
{
	struct ovs_exec_cpu *pc = this_cpu_ptr(ovs_exec_cpus);
	struct ovs_deferred_action *da;
	struct sw_flow_key *k;
	int err = 0;

	if (!last) {
		skb = skb_clone(skb, GFP_ATOMIC);
		if (!skb)
			return 0;	/* Skip this branch, keep the packet. */
	}

	k = copy_key ? key_copy_for_nesting(pc, key) : key;
	if (k) {
		if (!actions) {
			k->recirc_id = recirc_id;
			ovs_dp_process_packet(skb, k);
			return 0;
		}
		if (copy_key)
			pc->level++;
		err = do_execute_actions(dp, skb, k, actions, len);
		if (copy_key)
			pc->level--;
		return last ? err : 0;
	}

	da = fifo_push(pc);
	if (unlikely(!da)) {
		kfree_skb(skb);
		if (actions)
			net_warn_ratelimited("%s: deferred action limit reached, dropping sample/clone\n",
					     ovs_dp_name(dp));
		else
			net_warn_ratelimited("%s: deferred action limit reached, dropping recirc(%#x)\n",
					     ovs_dp_name(dp), recirc_id);
		return 0;
	}
	da->dp = dp;
	da->skb = skb;
	da->actions = actions;
	da->actions_len = len;
	da->key = *key;
	if (!actions)
		da->key.recirc_id = recirc_id;
	return 0;
}

static int execute_recirc(struct datapath *dp, struct sk_buff *skb,
			  struct sw_flow_key *key, const struct nlattr *a,
			  bool last)
{
	int err;

	/* The lookup after recirculation needs an exact key. */
	err = key_refresh(skb, key);
	if (unlikely(err)) {
		if (last)
			kfree_skb(skb);
		return err;
	}
	return clone_execute(dp, skb, key, nla_get_u32(a), NULL, 0, last, true);
}

static int execute_sample(struct datapath *dp, struct sk_buff *skb,
			  struct sw_flow_key *key, const struct nlattr *a,
			  bool last)
{
	const struct sample_arg *arg = nla_data(nla_data(a));
	const struct nlattr *inner;
	int inner_len;

	inner = nested_after_arg(a, &inner_len);

	if (arg->probability != U32_MAX &&
	    (!arg->probability || get_random_u32() > arg->probability)) {
		if (last)
			consume_skb(skb);
		return 0;
	}
	return clone_execute(dp, skb, key, 0, inner, inner_len, last,
			     !arg->exec);
}

static int execute_clone(struct datapath *dp, struct sk_buff *skb,
			 struct sw_flow_key *key, const struct nlattr *a,
			 bool last)
{
	const struct nlattr *inner;
	bool exec = nla_get_u32(nla_data(a));
	int inner_len;

	inner = nested_after_arg(a, &inner_len);
	return clone_execute(dp, skb, key, 0, inner, inner_len, last, !exec);
}

/*
 * check_pkt_len(): run the less-or-equal branch when the packet, as it
 * would leave (a reassembled packet is measured by its largest fragment,
 * mru plus the L2 header; a GSO packet by its segments), is at most the
 * threshold, else the greater branch (in-tree behaviour).
 */
static int execute_check_pkt_len(struct datapath *dp, struct sk_buff *skb,
				 struct sw_flow_key *key,
				 const struct nlattr *a, bool last)
{
	const struct nlattr *argattr = nla_data(a), *branch;
	const struct check_pkt_len_arg *arg = nla_data(argattr);
	unsigned int len, max_len = arg->pkt_len;
	int rem = nla_len(a);
	bool exec;

	len = OVS_CB(skb)->mru ? OVS_CB(skb)->mru + skb->mac_len : skb->len;

	/* Stored order: argument, less-or-equal branch, greater branch. */
	branch = nla_next(argattr, &rem);
	if ((skb_is_gso(skb) && skb_gso_validate_mac_len(skb, max_len)) ||
	    len <= max_len) {
		exec = arg->exec_for_lesser_equal;
	} else {
		branch = nla_next(branch, &rem);
		exec = arg->exec_for_greater;
	}
	return clone_execute(dp, skb, key, 0, nla_data(branch),
			     nla_len(branch), last, !exec);
}

/* Run an action list on @skb, which is always consumed. */
static int do_execute_actions(struct datapath *dp, struct sk_buff *skb,
			      struct sw_flow_key *key,
			      const struct nlattr *actions, int len)
{
	const struct nlattr *a;
	int rem;

	for (a = actions, rem = len; rem > 0; a = nla_next(a, &rem)) {
		bool last = act_is_last(a, rem);
		int err = 0;

		switch (nla_type(a)) {
		case OVS_ACTION_ATTR_OUTPUT: {
			struct sk_buff *copy;

			if (last) {
				do_output(dp, skb, nla_get_u32(a), key);
				return 0;
			}
			copy = skb_clone(skb, GFP_ATOMIC);
			if (copy)
				do_output(dp, copy, nla_get_u32(a), key);
			OVS_CB(skb)->cutlen = 0;
			break;
		}

		case OVS_ACTION_ATTR_TRUNC: {
			const struct ovs_action_trunc *t = nla_data(a);

			OVS_CB(skb)->cutlen = skb->len > t->max_len ?
					      skb->len - t->max_len : 0;
			break;
		}

		case OVS_ACTION_ATTR_USERSPACE:
			output_userspace(dp, skb, key, a, actions, len);
			OVS_CB(skb)->cutlen = 0;
			break;

		case OVS_ACTION_ATTR_HASH:
			execute_hash(skb, key, nla_data(a));
			break;

		case OVS_ACTION_ATTR_PUSH_VLAN:
			err = push_vlan(skb, key, nla_data(a));
			break;

		case OVS_ACTION_ATTR_POP_VLAN:
			err = pop_vlan(skb, key);
			break;

		case OVS_ACTION_ATTR_SET_MASKED:
		case OVS_ACTION_ATTR_SET_TO_MASKED:
			err = execute_masked_set(skb, key, nla_data(a));
			break;

		case OVS_ACTION_ATTR_SET:
			execute_set_tunnel(skb, a);
			break;

		case OVS_ACTION_ATTR_PUSH_MPLS: {
			const struct ovs_action_push_mpls *mpls = nla_data(a);

			err = push_mpls(skb, key, mpls->mpls_lse,
					mpls->mpls_ethertype);
			break;
		}

		case OVS_ACTION_ATTR_ADD_MPLS: {
			const struct ovs_action_add_mpls *mpls = nla_data(a);

			err = push_mpls(skb, key, mpls->mpls_lse,
					mpls->mpls_ethertype);
			break;
		}

		case OVS_ACTION_ATTR_POP_MPLS:
			err = pop_mpls(skb, key, nla_get_be16(a));
			break;

		case OVS_ACTION_ATTR_RECIRC:
			err = execute_recirc(dp, skb, key, a, last);
			if (last)
				return err;
			break;

		case OVS_ACTION_ATTR_SAMPLE:
			err = execute_sample(dp, skb, key, a, last);
			if (last)
				return err;
			break;

		case OVS_ACTION_ATTR_CLONE:
			err = execute_clone(dp, skb, key, a, last);
			if (last)
				return err;
			break;

		case OVS_ACTION_ATTR_CHECK_PKT_LEN:
			err = execute_check_pkt_len(dp, skb, key, a, last);
			if (last)
				return err;
			break;

		case OVS_ACTION_ATTR_CT:
			err = key_refresh(skb, key);
			if (err)
				break;
			err = ovs_ct_execute(ovs_dp_get_net(dp), skb, key,
					     nla_data(a));
			/* A queued fragment now belongs to conntrack. */
			if (err == -EINPROGRESS)
				return 0;
			break;

		case OVS_ACTION_ATTR_CT_CLEAR:
			err = ovs_ct_clear(skb, key);
			break;

		case OVS_ACTION_ATTR_METER:
			/* Over the meter's drop band: drop, not an error. */
			if (ovs_meter_execute(dp, skb, key, nla_get_u32(a))) {
				kfree_skb(skb);
				return 0;
			}
			break;

		default:
			/* Never produced by ovs_nla_copy_actions(). */
			err = -EINVAL;
			break;
		}

		if (unlikely(err)) {
			kfree_skb(skb);
			return err;
		}
	}

	consume_skb(skb);
	return 0;
}

/* Run everything queued on this CPU's FIFO, including what it queues. */
static void run_deferred_actions(struct ovs_exec_cpu *pc)
{
	while (pc->fifo_tail < pc->fifo_head) {
		struct ovs_deferred_action *da = &pc->fifo[pc->fifo_tail++];

		if (da->actions)
			do_execute_actions(da->dp, da->skb, &da->key,
					   da->actions, da->actions_len);
		else
			ovs_dp_process_packet(da->skb, &da->key);
	}
	pc->fifo_head = 0;
	pc->fifo_tail = 0;
}

/**
 * ovs_execute_actions - run a flow's actions on a packet.
 * @dp: the datapath.
 * @skb: the packet, skb->data at its Ethernet header; always consumed.
 * @acts: the kernel action list (from ovs_nla_copy_actions()).
 * @key: the packet's key; updated as actions rewrite the packet, and its
 *	ct fields by ct().
 *
 * Recirculation and nested sample()/clone() run at once while the nesting
 * is shallow, otherwise they are queued on a per-CPU FIFO of
 * OVS_DEFERRED_FIFO_SIZE entries (overflow drops with a rate-limited
 * warning) which the outermost call drains before returning.  Nesting of
 * this function itself (recirculation, ports looping back into the
 * datapath) is limited to OVS_RECURSION_LIMIT levels, as in the in-tree
 * datapath.  Sets OVS_CB(@skb)->acts_origlen for ACTION upcalls.
 * Context: rcu_read_lock held, BH disabled.
 * Return: 0, or the negative errno of the action that failed (the packet
 *	was dropped); -ENETDOWN when the recursion limit was hit.
 */
int ovs_execute_actions(struct datapath *dp, struct sk_buff *skb,
			const struct sw_flow_actions *acts,
			struct sw_flow_key *key)
{
	struct ovs_exec_cpu *pc = this_cpu_ptr(ovs_exec_cpus);
	int level = ++pc->level;
	int err;

	if (unlikely(level > OVS_RECURSION_LIMIT)) {
		net_crit_ratelimited("%s: recursion limit reached, probable configuration error\n",
				     ovs_dp_name(dp));
		kfree_skb(skb);
		err = -ENETDOWN;
		goto out;
	}

	OVS_CB(skb)->acts_origlen = acts->orig_len;
	err = do_execute_actions(dp, skb, key, acts->actions,
				 acts->actions_len);
	if (level == 1)
		run_deferred_actions(pc);
out:
	pc->level--;
	return err;
}

/**
 * ovs_action_fifos_init - allocate the per-CPU execution state (deferred
 * action FIFOs, nesting keys, recursion counters).
 *
 * Context: process context, once at module load, before any packet can
 *	be executed.
 * Return: 0 or -ENOMEM.
 */
int ovs_action_fifos_init(void)
{
	ovs_exec_cpus = alloc_percpu(struct ovs_exec_cpu);
	return ovs_exec_cpus ? 0 : -ENOMEM;
}

/**
 * ovs_action_fifos_exit - free what ovs_action_fifos_init() allocated.
 *
 * Context: process context, after no packet can be executing any more.
 */
void ovs_action_fifos_exit(void)
{
	free_percpu(ovs_exec_cpus);
	ovs_exec_cpus = NULL;
}
