/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Netlink codec for flow keys and masks (OVS_KEY_ATTR_*) and flow
 * identifiers (UFIDs), as defined by include/uapi/linux/openvswitch.h.
 */
#ifndef OVS_FLOW_NETLINK_H
#define OVS_FLOW_NETLINK_H

#include <linux/netlink.h>
#include <net/netlink.h>
#include "flow.h"

/**
 * ovs_match_init - prepare a match for ovs_nla_get_match().
 * @match: the match.  @key: key storage.  @reset_key: zero @key first.
 * @mask: mask storage or NULL; when given it is zeroed.
 */
void ovs_match_init(struct sw_flow_match *match, struct sw_flow_key *key,
		    bool reset_key, struct sw_flow_mask *mask);

/**
 * ovs_nla_get_match - parse OVS_FLOW_ATTR_KEY and OVS_FLOW_ATTR_MASK.
 * @net: the datapath's namespace (ct attributes are checked against it).
 * @match: initialised with ovs_match_init(); key, mask and range filled.
 * @nla_key: the key nest (required).
 * @nla_mask: the mask nest, or NULL for an exact-match flow (every field
 *	present in the key is fully significant, as userspace expects).
 * @log: log errors (false for OVS_FLOW_ATTR_PROBE requests).
 *
 * Every attribute is checked for type, length and consistency with its
 * parents (e.g. TCP only under IPv4/IPv6 with proto 6); unknown or
 * duplicated attributes are rejected.
 * Return: 0 or -EINVAL (malformed, inconsistent, unsupported attribute).
 */
int ovs_nla_get_match(struct net *net, struct sw_flow_match *match,
		      const struct nlattr *nla_key,
		      const struct nlattr *nla_mask, bool log);

/**
 * ovs_nla_get_flow_metadata - parse only the metadata attributes of a key.
 * @net: namespace.  @attr: a key nest (OVS_PACKET_ATTR_KEY).
 * @key: its metadata fields (tunnel, phy, recirc_id, ovs_flow_hash, ct_*)
 *	set; the caller zeroed it.
 * @log: log errors.
 * Return: 0 or -EINVAL.
 */
int ovs_nla_get_flow_metadata(struct net *net, const struct nlattr *attr,
			      struct sw_flow_key *key, bool log);

/**
 * ovs_nla_put_key - serialize a key or mask as a nest of OVS_KEY_ATTR_*.
 * @swkey: the key that decides which attributes exist (the flow's key).
 * @output: the values to write: @swkey itself, or the mask.
 * @attr: nest type (OVS_FLOW_ATTR_KEY, OVS_FLOW_ATTR_MASK, OVS_PACKET_ATTR_KEY).
 * @is_mask: writing a mask (fields implied by @swkey are written even when 0).
 * @skb: message being built.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_key(const struct sw_flow_key *swkey,
		    const struct sw_flow_key *output, int attr, bool is_mask,
		    struct sk_buff *skb);

/**
 * ovs_nla_put_identifier - OVS_FLOW_ATTR_UFID, or the unmasked key as
 * OVS_FLOW_ATTR_KEY when the flow has no UFID.
 * @flow: the flow.  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_identifier(const struct sw_flow *flow, struct sk_buff *skb);

/**
 * ovs_nla_put_masked_key - OVS_FLOW_ATTR_KEY with the flow's masked key.
 * @flow: the flow.  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_masked_key(const struct sw_flow *flow, struct sk_buff *skb);

/**
 * ovs_nla_put_mask - OVS_FLOW_ATTR_MASK with the flow's mask.
 * @flow: the flow.  @skb: the message.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_mask(const struct sw_flow *flow, struct sk_buff *skb);

/**
 * ovs_nla_get_ufid - parse OVS_FLOW_ATTR_UFID.
 * @sfid: filled.  @attr: the attribute or NULL.  @log: log errors.
 * Return: true if a valid UFID (1..16 bytes) was given.
 */
bool ovs_nla_get_ufid(struct sw_flow_id *sfid, const struct nlattr *attr,
		      bool log);

/**
 * ovs_nla_get_identifier - a new flow's identifier: its UFID if given,
 * else a kmalloc'ed copy of the unmasked @key.
 * @sfid: filled.  @ufid: OVS_FLOW_ATTR_UFID or NULL.  @key: unmasked key.
 * @log: log errors.
 * Return: 0 or -ENOMEM.
 */
int ovs_nla_get_identifier(struct sw_flow_id *sfid, const struct nlattr *ufid,
			   const struct sw_flow_key *key, bool log);

/**
 * ovs_nla_get_ufid_flags - OVS_FLOW_ATTR_UFID_FLAGS value, 0 if absent.
 * @attr: the attribute or NULL.
 * Return: OVS_UFID_F_* bits.
 */
u32 ovs_nla_get_ufid_flags(const struct nlattr *attr);

/**
 * ovs_key_attr_size - upper bound of a serialized key nest's payload.
 * Return: bytes.
 */
size_t ovs_key_attr_size(void);

/**
 * ovs_tun_key_attr_size - upper bound of an OVS_TUNNEL_KEY_ATTR_* nest's
 * payload (as in OVS_KEY_ATTR_TUNNEL or OVS_PACKET_ATTR_EGRESS_TUN_KEY).
 * Return: bytes.
 */
size_t ovs_tun_key_attr_size(void);

struct ip_tunnel_info;
struct metadata_dst;

/**
 * ovs_nla_get_tunnel_dst - prepare the metadata of a set(tunnel()) action.
 * @attr: the action's OVS_KEY_ATTR_TUNNEL.
 * @mdp: receives a new TX-mode metadata dst with one reference, which the
 *	caller owns (dst_release() frees it).
 * @log: log errors.
 * Context: process context.
 * Return: 0, -EINVAL (malformed or incomplete tunnel) or -ENOMEM.
 */
int ovs_nla_get_tunnel_dst(const struct nlattr *attr,
			   struct metadata_dst **mdp, bool log);

/**
 * ovs_nla_put_tunnel_info - serialize tunnel info as a nest of
 * OVS_TUNNEL_KEY_ATTR_* (a set(tunnel()) action's, or an egress tunnel key).
 * @skb: the message.  @attrtype: the nest's type.  @info: the tunnel.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_tunnel_info(struct sk_buff *skb, int attrtype,
			    const struct ip_tunnel_info *info);

/**
 * ovs_key_attr_len - expected payload length of a key attribute.
 * @type: OVS_KEY_ATTR_*.
 * Return: the fixed length; -1 for variable-length or nested attributes;
 *	-2 (never valid) for types out of range or not supported here.
 */
int ovs_key_attr_len(int type);

#endif /* OVS_FLOW_NETLINK_H */
