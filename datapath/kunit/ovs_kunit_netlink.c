// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite: the netlink codec (flow_netlink.c, actions.c, conntrack.c
 * and nat.c's halves of it).
 *
 * Keys, masks and action lists are built the way ovs-vswitchd sends them
 * (OVS_KEY_ATTR_* / OVS_ACTION_ATTR_* in the order the datapath writes
 * them back), parsed with ovs_nla_get_match() / ovs_nla_copy_actions()
 * and serialized again with ovs_nla_put_key() / ovs_nla_put_actions():
 * the result must be byte-identical, which is what ovs-vswitchd's
 * feature probes and flow dumps rely on.  Malformed input must be refused
 * with the errno the in-tree datapath gives (-EINVAL, -ERANGE for SRC with
 * DST NAT, -EOVERFLOW for nesting, -EMSGSIZE for size).
 */

#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/openvswitch.h>
#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netlink.h>

#include "actions.h"
#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "flow_netlink.h"
#include "ovs_kunit_util.h"

#define ETH(type)	OVS_KUNIT_ETH(type)
#define IP4_SRC		htonl(0xc0000201)	/* 192.0.2.1 */
#define IP4_DST		htonl(0xc6336402)	/* 198.51.100.2 */
#define NAT_MIN		htonl(0xcb007101)	/* 203.0.113.1 */
#define NAT_MAX		htonl(0xcb007108)	/* 203.0.113.8 */

static const struct ovs_key_ethernet key_eth = {
	.eth_src = OVS_KUNIT_MAC_SRC,
	.eth_dst = OVS_KUNIT_MAC_DST,
};

static const struct ovs_key_ct_labels some_labels = {
	.ct_labels = { 0x01, 0x02, 0x03, 0x04, 0, 0, 0, 0,
		       0, 0, 0, 0, 0x80, 0, 0, 0xff },
};

/* Buffer and nest: the caller fills the nest and closes it. */
static struct nlattr *nest_start(struct kunit *test, struct sk_buff **b,
				 int type)
{
	*b = ovs_kunit_nlbuf(test, 0);
	return nla_nest_start_noflag(*b, type);
}

/* A zeroed flow key / mask, too large for the test thread's stack. */
static struct sw_flow_key *new_key(struct kunit *test)
{
	struct sw_flow_key *key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, key);
	return key;
}

static struct sw_flow_mask *new_mask(struct kunit *test)
{
	struct sw_flow_mask *mask = kunit_kzalloc(test, sizeof(*mask),
						   GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mask);
	return mask;
}

/* ------------------------------------------------------------------ */
/* Keys in the datapath's own attribute order                          */
/* ------------------------------------------------------------------ */

/* RECIRC_ID, DP_HASH, PRIORITY, [IN_PORT], SKB_MARK and the ct fields. */
static void put_meta(struct sk_buff *b, u32 recirc, u32 hash, u32 prio,
		     int in_port, u32 skb_mark, u32 ct_state, u16 zone,
		     u32 ct_mark, const struct ovs_key_ct_labels *labels)
{
	static const struct ovs_key_ct_labels none;

	nla_put_u32(b, OVS_KEY_ATTR_RECIRC_ID, recirc);
	nla_put_u32(b, OVS_KEY_ATTR_DP_HASH, hash);
	nla_put_u32(b, OVS_KEY_ATTR_PRIORITY, prio);
	if (in_port >= 0)
		nla_put_u32(b, OVS_KEY_ATTR_IN_PORT, in_port);
	nla_put_u32(b, OVS_KEY_ATTR_SKB_MARK, skb_mark);
	nla_put_u32(b, OVS_KEY_ATTR_CT_STATE, ct_state);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES))
		nla_put_u16(b, OVS_KEY_ATTR_CT_ZONE, zone);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK))
		nla_put_u32(b, OVS_KEY_ATTR_CT_MARK, ct_mark);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS))
		nla_put(b, OVS_KEY_ATTR_CT_LABELS, sizeof(*labels),
			labels ?: &none);
}

static void put_ipv4(struct sk_buff *b, u8 proto, u8 tos, u8 ttl, u8 frag)
{
	struct ovs_key_ipv4 ip = {
		.ipv4_src = IP4_SRC,
		.ipv4_dst = IP4_DST,
		.ipv4_proto = proto,
		.ipv4_tos = tos,
		.ipv4_ttl = ttl,
		.ipv4_frag = frag,
	};

	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
}

static void put_tcp(struct sk_buff *b, u16 sport, u16 dport, u16 flags)
{
	struct ovs_key_tcp tcp = {
		.tcp_src = htons(sport),
		.tcp_dst = htons(dport),
	};

	nla_put(b, OVS_KEY_ATTR_TCP, sizeof(tcp), &tcp);
	nla_put_be16(b, OVS_KEY_ATTR_TCP_FLAGS, htons(flags));
}

/* IPv4/TCP with every metadata field and, if @orig, an original tuple. */
static void key_ipv4_tcp(struct sk_buff *b, bool orig)
{
	put_meta(b, 0x20, 0x99, 7, 3, 0x10, OVS_CS_F_TRACKED |
		 OVS_CS_F_ESTABLISHED, 5, 0xabc, &some_labels);
	if (orig) {
		struct ovs_key_ct_tuple_ipv4 t;

		memset(&t, 0, sizeof(t));
		t.ipv4_src = IP4_SRC;
		t.ipv4_dst = NAT_MIN;
		t.src_port = htons(40000);
		t.dst_port = htons(8080);
		t.ipv4_proto = IPPROTO_TCP;
		nla_put(b, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4, sizeof(t), &t);
	}
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, IPPROTO_TCP, 0x10, 64, OVS_FRAG_TYPE_NONE);
	put_tcp(b, 40000, 80, 0x012);
}

static void key_ipv4_tcp_orig(struct sk_buff *b)
{
	key_ipv4_tcp(b, true);
}

/* QinQ IPv6/UDP, no input port. */
static void key_qinq_ipv6_udp(struct sk_buff *b)
{
	struct ovs_key_ipv6 ip = {
		.ipv6_label = htonl(0x12345),
		.ipv6_proto = IPPROTO_UDP,
		.ipv6_tclass = 0x20,
		.ipv6_hlimit = 64,
		.ipv6_frag = OVS_FRAG_TYPE_NONE,
	};
	struct ovs_key_udp udp = {
		.udp_src = htons(546),
		.udp_dst = htons(547),
	};
	struct nlattr *outer, *inner;

	ip.ipv6_src[0] = htonl(0x20010db8);
	ip.ipv6_src[3] = htonl(1);
	ip.ipv6_dst[0] = htonl(0x20010db8);
	ip.ipv6_dst[3] = htonl(2);

	put_meta(b, 0, 0, 0, -1, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_8021AD));
	nla_put_be16(b, OVS_KEY_ATTR_VLAN, htons(0x0064 | VLAN_CFI_MASK));
	outer = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_8021Q));
	nla_put_be16(b, OVS_KEY_ATTR_VLAN, htons(0xa0c8 | VLAN_CFI_MASK));
	inner = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IPV6));
	nla_put(b, OVS_KEY_ATTR_IPV6, sizeof(ip), &ip);
	nla_put(b, OVS_KEY_ATTR_UDP, sizeof(udp), &udp);
	nla_nest_end(b, inner);
	nla_nest_end(b, outer);
}

static void key_arp(struct sk_buff *b)
{
	struct ovs_key_arp arp;

	memset(&arp, 0, sizeof(arp));
	arp.arp_sip = IP4_SRC;
	arp.arp_tip = IP4_DST;
	arp.arp_op = htons(ARPOP_REQUEST);
	memcpy(arp.arp_sha, key_eth.eth_src, ETH_ALEN);

	put_meta(b, 0, 0, 0, 1, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_ARP));
	nla_put(b, OVS_KEY_ATTR_ARP, sizeof(arp), &arp);
}

static void key_nd(struct sk_buff *b)
{
	struct ovs_key_ipv6 ip = {
		.ipv6_proto = IPPROTO_ICMPV6,
		.ipv6_hlimit = 255,
	};
	struct ovs_key_icmpv6 icmp = {
		.icmpv6_type = NDISC_NEIGHBOUR_SOLICITATION,
	};
	struct ovs_key_nd nd;

	memset(&nd, 0, sizeof(nd));
	ip.ipv6_src[0] = htonl(0xfe800000);
	ip.ipv6_src[3] = htonl(1);
	ip.ipv6_dst[0] = htonl(0xff020000);
	ip.ipv6_dst[2] = htonl(1);
	ip.ipv6_dst[3] = htonl(0xff000099);
	nd.nd_target[0] = htonl(0x20010db8);
	nd.nd_target[3] = htonl(0x99);
	memcpy(nd.nd_sll, key_eth.eth_src, ETH_ALEN);

	put_meta(b, 0, 0, 0, 2, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IPV6));
	nla_put(b, OVS_KEY_ATTR_IPV6, sizeof(ip), &ip);
	nla_put(b, OVS_KEY_ATTR_ICMPV6, sizeof(icmp), &icmp);
	nla_put(b, OVS_KEY_ATTR_ND, sizeof(nd), &nd);
}

/* A later IPv4 fragment: no L4 attribute. */
static void key_ipv4_later(struct sk_buff *b)
{
	put_meta(b, 0, 0, 0, 4, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, IPPROTO_UDP, 0, 64, OVS_FRAG_TYPE_LATER);
}

static void key_mpls(struct sk_buff *b)
{
	static const struct ovs_key_mpls lse[2] = {
		{ .mpls_lse = htonl(0x00064040) },
		{ .mpls_lse = htonl(0x000c8140) },
	};

	put_meta(b, 0, 0, 0, 5, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_MPLS_UC));
	nla_put(b, OVS_KEY_ATTR_MPLS, sizeof(lse), lse);
}

/* 802.2 (LLC) frame: no EtherType attribute at all. */
static void key_llc(struct sk_buff *b)
{
	put_meta(b, 0, 0, 0, 6, 0, 0, 0, 0, NULL);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

/* Parse @in as a key (and @mask_in as its mask, when @mask is given). */
static int get_match(struct sw_flow_key *key, struct sw_flow_mask *mask,
		     const struct nlattr *in, const struct nlattr *mask_in,
		     bool log)
{
	struct sw_flow_match match;

	ovs_match_init(&match, key, true, mask);
	return ovs_nla_get_match(&init_net, &match, in, mask_in, log);
}

/* Serialize @out (a key, or a mask when @is_mask) of key @key. */
static struct nlattr *put_key(struct kunit *test,
			      const struct sw_flow_key *key,
			      const struct sw_flow_key *out, bool is_mask)
{
	struct sk_buff *b = ovs_kunit_nlbuf(test, 0);

	KUNIT_ASSERT_EQ(test, ovs_nla_put_key(key, out, is_mask ?
					      OVS_FLOW_ATTR_MASK :
					      OVS_FLOW_ATTR_KEY,
					      is_mask, b), 0);
	return (struct nlattr *)b->data;
}

/* Build a key with @build, parse it, put it back: byte-identical. */
static struct sw_flow_key *key_roundtrip(struct kunit *test,
					 void (*build)(struct sk_buff *b))
{
	struct sw_flow_key *key = new_key(test);
	struct nlattr *in, *out;
	struct sk_buff *b;

	in = nest_start(test, &b, OVS_FLOW_ATTR_KEY);
	build(b);
	nla_nest_end(b, in);

	KUNIT_ASSERT_EQ(test, get_match(key, NULL, in, NULL, true), 0);
	out = put_key(test, key, key, false);
	OVS_KUNIT_EXPECT_NLA_EQ(test, out, in);
	return key;
}

static void nl_key_roundtrip(struct kunit *test)
{
	struct sw_flow_key *key;

	key = key_roundtrip(test, key_ipv4_tcp_orig);
	KUNIT_EXPECT_EQ(test, key->recirc_id, 0x20);
	KUNIT_EXPECT_EQ(test, key->ovs_flow_hash, 0x99);
	KUNIT_EXPECT_EQ(test, key->phy.priority, 7);
	KUNIT_EXPECT_EQ(test, key->phy.in_port, 3);
	KUNIT_EXPECT_EQ(test, key->phy.skb_mark, 0x10);
	KUNIT_EXPECT_EQ(test, key->ct_state,
			OVS_CS_F_TRACKED | OVS_CS_F_ESTABLISHED);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES))
		KUNIT_EXPECT_EQ(test, key->ct_zone, 5);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK))
		KUNIT_EXPECT_EQ(test, key->ct.mark, 0xabc);
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.dst, NAT_MIN);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_dst), 8080);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);
	KUNIT_EXPECT_EQ(test, key->ip.tos, 0x10);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 40000);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.flags), 0x012);

	key = key_roundtrip(test, key_qinq_ipv6_udp);
	KUNIT_EXPECT_EQ(test, key->phy.in_port, DP_MAX_PORTS);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tpid), ETH_P_8021AD);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.cvlan.tci), 0xa0c8 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IPV6);
	KUNIT_EXPECT_EQ(test, ntohl(key->ipv6.label), 0x12345);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 547);

	key = key_roundtrip(test, key_arp);
	KUNIT_EXPECT_EQ(test, key->ip.proto, ARPOP_REQUEST);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);

	key = key_roundtrip(test, key_nd);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), NDISC_NEIGHBOUR_SOLICITATION);
	KUNIT_EXPECT_EQ(test, ntohl(key->ipv6.nd.target.s6_addr32[3]), 0x99);

	key = key_roundtrip(test, key_ipv4_later);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_LATER);

	key = key_roundtrip(test, key_mpls);
	KUNIT_EXPECT_EQ(test, key->mpls.num_labels_mask, 0x3);
	KUNIT_EXPECT_EQ(test, ntohl(key->mpls.lse[1]), 0x000c8140);

	key = key_roundtrip(test, key_llc);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_802_2);
}

/*
 * Keys the datapath extracts from packets (what an upcall carries) parse
 * back to the same key, and serialize identically again.
 */
static void nl_key_from_packets(struct kunit *test)
{
	/* IPv4 (DSCP 2, DF) TCP SYN 40000 -> 80. */
	static const struct {
		struct ethhdr eth;
		u8 ip_tcp[40];
	} __packed tcp4 = {
		ETH(ETH_P_IP),
		{
			0x45, 0x08, 0, 40, 0, 1, 0x40, 0, 64, IPPROTO_TCP, 0, 0,
			192, 0, 2, 1, 198, 51, 100, 2,
			0x9c, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02,
			0xff, 0xff, 0, 0, 0, 0,
		},
	};
	/* VLAN 5 (PCP 1), first fragment (MF) of a UDP datagram. */
	static const struct {
		struct ethhdr eth;
		struct vlan_hdr tag;
		u8 ip_udp[28];
	} __packed vlan_udp4_frag = {
		ETH(ETH_P_8021Q),
		{ htons(0x2005), htons(ETH_P_IP) },
		{
			0x45, 0, 0, 28, 0, 1, 0x20, 0, 64, IPPROTO_UDP, 0, 0,
			192, 0, 2, 1, 198, 51, 100, 2,
			0x13, 0x88, 0, 53, 0, 8, 0, 0,
		},
	};
	/* fe80::1 -> ff02::1:ff00:99, who has 2001:db8::99. */
	static const struct {
		struct ethhdr eth;
		u8 ip6_nd[64];
		u8 opt[2];
		u8 sll[ETH_ALEN];
	} __packed ns = {
		ETH(ETH_P_IPV6),
		{
			0x60, 0, 0, 0, 0, 32, IPPROTO_ICMPV6, 255,
			0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
			0xff, 0x02, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 1, 0xff, 0, 0, 0x99,
			NDISC_NEIGHBOUR_SOLICITATION, 0, 0, 0, 0, 0, 0, 0,
			0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 0x99,
		},
		{ ND_OPT_SOURCE_LL_ADDR, 1 },
		OVS_KUNIT_MAC_SRC,
	};
	/* ARP reply. */
	static const struct {
		struct ethhdr eth;
		u8 hdr[8];
		u8 sha[ETH_ALEN];
		u8 sip[4];
		u8 tha[ETH_ALEN];
		u8 tip[4];
	} __packed arp = {
		ETH(ETH_P_ARP), { 0, 1, 8, 0, 6, 4, 0, 2 },
		OVS_KUNIT_MAC_SRC, { 192, 0, 2, 1 },
		OVS_KUNIT_MAC_DST, { 198, 51, 100, 2 },
	};
	/* 802.1ad tag 1, 802.1Q tag 2, MPLS label 100 (bottom). */
	static const struct {
		struct ethhdr eth;
		struct vlan_hdr tags[2];
		u8 lse[4];
	} __packed qinq_mpls = {
		ETH(ETH_P_8021AD),
		{
			{ htons(1), htons(ETH_P_8021Q) },
			{ htons(2), htons(ETH_P_MPLS_UC) },
		},
		{ 0x00, 0x06, 0x41, 64 },
	};
	static const struct {
		const void *frame;
		unsigned int len;
	} frames[] = {
		{ &tcp4, sizeof(tcp4) },
		{ &vlan_udp4_frag, sizeof(vlan_udp4_frag) },
		{ &ns, sizeof(ns) },
		{ &arp, sizeof(arp) },
		{ &qinq_mpls, sizeof(qinq_mpls) },
	};
	const size_t cmp_len = offsetof(struct sw_flow_key, tun_opts);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(frames); i++) {
		struct sw_flow_key *pkt = new_key(test), *key = new_key(test);
		struct nlattr *a1, *a2;
		struct sk_buff *skb;

		skb = ovs_kunit_skb(test, frames[i].frame, frames[i].len);
		KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, pkt), 0);

		a1 = put_key(test, pkt, pkt, false);
		KUNIT_EXPECT_EQ_MSG(test, get_match(key, NULL, a1, NULL, true),
				    0, "frame %u", i);
		KUNIT_EXPECT_TRUE_MSG(test, !memcmp(key, pkt, cmp_len),
				      "frame %u: key changed", i);
		a2 = put_key(test, key, key, false);
		OVS_KUNIT_EXPECT_NLA_EQ(test, a2, a1);
	}
}

/* ------------------------------------------------------------------ */
/* Masks                                                               */
/* ------------------------------------------------------------------ */

/* A wildcarded mask for key_ipv4_tcp(b, false), in the datapath's order. */
static void mask_ipv4_tcp(struct sk_buff *b)
{
	struct ovs_key_ethernet eth;
	struct ovs_key_ipv4 ip = {
		.ipv4_src = htonl(0xffffff00),
		.ipv4_proto = 0xff,
		.ipv4_tos = 0xfc,
		.ipv4_frag = 0xff,
	};
	struct ovs_key_tcp tcp = { .tcp_dst = htons(0xffff) };
	struct nlattr *tun;

	memset(&eth, 0, sizeof(eth));
	memset(eth.eth_src, 0xff, ETH_ALEN);

	nla_put_u32(b, OVS_KEY_ATTR_RECIRC_ID, 0xffffffff);
	nla_put_u32(b, OVS_KEY_ATTR_DP_HASH, 0);
	nla_put_u32(b, OVS_KEY_ATTR_PRIORITY, 0);
	tun = nla_nest_start_noflag(b, OVS_KEY_ATTR_TUNNEL);
	nla_put_u8(b, OVS_TUNNEL_KEY_ATTR_TTL, 0);
	nla_nest_end(b, tun);
	nla_put_u32(b, OVS_KEY_ATTR_IN_PORT, 0xffffffff);
	nla_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 0xffff0000);
	nla_put_u32(b, OVS_KEY_ATTR_CT_STATE, OVS_CS_F_TRACKED |
		    OVS_CS_F_NEW | OVS_CS_F_ESTABLISHED);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES))
		nla_put_u16(b, OVS_KEY_ATTR_CT_ZONE, 0xffff);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK))
		nla_put_u32(b, OVS_KEY_ATTR_CT_MARK, 0xff);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)) {
		struct ovs_key_ct_labels l;

		memset(&l, 0, sizeof(l));
		nla_put(b, OVS_KEY_ATTR_CT_LABELS, sizeof(l), &l);
	}
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(eth), &eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(0xffff));
	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
	nla_put(b, OVS_KEY_ATTR_TCP, sizeof(tcp), &tcp);
	nla_put_be16(b, OVS_KEY_ATTR_TCP_FLAGS, htons(0x0fff));
}

static void nl_mask_roundtrip(struct kunit *test)
{
	struct sw_flow_mask *mask = new_mask(test);
	struct sw_flow_key *key = new_key(test);
	struct nlattr *kin, *min, *out;
	struct sk_buff *kb, *mb;

	kin = nest_start(test, &kb, OVS_FLOW_ATTR_KEY);
	key_ipv4_tcp(kb, false);
	nla_nest_end(kb, kin);
	min = nest_start(test, &mb, OVS_FLOW_ATTR_MASK);
	mask_ipv4_tcp(mb);
	nla_nest_end(mb, min);

	KUNIT_ASSERT_EQ(test, get_match(key, mask, kin, min, true), 0);
	out = put_key(test, key, &mask->key, true);
	OVS_KUNIT_EXPECT_NLA_EQ(test, out, min);

	KUNIT_EXPECT_EQ(test, mask->key.ipv4.addr.src, htonl(0xffffff00));
	KUNIT_EXPECT_EQ(test, mask->key.ipv4.addr.dst, 0);
	KUNIT_EXPECT_EQ(test, mask->key.ip.proto, 0xff);
	KUNIT_EXPECT_EQ(test, ntohs(mask->key.tp.dst), 0xffff);
	KUNIT_EXPECT_EQ(test, mask->key.tp.src, 0);
	KUNIT_EXPECT_EQ(test, mask->key.phy.in_port, 0xffff);
	KUNIT_EXPECT_EQ(test, mask->key.phy.priority, 0);
	KUNIT_EXPECT_EQ(test, ntohs(mask->key.eth.type), 0xffff);
	/* Tag presence always matters; the MAC protocol is always exact. */
	KUNIT_EXPECT_EQ(test, ntohs(mask->key.eth.vlan.tci), 0xffff);
	KUNIT_EXPECT_EQ(test, mask->key.mac_proto, 0xff);
	KUNIT_EXPECT_EQ(test, mask->key.tun.proto, 0xff);
	KUNIT_EXPECT_LE(test, (unsigned int)mask->range.end, sizeof(mask->key));
	KUNIT_EXPECT_LT(test, mask->range.start, mask->range.end);
}

/* No mask attribute: everything the key names is matched exactly. */
static void nl_mask_exact(struct kunit *test)
{
	struct sw_flow_mask *mask = new_mask(test);
	struct sw_flow_key *key = new_key(test);
	struct nlattr *kin;
	struct sk_buff *kb;

	kin = nest_start(test, &kb, OVS_FLOW_ATTR_KEY);
	key_ipv4_tcp(kb, true);
	nla_nest_end(kb, kin);

	KUNIT_ASSERT_EQ(test, get_match(key, mask, kin, NULL, true), 0);
	KUNIT_EXPECT_EQ(test, mask->key.recirc_id, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mask->key.phy.in_port, 0xffff);
	KUNIT_EXPECT_EQ(test, mask->key.phy.skb_mark, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mask->key.ct_state, OVS_CT_SUPPORTED_STATE);
	KUNIT_EXPECT_EQ(test, mask->key.ipv4.addr.src, htonl(0xffffffff));
	KUNIT_EXPECT_EQ(test, mask->key.ipv4.ct_orig.dst, htonl(0xffffffff));
	KUNIT_EXPECT_EQ(test, mask->key.ct_orig_proto, 0xff);
	KUNIT_EXPECT_EQ(test, mask->key.ip.frag, 0xff);
	KUNIT_EXPECT_EQ(test, ntohs(mask->key.tp.flags), 0xffff);
	KUNIT_EXPECT_EQ(test, ntohs(mask->key.tp.src), 0xffff);
	KUNIT_EXPECT_EQ(test, mask->key.tun.proto, 0);
	KUNIT_EXPECT_EQ(test, mask->key.ipv6.label, 0);
}

/* ------------------------------------------------------------------ */
/* Malformed keys and masks                                            */
/* ------------------------------------------------------------------ */

static void bad_no_ethernet(struct sk_buff *b)
{
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, IPPROTO_UDP, 0, 64, 0);
}

static void bad_ipv4_len(struct sk_buff *b)
{
	u8 ip[sizeof(struct ovs_key_ipv4) - 1] = {};

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), ip);
}

static void bad_unknown_type(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_u32(b, OVS_KEY_ATTR_MAX + 1, 0);
}

static void bad_nsh(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_NSH));
	nla_nest_end(b, nla_nest_start_noflag(b, OVS_KEY_ATTR_NSH));
}

static void bad_duplicate(struct sk_buff *b)
{
	nla_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 1);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 2);
}

static void bad_trailing(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	/* Two bytes that cannot hold an attribute header. */
	skb_put_zero(b, 2);
}

static void bad_short_header(struct sk_buff *b)
{
	struct nlattr *a;

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	/* An attribute whose length does not even cover its header. */
	a = skb_put_zero(b, NLA_HDRLEN);
	a->nla_len = 2;
	a->nla_type = OVS_KEY_ATTR_SKB_MARK;
}

static void put_tag(struct sk_buff *b, u16 tpid, u16 tci)
{
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(tpid));
	nla_put_be16(b, OVS_KEY_ATTR_VLAN, htons(tci));
}

static void bad_three_tags(struct sk_buff *b)
{
	struct nlattr *e1, *e2, *e3;

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	put_tag(b, ETH_P_8021AD, 0x1001);
	e1 = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	put_tag(b, ETH_P_8021Q, 0x1002);
	e2 = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	put_tag(b, ETH_P_8021Q, 0x1003);
	e3 = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, 0, 0, 64, 0);
	nla_nest_end(b, e3);
	nla_nest_end(b, e2);
	nla_nest_end(b, e1);
}

static void bad_tci_no_cfi(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	put_tag(b, ETH_P_8021Q, 0x0005);
	nla_nest_end(b, nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP));
}

static void bad_vlan_no_encap(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	put_tag(b, ETH_P_8021Q, 0x1005);
}

static void bad_vlan_untagged(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	put_tag(b, ETH_P_IP, 0x1005);
	put_ipv4(b, 0, 0, 64, 0);
}

static void bad_encap_untagged(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, 0, 0, 64, 0);
	nla_nest_end(b, nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP));
}

static void bad_missing_l4(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, IPPROTO_TCP, 0, 64, OVS_FRAG_TYPE_FIRST);
}

static void bad_frag_type(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IP));
	put_ipv4(b, 0, 0, 64, OVS_FRAG_TYPE_MAX + 1);
}

static void bad_ipv6_label(struct sk_buff *b)
{
	struct ovs_key_ipv6 ip = { .ipv6_label = htonl(0x100000) };

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_IPV6));
	nla_put(b, OVS_KEY_ATTR_IPV6, sizeof(ip), &ip);
}

static void bad_arp_op(struct sk_buff *b)
{
	struct ovs_key_arp arp;

	memset(&arp, 0, sizeof(arp));
	arp.arp_op = htons(0x0101);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_ARP));
	nla_put(b, OVS_KEY_ATTR_ARP, sizeof(arp), &arp);
}

static void bad_ct_state(struct sk_buff *b)
{
	nla_put_u32(b, OVS_KEY_ATTR_CT_STATE, 0x100);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static void bad_in_port(struct sk_buff *b)
{
	nla_put_u32(b, OVS_KEY_ATTR_IN_PORT, DP_MAX_PORTS);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static void bad_ethertype(struct sk_buff *b)
{
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(0x0500));
}

static void bad_tunnel_no_dst(struct sk_buff *b)
{
	struct nlattr *t = nla_nest_start_noflag(b, OVS_KEY_ATTR_TUNNEL);

	nla_put_be64(b, OVS_TUNNEL_KEY_ATTR_ID, cpu_to_be64(5),
		     OVS_TUNNEL_KEY_ATTR_PAD);
	nla_put_u8(b, OVS_TUNNEL_KEY_ATTR_TTL, 64);
	nla_nest_end(b, t);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static void bad_tunnel_no_ttl(struct sk_buff *b)
{
	struct nlattr *t = nla_nest_start_noflag(b, OVS_KEY_ATTR_TUNNEL);

	nla_put_in_addr(b, OVS_TUNNEL_KEY_ATTR_IPV4_DST, IP4_DST);
	nla_nest_end(b, t);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static void bad_tunnel_mixed(struct sk_buff *b)
{
	struct nlattr *t = nla_nest_start_noflag(b, OVS_KEY_ATTR_TUNNEL);

	nla_put_in_addr(b, OVS_TUNNEL_KEY_ATTR_IPV4_DST, IP4_DST);
	nla_put_in6_addr(b, OVS_TUNNEL_KEY_ATTR_IPV6_SRC, &in6addr_loopback);
	nla_put_u8(b, OVS_TUNNEL_KEY_ATTR_TTL, 64);
	nla_nest_end(b, t);
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static void bad_mpls_len(struct sk_buff *b)
{
	u8 lse[5] = {};

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_MPLS_UC));
	nla_put(b, OVS_KEY_ATTR_MPLS, sizeof(lse), lse);
}

static void bad_mpls_deep(struct sk_buff *b)
{
	u8 lse[4 * OVS_MPLS_LABEL_DEPTH + 4] = {};

	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(ETH_P_MPLS_UC));
	nla_put(b, OVS_KEY_ATTR_MPLS, sizeof(lse), lse);
}

static void bad_packet_type(struct sk_buff *b)
{
	nla_put_be32(b, OVS_KEY_ATTR_PACKET_TYPE, htonl(0x00010800));
	nla_put(b, OVS_KEY_ATTR_ETHERNET, sizeof(key_eth), &key_eth);
}

static const struct {
	const char *name;
	void (*build)(struct sk_buff *b);
} bad_keys[] = {
	{ "no Ethernet header", bad_no_ethernet },
	{ "IPv4 attribute too short", bad_ipv4_len },
	{ "unknown attribute type", bad_unknown_type },
	{ "NSH (not supported)", bad_nsh },
	{ "duplicate attribute", bad_duplicate },
	{ "trailing bytes", bad_trailing },
	{ "attribute shorter than its header", bad_short_header },
	{ "three VLAN tags (ENCAP too deep)", bad_three_tags },
	{ "VLAN TCI without CFI", bad_tci_no_cfi },
	{ "VLAN frame without ENCAP", bad_vlan_no_encap },
	{ "VLAN attribute on untagged frame", bad_vlan_untagged },
	{ "ENCAP on untagged frame", bad_encap_untagged },
	{ "TCP key without TCP attribute", bad_missing_l4 },
	{ "fragment type beyond max", bad_frag_type },
	{ "IPv6 label wider than 20 bits", bad_ipv6_label },
	{ "ARP opcode above 255", bad_arp_op },
	{ "unsupported ct_state bit", bad_ct_state },
	{ "input port beyond max", bad_in_port },
	{ "EtherType below 0x600", bad_ethertype },
	{ "tunnel without destination", bad_tunnel_no_dst },
	{ "tunnel without TTL", bad_tunnel_no_ttl },
	{ "tunnel mixing IPv4 and IPv6", bad_tunnel_mixed },
	{ "MPLS length not a multiple of 4", bad_mpls_len },
	{ "MPLS deeper than the key holds", bad_mpls_deep },
	{ "non-Ethernet packet type", bad_packet_type },
};

static void nl_key_malformed(struct kunit *test)
{
	struct sw_flow_key *key = new_key(test);
	unsigned int i;

	KUNIT_EXPECT_EQ(test, get_match(key, NULL, NULL, NULL, false),
			-EINVAL);

	for (i = 0; i < ARRAY_SIZE(bad_keys); i++) {
		struct sk_buff *b;
		struct nlattr *in;

		in = nest_start(test, &b, OVS_FLOW_ATTR_KEY);
		bad_keys[i].build(b);
		nla_nest_end(b, in);
		KUNIT_EXPECT_EQ_MSG(test, get_match(key, NULL, in, NULL, false),
				    -EINVAL, "%s", bad_keys[i].name);
	}
}

static void mask_tcp_inexact_proto(struct sk_buff *b)
{
	struct ovs_key_ipv4 ip = { .ipv4_src = htonl(0xffffffff) };
	struct ovs_key_tcp tcp = { .tcp_dst = htons(0xffff) };

	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(0xffff));
	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
	nla_put(b, OVS_KEY_ATTR_TCP, sizeof(tcp), &tcp);
}

static void mask_ipv4_inexact_type(struct sk_buff *b)
{
	struct ovs_key_ipv4 ip = { .ipv4_src = htonl(0xffffffff) };

	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
}

static void mask_encap_untagged(struct sk_buff *b)
{
	struct nlattr *e;

	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(0xffff));
	e = nla_nest_start_noflag(b, OVS_KEY_ATTR_ENCAP);
	nla_put_be16(b, OVS_KEY_ATTR_ETHERTYPE, htons(0xffff));
	nla_nest_end(b, e);
}

static void mask_unknown_type(struct sk_buff *b)
{
	nla_put_u32(b, OVS_KEY_ATTR_MAX + 1, 1);
}

static void mask_wrong_len(struct sk_buff *b)
{
	nla_put_u16(b, OVS_KEY_ATTR_SKB_MARK, 0xffff);
}

static void nl_mask_malformed(struct kunit *test)
{
	static const struct {
		const char *name;
		void (*build)(struct sk_buff *b);
	} bad[] = {
		{ "TCP mask without exact IP protocol", mask_tcp_inexact_proto },
		{ "IPv4 mask without exact EtherType", mask_ipv4_inexact_type },
		{ "ENCAP mask for an untagged key", mask_encap_untagged },
		{ "unknown mask attribute", mask_unknown_type },
		{ "mask attribute of wrong length", mask_wrong_len },
	};
	struct sw_flow_mask *mask = new_mask(test);
	struct sw_flow_key *key = new_key(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct nlattr *kin, *min;
		struct sk_buff *kb, *mb;

		kin = nest_start(test, &kb, OVS_FLOW_ATTR_KEY);
		key_ipv4_tcp(kb, false);
		nla_nest_end(kb, kin);
		min = nest_start(test, &mb, OVS_FLOW_ATTR_MASK);
		bad[i].build(mb);
		nla_nest_end(mb, min);
		KUNIT_EXPECT_EQ_MSG(test, get_match(key, mask, kin, min, false),
				    -EINVAL, "%s", bad[i].name);
	}
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

/* The IPv4/TCP flow key actions are validated against (from a packet). */
static struct sw_flow_key *tcp4_flow(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		u8 ip_tcp[40];
	} __packed frame = {
		ETH(ETH_P_IP),
		{
			0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, IPPROTO_TCP, 0, 0,
			192, 0, 2, 1, 198, 51, 100, 2,
			0x9c, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02,
			0xff, 0xff, 0, 0, 0, 0,
		},
	};
	struct sw_flow_key *key = new_key(test);

	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(ovs_kunit_skb(test, &frame,
							      sizeof(frame)),
						key), 0);
	return key;
}

static struct sw_flow_key *arp_flow(struct kunit *test)
{
	/* ARP request. */
	static const struct {
		struct ethhdr eth;
		u8 hdr[8];
		u8 sha[ETH_ALEN];
		u8 sip_tha_tip[14];
	} __packed frame = {
		ETH(ETH_P_ARP), { 0, 1, 8, 0, 6, 4, 0, 1 },
		OVS_KUNIT_MAC_SRC,
		{ 192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 198, 51, 100, 2 },
	};
	struct sw_flow_key *key = new_key(test);

	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(ovs_kunit_skb(test, &frame,
							      sizeof(frame)),
						key), 0);
	return key;
}

/* ct(commit, zone, mark, labels, eventmask, nat(src=range:ports)). */
static void put_ct_full(struct sk_buff *b)
{
	struct nlattr *ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT);

	nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES))
		nla_put_u16(b, OVS_CT_ATTR_ZONE, 9);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)) {
		static const u32 mark[2] = { 0x11, 0xff };

		nla_put(b, OVS_CT_ATTR_MARK, sizeof(mark), mark);
	}
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)) {
		struct ovs_key_ct_labels l[2];

		l[0] = some_labels;
		memset(&l[1], 0xff, sizeof(l[1]));
		nla_put(b, OVS_CT_ATTR_LABELS, sizeof(l), l);
	}
	nla_put_u32(b, OVS_CT_ATTR_EVENTMASK, 0x5);
	if (IS_ENABLED(CONFIG_NF_NAT)) {
		struct nlattr *nat = nla_nest_start_noflag(b, OVS_CT_ATTR_NAT);

		nla_put_flag(b, OVS_NAT_ATTR_SRC);
		nla_put_in_addr(b, OVS_NAT_ATTR_IP_MIN, NAT_MIN);
		nla_put_in_addr(b, OVS_NAT_ATTR_IP_MAX, NAT_MAX);
		nla_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, 1024);
		nla_put_u16(b, OVS_NAT_ATTR_PROTO_MAX, 2047);
		nla_put_flag(b, OVS_NAT_ATTR_PERSISTENT);
		nla_nest_end(b, nat);
	}
	nla_nest_end(b, ct);
}

/* Every action a flow may carry, in the form the datapath dumps them. */
static void put_all_actions(struct sk_buff *b)
{
	static const struct ovs_action_push_vlan vlan = {
		.vlan_tpid = htons(ETH_P_8021Q),
		.vlan_tci = htons(0x1005),
	};
	static const struct ovs_action_hash hash = {
		.hash_alg = OVS_HASH_ALG_L4,
		.hash_basis = 5,
	};
	static const struct ovs_action_trunc trunc = { .max_len = 100 };
	static const u8 cookie[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct ovs_key_ipv4 ip = {
		.ipv4_src = NAT_MIN,
		.ipv4_dst = IP4_DST,
		.ipv4_proto = IPPROTO_TCP,
		.ipv4_tos = 0x20,
		.ipv4_ttl = 30,
		.ipv4_frag = OVS_FRAG_TYPE_NONE,
	};
	struct ovs_key_tcp ports[2] = {
		{ .tcp_src = htons(1000), .tcp_dst = 0 },
		{ .tcp_src = htons(0xffff), .tcp_dst = 0 },
	};
	struct nlattr *n, *m;

	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 2);
	n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);
	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
	nla_nest_end(b, n);
	n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET_MASKED);
	nla_put(b, OVS_KEY_ATTR_TCP, sizeof(ports), ports);
	nla_nest_end(b, n);
	nla_put(b, OVS_ACTION_ATTR_PUSH_VLAN, sizeof(vlan), &vlan);
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 3);
	nla_put_flag(b, OVS_ACTION_ATTR_POP_VLAN);
	nla_put(b, OVS_ACTION_ATTR_HASH, sizeof(hash), &hash);
	nla_put(b, OVS_ACTION_ATTR_TRUNC, sizeof(trunc), &trunc);
	n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_USERSPACE);
	nla_put_u32(b, OVS_USERSPACE_ATTR_PID, 42);
	nla_put(b, OVS_USERSPACE_ATTR_USERDATA, sizeof(cookie), cookie);
	nla_nest_end(b, n);
	n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SAMPLE);
	nla_put_u32(b, OVS_SAMPLE_ATTR_PROBABILITY, 0x80000000);
	m = nla_nest_start_noflag(b, OVS_SAMPLE_ATTR_ACTIONS);
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 4);
	nla_nest_end(b, m);
	nla_nest_end(b, n);
	n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CLONE);
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 5);
	nla_nest_end(b, n);
	nla_put_u32(b, OVS_ACTION_ATTR_METER, 1);
	put_ct_full(b);
	nla_put_flag(b, OVS_ACTION_ATTR_CT_CLEAR);
	nla_put_u32(b, OVS_ACTION_ATTR_RECIRC, 7);
}

static void nl_actions_roundtrip(struct kunit *test)
{
	struct sw_flow_key *key = tcp4_flow(test);
	const struct ovs_key_ipv4 *m;
	struct sw_flow_actions *sfa;
	struct nlattr *in, *out, *a;
	struct sk_buff *b, *ob;

	in = nest_start(test, &b, OVS_FLOW_ATTR_ACTIONS);
	put_all_actions(b);
	nla_nest_end(b, in);

	KUNIT_ASSERT_EQ(test, ovs_kunit_copy_actions(test, &init_net, in, key,
						     &sfa, true), 0);
	KUNIT_EXPECT_EQ(test, sfa->orig_len, nla_len(in));

	/* A plain set is kept as a masked set that spares proto and frag. */
	a = nla_next(sfa->actions, &(int){ sfa->actions_len });
	KUNIT_ASSERT_EQ(test, nla_type(a), OVS_ACTION_ATTR_SET_TO_MASKED);
	KUNIT_ASSERT_EQ(test, nla_len(nla_data(a)),
			2 * (int)sizeof(struct ovs_key_ipv4));
	m = (const struct ovs_key_ipv4 *)nla_data(nla_data(a)) + 1;
	KUNIT_EXPECT_EQ(test, m->ipv4_src, htonl(0xffffffff));
	KUNIT_EXPECT_EQ(test, m->ipv4_proto, 0);
	KUNIT_EXPECT_EQ(test, m->ipv4_frag, 0);

	ob = ovs_kunit_nlbuf(test, 0);
	out = nla_nest_start_noflag(ob, OVS_FLOW_ATTR_ACTIONS);
	KUNIT_ASSERT_EQ(test, ovs_nla_put_actions(sfa->actions,
						  sfa->actions_len, ob), 0);
	nla_nest_end(ob, out);
	OVS_KUNIT_EXPECT_NLA_EQ(test, out, in);
}

/* Build @depth nested clone() (or sample()) around an output. */
static struct nlattr *nested_actions(struct kunit *test, int depth,
				     bool sample)
{
	struct nlattr *top, *nests[2 * (OVS_COPY_ACTIONS_MAX_DEPTH + 2)];
	struct sk_buff *b;
	int i, n = 0;

	top = nest_start(test, &b, OVS_FLOW_ATTR_ACTIONS);
	for (i = 0; i < depth; i++) {
		if (!sample) {
			nests[n++] = nla_nest_start_noflag(b,
							   OVS_ACTION_ATTR_CLONE);
			continue;
		}
		nests[n++] = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SAMPLE);
		nla_put_u32(b, OVS_SAMPLE_ATTR_PROBABILITY, U32_MAX);
		nests[n++] = nla_nest_start_noflag(b, OVS_SAMPLE_ATTR_ACTIONS);
	}
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 1);
	while (n)
		nla_nest_end(b, nests[--n]);
	nla_nest_end(b, top);
	return top;
}

static void nl_actions_nesting(struct kunit *test)
{
	const int max = OVS_COPY_ACTIONS_MAX_DEPTH;
	struct sw_flow_key *key = tcp4_flow(test);
	struct sw_flow_actions *sfa;
	struct nlattr *in, *out;
	struct sk_buff *ob;
	int s;

	for (s = 0; s < 2; s++) {
		in = nested_actions(test, max, s);
		KUNIT_ASSERT_EQ(test, ovs_kunit_copy_actions(test, &init_net,
							     in, key, &sfa,
							     false), 0);
		ob = ovs_kunit_nlbuf(test, 0);
		out = nla_nest_start_noflag(ob, OVS_FLOW_ATTR_ACTIONS);
		KUNIT_ASSERT_EQ(test, ovs_nla_put_actions(sfa->actions,
							  sfa->actions_len,
							  ob), 0);
		nla_nest_end(ob, out);
		OVS_KUNIT_EXPECT_NLA_EQ(test, out, in);

		in = nested_actions(test, max + 1, s);
		KUNIT_EXPECT_EQ_MSG(test,
				    ovs_kunit_copy_actions(test, &init_net, in,
							   key, &sfa, false),
				    -EOVERFLOW, "%s nested %d deep",
				    s ? "sample" : "clone", max + 1);
	}
}

static void nl_actions_too_long(struct kunit *test)
{
	struct sw_flow_key *key = tcp4_flow(test);
	unsigned int i, n = OVS_MAX_ACTIONS_BUFSIZE / nla_total_size(4) + 1;
	struct sw_flow_actions *sfa;
	struct nlattr *in;
	struct sk_buff *b;

	b = ovs_kunit_nlbuf(test, OVS_MAX_ACTIONS_BUFSIZE + 256);
	in = nla_nest_start_noflag(b, OVS_FLOW_ATTR_ACTIONS);
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 1),
				0);
	nla_nest_end(b, in);
	KUNIT_EXPECT_EQ(test, ovs_kunit_copy_actions(test, &init_net, in, key,
						     &sfa, false), -EMSGSIZE);
}

/* ---- malformed actions: each builder fills an OVS_FLOW_ATTR_ACTIONS ---- */

static void act_unknown(struct sk_buff *b)
{
	nla_put_u32(b, 100, 0);
}

static void act_internal_set_to_masked(struct sk_buff *b)
{
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET_TO_MASKED);
	u32 mark[2] = { 1, 1 };

	nla_put(b, OVS_KEY_ATTR_SKB_MARK, sizeof(mark), mark);
	nla_nest_end(b, n);
}

static void act_output_len(struct sk_buff *b)
{
	nla_put_u16(b, OVS_ACTION_ATTR_OUTPUT, 1);
}

static void act_output_port(struct sk_buff *b)
{
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, DP_MAX_PORTS);
}

static void act_set_ipv6_on_ipv4(struct sk_buff *b)
{
	struct ovs_key_ipv6 ip = { .ipv6_proto = IPPROTO_TCP };
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);

	nla_put(b, OVS_KEY_ATTR_IPV6, sizeof(ip), &ip);
	nla_nest_end(b, n);
}

static void act_set_two_keys(struct sk_buff *b)
{
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);

	nla_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 1);
	nla_put_u32(b, OVS_KEY_ATTR_PRIORITY, 1);
	nla_nest_end(b, n);
}

static void act_set_ipv4_proto(struct sk_buff *b)
{
	struct ovs_key_ipv4 ip = { .ipv4_proto = IPPROTO_UDP };
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);

	nla_put(b, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
	nla_nest_end(b, n);
}

static void act_set_udp_on_tcp(struct sk_buff *b)
{
	struct ovs_key_udp udp = { .udp_dst = htons(53) };
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);

	nla_put(b, OVS_KEY_ATTR_UDP, sizeof(udp), &udp);
	nla_nest_end(b, n);
}

static void act_set_unsettable(struct sk_buff *b)
{
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET);

	nla_put_u32(b, OVS_KEY_ATTR_RECIRC_ID, 1);
	nla_nest_end(b, n);
}

static void act_masked_outside(struct sk_buff *b)
{
	u32 mark[2] = { 0x3, 0x1 };	/* value bit 1 not in the mask */
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET_MASKED);

	nla_put(b, OVS_KEY_ATTR_SKB_MARK, sizeof(mark), mark);
	nla_nest_end(b, n);
}

static void act_masked_odd(struct sk_buff *b)
{
	u8 v[7] = {};
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SET_MASKED);

	nla_put(b, OVS_KEY_ATTR_SKB_MARK, sizeof(v), v);
	nla_nest_end(b, n);
}

static void act_push_vlan_tpid(struct sk_buff *b)
{
	struct ovs_action_push_vlan v = {
		.vlan_tpid = htons(ETH_P_IP),
		.vlan_tci = htons(0x1001),
	};

	nla_put(b, OVS_ACTION_ATTR_PUSH_VLAN, sizeof(v), &v);
}

static void act_push_vlan_cfi(struct sk_buff *b)
{
	struct ovs_action_push_vlan v = {
		.vlan_tpid = htons(ETH_P_8021Q),
		.vlan_tci = htons(0x0001),
	};

	nla_put(b, OVS_ACTION_ATTR_PUSH_VLAN, sizeof(v), &v);
}

static void act_userspace_no_pid(struct sk_buff *b)
{
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_USERSPACE);

	nla_put_u32(b, OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, 1);
	nla_nest_end(b, n);
}

static void act_sample_no_prob(struct sk_buff *b)
{
	struct nlattr *n = nla_nest_start_noflag(b, OVS_ACTION_ATTR_SAMPLE);

	nla_nest_end(b, nla_nest_start_noflag(b, OVS_SAMPLE_ATTR_ACTIONS));
	nla_nest_end(b, n);
}

static void act_hash_alg(struct sk_buff *b)
{
	struct ovs_action_hash h = { .hash_alg = 5 };

	nla_put(b, OVS_ACTION_ATTR_HASH, sizeof(h), &h);
}

static void act_trunc_short(struct sk_buff *b)
{
	struct ovs_action_trunc t = { .max_len = ETH_HLEN - 1 };

	nla_put(b, OVS_ACTION_ATTR_TRUNC, sizeof(t), &t);
}

static void act_push_eth(struct sk_buff *b)
{
	struct ovs_action_push_eth e = {};

	nla_put(b, OVS_ACTION_ATTR_PUSH_ETH, sizeof(e), &e);
}

static void act_ct_clear_payload(struct sk_buff *b)
{
	nla_put_u32(b, OVS_ACTION_ATTR_CT_CLEAR, 0);
}

static void act_trailing(struct sk_buff *b)
{
	nla_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 1);
	skb_put_zero(b, 3);
}

/* ct() with the attributes the statements after @name put. */
#define CT_ACTION(name, ...)						\
static void name(struct sk_buff *b)					\
{									\
	struct nlattr *ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT); \
	__VA_ARGS__;							\
	nla_nest_end(b, ct);						\
}

static const u32 ct_mark[2] = { 1, 0xff };
static const u32 ct_mark0[2] = { 1, 0 };
static const struct ovs_key_ct_labels ct_labels[2] = {
	{ .ct_labels = { 1 } }, { .ct_labels = { 1 } },
};

CT_ACTION(ct_mark_no_commit,
	  nla_put(b, OVS_CT_ATTR_MARK, sizeof(ct_mark), ct_mark))
CT_ACTION(ct_labels_no_commit,
	  nla_put(b, OVS_CT_ATTR_LABELS, sizeof(ct_labels), ct_labels))
CT_ACTION(ct_mark_mask_zero,
	  nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	  nla_put(b, OVS_CT_ATTR_MARK, sizeof(ct_mark0), ct_mark0))
CT_ACTION(ct_zone_len,
	  nla_put_u32(b, OVS_CT_ATTR_ZONE, 1))
CT_ACTION(ct_unknown_attr,
	  nla_put_u32(b, OVS_CT_ATTR_MAX + 1, 1))
CT_ACTION(ct_helper_too_long,
	  nla_put_string(b, OVS_CT_ATTR_HELPER, "abcdefghijklmnop"))
CT_ACTION(ct_helper_unterminated,
	  nla_put(b, OVS_CT_ATTR_HELPER, 3, "ftp"))
CT_ACTION(ct_helper_unknown,
	  nla_put_string(b, OVS_CT_ATTR_HELPER, "nosuchhelper"))
CT_ACTION(ct_trailing,
	  nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	  skb_put_zero(b, 2))
CT_ACTION(ct_commit,
	  nla_put_flag(b, OVS_CT_ATTR_COMMIT))
CT_ACTION(nat_twice,
	  nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	  nla_nest_end(b, nla_nest_start_noflag(b, OVS_CT_ATTR_NAT));
	  nla_nest_end(b, nla_nest_start_noflag(b, OVS_CT_ATTR_NAT)))

/* ct(commit if @commit, nat(what the statements after it put)). */
#define NAT_ACTION(name, commit, ...)					\
static void name(struct sk_buff *b)					\
{									\
	struct nlattr *ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT); \
	struct nlattr *nat;						\
									\
	if (commit)							\
		nla_put_flag(b, OVS_CT_ATTR_COMMIT);			\
	nat = nla_nest_start_noflag(b, OVS_CT_ATTR_NAT);		\
	__VA_ARGS__;							\
	nla_nest_end(b, nat);						\
	nla_nest_end(b, ct);						\
}

NAT_ACTION(nat_src_and_dst, true,
	   nla_put_flag(b, OVS_NAT_ATTR_SRC);
	   nla_put_flag(b, OVS_NAT_ATTR_DST))
NAT_ACTION(nat_src_no_commit, false,
	   nla_put_flag(b, OVS_NAT_ATTR_SRC);
	   nla_put_in_addr(b, OVS_NAT_ATTR_IP_MIN, NAT_MIN))
NAT_ACTION(nat_addr_len, true,
	   nla_put_flag(b, OVS_NAT_ATTR_SRC);
	   nla_put_in6_addr(b, OVS_NAT_ATTR_IP_MIN, &in6addr_loopback))
NAT_ACTION(nat_ports_reversed, true,
	   nla_put_flag(b, OVS_NAT_ATTR_DST);
	   nla_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, 2000);
	   nla_put_u16(b, OVS_NAT_ATTR_PROTO_MAX, 1000))
NAT_ACTION(nat_addrs_reversed, true,
	   nla_put_flag(b, OVS_NAT_ATTR_SRC);
	   nla_put_in_addr(b, OVS_NAT_ATTR_IP_MIN, NAT_MAX);
	   nla_put_in_addr(b, OVS_NAT_ATTR_IP_MAX, NAT_MIN))
NAT_ACTION(nat_flags_no_type, true,
	   nla_put_flag(b, OVS_NAT_ATTR_PERSISTENT))
NAT_ACTION(nat_hash_and_random, true,
	   nla_put_flag(b, OVS_NAT_ATTR_SRC);
	   nla_put_flag(b, OVS_NAT_ATTR_PROTO_HASH);
	   nla_put_flag(b, OVS_NAT_ATTR_PROTO_RANDOM))
NAT_ACTION(nat_unknown_attr, true,
	   nla_put_flag(b, OVS_NAT_ATTR_MAX + 1))

enum flow_kind { FLOW_TCP4, FLOW_ARP };

static const struct {
	const char *name;
	void (*build)(struct sk_buff *b);
	int err;
	enum flow_kind flow;
	bool nat;	/* only meaningful with CONFIG_NF_NAT */
} bad_actions[] = {
	{ "unknown action type", act_unknown, -EINVAL },
	{ "kernel-internal SET_TO_MASKED", act_internal_set_to_masked, -EINVAL },
	{ "output of wrong length", act_output_len, -EINVAL },
	{ "output port beyond max", act_output_port, -EINVAL },
	{ "set(ipv6) on an IPv4 flow", act_set_ipv6_on_ipv4, -EINVAL },
	{ "set with two keys", act_set_two_keys, -EINVAL },
	{ "set(ipv4) changing the protocol", act_set_ipv4_proto, -EINVAL },
	{ "set(udp) on a TCP flow", act_set_udp_on_tcp, -EINVAL },
	{ "set(recirc_id)", act_set_unsettable, -EINVAL },
	{ "masked set value outside mask", act_masked_outside, -EINVAL },
	{ "masked set of odd length", act_masked_odd, -EINVAL },
	{ "push_vlan with a non-VLAN TPID", act_push_vlan_tpid, -EINVAL },
	{ "push_vlan without CFI", act_push_vlan_cfi, -EINVAL },
	{ "userspace without pid", act_userspace_no_pid, -EINVAL },
	{ "sample without probability", act_sample_no_prob, -EINVAL },
	{ "unknown hash algorithm", act_hash_alg, -EINVAL },
	{ "trunc below an Ethernet header", act_trunc_short, -EINVAL },
	{ "push_eth (not supported)", act_push_eth, -EINVAL },
	{ "ct_clear with a payload", act_ct_clear_payload, -EINVAL },
	{ "trailing bytes", act_trailing, -EINVAL },
	{ "ct mark without commit", ct_mark_no_commit, -EINVAL },
	{ "ct labels without commit", ct_labels_no_commit, -EINVAL },
	{ "ct mark with zero mask", ct_mark_mask_zero, -EINVAL },
	{ "ct zone of wrong length", ct_zone_len, -EINVAL },
	{ "unknown ct attribute", ct_unknown_attr, -EINVAL },
	{ "ct helper name too long", ct_helper_too_long, -EINVAL },
	{ "ct helper name not terminated", ct_helper_unterminated, -EINVAL },
	{ "unknown ct helper", ct_helper_unknown, -EINVAL },
	{ "ct trailing bytes", ct_trailing, -EINVAL },
	{ "ct on an ARP flow", ct_commit, -EINVAL, FLOW_ARP },
	{ "NAT src and dst", nat_src_and_dst, -ERANGE, FLOW_TCP4, true },
	{ "NAT src without commit", nat_src_no_commit, -EINVAL },
	{ "NAT IPv6 address on IPv4", nat_addr_len, -EINVAL },
	{ "NAT port range reversed", nat_ports_reversed, -EINVAL },
	{ "NAT address range reversed", nat_addrs_reversed, -EINVAL },
	{ "NAT flags without src/dst", nat_flags_no_type, -EINVAL },
	{ "NAT hash and random", nat_hash_and_random, -EINVAL },
	{ "unknown NAT attribute", nat_unknown_attr, -EINVAL },
	{ "NAT given twice", nat_twice, -EINVAL },
};

static void nl_actions_malformed(struct kunit *test)
{
	struct sw_flow_key *flows[] = { tcp4_flow(test), arp_flow(test) };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad_actions); i++) {
		struct sw_flow_actions *sfa = NULL;
		struct nlattr *in;
		struct sk_buff *b;
		int err, want;

		in = nest_start(test, &b, OVS_FLOW_ATTR_ACTIONS);
		bad_actions[i].build(b);
		nla_nest_end(b, in);

		/* Without nf_nat every NAT request is simply refused. */
		want = bad_actions[i].err;
		if (bad_actions[i].nat && !IS_ENABLED(CONFIG_NF_NAT))
			want = -EINVAL;
		err = ovs_kunit_copy_actions(test, &init_net, in,
					     flows[bad_actions[i].flow], &sfa,
					     false);
		KUNIT_EXPECT_EQ_MSG(test, err, want, "%s", bad_actions[i].name);
		KUNIT_EXPECT_NULL_MSG(test, sfa, "%s", bad_actions[i].name);
	}
}

/* A ct() that names a helper keeps it across the round trip. */
static void nl_ct_helper(struct kunit *test)
{
	struct sw_flow_key *key = tcp4_flow(test);
	struct sw_flow_actions *sfa;
	struct nlattr *in, *out, *ct;
	struct sk_buff *b, *ob;
	int err;

	in = nest_start(test, &b, OVS_FLOW_ATTR_ACTIONS);
	ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT);
	nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	if (IS_ENABLED(CONFIG_NF_CONNTRACK_ZONES))
		nla_put_u16(b, OVS_CT_ATTR_ZONE, 0);
	nla_put_string(b, OVS_CT_ATTR_HELPER, "ftp");
	nla_nest_end(b, ct);
	nla_nest_end(b, in);

	err = ovs_kunit_copy_actions(test, &init_net, in, key, &sfa, true);
	if (err == -EINVAL && !IS_BUILTIN(CONFIG_NF_CONNTRACK_FTP))
		kunit_skip(test, "no FTP conntrack helper in this kernel");
	KUNIT_ASSERT_EQ(test, err, 0);

	ob = ovs_kunit_nlbuf(test, 0);
	out = nla_nest_start_noflag(ob, OVS_FLOW_ATTR_ACTIONS);
	KUNIT_ASSERT_EQ(test, ovs_nla_put_actions(sfa->actions,
						  sfa->actions_len, ob), 0);
	nla_nest_end(ob, out);
	OVS_KUNIT_EXPECT_NLA_EQ(test, out, in);
}

static struct kunit_case ovs_netlink_cases[] = {
	KUNIT_CASE(nl_key_roundtrip),
	KUNIT_CASE(nl_key_from_packets),
	KUNIT_CASE(nl_mask_roundtrip),
	KUNIT_CASE(nl_mask_exact),
	KUNIT_CASE(nl_key_malformed),
	KUNIT_CASE(nl_mask_malformed),
	KUNIT_CASE(nl_actions_roundtrip),
	KUNIT_CASE(nl_actions_nesting),
	KUNIT_CASE(nl_actions_too_long),
	KUNIT_CASE(nl_actions_malformed),
	KUNIT_CASE(nl_ct_helper),
	{}
};

static struct kunit_suite ovs_netlink_suite = {
	.name = "ovs_netlink",
	.test_cases = ovs_netlink_cases,
};

kunit_test_suites(&ovs_netlink_suite);
