/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ct() and ct_clear actions on netfilter conntrack, and the key's
 * connection-tracking fields.  ct() is parsed once, when a flow is
 * installed, into a private description (zone, commit, mark and labels with
 * masks, a conntrack template, helper); executing it on a packet only reads
 * that description.
 */
#ifndef OVS_CONNTRACK_H
#define OVS_CONNTRACK_H

#include <linux/skbuff.h>
#include <net/genetlink.h>
#include "flow.h"
#include "nf_conntrack_ovs.h"

struct datapath;
struct ovs_conntrack_info;

/* ct_state bits this datapath can produce and match. */
#define OVS_CT_SUPPORTED_STATE	(OVS_CS_F_NEW | OVS_CS_F_ESTABLISHED | \
				 OVS_CS_F_RELATED | OVS_CS_F_REPLY_DIR | \
				 OVS_CS_F_INVALID | OVS_CS_F_TRACKED | \
				 OVS_CT_SUPPORTED_NAT_STATE)
/* +snat/+dnat exist when the kernel has nf_nat (ct() NAT, in nat.c). */
#define OVS_CT_SUPPORTED_NAT_STATE \
	(IS_ENABLED(CONFIG_NF_NAT) ? OVS_CS_F_NAT_MASK : 0)

#if OVS_CT_LIMIT_SUPPORTED
/*
 * The ovs_ct_limit generic netlink family (zone limits, OVS_CT_LIMIT_CMD_*
 * of the uAPI), registered by datapath.c with the others.  Kernels without
 * nf_conncount do not get it, and ovs-vswitchd then knows there are no
 * zone limits.
 */
extern struct genl_family dp_ct_limit_genl_family;
#endif

/**
 * ovs_ct_init - per-namespace conntrack setup (labels, zone limits).
 * @net: the namespace.  Return: 0 or a negative errno.
 */
int ovs_ct_init(struct net *net);
/** ovs_ct_exit - undo ovs_ct_init().  @net: the namespace. */
void ovs_ct_exit(struct net *net);

/**
 * ovs_ct_verify - may a flow key or mask use this ct attribute?
 * @net: namespace.  @attr: OVS_KEY_ATTR_CT_*.
 * Return: true if supported by this kernel and configuration.
 */
bool ovs_ct_verify(struct net *net, enum ovs_key_attr attr);

/**
 * ovs_ct_copy_action - validate a ct() action and append its prepared form.
 * @net: namespace.  @attr: OVS_ACTION_ATTR_CT nest.  @key: the flow key
 *	(must be IPv4 or IPv6).  @sfa: the action list being built.
 * @log: log errors.
 * Return: 0; -EINVAL for malformed or conflicting options (e.g. mark
 *	without commit); -EOPNOTSUPP for what this kernel cannot do; -ENOMEM.
 */
int ovs_ct_copy_action(struct net *net, const struct nlattr *attr,
		       const struct sw_flow_key *key,
		       struct sw_flow_actions **sfa, bool log);

/**
 * ovs_ct_action_to_attr - serialize a prepared ct() back to OVS_CT_ATTR_*.
 * @info: the prepared action.  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_ct_action_to_attr(const struct ovs_conntrack_info *info,
			  struct sk_buff *skb);

/**
 * ovs_ct_free_action - release what a prepared ct() holds.
 * @a: the OVS_ACTION_ATTR_CT attribute in a kernel action list.
 */
void ovs_ct_free_action(const struct nlattr *a);

/**
 * ovs_ct_execute - run ct() on a packet.
 * @net: namespace.  @skb: the packet; on success it carries its conntrack
 *	entry.  @key: ct fields updated for the next recirculation.
 * @info: the prepared action.
 *
 * Fragments are gathered first; a fragment that does not complete a packet
 * is queued and -EINPROGRESS returned (the packet is consumed).
 * Context: rcu_read_lock, BH disabled.
 * Return: 0; -EINPROGRESS (stolen); other negative errno (caller drops).
 */
int ovs_ct_execute(struct net *net, struct sk_buff *skb,
		   struct sw_flow_key *key,
		   const struct ovs_conntrack_info *info);

/**
 * ovs_ct_clear - ct_clear: drop the packet's conntrack reference and reset
 * the key's ct fields.  @skb: the packet.  @key: its key, or NULL.
 * Return: 0.
 */
int ovs_ct_clear(struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_ct_fill_key - set the key's ct fields from the skb's conntrack entry
 * (if any) during key extraction.  @skb: the packet.  @key: its key.
 */
void ovs_ct_fill_key(const struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_ct_put_key - serialize the key's ct fields (CT_STATE, CT_ZONE,
 * CT_MARK, CT_LABELS, CT_ORIG_TUPLE_IPV4/IPV6).
 * @swkey: the key that decides whether an original tuple exists.
 * @output: the values (key or mask).  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_ct_put_key(const struct sw_flow_key *swkey,
		   const struct sw_flow_key *output, struct sk_buff *skb);

#endif /* OVS_CONNTRACK_H */
