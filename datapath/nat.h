/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * NAT for the ct() action (OVS_CT_ATTR_NAT), on the kernel's nf_nat.
 *
 * conntrack.c owns the ct() action; it keeps a struct ovs_nat_info inside
 * its prepared action, has it filled by ovs_nat_parse() when the flow is
 * installed, serialized by ovs_nat_to_attr(), and calls ovs_nat_execute()
 * on every packet once the packet carries its conntrack entry.
 */
#ifndef OVS_NAT_H
#define OVS_NAT_H

#include <linux/netfilter/nf_nat.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/netfilter/nf_conntrack.h>
#include "flow.h"

/**
 * enum ovs_nat_type - what a ct() action asks of NAT.
 * @OVS_NAT_NONE: no OVS_CT_ATTR_NAT: never translate.
 * @OVS_NAT_EXISTING: a bare "nat": translate packets of connections that
 *	already have a mapping, set up no new one.
 * @OVS_NAT_SRC: as @OVS_NAT_EXISTING, and give new connections a source
 *	mapping into the range (OVS_NAT_ATTR_SRC).
 * @OVS_NAT_DST: as @OVS_NAT_EXISTING, and give new connections a
 *	destination mapping into the range (OVS_NAT_ATTR_DST).
 */
enum ovs_nat_type {
	OVS_NAT_NONE,
	OVS_NAT_EXISTING,
	OVS_NAT_SRC,
	OVS_NAT_DST,
};

/**
 * struct ovs_nat_info - the prepared OVS_CT_ATTR_NAT of a ct() action.
 * @range: the mapping range handed to nf_nat_setup_info(): addresses when
 *	%NF_NAT_RANGE_MAP_IPS is set (max filled in from min when only min
 *	was given), ports (network order) when %NF_NAT_RANGE_PROTO_SPECIFIED
 *	is set, and the PERSISTENT, PROTO_RANDOM (hash) and
 *	PROTO_RANDOM_FULLY flags.  Only used with @type SRC or DST; without
 *	%NF_NAT_RANGE_MAP_IPS new connections get a null binding, which only
 *	changes the port when the tuple would clash.
 * @type: an enum ovs_nat_type.
 *
 * Plain data, copied by value into the flow's action list; holds no
 * reference.  Zeroed means no NAT.
 */
struct ovs_nat_info {
	struct nf_nat_range2 range;
	u8 type;
};

/**
 * ovs_nat_active - does this ct() do NAT at all?
 * @nat: the prepared NAT part of a ct() action.
 * Return: true when OVS_CT_ATTR_NAT was given (bare, SRC or DST).
 */
static inline bool ovs_nat_active(const struct ovs_nat_info *nat)
{
	return nat->type != OVS_NAT_NONE;
}

/**
 * ovs_nat_parse - validate an OVS_CT_ATTR_NAT nest.
 * @attr: the OVS_CT_ATTR_NAT attribute (nested OVS_NAT_ATTR_*).
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6, from the flow key; decides the
 *	address length (4 or 16 bytes).
 * @commit: whether the ct() commits; SRC or DST NAT requires it.
 * @nat: filled in on success, zeroed on failure.
 * @log: log validation errors.
 *
 * Context: process context.
 * Return: 0; -ERANGE when both SRC and DST are given (as the in-tree
 * datapath); -EINVAL for unknown attributes, wrong lengths, trailing bytes,
 * range or flags without SRC/DST, SRC/DST without commit, min above max,
 * PROTO_HASH with PROTO_RANDOM, or when the kernel has no NAT.
 */
int ovs_nat_parse(const struct nlattr *attr, u16 family, bool commit,
		  struct ovs_nat_info *nat, bool log);

/**
 * ovs_nat_to_attr - serialize a prepared NAT back to OVS_CT_ATTR_NAT.
 * @nat: the prepared NAT; nothing is written when it is inactive.
 * @family: the ct() action's family.
 * @skb: the netlink message.
 * Return: 0 or -EMSGSIZE (nothing left behind).
 */
int ovs_nat_to_attr(const struct ovs_nat_info *nat, u16 family,
		    struct sk_buff *skb);

/**
 * ovs_nat_execute - translate a packet that has just been through ct().
 * @skb: the packet, skb->data at its network header, carrying @ct.
 * @ct: its conntrack entry (not a template).
 * @ctinfo: the packet's state in @ct.
 * @nat: the ct() action's NAT.
 * @family: %NFPROTO_IPV4 or %NFPROTO_IPV6.
 * @commit: the ct() commits; only then are new connections translated.
 * @key: the packet's key: addresses and ports are updated to the
 *	translated packet and %OVS_CS_F_SRC_NAT / %OVS_CS_F_DST_NAT set for
 *	the manipulations applied.  Nothing is done when the key already has
 *	one of them: a packet is translated once per zone.
 *
 * Context: rcu_read_lock, BH disabled.
 * Return: 0 (also when there was nothing to do); -EINVAL when nf_nat says
 * drop (the caller drops the packet; counted in conntrack's drop stat).
 */
int ovs_nat_execute(struct sk_buff *skb, struct nf_conn *ct,
		    enum ip_conntrack_info ctinfo,
		    const struct ovs_nat_info *nat, u16 family, bool commit,
		    struct sw_flow_key *key);

/**
 * ovs_nat_helper_attached - a helper was just attached to an unconfirmed
 * connection that this ct() commits.
 * @ct: the connection.
 * @nat: the ct() action's NAT.
 *
 * When NAT may be applied, the helper's NAT part (e.g. nf_nat_ftp) may
 * resize TCP payload, so the connection needs the sequence adjustment
 * extension; nf_nat_setup_info() adds it only when the helper was there
 * first.
 * Context: rcu_read_lock, BH disabled.
 * Return: 0 or -ENOMEM.
 */
int ovs_nat_helper_attached(struct nf_conn *ct,
			    const struct ovs_nat_info *nat);

#endif /* OVS_NAT_H */
