// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite: connection tracking (conntrack.c and nat.c) on the
 * kernel's real nf_conntrack, in init_net.
 *
 * The first cases map conntrack entries built with nf_conntrack_alloc() in
 * every ctinfo / confirmation / NAT status / master combination to
 * ct_state through ovs_ct_fill_key(), against the in-tree datapath's
 * rules.  The others send real packets (valid checksums) through the
 * datapath's ovs_ct_execute() with ct() actions prepared by
 * ovs_nla_copy_actions(), as a flow install and the action executor do:
 * nf_conntrack_in(), NAT, helpers-free commit with mark and labels,
 * confirmation, reply and related traffic, invalid packets, zones,
 * force_commit, fragment reassembly.  Each case uses zones of its own
 * (OVS_KUNIT_CT_ZONE + n) and deletes their entries when it ends.
 */

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>
#include <net/netfilter/nf_conntrack_labels.h>
#include <net/netfilter/nf_conntrack_zones.h>
#include <net/tcp.h>

#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "ovs_kunit_util.h"

/* Zones of this suite: far from what the selftests use. */
#define OVS_KUNIT_CT_ZONE	0x7a00
#define CT_ZONES		16
#define ZONE(n)			(OVS_KUNIT_CT_ZONE + (n))

#define CLIENT		htonl(0xc0000201)	/* 192.0.2.1 */
#define SERVER		htonl(0xc6336402)	/* 198.51.100.2 */
#define NAT_ADDR	htonl(0xcb007101)	/* 203.0.113.1 */

#define TRK	OVS_CS_F_TRACKED
#define NEW	OVS_CS_F_NEW
#define EST	OVS_CS_F_ESTABLISHED
#define REL	OVS_CS_F_RELATED
#define RPL	OVS_CS_F_REPLY_DIR
#define INV	OVS_CS_F_INVALID
#define SNAT	OVS_CS_F_SRC_NAT
#define DNAT	OVS_CS_F_DST_NAT

static const struct in6_addr client6 = {{{
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01 }}};
static const struct in6_addr server6 = {{{
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02 }}};
static const struct in6_addr backend6 = {{{
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x53 }}};

static const struct ovs_key_ct_labels labels_a = {
	.ct_labels = { 0xde, 0xad, 0, 0, 0, 0, 0, 0,
		       0, 0, 0, 0, 0, 0, 0xbe, 0xef },
};

/* Labels were reserved in init_net by this suite (see ct_suite_init). */
static bool ct_labels_ok;

/* ------------------------------------------------------------------ */
/* Packets                                                             */
/* ------------------------------------------------------------------ */

static struct sk_buff *udp4(struct kunit *test, __be32 src, __be32 dst,
			    u16 sport, u16 dport)
{
	struct {
		struct udphdr uh;
		u8 data[8];
	} __packed l4 = {
		.uh = {
			.source = htons(sport),
			.dest = htons(dport),
			.len = htons(sizeof(l4)),
		},
		.data = "kunit!!",
	};

	return ovs_kunit_ipv4(test, src, dst, IPPROTO_UDP, &l4, sizeof(l4));
}

static struct sk_buff *udp6(struct kunit *test, const struct in6_addr *src,
			    const struct in6_addr *dst, u16 sport, u16 dport)
{
	struct {
		struct udphdr uh;
		u8 data[8];
	} __packed l4 = {
		.uh = {
			.source = htons(sport),
			.dest = htons(dport),
			.len = htons(sizeof(l4)),
		},
		.data = "kunit!!",
	};

	return ovs_kunit_ipv6(test, src, dst, IPPROTO_UDP, &l4, sizeof(l4));
}

static struct sk_buff *tcp4(struct kunit *test, __be32 src, __be32 dst,
			    u16 sport, u16 dport, u32 seq, u32 ack, u8 flags)
{
	struct tcphdr th;

	ovs_kunit_tcp(&th, sport, dport, seq, ack, flags);
	return ovs_kunit_ipv4(test, src, dst, IPPROTO_TCP, &th, sizeof(th));
}

/* A TCP segment carrying the text @data (PSH|ACK). */
static struct sk_buff *tcp4_data(struct kunit *test, __be32 src, __be32 dst,
				 u16 sport, u16 dport, u32 seq, u32 ack,
				 const char *data)
{
	size_t len = strlen(data);
	struct tcphdr *th;
	u8 *buf;

	buf = kunit_kzalloc(test, sizeof(*th) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	th = (struct tcphdr *)buf;
	ovs_kunit_tcp(th, sport, dport, seq, ack, TCPHDR_PSH | TCPHDR_ACK);
	memcpy(buf + sizeof(*th), data, len);
	return ovs_kunit_ipv4(test, src, dst, IPPROTO_TCP, buf,
			      sizeof(*th) + len);
}

/* A fresh key for @skb, as the receive path extracts it. */
static struct sw_flow_key *key_of(struct kunit *test, struct sk_buff *skb)
{
	struct sw_flow_key *key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);
	return key;
}

/* ------------------------------------------------------------------ */
/* ct() actions                                                        */
/* ------------------------------------------------------------------ */

enum { NAT_NONE, NAT_BARE, NAT_SRC, NAT_DST };

/**
 * struct ct_spec - the ct() action a case wants.
 * @zone: OVS_CT_ATTR_ZONE.
 * @commit: OVS_CT_ATTR_COMMIT.
 * @force: OVS_CT_ATTR_FORCE_COMMIT (instead of COMMIT).
 * @mark: value and mask of OVS_CT_ATTR_MARK, or NULL.
 * @labels: value and mask of OVS_CT_ATTR_LABELS, or NULL.
 * @nat: NAT_* kind of OVS_CT_ATTR_NAT.
 * @nat_addr: 4 or 16 bytes of OVS_NAT_ATTR_IP_MIN, or NULL.
 * @nat_addr_len: its length.
 * @port_min: OVS_NAT_ATTR_PROTO_MIN, 0 for none.
 * @port_max: OVS_NAT_ATTR_PROTO_MAX, 0 for none.
 * @helper: OVS_CT_ATTR_HELPER, or NULL.
 */
struct ct_spec {
	u16 zone;
	bool commit;
	bool force;
	const u32 *mark;
	const struct ovs_key_ct_labels *labels;
	int nat;
	const void *nat_addr;
	int nat_addr_len;
	u16 port_min;
	u16 port_max;
	const char *helper;
};

/* Prepare ct(@spec) for flows like @key's packet. */
static const struct ovs_conntrack_info *ct_action(struct kunit *test,
						  const struct sw_flow_key *key,
						  const struct ct_spec *spec)
{
	struct sk_buff *b = ovs_kunit_nlbuf(test, 0);
	struct nlattr *acts, *ct, *nat;

	acts = nla_nest_start_noflag(b, OVS_FLOW_ATTR_ACTIONS);
	ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT);
	if (spec->force)
		nla_put_flag(b, OVS_CT_ATTR_FORCE_COMMIT);
	else if (spec->commit)
		nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	nla_put_u16(b, OVS_CT_ATTR_ZONE, spec->zone);
	if (spec->mark)
		nla_put(b, OVS_CT_ATTR_MARK, 2 * sizeof(u32), spec->mark);
	if (spec->labels)
		nla_put(b, OVS_CT_ATTR_LABELS, 2 * sizeof(*spec->labels),
			spec->labels);
	if (spec->helper)
		nla_put_string(b, OVS_CT_ATTR_HELPER, spec->helper);
	if (spec->nat) {
		nat = nla_nest_start_noflag(b, OVS_CT_ATTR_NAT);
		if (spec->nat == NAT_SRC)
			nla_put_flag(b, OVS_NAT_ATTR_SRC);
		if (spec->nat == NAT_DST)
			nla_put_flag(b, OVS_NAT_ATTR_DST);
		if (spec->nat_addr)
			nla_put(b, OVS_NAT_ATTR_IP_MIN, spec->nat_addr_len,
				spec->nat_addr);
		if (spec->port_min)
			nla_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, spec->port_min);
		if (spec->port_max)
			nla_put_u16(b, OVS_NAT_ATTR_PROTO_MAX, spec->port_max);
		nla_nest_end(b, nat);
	}
	nla_nest_end(b, ct);
	nla_nest_end(b, acts);

	return ovs_kunit_ct_action(test, &init_net, key, acts);
}

/* Run ct(@info) on @skb with @key; asserts it is not stolen. */
static void ct_run(struct kunit *test, struct sk_buff *skb,
		   struct sw_flow_key *key,
		   const struct ovs_conntrack_info *info)
{
	KUNIT_ASSERT_EQ(test, ovs_kunit_ct_exec(&init_net, skb, key, info), 0);
}

/* The entry a packet carries after ct(), or NULL. */
static struct nf_conn *ct_of(struct sk_buff *skb,
			     enum ip_conntrack_info *ctinfo)
{
	return nf_ct_get(skb, ctinfo);
}

/* ------------------------------------------------------------------ */
/* ct_state from synthetic entries                                     */
/* ------------------------------------------------------------------ */

static void synth_free(struct kunit_resource *res)
{
	struct nf_conn *ct = res->data;

	ct->master = NULL;
	ct->status = 0;
	nf_conntrack_free(ct);
}

static int synth_init(struct kunit_resource *res, void *ct)
{
	res->data = ct;
	return 0;
}

/* An unhashed entry with no references, freed when the test ends. */
static struct nf_conn *synth_ct(struct kunit *test, u16 zone_id,
				u16 sport, u16 dport)
{
	struct nf_conntrack_tuple orig, repl;
	struct nf_conntrack_zone zone;
	struct nf_conn *ct;

	memset(&orig, 0, sizeof(orig));
	orig.src.l3num = NFPROTO_IPV4;
	orig.src.u3.ip = CLIENT;
	orig.dst.u3.ip = SERVER;
	orig.src.u.tcp.port = htons(sport);
	orig.dst.u.tcp.port = htons(dport);
	orig.dst.protonum = IPPROTO_TCP;
	orig.dst.dir = IP_CT_DIR_ORIGINAL;
	KUNIT_ASSERT_TRUE(test, nf_ct_invert_tuple(&repl, &orig));

	nf_ct_zone_init(&zone, zone_id, NF_CT_DEFAULT_ZONE_DIR, 0);
	ct = nf_conntrack_alloc(&init_net, &zone, &orig, &repl, GFP_KERNEL);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(ct));
	if (!kunit_alloc_resource(test, synth_init, synth_free, GFP_KERNEL,
				  ct)) {
		nf_conntrack_free(ct);
		KUNIT_ASSERT_FAILURE(test, "cannot track a conntrack entry");
	}
	return ct;
}

/* ct_state for a packet in state @ctinfo of @ct: the in-tree rules. */
static u8 expected_state(enum ip_conntrack_info ctinfo, bool confirmed,
			 unsigned long status, bool master)
{
	u8 state = TRK;

	switch (ctinfo) {
	case IP_CT_NEW:
		state |= NEW;
		break;
	case IP_CT_ESTABLISHED:
		state |= EST;
		break;
	case IP_CT_RELATED:
		state |= REL;
		break;
	case IP_CT_ESTABLISHED_REPLY:
		state |= EST | RPL;
		break;
	case IP_CT_RELATED_REPLY:
		state |= REL | RPL;
		break;
	default:
		break;
	}
	if (!confirmed)
		state |= NEW;
	if (master)
		state |= REL;
	if (IS_ENABLED(CONFIG_NF_NAT)) {
		if (status & IPS_SRC_NAT)
			state |= SNAT;
		if (status & IPS_DST_NAT)
			state |= DNAT;
	}
	return state;
}

static void ct_state_mapping(struct kunit *test)
{
	static const enum ip_conntrack_info infos[] = {
		IP_CT_NEW, IP_CT_ESTABLISHED, IP_CT_RELATED,
		IP_CT_ESTABLISHED_REPLY, IP_CT_RELATED_REPLY,
	};
	static const unsigned long nat_status[] = {
		0, IPS_SRC_NAT, IPS_DST_NAT, IPS_SRC_NAT | IPS_DST_NAT,
	};
	struct sk_buff *skb = tcp4(test, CLIENT, SERVER, 40000, 80, 1, 0,
				   TCPHDR_SYN);
	struct sw_flow_key *key = key_of(test, skb);
	struct nf_conn *ct = synth_ct(test, ZONE(0), 40000, 80);
	struct nf_conn *master = synth_ct(test, ZONE(0), 40001, 21);
	unsigned int n;

#if IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)
	WRITE_ONCE(ct->mark, 0x1234);
#endif
	if (ct_labels_ok) {
		struct nf_conn_labels *cl = nf_ct_labels_ext_add(ct);

		KUNIT_ASSERT_NOT_NULL(test, cl);
		memcpy(cl->bits, &labels_a, sizeof(labels_a));
	}

	for (n = 0; n < ARRAY_SIZE(infos) * 2 * ARRAY_SIZE(nat_status) * 2;
	     n++) {
		unsigned int i = n % ARRAY_SIZE(infos);
		unsigned int c = n / ARRAY_SIZE(infos) % 2;
		unsigned int s = n / (ARRAY_SIZE(infos) * 2) %
				 ARRAY_SIZE(nat_status);
		unsigned int m = n / (ARRAY_SIZE(infos) * 2 *
				      ARRAY_SIZE(nat_status));
		u8 want = expected_state(infos[i], c, nat_status[s], m);
		const struct nf_conn *orig = m ? master : ct;
		const struct nf_conntrack_tuple *orig_tuple =
			&orig->tuplehash[IP_CT_DIR_ORIGINAL].tuple;

		ct->status = nat_status[s] | (c ? IPS_CONFIRMED : 0);
		ct->master = m ? master : NULL;

		/* Attached without a reference; detached right after. */
		nf_ct_set(skb, ct, infos[i]);
		ovs_ct_fill_key(skb, key);
		nf_ct_set(skb, NULL, 0);

		KUNIT_EXPECT_EQ_MSG(test, key->ct_state, want,
				    "ctinfo %d confirmed %u status %#lx master %u",
				    infos[i], c, nat_status[s], m);
		KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(0));
		if (IS_ENABLED(CONFIG_NF_CONNTRACK_MARK))
			KUNIT_EXPECT_EQ(test, key->ct.mark, 0x1234);
		if (ct_labels_ok)
			OVS_KUNIT_EXPECT_MEMEQ(test, &key->ct.labels, &labels_a,
					       sizeof(labels_a));
		/* The original tuple is the master's for related ones. */
		KUNIT_EXPECT_EQ(test, key->ct_orig_proto, IPPROTO_TCP);
		KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, CLIENT);
		KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.dst, SERVER);
		KUNIT_EXPECT_EQ(test, key->ct.orig_tp_dst, orig_tuple->dst.u.all);
		KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_src),
				m ? 40001 : 40000);
	}
	ct->master = NULL;
}

static void ct_state_none(struct kunit *test)
{
	struct sk_buff *skb = udp4(test, CLIENT, SERVER, 5000, 53);
	struct sw_flow_key *key = key_of(test, skb);
	struct nf_conntrack_zone zone;
	struct nf_conn *tmpl;

	/* No entry at all. */
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, 0);

	/* Untracked (e.g. after ct_clear, or NOTRACK in the host). */
	key->ct_state = 0xff;
	nf_ct_set(skb, NULL, IP_CT_UNTRACKED);
	ovs_ct_fill_key(skb, key);
	nf_ct_set(skb, NULL, 0);
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
	KUNIT_EXPECT_EQ(test, key->ct_zone, 0);

	/* Only a template (a zone assignment, no lookup yet). */
	nf_ct_zone_init(&zone, ZONE(1), NF_CT_DEFAULT_ZONE_DIR, 0);
	tmpl = nf_ct_tmpl_alloc(&init_net, &zone, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmpl);
	key->ct_state = 0xff;
	nf_ct_set(skb, tmpl, IP_CT_NEW);
	ovs_ct_fill_key(skb, key);
	nf_ct_set(skb, NULL, 0);
	nf_ct_tmpl_free(tmpl);
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
	KUNIT_EXPECT_EQ(test, key->ct_zone, 0);
}

/* ------------------------------------------------------------------ */
/* Real traffic through ovs_ct_execute()                               */
/* ------------------------------------------------------------------ */

static void ct_tcp_snat_roundtrip(struct kunit *test)
{
	static const u32 mark[2] = { 0x42, 0xff };
	struct ovs_key_ct_labels labels[2] = { labels_a };
	const bool nat = IS_ENABLED(CONFIG_NF_NAT);
	const bool marks = IS_ENABLED(CONFIG_NF_CONNTRACK_MARK);
	const struct ovs_conntrack_info *commit, *lookup;
	struct ct_spec spec = {
		.zone = ZONE(2),
		.commit = true,
		.mark = marks ? mark : NULL,
		.labels = ct_labels_ok ? labels : NULL,
		.nat = nat ? NAT_SRC : NAT_NONE,
		.nat_addr = &(__be32){ NAT_ADDR },
		.nat_addr_len = sizeof(__be32),
		.port_min = 10000,
		.port_max = 10099,
	};
	enum ip_conntrack_info ctinfo;
	struct sw_flow_key *key;
	struct sk_buff *skb;
	__be32 pub_addr;
	u16 pub_port;
	struct nf_conn *ct;

	memset(&labels[1], 0xff, sizeof(labels[1]));

	/* SYN, committed with mark, labels and source NAT. */
	skb = tcp4(test, CLIENT, SERVER, 40000, 80, 1000, 0, TCPHDR_SYN);
	key = key_of(test, skb);
	commit = ct_action(test, key, &spec);
	ct_run(test, skb, key, commit);

	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW | (nat ? SNAT : 0));
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(2));
	if (marks)
		KUNIT_EXPECT_EQ(test, key->ct.mark, 0x42);
	if (ct_labels_ok)
		OVS_KUNIT_EXPECT_MEMEQ(test, &key->ct.labels, &labels_a,
				       sizeof(labels_a));
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, CLIENT);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.dst, SERVER);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_src), 40000);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_dst), 80);

	ct = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, ct);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_NEW);
	KUNIT_EXPECT_TRUE(test, nf_ct_is_confirmed(ct));
	KUNIT_EXPECT_EQ(test, nf_ct_zone(ct)->id, ZONE(2));
#if IS_ENABLED(CONFIG_NF_CONNTRACK_MARK)
	KUNIT_EXPECT_EQ(test, READ_ONCE(ct->mark), 0x42);
#endif
	if (ct_labels_ok) {
		KUNIT_ASSERT_NOT_NULL(test, nf_ct_labels_find(ct));
		OVS_KUNIT_EXPECT_MEMEQ(test, nf_ct_labels_find(ct)->bits,
				       &labels_a, sizeof(labels_a));
	}
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(2)), 1);

	/* The packet and the key were translated alike. */
	pub_addr = key->ipv4.addr.src;
	pub_port = ntohs(key->tp.src);
	KUNIT_EXPECT_EQ(test, ip_hdr(skb)->saddr, pub_addr);
	KUNIT_EXPECT_EQ(test, ntohs(tcp_hdr(skb)->source), pub_port);
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
	if (nat) {
		KUNIT_EXPECT_TRUE(test, ct->status & IPS_SRC_NAT);
		KUNIT_EXPECT_EQ(test, pub_addr, NAT_ADDR);
		KUNIT_EXPECT_GE(test, pub_port, 10000);
		KUNIT_EXPECT_LE(test, pub_port, 10099);
		KUNIT_EXPECT_EQ(test,
				ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.u3.ip,
				NAT_ADDR);
	} else {
		KUNIT_EXPECT_EQ(test, pub_addr, CLIENT);
	}

	/* SYN-ACK to the public address: reply, de-NATed. */
	spec = (struct ct_spec){ .zone = ZONE(2), .nat = nat ? NAT_BARE : 0 };
	skb = tcp4(test, SERVER, pub_addr, 80, pub_port, 5000, 1001,
		   TCPHDR_SYN | TCPHDR_ACK);
	key = key_of(test, skb);
	lookup = ct_action(test, key, &spec);
	ct_run(test, skb, key, lookup);

	KUNIT_EXPECT_EQ(test, key->ct_state,
			TRK | EST | RPL | (nat ? DNAT : 0));
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.dst, CLIENT);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 40000);
	KUNIT_EXPECT_EQ(test, ip_hdr(skb)->daddr, CLIENT);
	KUNIT_EXPECT_EQ(test, ntohs(tcp_hdr(skb)->dest), 40000);
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
	if (marks)
		KUNIT_EXPECT_EQ(test, key->ct.mark, 0x42);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, CLIENT);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_src), 40000);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_ESTABLISHED_REPLY);

	/* ACK from the client: established, translated like the SYN. */
	skb = tcp4(test, CLIENT, SERVER, 40000, 80, 1001, 5001, TCPHDR_ACK);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | (nat ? SNAT : 0));
	KUNIT_EXPECT_EQ(test, key->ipv4.addr.src, pub_addr);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), pub_port);
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_ESTABLISHED);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(2)), 1);
}

/* An ICMP port unreachable from @from to @to about a UDP datagram. */
static struct sk_buff *icmp_unreach(struct kunit *test, __be32 from,
				    __be32 to, __be32 inner_src,
				    __be32 inner_dst, u16 sport, u16 dport)
{
	struct {
		struct icmphdr icmp;
		struct iphdr ip;
		struct udphdr uh;
	} __packed l4;

	memset(&l4, 0, sizeof(l4));
	l4.icmp.type = ICMP_DEST_UNREACH;
	l4.icmp.code = ICMP_PORT_UNREACH;
	l4.ip.version = 4;
	l4.ip.ihl = 5;
	l4.ip.tot_len = htons(sizeof(l4.ip) + 16);
	l4.ip.ttl = 64;
	l4.ip.protocol = IPPROTO_UDP;
	l4.ip.saddr = inner_src;
	l4.ip.daddr = inner_dst;
	ip_send_check(&l4.ip);
	l4.uh.source = htons(sport);
	l4.uh.dest = htons(dport);
	l4.uh.len = htons(16);
	return ovs_kunit_ipv4(test, from, to, IPPROTO_ICMP, &l4, sizeof(l4));
}

static void ct_udp_states(struct kunit *test)
{
	const struct ovs_conntrack_info *lookup, *commit, *other;
	enum ip_conntrack_info ctinfo;
	struct sw_flow_key *key;
	struct sk_buff *skb;
	struct nf_conn *ct;

	skb = udp4(test, CLIENT, SERVER, 5000, 53);
	key = key_of(test, skb);
	lookup = ct_action(test, key, &(struct ct_spec){ .zone = ZONE(3) });
	commit = ct_action(test, key,
			   &(struct ct_spec){ .zone = ZONE(3), .commit = true });
	other = ct_action(test, key, &(struct ct_spec){ .zone = ZONE(4) });

	/* ct(zone) then, after "recirculation", ct(commit, zone). */
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(3));
	ct = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, ct);
	KUNIT_EXPECT_FALSE(test, nf_ct_is_confirmed(ct));
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(3)), 0);

	ct_run(test, skb, key, commit);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);	/* same entry */
	KUNIT_EXPECT_TRUE(test, nf_ct_is_confirmed(ct));
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(3)), 1);

	/* The reply. */
	skb = udp4(test, SERVER, CLIENT, 53, 5000);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | RPL);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_ESTABLISHED_REPLY);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, CLIENT);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_dst), 53);

	/* The client again: established. */
	skb = udp4(test, CLIENT, SERVER, 5000, 53);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST);

	/* An ICMP error about it, from the server: related, reply. */
	skb = icmp_unreach(test, SERVER, CLIENT, CLIENT, SERVER, 5000, 53);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | REL | RPL);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_RELATED_REPLY);
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, IPPROTO_UDP);

	/* The same datagram in another zone: a connection of its own. */
	skb = udp4(test, CLIENT, SERVER, 5000, 53);
	key = key_of(test, skb);
	ct_run(test, skb, key, other);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(4));
	KUNIT_EXPECT_PTR_NE(test, ct_of(skb, &ctinfo), ct);

	/* SYN+FIN is never valid TCP: +inv, no entry, the action's zone. */
	skb = tcp4(test, CLIENT, SERVER, 40002, 80, 1, 0,
		   TCPHDR_SYN | TCPHDR_FIN);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | INV);
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(3));
	KUNIT_EXPECT_NULL(test, ct_of(skb, &ctinfo));
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, 0);

	/*
	 * A bad checksum makes a packet invalid too (extraction sets the
	 * transport header udp_hdr() needs, and ignores checksums).
	 */
	skb = udp4(test, CLIENT, SERVER, 5001, 53);
	key = key_of(test, skb);
	udp_hdr(skb)->check ^= htons(0x0101);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | INV);
}

static void ct_clear(struct kunit *test)
{
	const struct ovs_conntrack_info *commit;
	enum ip_conntrack_info ctinfo;
	struct sw_flow_key *key;
	struct sk_buff *skb;

	skb = udp4(test, CLIENT, SERVER, 6000, 53);
	key = key_of(test, skb);
	commit = ct_action(test, key,
			   &(struct ct_spec){ .zone = ZONE(5), .commit = true });
	ct_run(test, skb, key, commit);
	KUNIT_ASSERT_EQ(test, key->ct_state, TRK | NEW);

	KUNIT_EXPECT_EQ(test, ovs_ct_clear(skb, key), 0);
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
	KUNIT_EXPECT_EQ(test, key->ct_zone, 0);
	KUNIT_EXPECT_EQ(test, key->ct.mark, 0);
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, 0);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, 0);
	KUNIT_EXPECT_NULL(test, ct_of(skb, &ctinfo));
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_UNTRACKED);

	/* The connection itself stays. */
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(5)), 1);

	/* Extraction of an untracked packet: no ct state. */
	key = key_of(test, skb);
	KUNIT_EXPECT_EQ(test, key->ct_state, 0);
}

static void ct_ipv6_dnat(struct kunit *test)
{
	const struct ovs_conntrack_info *commit, *lookup;
	enum ip_conntrack_info ctinfo;
	struct sw_flow_key *key;
	struct sk_buff *skb;

	if (!IS_ENABLED(CONFIG_NF_NAT) || !IS_ENABLED(CONFIG_IPV6))
		kunit_skip(test, "no NAT or IPv6 in this kernel");

	skb = udp6(test, &client6, &server6, 5000, 53);
	key = key_of(test, skb);
	commit = ct_action(test, key, &(struct ct_spec){
		.zone = ZONE(6), .commit = true, .nat = NAT_DST,
		.nat_addr = &backend6, .nat_addr_len = sizeof(backend6),
		.port_min = 5353 });
	lookup = ct_action(test, key, &(struct ct_spec){
		.zone = ZONE(6), .nat = NAT_BARE });

	/*
	 * As in the in-tree datapath, the null source binding a new DNAT
	 * connection gets is reported as +snat too.
	 */
	ct_run(test, skb, key, commit);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW | DNAT | SNAT);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.dst, &backend6));
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 5353);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ipv6_hdr(skb)->daddr,
						&backend6));
	KUNIT_EXPECT_EQ(test, ntohs(udp_hdr(skb)->dest), 5353);
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
	KUNIT_EXPECT_EQ(test, key->ct_orig_proto, IPPROTO_UDP);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.ct_orig.dst,
						&server6));
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_dst), 53);

	/* The backend answers; the client sees the service address. */
	skb = udp6(test, &backend6, &client6, 5353, 5000);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | RPL | SNAT);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&key->ipv6.addr.src, &server6));
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 53);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ipv6_hdr(skb)->saddr,
						&server6));
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
	KUNIT_EXPECT_NOT_NULL(test, ct_of(skb, &ctinfo));
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_ESTABLISHED_REPLY);
}

static void ct_fragments(struct kunit *test, bool v6)
{
	const struct ovs_conntrack_info *lookup;
	const unsigned int first = 48, total = 80;
	u8 payload[80];
	struct sw_flow_key *key;
	struct sk_buff *skb;
	__be32 s4 = CLIENT, d4 = SERVER;

	ovs_kunit_udp_datagram(payload, total, v6 ? (const void *)&client6 :
			       &s4, v6 ? (const void *)&server6 : &d4, v6);

	skb = v6 ? ovs_kunit_frag6(test, &client6, &server6, payload, 0, first,
				   true) :
		   ovs_kunit_frag4(test, CLIENT, SERVER, payload, 0, first,
				   true);
	key = key_of(test, skb);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_FIRST);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 7000);
	lookup = ct_action(test, key, &(struct ct_spec){ .zone = ZONE(7) });

	/* The first fragment waits in the zone's reassembly queue. */
	KUNIT_ASSERT_EQ(test, ovs_kunit_ct_exec(&init_net, skb, key, lookup),
			-EINPROGRESS);
	ovs_kunit_skb_forget(test, skb);

	/* The last one completes the datagram, which goes on. */
	skb = v6 ? ovs_kunit_frag6(test, &client6, &server6, payload, first,
				   total - first, false) :
		   ovs_kunit_frag4(test, CLIENT, SERVER, payload, first,
				   total - first, false);
	key = key_of(test, skb);
	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_LATER);
	KUNIT_EXPECT_EQ(test, key->tp.src, 0);
	ct_run(test, skb, key, lookup);

	KUNIT_EXPECT_EQ(test, key->ip.frag, OVS_FRAG_TYPE_NONE);
	KUNIT_EXPECT_EQ(test, key->ip.proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.src), 7000);
	KUNIT_EXPECT_EQ(test, ntohs(key->tp.dst), 7001);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(7));
	/* Output refragments to the largest fragment seen. */
	KUNIT_EXPECT_EQ(test, OVS_CB(skb)->mru,
			v6 ? sizeof(struct ipv6hdr) + sizeof(struct frag_hdr) +
			     first : sizeof(struct iphdr) + first);
	KUNIT_EXPECT_EQ(test, skb->len, ETH_HLEN + total +
			(v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr)));
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);

	/* The datagram is whole and intact. */
	KUNIT_ASSERT_EQ(test, skb_linearize(skb), 0);
	OVS_KUNIT_EXPECT_MEMEQ(test, skb_transport_header(skb), payload, total);
	KUNIT_EXPECT_TRUE(test, ovs_kunit_csum_ok(skb));
}

static void ct_ipv4_fragments(struct kunit *test)
{
	ct_fragments(test, false);
}

static void ct_ipv6_fragments(struct kunit *test)
{
	if (!IS_ENABLED(CONFIG_NF_DEFRAG_IPV6))
		kunit_skip(test, "no IPv6 defragmentation in this kernel");
	ct_fragments(test, true);
}

static void ct_force_commit(struct kunit *test)
{
	const struct ovs_conntrack_info *commit, *force;
	enum ip_conntrack_info ctinfo;
	struct sw_flow_key *key;
	struct nf_conn *old, *ct;
	struct sk_buff *skb;

	skb = udp4(test, CLIENT, SERVER, 8000, 8001);
	key = key_of(test, skb);
	commit = ct_action(test, key,
			   &(struct ct_spec){ .zone = ZONE(8), .commit = true });
	force = ct_action(test, key,
			  &(struct ct_spec){ .zone = ZONE(8), .force = true });
	ct_run(test, skb, key, commit);
	old = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, old);

	/* Server to client with force_commit: the server now originates. */
	skb = udp4(test, SERVER, CLIENT, 8001, 8000);
	key = key_of(test, skb);
	ct_run(test, skb, key, force);
	ct = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, ct);
	KUNIT_EXPECT_PTR_NE(test, ct, old);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_NEW);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, SERVER);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_src), 8001);
	KUNIT_EXPECT_TRUE(test, nf_ct_is_confirmed(ct));
	KUNIT_EXPECT_TRUE(test, nf_ct_is_dying(old));
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(8)), 1);

	/* Without force, the same packet is just a reply of the new one. */
	skb = udp4(test, CLIENT, SERVER, 8000, 8001);
	key = key_of(test, skb);
	ct_run(test, skb, key, commit);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | RPL);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), ct);
}

static void ct_mark_labels_update(struct kunit *test)
{
	static const u32 mark1[2] = { 0x0001, 0x00ff };
	static const u32 mark2[2] = { 0x0200, 0x0f00 };
	struct ovs_key_ct_labels l1[2], l2[2], want;
	const struct ovs_conntrack_info *c1, *c2, *lookup;
	struct sw_flow_key *key;
	struct sk_buff *skb;
	unsigned int i;

	if (!IS_ENABLED(CONFIG_NF_CONNTRACK_MARK) || !ct_labels_ok)
		kunit_skip(test, "no conntrack marks or labels");

	memset(l1, 0, sizeof(l1));
	memset(l2, 0, sizeof(l2));
	l1[0].ct_labels[0] = 0x0f;	/* low nibble of byte 0 */
	l1[1].ct_labels[0] = 0x0f;
	l2[0].ct_labels[0] = 0x30;	/* bits 4-5 of byte 0, and byte 15 */
	l2[1].ct_labels[0] = 0x30;
	l2[0].ct_labels[15] = 0x80;
	l2[1].ct_labels[15] = 0xff;
	for (i = 0; i < sizeof(want); i++)
		want.ct_labels[i] = (l1[0].ct_labels[i] & ~l2[1].ct_labels[i]) |
				    l2[0].ct_labels[i];

	skb = udp4(test, CLIENT, SERVER, 9000, 9001);
	key = key_of(test, skb);
	c1 = ct_action(test, key, &(struct ct_spec){
		.zone = ZONE(9), .commit = true, .mark = mark1, .labels = l1 });
	c2 = ct_action(test, key, &(struct ct_spec){
		.zone = ZONE(9), .commit = true, .mark = mark2, .labels = l2 });
	lookup = ct_action(test, key, &(struct ct_spec){ .zone = ZONE(9) });

	ct_run(test, skb, key, c1);
	KUNIT_EXPECT_EQ(test, key->ct.mark, 0x0001);

	/* Commit again on the confirmed connection: masked updates. */
	skb = udp4(test, CLIENT, SERVER, 9000, 9001);
	key = key_of(test, skb);
	ct_run(test, skb, key, c2);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);	/* no reply yet */
	KUNIT_EXPECT_EQ(test, key->ct.mark, 0x0201);
	OVS_KUNIT_EXPECT_MEMEQ(test, &key->ct.labels, &want, sizeof(want));

	/* A later lookup sees the stored values. */
	skb = udp4(test, SERVER, CLIENT, 9001, 9000);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | RPL);
	KUNIT_EXPECT_EQ(test, key->ct.mark, 0x0201);
	OVS_KUNIT_EXPECT_MEMEQ(test, &key->ct.labels, &want, sizeof(want));
}

/*
 * An FTP control connection committed with the "ftp" helper: its PORT
 * command makes the kernel's helper expect the data connection, which
 * ct() then reports as related (+new+rel before and at commit, +rel for
 * its whole life), with the control connection's original tuple and,
 * once committed, its labels.
 */
static void ct_ftp_related(struct kunit *test)
{
	struct ovs_key_ct_labels labels[2] = { labels_a };
	const struct ovs_conntrack_info *lookup, *commit_ftp, *commit;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ctl, *data;
	struct sw_flow_key *key;
	struct sk_buff *skb;
	const char *user = "USER anonymous\r\n";
	/* 192.0.2.1 port 156 * 256 + 65 = 40001 */
	const char *port = "PORT 192,0,2,1,156,65\r\n";

	if (!IS_ENABLED(CONFIG_NF_CONNTRACK_FTP))
		kunit_skip(test, "no FTP conntrack helper in this kernel");
	memset(&labels[1], 0xff, sizeof(labels[1]));

	/* SYN: looked up, then committed with the helper and labels. */
	skb = tcp4(test, CLIENT, SERVER, 40000, 21, 1000, 0, TCPHDR_SYN);
	key = key_of(test, skb);
	lookup = ct_action(test, key, &(struct ct_spec){ .zone = ZONE(10) });
	commit = ct_action(test, key,
			   &(struct ct_spec){ .zone = ZONE(10), .commit = true });
	commit_ftp = ct_action(test, key, &(struct ct_spec){
		.zone = ZONE(10), .commit = true, .helper = "ftp",
		.labels = ct_labels_ok ? labels : NULL });
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW);
	ct_run(test, skb, key, commit_ftp);
	ctl = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, ctl);
	KUNIT_EXPECT_TRUE(test, nf_ct_is_confirmed(ctl));
	KUNIT_ASSERT_NOT_NULL(test, nfct_help(ctl));

	/* Handshake, then two commands; the second announces a data port. */
	skb = tcp4(test, SERVER, CLIENT, 21, 40000, 7000, 1001,
		   TCPHDR_SYN | TCPHDR_ACK);
	ct_run(test, skb, key_of(test, skb), lookup);
	skb = tcp4(test, CLIENT, SERVER, 40000, 21, 1001, 7001, TCPHDR_ACK);
	ct_run(test, skb, key_of(test, skb), lookup);
	skb = tcp4_data(test, CLIENT, SERVER, 40000, 21, 1001, 7001, user);
	ct_run(test, skb, key_of(test, skb), lookup);
	skb = tcp4_data(test, CLIENT, SERVER, 40000, 21, 1001 + strlen(user),
			7001, port);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST);

	/* The server opens the data connection: expected, so related. */
	skb = tcp4(test, SERVER, CLIENT, 20, 40001, 9000, 0, TCPHDR_SYN);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW | REL);
	KUNIT_EXPECT_EQ(test, key->ct_zone, ZONE(10));
	KUNIT_EXPECT_EQ(test, key->ipv4.ct_orig.src, CLIENT);
	KUNIT_EXPECT_EQ(test, ntohs(key->ct.orig_tp_dst), 21);

	ct_run(test, skb, key, commit);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | NEW | REL);
	data = ct_of(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_EXPECT_PTR_EQ(test, data->master, ctl);
	KUNIT_EXPECT_EQ(test, ctinfo, IP_CT_RELATED);
	KUNIT_EXPECT_TRUE(test, nf_ct_is_confirmed(data));
	if (ct_labels_ok)
		OVS_KUNIT_EXPECT_MEMEQ(test, &key->ct.labels, &labels_a,
				       sizeof(labels_a));

	/* Its reply: established, and still related. */
	skb = tcp4(test, CLIENT, SERVER, 40001, 20, 3000, 9001,
		   TCPHDR_SYN | TCPHDR_ACK);
	key = key_of(test, skb);
	ct_run(test, skb, key, lookup);
	KUNIT_EXPECT_EQ(test, key->ct_state, TRK | EST | REL | RPL);
	KUNIT_EXPECT_PTR_EQ(test, ct_of(skb, &ctinfo), data);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(10)), 2);
}

/* ------------------------------------------------------------------ */

static void ct_test_exit(struct kunit *test)
{
	unsigned int z;

	for (z = 0; z < CT_ZONES; z++)
		ovs_kunit_ct_flush_zone(&init_net, ZONE(z));
}

static int ct_suite_init(struct kunit_suite *suite)
{
	/*
	 * The suite may run before the module's own per-namespace setup
	 * (which reserves the labels too): reserve them for its lifetime.
	 */
	ct_labels_ok = IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS) &&
		       !nf_connlabels_get(&init_net,
					  NF_CT_LABELS_MAX_SIZE * 8 - 1);
	return 0;
}

static void ct_suite_exit(struct kunit_suite *suite)
{
	if (ct_labels_ok)
		nf_connlabels_put(&init_net);
	ct_labels_ok = false;
}

static struct kunit_case ovs_ct_cases[] = {
	KUNIT_CASE(ct_state_mapping),
	KUNIT_CASE(ct_state_none),
	KUNIT_CASE(ct_tcp_snat_roundtrip),
	KUNIT_CASE(ct_udp_states),
	KUNIT_CASE(ct_clear),
	KUNIT_CASE(ct_ipv6_dnat),
	KUNIT_CASE(ct_ipv4_fragments),
	KUNIT_CASE(ct_ipv6_fragments),
	KUNIT_CASE(ct_force_commit),
	KUNIT_CASE(ct_mark_labels_update),
	KUNIT_CASE(ct_ftp_related),
	{}
};

static struct kunit_suite ovs_ct_suite = {
	.name = "ovs_ct",
	.suite_init = ct_suite_init,
	.suite_exit = ct_suite_exit,
	.exit = ct_test_exit,
	.test_cases = ovs_ct_cases,
};

kunit_test_suites(&ovs_ct_suite);
