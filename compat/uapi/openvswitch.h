/* SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
/*
 * The Open vSwitch datapath's netlink interface as this module implements
 * it and Open vSwitch 3.1 uses it: the four generic netlink families
 * (datapath, vport, flow, packet) and the meter and conntrack-limit
 * families, with every attribute number and structure layout of the
 * kernel's <linux/openvswitch.h> as of Linux 6.1.
 *
 * compat/compat.h uses this header instead of the kernel's when the
 * kernel's predates that interface (probe HAVE_OVS_UAPI_CURRENT); numbers
 * are written out so that a mismatch with the kernel's ABI is easy to see.
 * Attributes are append-only, so the numbers never change between kernels.
 */
#ifndef OVS_COMPAT_UAPI_OPENVSWITCH_H
#define OVS_COMPAT_UAPI_OPENVSWITCH_H

#include <linux/types.h>
#include <linux/if_ether.h>

/* Leads every message of every family: which datapath (its ifindex). */
struct ovs_header {
	int dp_ifindex;
};

/* ------------------------------------------------------------------ */
/* Datapath family. */

#define OVS_DATAPATH_FAMILY	"ovs_datapath"
#define OVS_DATAPATH_MCGROUP	"ovs_datapath"
#define OVS_DATAPATH_VERSION	2
/* Smallest datapath version that understands OVS_DP_ATTR_USER_FEATURES. */
#define OVS_DP_VER_FEATURES	2

enum ovs_datapath_cmd {
	OVS_DP_CMD_UNSPEC	= 0,
	OVS_DP_CMD_NEW		= 1,
	OVS_DP_CMD_DEL		= 2,
	OVS_DP_CMD_GET		= 3,
	OVS_DP_CMD_SET		= 4,
};

enum ovs_datapath_attr {
	OVS_DP_ATTR_UNSPEC		= 0,
	OVS_DP_ATTR_NAME		= 1,	/* string */
	OVS_DP_ATTR_UPCALL_PID		= 2,	/* u32 netlink port id */
	OVS_DP_ATTR_STATS		= 3,	/* struct ovs_dp_stats */
	OVS_DP_ATTR_MEGAFLOW_STATS	= 4,	/* struct ovs_dp_megaflow_stats */
	OVS_DP_ATTR_USER_FEATURES	= 5,	/* u32 OVS_DP_F_* */
	OVS_DP_ATTR_PAD			= 6,
	OVS_DP_ATTR_MASKS_CACHE_SIZE	= 7,	/* u32 */
	OVS_DP_ATTR_PER_CPU_PIDS	= 8,	/* u32 array, one per CPU */
	OVS_DP_ATTR_IFINDEX		= 9,	/* s32, at creation */
	__OVS_DP_ATTR_MAX
};
#define OVS_DP_ATTR_MAX (__OVS_DP_ATTR_MAX - 1)

struct ovs_dp_stats {
	__u64 n_hit;		/* packets that matched a flow */
	__u64 n_missed;		/* packets sent to userspace */
	__u64 n_lost;		/* upcalls that could not be queued */
	__u64 n_flows;		/* flows in the table */
};

struct ovs_dp_megaflow_stats {
	__u64 n_mask_hit;	/* masks probed by lookups that hit */
	__u32 n_masks;		/* masks in the table */
	__u32 pad0;
	__u64 n_cache_hit;	/* lookups answered by the mask cache */
	__u64 pad1;
};

struct ovs_vport_stats {
	__u64 rx_packets;
	__u64 tx_packets;
	__u64 rx_bytes;
	__u64 tx_bytes;
	__u64 rx_errors;
	__u64 tx_errors;
	__u64 rx_dropped;
	__u64 tx_dropped;
};

/* OVS_DP_ATTR_USER_FEATURES bits. */
#define OVS_DP_F_UNALIGNED			(1 << 0)
#define OVS_DP_F_VPORT_PIDS			(1 << 1)
#define OVS_DP_F_TC_RECIRC_SHARING		(1 << 2)
#define OVS_DP_F_DISPATCH_UPCALL_PER_CPU	(1 << 3)

/* The port number of the datapath's own internal port. */
#define OVSP_LOCAL	((__u32)0)

/* ------------------------------------------------------------------ */
/* Packet family: upcalls to userspace and packets it executes. */

#define OVS_PACKET_FAMILY	"ovs_packet"
#define OVS_PACKET_VERSION	0x1

enum ovs_packet_cmd {
	OVS_PACKET_CMD_UNSPEC	= 0,
	OVS_PACKET_CMD_MISS	= 1,	/* upcall: no flow matched */
	OVS_PACKET_CMD_ACTION	= 2,	/* upcall: userspace() action */
	OVS_PACKET_CMD_EXECUTE	= 3,	/* userspace: run actions on a packet */
};

enum ovs_packet_attr {
	OVS_PACKET_ATTR_UNSPEC		= 0,
	OVS_PACKET_ATTR_PACKET		= 1,	/* frame, from the L2 header */
	OVS_PACKET_ATTR_KEY		= 2,	/* nested OVS_KEY_ATTR_* */
	OVS_PACKET_ATTR_ACTIONS		= 3,	/* nested OVS_ACTION_ATTR_* */
	OVS_PACKET_ATTR_USERDATA	= 4,	/* opaque, from userspace() */
	OVS_PACKET_ATTR_EGRESS_TUN_KEY	= 5,	/* nested OVS_TUNNEL_KEY_ATTR_* */
	OVS_PACKET_ATTR_UNUSED1		= 6,
	OVS_PACKET_ATTR_UNUSED2		= 7,
	OVS_PACKET_ATTR_PROBE		= 8,	/* flag: quiet errors */
	OVS_PACKET_ATTR_MRU		= 9,	/* u16 largest fragment seen */
	OVS_PACKET_ATTR_LEN		= 10,	/* u32 length before truncation */
	OVS_PACKET_ATTR_HASH		= 11,	/* u64 skb hash and its flags */
	__OVS_PACKET_ATTR_MAX
};
#define OVS_PACKET_ATTR_MAX (__OVS_PACKET_ATTR_MAX - 1)

/* ------------------------------------------------------------------ */
/* Vport family. */

#define OVS_VPORT_FAMILY	"ovs_vport"
#define OVS_VPORT_MCGROUP	"ovs_vport"
#define OVS_VPORT_VERSION	0x1

enum ovs_vport_cmd {
	OVS_VPORT_CMD_UNSPEC	= 0,
	OVS_VPORT_CMD_NEW	= 1,
	OVS_VPORT_CMD_DEL	= 2,
	OVS_VPORT_CMD_GET	= 3,
	OVS_VPORT_CMD_SET	= 4,
};

enum ovs_vport_type {
	OVS_VPORT_TYPE_UNSPEC	= 0,
	OVS_VPORT_TYPE_NETDEV	= 1,
	OVS_VPORT_TYPE_INTERNAL	= 2,
	OVS_VPORT_TYPE_GRE	= 3,
	OVS_VPORT_TYPE_VXLAN	= 4,
	OVS_VPORT_TYPE_GENEVE	= 5,
	__OVS_VPORT_TYPE_MAX
};
#define OVS_VPORT_TYPE_MAX (__OVS_VPORT_TYPE_MAX - 1)

enum ovs_vport_attr {
	OVS_VPORT_ATTR_UNSPEC		= 0,
	OVS_VPORT_ATTR_PORT_NO		= 1,	/* u32 */
	OVS_VPORT_ATTR_TYPE		= 2,	/* u32 OVS_VPORT_TYPE_* */
	OVS_VPORT_ATTR_NAME		= 3,	/* string */
	OVS_VPORT_ATTR_OPTIONS		= 4,	/* nested, per type */
	OVS_VPORT_ATTR_UPCALL_PID	= 5,	/* u32 array */
	OVS_VPORT_ATTR_STATS		= 6,	/* struct ovs_vport_stats */
	OVS_VPORT_ATTR_PAD		= 7,
	OVS_VPORT_ATTR_IFINDEX		= 8,	/* s32 */
	OVS_VPORT_ATTR_NETNSID		= 9,	/* s32 */
	__OVS_VPORT_ATTR_MAX
};
#define OVS_VPORT_ATTR_MAX (__OVS_VPORT_ATTR_MAX - 1)

/* Nested in OVS_TUNNEL_ATTR_EXTENSION of a VXLAN vport. */
enum {
	OVS_VXLAN_EXT_UNSPEC	= 0,
	OVS_VXLAN_EXT_GBP	= 1,	/* flag: group-based policy */
	__OVS_VXLAN_EXT_MAX,
};
#define OVS_VXLAN_EXT_MAX (__OVS_VXLAN_EXT_MAX - 1)

/* OVS_VPORT_ATTR_OPTIONS of tunnel vports. */
enum {
	OVS_TUNNEL_ATTR_UNSPEC		= 0,
	OVS_TUNNEL_ATTR_DST_PORT	= 1,	/* u16 UDP port */
	OVS_TUNNEL_ATTR_EXTENSION	= 2,	/* nested OVS_VXLAN_EXT_* */
	__OVS_TUNNEL_ATTR_MAX
};
#define OVS_TUNNEL_ATTR_MAX (__OVS_TUNNEL_ATTR_MAX - 1)

/* ------------------------------------------------------------------ */
/* Flow family and the flow key. */

#define OVS_FLOW_FAMILY		"ovs_flow"
#define OVS_FLOW_MCGROUP	"ovs_flow"
#define OVS_FLOW_VERSION	0x1

enum ovs_flow_cmd {
	OVS_FLOW_CMD_UNSPEC	= 0,
	OVS_FLOW_CMD_NEW	= 1,
	OVS_FLOW_CMD_DEL	= 2,
	OVS_FLOW_CMD_GET	= 3,
	OVS_FLOW_CMD_SET	= 4,
};

struct ovs_flow_stats {
	__u64 n_packets;
	__u64 n_bytes;
};

enum ovs_key_attr {
	OVS_KEY_ATTR_UNSPEC		= 0,
	OVS_KEY_ATTR_ENCAP		= 1,	/* nested: inside an 802.1Q tag */
	OVS_KEY_ATTR_PRIORITY		= 2,	/* u32 skb->priority */
	OVS_KEY_ATTR_IN_PORT		= 3,	/* u32 port number */
	OVS_KEY_ATTR_ETHERNET		= 4,	/* struct ovs_key_ethernet */
	OVS_KEY_ATTR_VLAN		= 5,	/* be16 TCI */
	OVS_KEY_ATTR_ETHERTYPE		= 6,	/* be16 */
	OVS_KEY_ATTR_IPV4		= 7,	/* struct ovs_key_ipv4 */
	OVS_KEY_ATTR_IPV6		= 8,	/* struct ovs_key_ipv6 */
	OVS_KEY_ATTR_TCP		= 9,	/* struct ovs_key_tcp */
	OVS_KEY_ATTR_UDP		= 10,	/* struct ovs_key_udp */
	OVS_KEY_ATTR_ICMP		= 11,	/* struct ovs_key_icmp */
	OVS_KEY_ATTR_ICMPV6		= 12,	/* struct ovs_key_icmpv6 */
	OVS_KEY_ATTR_ARP		= 13,	/* struct ovs_key_arp */
	OVS_KEY_ATTR_ND			= 14,	/* struct ovs_key_nd */
	OVS_KEY_ATTR_SKB_MARK		= 15,	/* u32 */
	OVS_KEY_ATTR_TUNNEL		= 16,	/* nested OVS_TUNNEL_KEY_ATTR_* */
	OVS_KEY_ATTR_SCTP		= 17,	/* struct ovs_key_sctp */
	OVS_KEY_ATTR_TCP_FLAGS		= 18,	/* be16 */
	OVS_KEY_ATTR_DP_HASH		= 19,	/* u32, 0 when not computed */
	OVS_KEY_ATTR_RECIRC_ID		= 20,	/* u32 */
	OVS_KEY_ATTR_MPLS		= 21,	/* array of struct ovs_key_mpls */
	OVS_KEY_ATTR_CT_STATE		= 22,	/* u32 OVS_CS_F_* */
	OVS_KEY_ATTR_CT_ZONE		= 23,	/* u16 */
	OVS_KEY_ATTR_CT_MARK		= 24,	/* u32 */
	OVS_KEY_ATTR_CT_LABELS		= 25,	/* struct ovs_key_ct_labels */
	OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4	= 26,	/* struct ovs_key_ct_tuple_ipv4 */
	OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6	= 27,	/* struct ovs_key_ct_tuple_ipv6 */
	OVS_KEY_ATTR_NSH		= 28,	/* nested OVS_NSH_KEY_ATTR_* */
	OVS_KEY_ATTR_PACKET_TYPE	= 29,	/* be32 namespace:type */
	OVS_KEY_ATTR_ND_EXTENSIONS	= 30,	/* IPv6 ND extensions */
	/* Only inside a prepared set(tunnel()) action, never on the wire. */
	OVS_KEY_ATTR_TUNNEL_INFO	= 31,
	OVS_KEY_ATTR_IPV6_EXTHDRS	= 32,	/* struct ovs_key_ipv6_exthdrs */
	__OVS_KEY_ATTR_MAX
};
#define OVS_KEY_ATTR_MAX (__OVS_KEY_ATTR_MAX - 1)

enum ovs_tunnel_key_attr {
	/* OVS_TUNNEL_KEY_ATTR_NONE in userspace, also 0. */
	OVS_TUNNEL_KEY_ATTR_ID			= 0,	/* be64 tunnel id */
	OVS_TUNNEL_KEY_ATTR_IPV4_SRC		= 1,	/* be32 */
	OVS_TUNNEL_KEY_ATTR_IPV4_DST		= 2,	/* be32 */
	OVS_TUNNEL_KEY_ATTR_TOS			= 3,	/* u8 */
	OVS_TUNNEL_KEY_ATTR_TTL			= 4,	/* u8 */
	OVS_TUNNEL_KEY_ATTR_DONT_FRAGMENT	= 5,	/* flag */
	OVS_TUNNEL_KEY_ATTR_CSUM		= 6,	/* flag */
	OVS_TUNNEL_KEY_ATTR_OAM			= 7,	/* flag */
	OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS		= 8,	/* Geneve options */
	OVS_TUNNEL_KEY_ATTR_TP_SRC		= 9,	/* be16 */
	OVS_TUNNEL_KEY_ATTR_TP_DST		= 10,	/* be16 */
	OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS		= 11,	/* nested OVS_VXLAN_EXT_* */
	OVS_TUNNEL_KEY_ATTR_IPV6_SRC		= 12,	/* struct in6_addr */
	OVS_TUNNEL_KEY_ATTR_IPV6_DST		= 13,	/* struct in6_addr */
	OVS_TUNNEL_KEY_ATTR_PAD			= 14,
	OVS_TUNNEL_KEY_ATTR_ERSPAN_OPTS		= 15,	/* ERSPAN metadata */
	OVS_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE	= 16,	/* flag */
	__OVS_TUNNEL_KEY_ATTR_MAX
};
#define OVS_TUNNEL_KEY_ATTR_MAX (__OVS_TUNNEL_KEY_ATTR_MAX - 1)

/* ipv4_frag / ipv6_frag of the L3 keys. */
enum ovs_frag_type {
	OVS_FRAG_TYPE_NONE	= 0,	/* not a fragment */
	OVS_FRAG_TYPE_FIRST	= 1,	/* offset 0 */
	OVS_FRAG_TYPE_LATER	= 2,	/* offset > 0 */
	__OVS_FRAG_TYPE_MAX
};
#define OVS_FRAG_TYPE_MAX (__OVS_FRAG_TYPE_MAX - 1)

struct ovs_key_ethernet {
	__u8 eth_src[ETH_ALEN];
	__u8 eth_dst[ETH_ALEN];
};

struct ovs_key_mpls {
	__be32 mpls_lse;
};

struct ovs_key_ipv4 {
	__be32 ipv4_src;
	__be32 ipv4_dst;
	__u8 ipv4_proto;
	__u8 ipv4_tos;
	__u8 ipv4_ttl;
	__u8 ipv4_frag;		/* OVS_FRAG_TYPE_* */
};

struct ovs_key_ipv6 {
	__be32 ipv6_src[4];
	__be32 ipv6_dst[4];
	__be32 ipv6_label;	/* low 20 bits */
	__u8 ipv6_proto;
	__u8 ipv6_tclass;
	__u8 ipv6_hlimit;
	__u8 ipv6_frag;		/* OVS_FRAG_TYPE_* */
};

/* Extension headers seen (OFPIEH12_* bits). */
struct ovs_key_ipv6_exthdrs {
	__u16 hdrs;
};

struct ovs_key_tcp {
	__be16 tcp_src;
	__be16 tcp_dst;
};

struct ovs_key_udp {
	__be16 udp_src;
	__be16 udp_dst;
};

struct ovs_key_sctp {
	__be16 sctp_src;
	__be16 sctp_dst;
};

struct ovs_key_icmp {
	__u8 icmp_type;
	__u8 icmp_code;
};

struct ovs_key_icmpv6 {
	__u8 icmpv6_type;
	__u8 icmpv6_code;
};

struct ovs_key_arp {
	__be32 arp_sip;
	__be32 arp_tip;
	__be16 arp_op;
	__u8 arp_sha[ETH_ALEN];
	__u8 arp_tha[ETH_ALEN];
};

struct ovs_key_nd {
	__be32 nd_target[4];
	__u8 nd_sll[ETH_ALEN];
	__u8 nd_tll[ETH_ALEN];
};

/* Connection labels: 128 bits. */
#define OVS_CT_LABELS_LEN_32	4
#define OVS_CT_LABELS_LEN	(OVS_CT_LABELS_LEN_32 * sizeof(__u32))
struct ovs_key_ct_labels {
	union {
		__u8 ct_labels[OVS_CT_LABELS_LEN];
		__u32 ct_labels_32[OVS_CT_LABELS_LEN_32];
	};
};

/* OVS_KEY_ATTR_CT_STATE bits. */
#define OVS_CS_F_NEW		0x01	/* first packet of a connection */
#define OVS_CS_F_ESTABLISHED	0x02	/* part of an existing connection */
#define OVS_CS_F_RELATED	0x04	/* related to an existing one */
#define OVS_CS_F_REPLY_DIR	0x08	/* reply direction */
#define OVS_CS_F_INVALID	0x10	/* could not be tracked */
#define OVS_CS_F_TRACKED	0x20	/* went through conntrack */
#define OVS_CS_F_SRC_NAT	0x40	/* source translated */
#define OVS_CS_F_DST_NAT	0x80	/* destination translated */
#define OVS_CS_F_NAT_MASK	(OVS_CS_F_SRC_NAT | OVS_CS_F_DST_NAT)

/* The original-direction tuple of the packet's connection. */
struct ovs_key_ct_tuple_ipv4 {
	__be32 ipv4_src;
	__be32 ipv4_dst;
	__be16 src_port;
	__be16 dst_port;
	__u8 ipv4_proto;
};

struct ovs_key_ct_tuple_ipv6 {
	__be32 ipv6_src[4];
	__be32 ipv6_dst[4];
	__be16 src_port;
	__be16 dst_port;
	__u8 ipv6_proto;
};

enum ovs_nsh_key_attr {
	OVS_NSH_KEY_ATTR_UNSPEC	= 0,
	OVS_NSH_KEY_ATTR_BASE	= 1,	/* struct ovs_nsh_key_base */
	OVS_NSH_KEY_ATTR_MD1	= 2,	/* struct ovs_nsh_key_md1 */
	OVS_NSH_KEY_ATTR_MD2	= 3,	/* variable-length TLVs */
	__OVS_NSH_KEY_ATTR_MAX
};
#define OVS_NSH_KEY_ATTR_MAX (__OVS_NSH_KEY_ATTR_MAX - 1)

struct ovs_nsh_key_base {
	__u8 flags;
	__u8 ttl;
	__u8 mdtype;
	__u8 np;
	__be32 path_hdr;
};

#define NSH_MD1_CONTEXT_SIZE 4
struct ovs_nsh_key_md1 {
	__be32 context[NSH_MD1_CONTEXT_SIZE];
};

enum ovs_flow_attr {
	OVS_FLOW_ATTR_UNSPEC		= 0,
	OVS_FLOW_ATTR_KEY		= 1,	/* nested OVS_KEY_ATTR_* */
	OVS_FLOW_ATTR_ACTIONS		= 2,	/* nested OVS_ACTION_ATTR_* */
	OVS_FLOW_ATTR_STATS		= 3,	/* struct ovs_flow_stats */
	OVS_FLOW_ATTR_TCP_FLAGS		= 4,	/* u8 TCP flags seen */
	OVS_FLOW_ATTR_USED		= 5,	/* u64 msecs of last use */
	OVS_FLOW_ATTR_CLEAR		= 6,	/* flag: reset statistics */
	OVS_FLOW_ATTR_MASK		= 7,	/* nested OVS_KEY_ATTR_* */
	OVS_FLOW_ATTR_PROBE		= 8,	/* flag: quiet errors */
	OVS_FLOW_ATTR_UFID		= 9,	/* 1-16 bytes flow id */
	OVS_FLOW_ATTR_UFID_FLAGS	= 10,	/* u32 OVS_UFID_F_* */
	OVS_FLOW_ATTR_PAD		= 11,
	__OVS_FLOW_ATTR_MAX
};
#define OVS_FLOW_ATTR_MAX (__OVS_FLOW_ATTR_MAX - 1)

/* What a reply to a flow identified by UFID may leave out. */
#define OVS_UFID_F_OMIT_KEY	(1 << 0)
#define OVS_UFID_F_OMIT_MASK	(1 << 1)
#define OVS_UFID_F_OMIT_ACTIONS	(1 << 2)

/* ------------------------------------------------------------------ */
/* Actions. */

enum ovs_sample_attr {
	OVS_SAMPLE_ATTR_UNSPEC		= 0,
	OVS_SAMPLE_ATTR_PROBABILITY	= 1,	/* u32, of UINT32_MAX */
	OVS_SAMPLE_ATTR_ACTIONS		= 2,	/* nested OVS_ACTION_ATTR_* */
	__OVS_SAMPLE_ATTR_MAX,
#ifdef __KERNEL__
	/* Kernel-internal: the prepared struct sample_arg. */
	OVS_SAMPLE_ATTR_ARG		= 4,
#endif
};
#define OVS_SAMPLE_ATTR_MAX (__OVS_SAMPLE_ATTR_MAX - 1)

#ifdef __KERNEL__
/* A prepared sample(): run the nested actions in place or on a clone. */
struct sample_arg {
	bool exec;		/* in place: no clone of the packet */
	u32 probability;	/* as OVS_SAMPLE_ATTR_PROBABILITY */
};
#endif

enum ovs_userspace_attr {
	OVS_USERSPACE_ATTR_UNSPEC		= 0,
	OVS_USERSPACE_ATTR_PID			= 1,	/* u32 netlink port id */
	OVS_USERSPACE_ATTR_USERDATA		= 2,	/* opaque */
	OVS_USERSPACE_ATTR_EGRESS_TUN_PORT	= 3,	/* u32 port number */
	OVS_USERSPACE_ATTR_ACTIONS		= 4,	/* flag: add actions */
	__OVS_USERSPACE_ATTR_MAX
};
#define OVS_USERSPACE_ATTR_MAX (__OVS_USERSPACE_ATTR_MAX - 1)

struct ovs_action_trunc {
	__u32 max_len;		/* bytes kept at output */
};

struct ovs_action_push_mpls {
	__be32 mpls_lse;
	__be16 mpls_ethertype;	/* ETH_P_MPLS_UC or ETH_P_MPLS_MC */
};

struct ovs_action_add_mpls {
	__be32 mpls_lse;
	__be16 mpls_ethertype;	/* ETH_P_MPLS_UC or ETH_P_MPLS_MC */
	__u16 tun_flags;	/* OVS_MPLS_L3_TUNNEL_FLAG_MASK */
};

/* add_mpls: the packet is L3 (no Ethernet header to keep in front). */
#define OVS_MPLS_L3_TUNNEL_FLAG_MASK	(1 << 0)

struct ovs_action_push_vlan {
	__be16 vlan_tpid;	/* ETH_P_8021Q or ETH_P_8021AD */
	__be16 vlan_tci;	/* must have VLAN_CFI_MASK set */
};

enum ovs_hash_alg {
	OVS_HASH_ALG_L4		= 0,
};

struct ovs_action_hash {
	__u32 hash_alg;		/* enum ovs_hash_alg */
	__u32 hash_basis;
};

enum ovs_ct_attr {
	OVS_CT_ATTR_UNSPEC		= 0,
	OVS_CT_ATTR_COMMIT		= 1,	/* flag */
	OVS_CT_ATTR_ZONE		= 2,	/* u16 */
	OVS_CT_ATTR_MARK		= 3,	/* u32 value, u32 mask */
	OVS_CT_ATTR_LABELS		= 4,	/* labels value, labels mask */
	OVS_CT_ATTR_HELPER		= 5,	/* string, e.g. "ftp" */
	OVS_CT_ATTR_NAT			= 6,	/* nested OVS_NAT_ATTR_* */
	OVS_CT_ATTR_FORCE_COMMIT	= 7,	/* flag */
	OVS_CT_ATTR_EVENTMASK		= 8,	/* u32 IPCT_* bits */
	OVS_CT_ATTR_TIMEOUT		= 9,	/* string: cttimeout policy */
	__OVS_CT_ATTR_MAX
};
#define OVS_CT_ATTR_MAX (__OVS_CT_ATTR_MAX - 1)

enum ovs_nat_attr {
	OVS_NAT_ATTR_UNSPEC		= 0,
	OVS_NAT_ATTR_SRC		= 1,	/* flag */
	OVS_NAT_ATTR_DST		= 2,	/* flag */
	OVS_NAT_ATTR_IP_MIN		= 3,	/* be32 or struct in6_addr */
	OVS_NAT_ATTR_IP_MAX		= 4,	/* be32 or struct in6_addr */
	OVS_NAT_ATTR_PROTO_MIN		= 5,	/* u16 */
	OVS_NAT_ATTR_PROTO_MAX		= 6,	/* u16 */
	OVS_NAT_ATTR_PERSISTENT		= 7,	/* flag */
	OVS_NAT_ATTR_PROTO_HASH		= 8,	/* flag */
	OVS_NAT_ATTR_PROTO_RANDOM	= 9,	/* flag */
	__OVS_NAT_ATTR_MAX,
};
#define OVS_NAT_ATTR_MAX (__OVS_NAT_ATTR_MAX - 1)

struct ovs_action_push_eth {
	struct ovs_key_ethernet addresses;
};

enum ovs_check_pkt_len_attr {
	OVS_CHECK_PKT_LEN_ATTR_UNSPEC			= 0,
	OVS_CHECK_PKT_LEN_ATTR_PKT_LEN			= 1,	/* u16 */
	OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER	= 2,	/* nested */
	OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL	= 3,	/* nested */
	__OVS_CHECK_PKT_LEN_ATTR_MAX,
#ifdef __KERNEL__
	/* Kernel-internal: the prepared struct check_pkt_len_arg. */
	OVS_CHECK_PKT_LEN_ATTR_ARG			= 5,
#endif
};
#define OVS_CHECK_PKT_LEN_ATTR_MAX (__OVS_CHECK_PKT_LEN_ATTR_MAX - 1)

#ifdef __KERNEL__
/* A prepared check_pkt_len(). */
struct check_pkt_len_arg {
	u16 pkt_len;			/* threshold, bytes */
	bool exec_for_greater;		/* greater branch runs in place */
	bool exec_for_lesser_equal;	/* less-or-equal branch runs in place */
};
#endif

enum ovs_action_attr {
	OVS_ACTION_ATTR_UNSPEC		= 0,
	OVS_ACTION_ATTR_OUTPUT		= 1,	/* u32 port number */
	OVS_ACTION_ATTR_USERSPACE	= 2,	/* nested OVS_USERSPACE_ATTR_* */
	OVS_ACTION_ATTR_SET		= 3,	/* one nested OVS_KEY_ATTR_* */
	OVS_ACTION_ATTR_PUSH_VLAN	= 4,	/* struct ovs_action_push_vlan */
	OVS_ACTION_ATTR_POP_VLAN	= 5,	/* no argument */
	OVS_ACTION_ATTR_SAMPLE		= 6,	/* nested OVS_SAMPLE_ATTR_* */
	OVS_ACTION_ATTR_RECIRC		= 7,	/* u32 recirculation id */
	OVS_ACTION_ATTR_HASH		= 8,	/* struct ovs_action_hash */
	OVS_ACTION_ATTR_PUSH_MPLS	= 9,	/* struct ovs_action_push_mpls */
	OVS_ACTION_ATTR_POP_MPLS	= 10,	/* be16 next ethertype */
	OVS_ACTION_ATTR_SET_MASKED	= 11,	/* key attribute, value+mask */
	OVS_ACTION_ATTR_CT		= 12,	/* nested OVS_CT_ATTR_* */
	OVS_ACTION_ATTR_TRUNC		= 13,	/* struct ovs_action_trunc */
	OVS_ACTION_ATTR_PUSH_ETH	= 14,	/* struct ovs_action_push_eth */
	OVS_ACTION_ATTR_POP_ETH		= 15,	/* no argument */
	OVS_ACTION_ATTR_CT_CLEAR	= 16,	/* no argument */
	OVS_ACTION_ATTR_PUSH_NSH	= 17,	/* nested OVS_NSH_KEY_ATTR_* */
	OVS_ACTION_ATTR_POP_NSH		= 18,	/* no argument */
	OVS_ACTION_ATTR_METER		= 19,	/* u32 meter id */
	OVS_ACTION_ATTR_CLONE		= 20,	/* nested OVS_ACTION_ATTR_* */
	OVS_ACTION_ATTR_CHECK_PKT_LEN	= 21,	/* nested OVS_CHECK_PKT_LEN_* */
	OVS_ACTION_ATTR_ADD_MPLS	= 22,	/* struct ovs_action_add_mpls */
	OVS_ACTION_ATTR_DEC_TTL		= 23,	/* nested OVS_DEC_TTL_ATTR_* */
	__OVS_ACTION_ATTR_MAX,
#ifdef __KERNEL__
	/* Kernel-internal: a set() turned into value+mask at install. */
	OVS_ACTION_ATTR_SET_TO_MASKED	= 25,
#endif
};
#define OVS_ACTION_ATTR_MAX (__OVS_ACTION_ATTR_MAX - 1)

/* ------------------------------------------------------------------ */
/* Meter family. */

#define OVS_METER_FAMILY	"ovs_meter"
#define OVS_METER_MCGROUP	"ovs_meter"
#define OVS_METER_VERSION	0x1

enum ovs_meter_cmd {
	OVS_METER_CMD_UNSPEC	= 0,
	OVS_METER_CMD_FEATURES	= 1,	/* limits of this datapath */
	OVS_METER_CMD_SET	= 2,	/* add or modify a meter */
	OVS_METER_CMD_DEL	= 3,
	OVS_METER_CMD_GET	= 4,	/* statistics */
};

enum ovs_meter_attr {
	OVS_METER_ATTR_UNSPEC		= 0,
	OVS_METER_ATTR_ID		= 1,	/* u32 */
	OVS_METER_ATTR_KBPS		= 2,	/* flag: rates in kbit/s */
	OVS_METER_ATTR_STATS		= 3,	/* struct ovs_flow_stats */
	OVS_METER_ATTR_BANDS		= 4,	/* nested OVS_BAND_ATTR_* list */
	OVS_METER_ATTR_USED		= 5,	/* u64 msecs of last use */
	OVS_METER_ATTR_CLEAR		= 6,	/* flag: reset statistics */
	OVS_METER_ATTR_MAX_METERS	= 7,	/* u32 */
	OVS_METER_ATTR_MAX_BANDS	= 8,	/* u32 */
	OVS_METER_ATTR_PAD		= 9,
	__OVS_METER_ATTR_MAX
};
#define OVS_METER_ATTR_MAX (__OVS_METER_ATTR_MAX - 1)

enum ovs_band_attr {
	OVS_BAND_ATTR_UNSPEC	= 0,
	OVS_BAND_ATTR_TYPE	= 1,	/* u32 OVS_METER_BAND_TYPE_* */
	OVS_BAND_ATTR_RATE	= 2,	/* u32 */
	OVS_BAND_ATTR_BURST	= 3,	/* u32 */
	OVS_BAND_ATTR_STATS	= 4,	/* struct ovs_flow_stats */
	__OVS_BAND_ATTR_MAX
};
#define OVS_BAND_ATTR_MAX (__OVS_BAND_ATTR_MAX - 1)

enum ovs_meter_band_type {
	OVS_METER_BAND_TYPE_UNSPEC	= 0,
	OVS_METER_BAND_TYPE_DROP	= 1,
	__OVS_METER_BAND_TYPE_MAX
};
#define OVS_METER_BAND_TYPE_MAX (__OVS_METER_BAND_TYPE_MAX - 1)

/* ------------------------------------------------------------------ */
/* Conntrack zone limit family. */

#define OVS_CT_LIMIT_FAMILY	"ovs_ct_limit"
#define OVS_CT_LIMIT_MCGROUP	"ovs_ct_limit"
#define OVS_CT_LIMIT_VERSION	0x1

enum ovs_ct_limit_cmd {
	OVS_CT_LIMIT_CMD_UNSPEC	= 0,
	OVS_CT_LIMIT_CMD_SET	= 1,
	OVS_CT_LIMIT_CMD_DEL	= 2,
	OVS_CT_LIMIT_CMD_GET	= 3,
};

enum ovs_ct_limit_attr {
	OVS_CT_LIMIT_ATTR_UNSPEC	= 0,
	OVS_CT_LIMIT_ATTR_ZONE_LIMIT	= 1,	/* array of struct ovs_zone_limit */
	__OVS_CT_LIMIT_ATTR_MAX
};
#define OVS_CT_LIMIT_ATTR_MAX (__OVS_CT_LIMIT_ATTR_MAX - 1)

/* zone_id of the limit that applies to zones without their own. */
#define OVS_ZONE_LIMIT_DEFAULT_ZONE	-1

struct ovs_zone_limit {
	int zone_id;
	__u32 limit;
	__u32 count;
};

enum ovs_dec_ttl_attr {
	OVS_DEC_TTL_ATTR_UNSPEC	= 0,
	OVS_DEC_TTL_ATTR_ACTION	= 1,	/* nested: actions when TTL expires */
	__OVS_DEC_TTL_ATTR_MAX
};
#define OVS_DEC_TTL_ATTR_MAX (__OVS_DEC_TTL_ATTR_MAX - 1)

#endif /* OVS_COMPAT_UAPI_OPENVSWITCH_H */
