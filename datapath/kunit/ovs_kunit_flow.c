// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite: flow key extraction (ovs_flow_key_extract(), flow.c).
 *
 * Every case builds a real sk_buff from literal header bytes, runs the
 * datapath's extractor on it as the receive path does, and checks both
 * the key and what extraction leaves in the skb (header offsets, the
 * outer VLAN tag moved to the accelerated tag).  Expected values follow
 * the in-tree datapath (net/openvswitch/flow.c), which is what OVS
 * userspace is written against: a truncated or malformed header is not an
 * error, the key then describes only the complete layers.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "flow.h"
#include "ovs_kunit_util.h"

/*
 * Frames are packed structs of wire-format headers, written with the
 * initializers below (values in host order, converted where needed), and
 * arrays of literal bytes for the rest.
 */

/* Ethernet header with the suite's MACs and EtherType @type. */
#define ETH(type)	OVS_KUNIT_ETH(type)

/* An 802.1Q/802.1ad tag (struct vlan_hdr): TCI, then the next type. */
#define VLAN(tci, type)							\
	{ .h_vlan_TCI = htons(tci), .h_vlan_encapsulated_proto = htons(type) }

/* 192.0.2.1 -> 198.51.100.2 */
#define IP4_SRC		htonl(0xc0000201)
#define IP4_DST		htonl(0xc6336402)

/*
 * IPv4 header without options (struct iphdr), id 0x1234, checksum left 0
 * (extraction ignores it).
 */
#define IP4(dscp, len, frag, hops, proto)				\
	{ .version = 4, .ihl = 5, .tos = (dscp), .tot_len = htons(len),	\
	  .id = htons(0x1234), .frag_off = htons(frag), .ttl = (hops),	\
	  .protocol = (proto), .saddr = IP4_SRC, .daddr = IP4_DST }

/* 2001:db8::1 -> 2001:db8::2 */
#define IP6_SRC		{ { { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,	\
			      0, 0, 0, 0, 0, 0, 0, 1 } } }
#define IP6_DST		{ { { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,	\
			      0, 0, 0, 0, 0, 0, 0, 2 } } }

/* The fixed IPv6 header, with its first word whole. */
struct wire_ipv6 {
	__be32 ver_tc_label;
	__be16 payload_len;
	u8 next;
	u8 hop_limit;
	struct in6_addr src;
	struct in6_addr dst;
} __packed;

/* IPv6 header: traffic class, flow label, payload length, next header. */
#define IP6(tc, label, len, nh, hops)					\
	{ .ver_tc_label = htonl(0x60000000 | (tc) << 20 | (label)),	\
	  .payload_len = htons(len), .next = (nh), .hop_limit = (hops),	\
	  .src = IP6_SRC, .dst = IP6_DST }

/* A 20-byte TCP header with the data offset and flags as whole bytes. */
struct wire_tcp {
	__be16 sport;
	__be16 dport;
	__be32 seq;
	__be32 ack;
	u8 doff_ns;	/* data offset << 4 | NS */
	u8 flags;	/* CWR ECE URG ACK PSH RST SYN FIN */
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
} __packed;

/* TCP header: ports, data offset/NS byte, flag byte; seq 1, window 65535. */
#define TCP(sp, dp, doff, flag_byte)					\
	{ .sport = htons(sp), .dport = htons(dp), .seq = htonl(1),	\
	  .doff_ns = (doff), .flags = (flag_byte), .window = htons(0xffff) }

/* UDP header (struct udphdr), checksum 0. */
#define UDP(sp, dp, ulen)						\
	{ .source = htons(sp), .dest = htons(dp), .len = htons(ulen) }

/* Offsets into an untagged IPv4 frame. */
#define NH		ETH_HLEN
#define IP4_FRAG_OFS	(NH + 6)

static const u8 mac_src[ETH_ALEN] = OVS_KUNIT_MAC_SRC;
static const u8 mac_dst[ETH_ALEN] = OVS_KUNIT_MAC_DST;
static const struct in6_addr ip6_src = IP6_SRC;
static const struct in6_addr ip6_dst = IP6_DST;

/* A zeroed key for the test (too large for the kthread's stack). */
static struct sw_flow_key *new_key(struct kunit *test)
{
	struct sw_flow_key *key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, key);
	return key;
}

/* Extract @len bytes of @frame into a fresh key; asserts success. */
static struct sw_flow_key *extract(struct kunit *test, const void *frame,
				   unsigned int len, struct sk_buff **skbp)
{
	struct sw_flow_key *key = new_key(test);
	struct sk_buff *skb = ovs_kunit_skb(test, frame, len);

	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);
	if (skbp)
		*skbp = skb;
	return key;
}

/* Nothing above L2 was recognised. */
static void expect_no_l3(struct kunit *test, const struct sw_flow_key *key)
{
	KUNIT_EXPECT_EQ(test, key->ip.proto, 0);
	KUNIT_EXPECT_EQ(test, key->ip.tos, 0);
	KUNIT_EXPECT_EQ(test, key->ip.ttl, 0);
	KUNIT_EXPECT_EQ(test, key->ip.frag, 0);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.dst, 0);
	KUNIT_EXPECT_EQ(test, key->tp.flags, 0);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(&key->ipv6, 0, sizeof(key->ipv6)));
}

/* ---- L2 ---- */

static void flow_eth_metadata(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		u8 data[8];
	} __packed frame = {
		ETH(0x88b5), { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 },
	};
	struct sw_flow_key *key = new_key(test);
	struct sk_buff *skb = ovs_kunit_skb(test, &frame, sizeof(frame));

	skb->priority = 5;
	skb->mark = 0x77;
	memset(key, 0xa5, sizeof(*key));	/* all of it must be rewritten */
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);

	KUNIT_EXPECT_EQ(test, key->phy.in_port, OVS_KUNIT_IN_PORT);
	KUNIT_EXPECT_EQ(test, key->phy.priority, 5);
	KUNIT_EXPECT_EQ(test, key->phy.skb_mark, 0x77);
	KUNIT_EXPECT_EQ(test, key->recirc_id, 0);
	KUNIT_EXPECT_EQ(test, key->ovs_flow_hash, 0);
	KUNIT_EXPECT_EQ(test, key->mac_proto, 0);
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
	KUNIT_EXPECT_EQ(test, key->ct_zone, 0);
	KUNIT_EXPECT_EQ(test, key->ct.mark, 0);
	KUNIT_EXPECT_EQ(test, key->tun.proto, 0);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->eth.src, mac_src, ETH_ALEN);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->eth.dst, mac_dst, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), 0x88b5);
	KUNIT_EXPECT_EQ(test, key->eth.vlan.tci, 0);
	KUNIT_EXPECT_EQ(test, key->eth.vlan.tpid, 0);
	KUNIT_EXPECT_EQ(test, key->eth.cvlan.tci, 0);
	expect_no_l3(test, key);

	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);
	KUNIT_EXPECT_EQ(test, skb->mac_len, ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), 0x88b5);
	KUNIT_EXPECT_EQ(test, skb->len, sizeof(frame));
}

static void flow_runt_frame(struct kunit *test)
{
	static const u8 frame[ETH_HLEN - 1] = OVS_KUNIT_MAC_DST;
	struct sw_flow_key *key = new_key(test);
	struct sk_buff *skb = ovs_kunit_skb(test, frame, sizeof(frame));

	KUNIT_EXPECT_EQ(test, ovs_kunit_extract(skb, key), -EINVAL);
}

static void flow_llc(struct kunit *test)
{
	/* 802.3 length, LLC/SNAP with zero OUI: the SNAP type counts. */
	static const struct {
		struct ethhdr eth;
		u8 llc[20];
	} __packed snap = {
		ETH(20), { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0xb5,
			   1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
	},
	/* SNAP with an organisation's OUI: just 802.2. */
	cisco = {
		ETH(20), { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00,
			   1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
	};
	/* Plain LLC (spanning tree). */
	static const struct {
		struct ethhdr eth;
		u8 llc[13];
	} __packed stp = {
		ETH(38), { 0x42, 0x42, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	/* LLC too short to hold a SNAP header. */
	static const struct {
		struct ethhdr eth;
		u8 llc[3];
	} __packed cut = { ETH(3), { 0xaa, 0xaa, 0x03 } };
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &snap, sizeof(snap), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), 0x88b5);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN + 8);

	key = extract(test, &cisco, sizeof(cisco), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_802_2);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);

	key = extract(test, &stp, sizeof(stp), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_802_2);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);

	key = extract(test, &cut, sizeof(cut), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_802_2);
	expect_no_l3(test, key);
}

static void flow_vlan_inband(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct vlan_hdr tag;
		struct iphdr ip;
		struct udphdr udp;
	} __packed frame = {
		ETH(ETH_P_8021Q), VLAN(0x2005, ETH_P_IP),
		IP4(0, 28, 0, 64, IPPROTO_UDP),
		UDP(1234, 53, 8),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tpid), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tci), 0x2005 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, key->eth.cvlan.tci, 0);
	KUNIT_EXPECT_EQ(test, key->eth.cvlan.tpid, 0);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 1234);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 53);

	/* The tag now lives in the skb's accelerated tag, data at the MAC. */
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get(skb), 0x2005);
	KUNIT_EXPECT_EQ(test, ntohs(skb->vlan_proto), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, skb->len, sizeof(frame) - VLAN_HLEN);
	KUNIT_EXPECT_EQ(test, skb_mac_offset(skb), 0);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), ETH_HLEN + 20);
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, ntohs(eth_hdr(skb)->h_proto), ETH_P_IP);
}

static void flow_vlan_hwaccel(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		struct udphdr udp;
	} __packed frame = {
		ETH(ETH_P_IP), IP4(0, 28, 0, 64, IPPROTO_UDP), UDP(1, 2, 8),
	};
	struct sw_flow_key *key = new_key(test);
	struct sk_buff *skb = ovs_kunit_skb(test, &frame, sizeof(frame));

	__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021AD), 0x0064);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tpid), ETH_P_8021AD);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tci), 0x0064 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, key->eth.cvlan.tci, 0);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 2);
}

static void flow_qinq(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct vlan_hdr outer;
		struct vlan_hdr inner;
		struct wire_ipv6 ip;
		struct udphdr udp;
	} __packed frame = {
		ETH(ETH_P_8021AD), VLAN(0x0064, ETH_P_8021Q),
		VLAN(0xa0c8, ETH_P_IPV6),
		IP6(0, 0, 8, IPPROTO_UDP, 255),
		UDP(546, 547, 8),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tpid), ETH_P_8021AD);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tci), 0x0064 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.cvlan.tpid), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.cvlan.tci), 0xa0c8 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IPV6);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, key->ip.ttl, 255);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 546);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 547);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.src, &ip6_src));

	/* Outer tag accelerated, inner one still in the frame. */
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get(skb), 0x0064);
	KUNIT_EXPECT_EQ(test, ntohs(skb->vlan_proto), ETH_P_8021AD);
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN + VLAN_HLEN);
	KUNIT_EXPECT_EQ(test, skb->mac_len, ETH_HLEN + VLAN_HLEN);
}

static void flow_vlan_truncated(struct kunit *test)
{
	/* A tag cut short: TPID and TCI, no inner EtherType. */
	static const struct {
		struct ethhdr eth;
		__be16 tci;
	} __packed frame = { ETH(ETH_P_8021Q), htons(0x0005) };
	/* Third tag of a triple-tagged frame: not described by the key. */
	static const struct {
		struct ethhdr eth;
		struct vlan_hdr tags[3];
		struct iphdr ip;
	} __packed triple = {
		ETH(ETH_P_8021AD),
		{ VLAN(1, ETH_P_8021Q), VLAN(2, ETH_P_8021Q), VLAN(3, ETH_P_IP) },
		IP4(0, 20, 0, 1, 0),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_8021Q);
	KUNIT_EXPECT_EQ(test, key->eth.vlan.tci, 0);
	KUNIT_EXPECT_EQ(test, key->eth.vlan.tpid, 0);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb->len, sizeof(frame));
	expect_no_l3(test, key);

	key = extract(test, &triple, sizeof(triple), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.vlan.tci), 1 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.cvlan.tci), 2 | VLAN_CFI_MASK);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_8021Q);
	expect_no_l3(test, key);
}

/* ---- ARP ---- */

/* An Ethernet/IPv4 ARP message. */
struct wire_arp {
	struct arphdr hdr;
	u8 sha[ETH_ALEN];
	__be32 sip;
	u8 tha[ETH_ALEN];
	__be32 tip;
} __packed;

static void flow_arp(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct wire_arp arp;
	} __packed request = {
		ETH(ETH_P_ARP),
		{
			.hdr = {
				.ar_hrd = htons(ARPHRD_ETHER),
				.ar_pro = htons(ETH_P_IP),
				.ar_hln = ETH_ALEN,
				.ar_pln = 4,
				.ar_op = htons(ARPOP_REQUEST),
			},
			.sha = OVS_KUNIT_MAC_SRC,
			.sip = IP4_SRC,
			.tip = IP4_DST,
		},
	};
	static const u8 zero_mac[ETH_ALEN];
	u8 frame[sizeof(request)];
	struct sw_flow_key *key;

	key = extract(test, &request, sizeof(request), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_ARP);
	KUNIT_EXPECT_EQ(test, key->ip.proto, 1);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv4.arp.sha, mac_src, ETH_ALEN);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv4.arp.tha, zero_mac, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);

	/* Reply: opcode 2; RARP uses the same layout. */
	memcpy(frame, &request, sizeof(frame));
	frame[NH + 7] = 2;
	frame[12] = ETH_P_RARP >> 8;
	frame[13] = ETH_P_RARP & 0xff;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_RARP);
	KUNIT_EXPECT_EQ(test, key->ip.proto, 2);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);

	/* An opcode that does not fit a byte is not matchable: 0. */
	memcpy(frame, &request, sizeof(frame));
	frame[NH + 6] = 0x01;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, 0);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);

	/* Not Ethernet/IPv4 ARP: nothing but the EtherType. */
	memcpy(frame, &request, sizeof(frame));
	frame[NH + 4] = 8;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_ARP);
	expect_no_l3(test, key);

	memcpy(frame, &request, sizeof(frame));
	frame[NH + 1] = 6;	/* hardware type 6: IEEE 802 */
	key = extract(test, frame, sizeof(frame), NULL);
	expect_no_l3(test, key);

	/* Truncated. */
	key = extract(test, &request, sizeof(request) - 1, NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_ARP);
	expect_no_l3(test, key);
}

/* ---- IPv4 ---- */

static void flow_ipv4_tcp_flags(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		struct wire_tcp tcp;
	} __packed syn_ack = {
		ETH(ETH_P_IP), IP4(0x10, 40, IP_DF, 63, IPPROTO_TCP),
		TCP(80, 40000, 0x50, 0x12),
	},
	/* NS (in the data-offset byte), CWR, ECE, URG, PSH, RST, FIN. */
	odd = {
		ETH(ETH_P_IP), IP4(0x03, 40, 0, 1, IPPROTO_TCP),
		TCP(1, 2, 0x51, 0xed),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &syn_ack, sizeof(syn_ack), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ip.tos, 0x10);
	KUNIT_EXPECT_EQ(test, key->ip.ttl, 63);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_NONE);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 80);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 40000);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.flags), 0x012);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), NH);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH + 20);

	key = extract(test, &odd, sizeof(odd), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.flags), 0x1ed);
	KUNIT_EXPECT_EQ(test, key->ip.tos, 0x03);	/* ECN bits included */
}

static void flow_ipv4_options(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		u8 options[4];
		struct udphdr udp;
	} __packed frame = {
		ETH(ETH_P_IP),
		{
			.version = 4, .ihl = 6, .tot_len = htons(32),
			.id = htons(0x1234), .ttl = 64,
			.protocol = IPPROTO_UDP,
			.saddr = IP4_SRC, .daddr = IP4_DST,
		},
		{ IPOPT_NOP, IPOPT_NOP, IPOPT_NOP, IPOPT_END },
		UDP(68, 67, 8),
	};
	/* IHL 15 (60 bytes) in a packet that ends after 24. */
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		u8 options[4];
	} __packed cut = {
		ETH(ETH_P_IP),
		{
			.version = 4, .ihl = 15, .tot_len = htons(60),
			.id = htons(0x1234), .ttl = 64,
			.protocol = IPPROTO_UDP,
			.saddr = IP4_SRC, .daddr = IP4_DST,
		},
		{ IPOPT_NOP, IPOPT_NOP, IPOPT_NOP, IPOPT_END },
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 68);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 67);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH + 24);

	key = extract(test, &cut, sizeof(cut), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	expect_no_l3(test, key);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH);
}

static void flow_ipv4_fragments(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		struct udphdr udp;
	} __packed base = {
		ETH(ETH_P_IP), IP4(0, 28, 0, 64, IPPROTO_UDP), UDP(5000, 53, 8),
	};
	static const struct {
		u16 frag_off;
		u8 type;
		bool ports;
	} cases[] = {
		{ 0,			OVS_FRAG_TYPE_NONE,	true },
		{ IP_DF,		OVS_FRAG_TYPE_NONE,	true },
		{ IP_MF,		OVS_FRAG_TYPE_FIRST,	true },
		{ IP_MF | 1,		OVS_FRAG_TYPE_LATER,	false },
		{ 185,			OVS_FRAG_TYPE_LATER,	false },
		{ IP_DF | 1,		OVS_FRAG_TYPE_LATER,	false },
	};
	u8 frame[sizeof(base)];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u16 sport = 0, dport = 0;
		struct sw_flow_key *key;

		if (cases[i].ports) {
			sport = 5000;
			dport = 53;
		}

		memcpy(frame, &base, sizeof(frame));
		frame[IP4_FRAG_OFS] = cases[i].frag_off >> 8;
		frame[IP4_FRAG_OFS + 1] = cases[i].frag_off & 0xff;
		key = extract(test, frame, sizeof(frame), NULL);
		KUNIT_EXPECT_EQ_MSG(test, key->ip.frag, cases[i].type,
				    "frag_off %#x", cases[i].frag_off);
		KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_UDP);
		KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);
		KUNIT_EXPECT_EQ_MSG(test, ntohs(key->tp.src), sport,
				    "frag_off %#x", cases[i].frag_off);
		KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), dport);
	}
}

static void flow_ipv4_malformed(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		struct wire_tcp tcp;
	} __packed tcp = {
		ETH(ETH_P_IP), IP4(0, 40, 0, 64, IPPROTO_TCP),
		TCP(80, 81, 0x50, 0x02),
	};
	u8 frame[sizeof(tcp)];
	struct sw_flow_key *key;
	struct sk_buff *skb;

	/* IHL below 5. */
	memcpy(frame, &tcp, sizeof(frame));
	frame[NH] = 0x44;
	key = extract(test, frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	expect_no_l3(test, key);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH);

	/* Header cut short. */
	key = extract(test, &tcp, NH + 19, &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IP);
	expect_no_l3(test, key);

	/* TCP header cut short: L3 known, L4 zero. */
	key = extract(test, &tcp, NH + 20 + 19, NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, IP4_DST);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.dst, 0);
	KUNIT_EXPECT_EQ(test, key->tp.flags, 0);

	/* TCP data offset below 5, and beyond the packet. */
	memcpy(frame, &tcp, sizeof(frame));
	frame[NH + 20 + 12] = 0x40;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.flags, 0);
	frame[NH + 20 + 12] = 0xf0;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.dst, 0);

	/* A 4-byte UDP header: ports unknown. */
	memcpy(frame, &tcp, sizeof(frame));
	frame[NH + 9] = IPPROTO_UDP;
	key = extract(test, frame, NH + 20 + 4, NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
}

static void flow_udp_sctp_icmp(struct kunit *test)
{
	/* Ports 2905 -> 2906, verification tag 1, checksum 0. */
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		u8 sctp[12];
	} __packed sctp = {
		ETH(ETH_P_IP), IP4(0, 32, 0, 64, IPPROTO_SCTP),
		{ 0x0b, 0x59, 0x0b, 0x5a, 0, 0, 0, 1, 0, 0, 0, 0 },
	};
	/* Echo request, id 1, sequence 1. */
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		u8 icmp[8];
	} __packed echo = {
		ETH(ETH_P_IP), IP4(0, 28, 0, 64, IPPROTO_ICMP),
		{ ICMP_ECHO, 0, 0, 0, 0, 1, 0, 1 },
	};
	static const struct {
		struct ethhdr eth;
		struct iphdr ip;
		u8 icmp[8];
		struct iphdr inner_ip;
		struct udphdr inner_udp;
	} __packed unreach = {
		ETH(ETH_P_IP), IP4(0, 56, 0, 64, IPPROTO_ICMP),
		{ ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0, 0, 0, 0, 0, 0 },
		IP4(0, 28, 0, 64, IPPROTO_UDP), UDP(53, 5000, 8),
	};
	struct sw_flow_key *key;

	key = extract(test, &sctp, sizeof(sctp), NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_SCTP);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 2905);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 2906);
	key = extract(test, &sctp, sizeof(sctp) - 1, NULL);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);

	key = extract(test, &echo, sizeof(echo), NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_ICMP);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), ICMP_ECHO);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 0);

	/* Type/code only: the embedded header is not looked at. */
	key = extract(test, &unreach, sizeof(unreach), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), ICMP_DEST_UNREACH);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), ICMP_PORT_UNREACH);
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, IP4_SRC);

	key = extract(test, &echo, sizeof(echo) - 1, NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_ICMP);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.dst, 0);
}

/* ---- IPv6 ---- */

static void flow_ipv6_basic(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		struct wire_tcp tcp;
	} __packed frame = {
		ETH(ETH_P_IPV6), IP6(0xb9, 0x12345, 20, IPPROTO_TCP, 64),
		TCP(22, 50000, 0x50, 0x18),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IPV6);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.src, &ip6_src));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.dst, &ip6_dst));
	KUNIT_EXPECT_EQ(test, ntohl(key->ipv6.label), 0x12345);
	KUNIT_EXPECT_EQ(test, key->ip.tos, 0xb9);
	KUNIT_EXPECT_EQ(test, key->ip.ttl, 64);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_NONE);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 22);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 50000);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.flags), 0x18);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH + 40);
}

static void flow_ipv6_ext_chain(struct kunit *test)
{
	/* Hop-by-hop -> destination options -> routing (0 left) -> TCP. */
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		u8 hop[8];
		u8 dest[8];
		u8 rt[8];
		struct wire_tcp tcp;
	} __packed frame = {
		ETH(ETH_P_IPV6), IP6(0, 0, 24 + 20, NEXTHDR_HOP, 64),
		{ NEXTHDR_DEST, 0, 0x01, 0x04, 0, 0, 0, 0 },	/* PadN */
		{ NEXTHDR_ROUTING, 0, 0x01, 0x04, 0, 0, 0, 0 },
		{ NEXTHDR_TCP, 0, 0, 0, 0, 0, 0, 0 },
		TCP(179, 40001, 0x50, 0x02),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_NONE);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 179);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.flags), 0x02);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH + 40 + 24);
}

static void flow_ipv6_fragments(struct kunit *test)
{
	/* Hop-by-hop, then a fragment header, then UDP. */
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		u8 hop[8];
		u8 frag[8];
		struct udphdr udp;
	} __packed base = {
		ETH(ETH_P_IPV6), IP6(0, 0, 8 + 8 + 8, NEXTHDR_HOP, 64),
		{ NEXTHDR_FRAGMENT, 0, 0x01, 0x04, 0, 0, 0, 0 },
		{ NEXTHDR_UDP, 0, 0x00, 0x01, 0xde, 0xad, 0xbe, 0xef },
		UDP(5353, 5353, 8),
	};
	static const struct {
		u16 off_m;
		u8 type;
	} cases[] = {
		{ 0x0001, OVS_FRAG_TYPE_FIRST },	/* offset 0, M */
		{ 0x0000, OVS_FRAG_TYPE_FIRST },	/* atomic fragment */
		{ 0x0009, OVS_FRAG_TYPE_LATER },	/* offset 8, M */
		{ 0x0010, OVS_FRAG_TYPE_LATER },	/* offset 16, last */
	};
	const unsigned int frag_ofs = NH + 40 + 8 + 2;
	u8 frame[sizeof(base)];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		bool later = cases[i].type == OVS_FRAG_TYPE_LATER;
		struct sw_flow_key *key;

		memcpy(frame, &base, sizeof(frame));
		frame[frag_ofs] = cases[i].off_m >> 8;
		frame[frag_ofs + 1] = cases[i].off_m & 0xff;
		key = extract(test, frame, sizeof(frame), NULL);
		KUNIT_EXPECT_EQ_MSG(test, key->ip.frag, cases[i].type,
				    "offset/M %#x", cases[i].off_m);
		/* Later fragments report the fragment header itself. */
		KUNIT_EXPECT_EQ(test, key->ip.proto,
				later ? NEXTHDR_FRAGMENT : IPPROTO_UDP);
		KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), later ? 0 : 5353);
		KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.dst,
							&ip6_dst));
	}
}

static void flow_ipv6_malformed(struct kunit *test)
{
	/* A hop-by-hop header claiming 88 bytes in a 48-byte payload. */
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		u8 hop[8];
		struct wire_tcp tcp;
	} __packed ext_cut = {
		ETH(ETH_P_IPV6), IP6(0, 0, 8 + 20, NEXTHDR_HOP, 64),
		{ NEXTHDR_TCP, 10, 0x01, 0x04, 0, 0, 0, 0 },
		TCP(1, 2, 0x50, 0x02),
	};
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		struct wire_tcp tcp;
	} __packed tcp = {
		ETH(ETH_P_IPV6), IP6(0, 0, 20, IPPROTO_TCP, 64),
		TCP(1, 2, 0x50, 0x02),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &ext_cut, sizeof(ext_cut), &skb);
	KUNIT_EXPECT_EQ(test, key->ip.proto, NEXTHDR_NONE);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_NONE);
	KUNIT_EXPECT_EQ(test, key->ip.ttl, 64);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.src, &ip6_src));
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), NH);

	key = extract(test, &tcp, NH + 39, &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_IPV6);
	expect_no_l3(test, key);

	key = extract(test, &tcp, NH + 40 + 10, NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	KUNIT_EXPECT_EQ(test, key->tp.flags, 0);
}

/* ---- ICMPv6 neighbour discovery ---- */

/* 2001:db8::99, the target of the ND messages, and its MAC. */
#define ND_TARGET	{ { { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,	\
			      0, 0, 0, 0, 0, 0, 0, 0x99 } } }
#define ND_MAC		{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x99 }

/* A neighbour solicitation or advertisement before its options. */
struct wire_nd {
	u8 type;
	u8 code;
	__sum16 check;
	__be32 flags;
	struct in6_addr target;
} __packed;

/* An 8-byte ND option (length 1): a link-layer address, or other data. */
struct wire_nd_opt {
	u8 type;
	u8 len;
	u8 data[ETH_ALEN];
} __packed;

static void flow_icmpv6_nd(struct kunit *test)
{
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		struct wire_nd nd;
		struct wire_nd_opt sll;
	} __packed ns = {
		ETH(ETH_P_IPV6), IP6(0, 0, 32, IPPROTO_ICMPV6, 255),
		{ .type = NDISC_NEIGHBOUR_SOLICITATION, .target = ND_TARGET },
		{ ND_OPT_SOURCE_LL_ADDR, 1, OVS_KUNIT_MAC_SRC },
	};
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		struct wire_nd nd;
		struct wire_nd_opt mtu;
		struct wire_nd_opt tll;
	} __packed na = {
		ETH(ETH_P_IPV6), IP6(0, 0, 40, IPPROTO_ICMPV6, 255),
		{
			.type = NDISC_NEIGHBOUR_ADVERTISEMENT,
			.flags = htonl(0x60000000),	/* S, O */
			.target = ND_TARGET,
		},
		{ ND_OPT_MTU, 1, { 0, 0, 0, 0, 0x05, 0xdc } },	/* skipped */
		{ ND_OPT_TARGET_LL_ADDR, 1, ND_MAC },
	};
	static const struct in6_addr target = ND_TARGET;
	static const u8 nd_mac[ETH_ALEN] = ND_MAC;
	static const u8 zero[ETH_ALEN];
	struct sw_flow_key *key;

	key = extract(test, &ns, sizeof(ns), NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_ICMPV6);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), NDISC_NEIGHBOUR_SOLICITATION);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 0);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.nd.target, &target));
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.sll, mac_src, ETH_ALEN);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.tll, zero, ETH_ALEN);

	key = extract(test, &na, sizeof(na), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), NDISC_NEIGHBOUR_ADVERTISEMENT);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.nd.target, &target));
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.sll, zero, ETH_ALEN);
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.tll, nd_mac, ETH_ALEN);
}

static void flow_icmpv6_nd_malformed(struct kunit *test)
{
	/* Two source link-layer options: none of the ND fields is trusted. */
	static const struct {
		struct ethhdr eth;
		struct wire_ipv6 ip;
		struct wire_nd nd;
		struct wire_nd_opt opts[2];
	} __packed dup = {
		ETH(ETH_P_IPV6), IP6(0, 0, 40, IPPROTO_ICMPV6, 255),
		{ .type = NDISC_NEIGHBOUR_SOLICITATION, .target = ND_TARGET },
		{
			{ ND_OPT_SOURCE_LL_ADDR, 1, OVS_KUNIT_MAC_SRC },
			{ ND_OPT_SOURCE_LL_ADDR, 1, ND_MAC },
		},
	},
	/* A zero-length option ends option parsing; the target stays. */
	zero_len = {
		ETH(ETH_P_IPV6), IP6(0, 0, 40, IPPROTO_ICMPV6, 255),
		{ .type = NDISC_NEIGHBOUR_SOLICITATION, .target = ND_TARGET },
		{
			{ ND_OPT_MTU, 0, { 0 } },
			{ ND_OPT_SOURCE_LL_ADDR, 1, OVS_KUNIT_MAC_SRC },
		},
	},
	/* A 16-byte link-layer option is not an Ethernet address. */
	long_ll = {
		ETH(ETH_P_IPV6), IP6(0, 0, 40, IPPROTO_ICMPV6, 255),
		{ .type = NDISC_NEIGHBOUR_SOLICITATION, .target = ND_TARGET },
		{
			{ ND_OPT_SOURCE_LL_ADDR, 2, OVS_KUNIT_MAC_SRC },
			{ 0, 0, { 0 } },
		},
	};
	static const struct in6_addr target = ND_TARGET;
	static const u8 zero[ETH_ALEN];
	u8 frame[sizeof(dup)];
	struct sw_flow_key *key;

	key = extract(test, &dup, sizeof(dup), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), NDISC_NEIGHBOUR_SOLICITATION);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_any(&key->ipv6.nd.target));
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.sll, zero, ETH_ALEN);

	key = extract(test, &zero_len, sizeof(zero_len), NULL);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.nd.target, &target));
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.sll, zero, ETH_ALEN);

	key = extract(test, &long_ll, sizeof(long_ll), NULL);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.nd.target, &target));
	OVS_KUNIT_EXPECT_MEMEQ(test, key->ipv6.nd.sll, zero, ETH_ALEN);

	/* Shorter than an ND message: type/code only. */
	key = extract(test, &dup, NH + 40 + 20, NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), NDISC_NEIGHBOUR_SOLICITATION);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_any(&key->ipv6.nd.target));

	/* Code 1 is not neighbour discovery. */
	memcpy(frame, &dup, sizeof(frame));
	frame[NH + 40 + 1] = 1;
	key = extract(test, frame, sizeof(frame), NULL);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 1);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_any(&key->ipv6.nd.target));

	/* ICMPv6 header itself cut short. */
	key = extract(test, &dup, NH + 40 + 3, NULL);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_ICMPV6);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
}

/* ---- MPLS ---- */

static void flow_mpls(struct kunit *test)
{
	/* Labels 100, 200, 300, 400 (bottom), TTL 64. */
	static const struct {
		struct ethhdr eth;
		__be32 lse[4];
		struct iphdr ip;
	} __packed frame = {
		ETH(ETH_P_MPLS_UC),
		{
			htonl(0x00064040), htonl(0x000c8040),
			htonl(0x0012c040), htonl(0x00190140),
		},
		IP4(0, 20, 0, 64, 0),
	};
	struct sw_flow_key *key;
	struct sk_buff *skb;

	key = extract(test, &frame, sizeof(frame), &skb);
	KUNIT_EXPECT_EQ(test, ntohs(key->eth.type), ETH_P_MPLS_UC);
	KUNIT_EXPECT_EQ(test, key->mpls.num_labels_mask, 0x7);
	KUNIT_EXPECT_EQ(test, ntohl(key->mpls.lse[0]), 0x00064040);
	KUNIT_EXPECT_EQ(test, ntohl(key->mpls.lse[1]), 0x000c8040);
	KUNIT_EXPECT_EQ(test, ntohl(key->mpls.lse[2]), 0x0012c040);
	KUNIT_EXPECT_EQ(test, skb_inner_network_offset(skb), NH + 16);

	/* Stack cut short before its bottom entry: no labels in the key. */
	key = extract(test, &frame, NH + 4, NULL);
	KUNIT_EXPECT_EQ(test, key->mpls.num_labels_mask, 0);
	key = extract(test, &frame, NH + 2, NULL);
	KUNIT_EXPECT_EQ(test, key->mpls.num_labels_mask, 0);
}

static struct kunit_case ovs_flow_key_cases[] = {
	KUNIT_CASE(flow_eth_metadata),
	KUNIT_CASE(flow_runt_frame),
	KUNIT_CASE(flow_llc),
	KUNIT_CASE(flow_vlan_inband),
	KUNIT_CASE(flow_vlan_hwaccel),
	KUNIT_CASE(flow_qinq),
	KUNIT_CASE(flow_vlan_truncated),
	KUNIT_CASE(flow_arp),
	KUNIT_CASE(flow_ipv4_tcp_flags),
	KUNIT_CASE(flow_ipv4_options),
	KUNIT_CASE(flow_ipv4_fragments),
	KUNIT_CASE(flow_ipv4_malformed),
	KUNIT_CASE(flow_udp_sctp_icmp),
	KUNIT_CASE(flow_ipv6_basic),
	KUNIT_CASE(flow_ipv6_ext_chain),
	KUNIT_CASE(flow_ipv6_fragments),
	KUNIT_CASE(flow_ipv6_malformed),
	KUNIT_CASE(flow_icmpv6_nd),
	KUNIT_CASE(flow_icmpv6_nd_malformed),
	KUNIT_CASE(flow_mpls),
	{}
};

static struct kunit_suite ovs_flow_key_suite = {
	.name = "ovs_flow_key",
	.test_cases = ovs_flow_key_cases,
};

kunit_test_suites(&ovs_flow_key_suite);
