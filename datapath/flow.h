/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Flow key, flow and flow-actions definitions shared by the whole datapath.
 *
 * The flow key is the datapath's internal, fixed-layout view of a packet's
 * headers and metadata.  It is not ABI: userspace only ever sees it through
 * the OVS_KEY_ATTR_* netlink codec in flow_netlink.c.  The masked flow table
 * compares keys as arrays of longs over the byte range [start, end) that a
 * mask covers, so the layout groups fields roughly by how often megaflows
 * wildcard them and the whole structure is long-aligned.
 */
#ifndef OVS_FLOW_H
#define OVS_FLOW_H

#include <linux/types.h>
#include <linux/cache.h>
#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/u64_stats_sync.h>
#include <linux/openvswitch.h>
#include <linux/skbuff.h>

struct vport;
struct ip_tunnel_info;

/* Present bit kept in a key's VLAN TCI, as userspace expects (VLAN_CFI). */
#define OVS_VLAN_PRESENT	htons(0x1000)

/**
 * struct ovs_vlan - one 802.1Q/802.1ad tag as held in the flow key.
 * @tpid: tag protocol identifier, network order; 0 when absent.
 * @tci: tag control information with %OVS_VLAN_PRESENT set when present.
 */
struct ovs_vlan {
	__be16 tpid;
	__be16 tci;
};

/* MPLS label stack entries a key holds (the outermost ones). */
#define OVS_MPLS_LABEL_DEPTH	3

/* Longest tunnel option block a key holds (ip_tunnel_info.options_len). */
#define OVS_TUN_OPTS_MAX	255

/*
 * Tunnel flags as the flow key keeps them: the ones OVS_TUNNEL_KEY_ATTR_*
 * can express, independent of how the running kernel represents
 * ip_tunnel_key.tun_flags.  OVS_TNL_F_CRIT_OPT is internal: it is set on
 * received keys and on prepared set(tunnel()) actions whose Geneve options
 * include a critical one, and is never matched or sent to userspace.
 */
#define OVS_TNL_F_KEY		BIT(0)	/* tun_id is present */
#define OVS_TNL_F_DONT_FRAGMENT	BIT(1)
#define OVS_TNL_F_CSUM		BIT(2)
#define OVS_TNL_F_OAM		BIT(3)
#define OVS_TNL_F_GENEVE_OPT	BIT(4)	/* options are Geneve TLVs */
#define OVS_TNL_F_VXLAN_OPT	BIT(5)	/* options are struct vxlan_metadata */
#define OVS_TNL_F_ERSPAN_OPT	BIT(6)	/* options are struct erspan_metadata */
#define OVS_TNL_F_CRIT_OPT	BIT(7)	/* a Geneve option is critical */

/**
 * struct ovs_tun_key - outer (encapsulating) tunnel header of a packet.
 * @tun_id: tunnel id (VNI, GRE key...), network order; see %OVS_TNL_F_KEY.
 * @u: outer IPv4 or IPv6 source and destination, per @proto; the unused
 *	tail of the union is zero.
 * @tp_src: outer UDP source port, network order, 0 if none.
 * @tp_dst: outer UDP destination port, network order, 0 if none.
 * @flags: OVS_TNL_F_* bits.
 * @tos: outer IPv4 TOS or IPv6 traffic class.
 * @ttl: outer IPv4 TTL or IPv6 hop limit.
 * @proto: AF_INET or AF_INET6 for a packet that came from a tunnel; 0 when
 *	it did not (all other fields are then zero).
 * @opts_len: bytes of option data in sw_flow_key.tun_opts (0..255).
 * @pad: always zero.
 */
struct ovs_tun_key {
	__be64 tun_id;
	union {
		struct {
			__be32 src;
			__be32 dst;
		} ipv4;
		struct {
			struct in6_addr src;
			struct in6_addr dst;
		} ipv6;
	} u;
	__be16 tp_src;
	__be16 tp_dst;
	u16 flags;
	u8 tos;
	u8 ttl;
	u8 proto;
	u8 opts_len;
	u8 pad[6];
};

/**
 * struct sw_flow_key - the datapath's flow key.
 *
 * Only the fields relevant to the packet's protocols are meaningful; the
 * extractor zeroes the whole key first so that masked comparison is exact.
 * MPLS packets keep their label stack entries in the address union.
 * ARP reuses the IPv4 address fields (spa/tpa), ip.proto (low byte of the
 * opcode) and ipv4.arp (sha/tha).  ICMP and ICMPv6 store type/code in
 * tp.src/tp.dst (network order, one byte each in the low byte), as the
 * in-tree datapath and userspace do.
 */
struct sw_flow_key {
	struct {
		u32 priority;		/* skb->priority */
		u32 skb_mark;		/* skb->mark */
		u16 in_port;		/* datapath port number */
	} __packed phy;
	u8 mac_proto;			/* always 0: Ethernet only */
	u8 pad0;
	u32 ovs_flow_hash;		/* dp_hash, 0 when not computed */
	u32 recirc_id;			/* 0 for packets fresh from a port */
	struct {
		u8 src[ETH_ALEN];
		u8 dst[ETH_ALEN];
		struct ovs_vlan vlan;	/* outer tag */
		struct ovs_vlan cvlan;	/* inner tag (QinQ) */
		__be16 type;		/* Ethernet type after the tags */
	} eth;
	u8 ct_state;			/* OVS_CS_F_* */
	u8 ct_orig_proto;		/* original-direction IP protocol, 0 if none */
	struct {
		u8 proto;		/* IP protocol or low 8 bits of ARP op */
		u8 tos;			/* IPv4 TOS or IPv6 traffic class */
		u8 ttl;			/* IPv4 TTL or IPv6 hop limit */
		u8 frag;		/* OVS_FRAG_TYPE_* */
	} ip;
	u16 ct_zone;			/* conntrack zone */
	struct {
		__be16 src;		/* L4 source port or ICMP type */
		__be16 dst;		/* L4 destination port or ICMP code */
		__be16 flags;		/* TCP flags (13 bits) */
	} tp;
	union {
		struct {
			struct {
				__be32 src;
				__be32 dst;
			} addr;
			union {
				struct {
					__be32 src;
					__be32 dst;
				} ct_orig;	/* conntrack original tuple */
				struct {
					u8 sha[ETH_ALEN];
					u8 tha[ETH_ALEN];
				} arp;
			};
		} ipv4;
		struct {
			struct {
				struct in6_addr src;
				struct in6_addr dst;
			} addr;
			__be32 label;	/* 20 bits in the low bits */
			union {
				struct {
					struct in6_addr src;
					struct in6_addr dst;
				} ct_orig;	/* conntrack original tuple */
				struct {
					struct in6_addr target;
					u8 sll[ETH_ALEN];
					u8 tll[ETH_ALEN];
				} nd;
			};
		} ipv6;
		struct {
			/* bit i set: lse[i] holds the (i+1)th label */
			u32 num_labels_mask;
			__be32 lse[OVS_MPLS_LABEL_DEPTH];	/* outermost first */
		} mpls;		/* MPLS unicast/multicast EtherTypes */
	};
	struct {
		/* Connection tracking fields not packed above. */
		__be16 orig_tp_src;	/* original-direction L4 source */
		__be16 orig_tp_dst;	/* original-direction L4 destination */
		u32 mark;
		struct ovs_key_ct_labels labels;
	} ct;
	/*
	 * Tunnel metadata, last so that a mask that does not use it (and a
	 * tunnel without options) keeps the compared range short.  The
	 * options start at tun_opts[0]; bytes past tun.opts_len are not
	 * significant (a packet's key leaves them unset).
	 */
	struct ovs_tun_key tun;
	u8 tun_opts[OVS_TUN_OPTS_MAX];
} __aligned(BITS_PER_LONG / 8);

#define OVS_SW_FLOW_KEY_METADATA_SIZE	\
	(offsetof(struct sw_flow_key, recirc_id) + \
	 sizeof_field(struct sw_flow_key, recirc_id))

/**
 * struct sw_flow_key_range - byte range of a key that a mask touches.
 * @start: first byte, rounded down to a long boundary.
 * @end: one past the last byte, rounded up to a long boundary.
 */
struct sw_flow_key_range {
	unsigned short start;
	unsigned short end;
};

/**
 * struct sw_flow_mask - a megaflow mask shared by all flows that use it.
 * @ref_count: number of flows using the mask; protected by ovs_mutex.
 * @rcu: deferred free.
 * @range: bytes of @key that are not all-zero.
 * @key: the mask itself: 1 bits are significant.
 */
struct sw_flow_mask {
	int ref_count;
	struct rcu_head rcu;
	struct sw_flow_key_range range;
	struct sw_flow_key key;
};

/**
 * struct sw_flow_match - a key and mask being built by the netlink codec.
 * @key: the key being filled.
 * @range: bytes of @key written so far.
 * @mask: the mask being filled, or NULL when only a key is parsed.
 */
struct sw_flow_match {
	struct sw_flow_key *key;
	struct sw_flow_key_range range;
	struct sw_flow_mask *mask;
};

#define MAX_UFID_LENGTH 16 /* 128 bits */

/**
 * struct sw_flow_id - how userspace names a flow.
 * @ufid_len: length of @ufid in bytes (1..16), or 0 when the flow has no UFID
 *	and is identified by its unmasked key.
 * @ufid: the unique flow identifier.
 * @unmasked_key: the full key given at creation, when @ufid_len is 0.
 */
struct sw_flow_id {
	u32 ufid_len;
	union {
		u32 ufid[MAX_UFID_LENGTH / 4];
		struct sw_flow_key *unmasked_key;
	};
};

/**
 * struct sw_flow_actions - validated actions of a flow, RCU-replaced.
 * @rcu: deferred free.
 * @orig_len: length of the actions userspace gave, for sizing replies.
 * @actions_len: bytes used in @actions.
 * @actions: the validated, possibly rewritten, action list.
 */
struct sw_flow_actions {
	struct rcu_head rcu;
	size_t orig_len;
	u32 actions_len;
	struct nlattr actions[];
};

/**
 * struct sw_flow_stats - one CPU's share of a flow's statistics.
 * @packet_count: packets matched on this CPU.
 * @byte_count: bytes matched on this CPU.
 * @used: jiffies of the last match on this CPU, 0 if never.
 * @tcp_flags: TCP flags seen on this CPU, OR'd.
 * @syncp: 64-bit counter consistency on 32-bit hosts.
 */
struct sw_flow_stats {
	u64 packet_count;
	u64 byte_count;
	unsigned long used;
	__be16 tcp_flags;
	struct u64_stats_sync syncp;
};

/**
 * struct sw_flow - one datapath flow (megaflow).
 * @rcu: deferred free.
 * @hash_node: membership of the flow table (flow_table.c private).
 * @ufid_node: membership of the UFID table (flow_table.c private).
 * @list_node: membership of the table's flow list, for dumps and flushes.
 * @key: the masked key the flow matches.
 * @id: UFID or unmasked key.
 * @mask: the flow's mask, shared with other flows.
 * @sf_acts: the actions, replaced under ovs_mutex, read under RCU.
 * @stats: per-CPU statistics; updated on the packet path without locks
 *	(softirq or BH-disabled context), folded when read.
 */
struct sw_flow {
	struct rcu_head rcu;
	struct rhash_head hash_node;
	struct rhash_head ufid_node;
	struct list_head list_node;
	struct sw_flow_key key;
	struct sw_flow_id id;
	struct sw_flow_mask *mask;
	struct sw_flow_actions __rcu *sf_acts;
	struct sw_flow_stats __percpu *stats;
};

/* Userspace (OVS) defines the TCP flag bits as the low 12 bits. */
#define TCP_FLAGS_BE16(tp) (*(__be16 *)&tcp_flag_word(tp) & htons(0x0FFF))

/* flow.c */

/**
 * ovs_flow_key_extract - fill a flow key from a packet received on a vport.
 * @input_vport: the vport the packet arrived on (its port number is used).
 * @tun_info: receive-side tunnel metadata the packet carries, or NULL.
 * @skb: the packet, skb->data at the Ethernet header.
 * @key: zeroed and filled.
 *
 * Context: softirq or BH-disabled process context.
 * Return: 0 on success; -ENOMEM if pulling headers failed.  A truncated or
 * malformed header is not an error: the key then describes only the layers
 * that were complete.
 */
int ovs_flow_key_extract(const struct vport *input_vport,
			 const struct ip_tunnel_info *tun_info,
			 struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_flow_tun_key_from_info - a kernel tunnel description as a key's tunnel.
 * @tun: filled (options not copied; @tun->opts_len set).
 * @info: the tunnel info (RX metadata or a prepared TX one).
 */
void ovs_flow_tun_key_from_info(struct ovs_tun_key *tun,
				const struct ip_tunnel_info *info);

/**
 * ovs_flow_tun_key_to_info - a key's tunnel as a kernel tunnel description.
 * @info: its key fields and options are written; mode is left alone.
 * @tun: the tunnel (proto AF_INET or AF_INET6).
 * @opts: @tun->opts_len bytes of options; @info must have room for them.
 */
void ovs_flow_tun_key_to_info(struct ip_tunnel_info *info,
			      const struct ovs_tun_key *tun, const u8 *opts);

/**
 * ovs_flow_key_extract_userspace - key for a packet userspace executes.
 * @net: the datapath's namespace.
 * @attr: OVS_PACKET_ATTR_KEY nest (metadata such as in_port, recirc_id,
 *	skb_mark, priority, ct fields).
 * @skb: the packet; its metadata fields are set from @attr.
 * @key: filled from @attr's metadata and the packet's headers.
 * @log: whether to log parse errors.
 *
 * Return: 0 or a negative errno from the netlink codec or header parsing.
 */
int ovs_flow_key_extract_userspace(struct net *net, const struct nlattr *attr,
				   struct sk_buff *skb,
				   struct sw_flow_key *key, bool log);

/**
 * ovs_flow_key_update - re-extract a key after actions changed the packet.
 * @skb: the packet.
 * @key: updated in place; metadata (phy, recirc_id, ct fields) kept.
 *
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_key_update(struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_flow_key_update_l3l4 - re-parse L3/L4 after e.g. fragment reassembly.
 * @skb: the packet, skb->data at the Ethernet header.
 * @key: L3 and L4 fields rewritten; everything else kept.
 *
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_key_update_l3l4(struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_flow_alloc - allocate a flow with zeroed per-CPU statistics.
 *
 * Context: process context, may sleep.
 * Return: the flow or ERR_PTR(-ENOMEM).
 */
struct sw_flow *ovs_flow_alloc(void);

/**
 * ovs_flow_free - free a flow immediately or after an RCU grace period.
 * @flow: the flow; its actions and unmasked key are freed with it.
 * @deferred: true to wait for RCU readers.
 */
void ovs_flow_free(struct sw_flow *flow, bool deferred);

/**
 * ovs_flow_stats_update - account one packet to a flow.
 * @flow: the matched flow.
 * @tcp_flags: the packet's TCP flags (network order) or 0.
 * @skb: the packet (its length is counted).
 *
 * Context: softirq or BH disabled; lockless, per-CPU.
 */
void ovs_flow_stats_update(struct sw_flow *flow, __be16 tcp_flags,
			   const struct sk_buff *skb);

/**
 * ovs_flow_stats_get - fold a flow's per-CPU statistics.
 * @flow: the flow.
 * @stats: packets and bytes summed over CPUs.
 * @used: latest jiffies of use, 0 if never.
 * @tcp_flags: OR of TCP flags seen.
 */
void ovs_flow_stats_get(const struct sw_flow *flow, struct ovs_flow_stats *stats,
			unsigned long *used, __be16 *tcp_flags);

/**
 * ovs_flow_stats_clear - zero a flow's statistics (OVS_FLOW_ATTR_CLEAR).
 * @flow: the flow.  Context: ovs_mutex held.
 */
void ovs_flow_stats_clear(struct sw_flow *flow);

/**
 * ovs_flow_used_time - convert jiffies of last use to monotonic msecs.
 * @flow_jiffies: a value from ovs_flow_stats_get().
 * Return: msecs of the monotonic clock at that time (OVS_FLOW_ATTR_USED).
 */
u64 ovs_flow_used_time(unsigned long flow_jiffies);

/**
 * ovs_flow_init - create the flow cache; call before ovs_flow_alloc().
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_init(void);

/**
 * ovs_flow_exit - rcu_barrier(), then destroy the flow cache; call after
 * every flow was freed, before tearing down what action frees need.
 */
void ovs_flow_exit(void);

#endif /* OVS_FLOW_H */
