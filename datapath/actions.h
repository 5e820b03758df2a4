/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Datapath actions: validation and copy at flow-install time, serialization
 * back to userspace, and execution on packets (OVS_ACTION_ATTR_*).
 */
#ifndef OVS_ACTIONS_H
#define OVS_ACTIONS_H

#include <net/netlink.h>
#include "flow.h"

struct datapath;

/* Nesting bound for sample/clone, as in the in-tree datapath. */
#define OVS_COPY_ACTIONS_MAX_DEPTH	16
/* Largest action list accepted from userspace. */
#define OVS_MAX_ACTIONS_BUFSIZE		(32 * 1024)

/**
 * ovs_nla_copy_actions - validate userspace actions into a kernel copy.
 * @net: the datapath's namespace.
 * @attr: OVS_FLOW_ATTR_ACTIONS or OVS_PACKET_ATTR_ACTIONS.
 * @key: the flow's (masked) key; actions are checked against it, e.g. a
 *	set of TCP ports requires a TCP key, ct() requires IPv4/IPv6.
 * @sfa: receives the new action list; on error nothing is left allocated.
 * @log: log errors.
 *
 * Some actions are rewritten (set → masked set, ct() → a prepared
 * conntrack description, sample/clone with an internal argument).
 * Context: process context, ovs_mutex or not.
 * Return: 0; -EINVAL malformed or inconsistent; -EOPNOTSUPP unsupported;
 *	-EMSGSIZE too large; -ENOMEM.
 */
int ovs_nla_copy_actions(struct net *net, const struct nlattr *attr,
			 const struct sw_flow_key *key,
			 struct sw_flow_actions **sfa, bool log);

/**
 * ovs_nla_add_action - append one attribute to an action list being built.
 * @sfa: the list, reallocated when full.
 * @attrtype: OVS_ACTION_ATTR_* (or an internal type).
 * @data: payload, copied.  @len: payload bytes.  @log: log errors.
 * Return: the new attribute, or ERR_PTR(-EMSGSIZE / -ENOMEM).
 */
struct nlattr *ovs_nla_add_action(struct sw_flow_actions **sfa, int attrtype,
				  void *data, int len, bool log);

/**
 * ovs_nla_put_actions - serialize a kernel action list back to userspace
 * form (masked sets of whole fields become plain sets again).
 * @attr: the list.  @len: its length.  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_actions(const struct nlattr *attr, int len,
			struct sk_buff *skb);

/**
 * ovs_nla_free_flow_actions - free an action list now (releasing ct()
 * resources).  @sfa: the list or NULL.
 */
void ovs_nla_free_flow_actions(struct sw_flow_actions *sfa);

/**
 * ovs_nla_free_flow_actions_rcu - free an action list after RCU readers.
 * @sfa: the list or NULL.
 */
void ovs_nla_free_flow_actions_rcu(struct sw_flow_actions *sfa);

/**
 * ovs_execute_actions - run an action list on a packet.
 * @dp: the datapath.
 * @skb: the packet; always consumed.
 * @acts: the actions.
 * @key: the packet's key; updated as actions change the packet.
 *
 * Recirculation, and sample/clone when nested too deeply, are deferred to
 * a per-CPU FIFO and run before this returns; the recursion depth is bounded.
 * Context: rcu_read_lock, BH disabled.
 * Return: 0, or a negative errno if an action failed (packet dropped).
 */
int ovs_execute_actions(struct datapath *dp, struct sk_buff *skb,
			const struct sw_flow_actions *acts,
			struct sw_flow_key *key);

/**
 * ovs_action_fifos_init - allocate the per-CPU deferred-action FIFOs.
 * Return: 0 or -ENOMEM.
 */
int ovs_action_fifos_init(void);

/** ovs_action_fifos_exit - free the per-CPU deferred-action FIFOs. */
void ovs_action_fifos_exit(void);

#endif /* OVS_ACTIONS_H */
