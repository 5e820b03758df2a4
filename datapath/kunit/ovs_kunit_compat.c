// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite: the compat layer (compat/compat.h, compat/nf_conntrack_ovs.h
 * and compat/nf_conntrack_ovs.c).
 *
 * The datapath calls conntrack helpers under their current kernel names;
 * on kernels that lack them compat/ supplies its own.  These cases call
 * the names exactly as the datapath does, so they test whichever
 * implementation the target kernel ends up with, against the contract of
 * the kernel's own (6.2+) functions.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ip_tunnels.h>
#include <net/ipv6.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netfilter/nf_conntrack_zones.h>
#include <net/netlink.h>

#include "nf_conntrack_ovs.h"

#include "conntrack.h"
#include "flow.h"
#include "ovs_kunit_util.h"

#define OVS_KUNIT_COMPAT_ZONE	0x7b00
#define ZONE(n)			(OVS_KUNIT_COMPAT_ZONE + (n))
#define COMPAT_ZONES		4

#define SRC4	htonl(0xc0000201)	/* 192.0.2.1 */
#define DST4	htonl(0xc6336402)	/* 198.51.100.2 */

static const struct in6_addr src6 = {{{
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01 }}};
static const struct in6_addr dst6 = {{{
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02 }}};

/* skb->data at the network header, as conntrack callers have it. */
static void to_network(struct sk_buff *skb)
{
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
}

static struct sk_buff *udp4(struct kunit *test, u16 sport)
{
	struct {
		struct udphdr uh;
		u8 data[4];
	} __packed l4 = {
		.uh = {
			.source = htons(sport),
			.dest = htons(53),
			.len = htons(sizeof(l4)),
		},
	};

	return ovs_kunit_ipv4(test, SRC4, DST4, IPPROTO_UDP, &l4, sizeof(l4));
}

/* ---- nf_ct_skb_network_trim ---- */

static void compat_network_trim(struct kunit *test)
{
	static const u8 pad[6] = { 0xee, 0xee, 0xee, 0xee, 0xee, 0xee };
	struct sk_buff *skb;
	unsigned int len;
	u8 buf[64];

	/* Ethernet padding after an IPv4 datagram is dropped ... */
	skb = udp4(test, 1);
	len = skb->len - ETH_HLEN;
	skb_put_data(skb, pad, sizeof(pad));
	to_network(skb);
	skb->ip_summed = CHECKSUM_COMPLETE;
	skb->csum = csum_partial(skb->data, skb->len, 0);
	KUNIT_EXPECT_EQ(test, nf_ct_skb_network_trim(skb, NFPROTO_IPV4), 0);
	KUNIT_EXPECT_EQ(test, skb->len, len);
	/* ... and a CHECKSUM_COMPLETE sum still covers what is left. */
	KUNIT_EXPECT_EQ(test, csum_fold(skb->csum),
			csum_fold(csum_partial(skb->data, skb->len, 0)));

	/* IPv6: payload length plus the fixed header. */
	memset(buf, 0, sizeof(buf));
	skb = ovs_kunit_ipv6(test, &src6, &dst6, IPPROTO_UDP, buf, 8);
	skb_put_data(skb, pad, sizeof(pad));
	to_network(skb);
	KUNIT_EXPECT_EQ(test, nf_ct_skb_network_trim(skb, NFPROTO_IPV6), 0);
	KUNIT_EXPECT_EQ(test, skb->len, sizeof(struct ipv6hdr) + 8);

	/* A zero payload length (jumbogram, BIG TCP) is left alone. */
	skb = ovs_kunit_ipv6(test, &src6, &dst6, IPPROTO_UDP, buf, 8);
	to_network(skb);
	ipv6_hdr(skb)->payload_len = 0;
	len = skb->len;
	KUNIT_EXPECT_EQ(test, nf_ct_skb_network_trim(skb, NFPROTO_IPV6), 0);
	KUNIT_EXPECT_EQ(test, skb->len, len);

	/* Other families: nothing. */
	skb = udp4(test, 2);
	skb_put_data(skb, pad, sizeof(pad));
	to_network(skb);
	len = skb->len;
	KUNIT_EXPECT_EQ(test, nf_ct_skb_network_trim(skb, NFPROTO_ARP), 0);
	KUNIT_EXPECT_EQ(test, skb->len, len);
}

/* ---- nf_ct_handle_fragments ---- */

/* Hand one fragment to nf_ct_handle_fragments(); forget it if consumed. */
static int defrag(struct kunit *test, struct sk_buff *skb, u16 zone,
		  u8 family, u8 *proto, u16 *mru)
{
	int err;

	to_network(skb);
	err = nf_ct_handle_fragments(&init_net, skb, zone, family, proto, mru);
	if (err)
		ovs_kunit_skb_forget(test, skb);
	return err;
}

static struct sk_buff *frag(struct kunit *test, bool v6, const u8 *payload,
			    unsigned int ofs, unsigned int len, bool more)
{
	if (v6)
		return ovs_kunit_frag6(test, &src6, &dst6, payload, ofs, len,
				       more);
	return ovs_kunit_frag4(test, SRC4, DST4, payload, ofs, len, more);
}

static void compat_fragments(struct kunit *test, bool v6)
{
	const u8 family = v6 ? NFPROTO_IPV6 : NFPROTO_IPV4;
	const unsigned int first = 56, total = 96;
	struct sk_buff *a1, *a2, *b1, *b2;
	__be32 s4 = SRC4, d4 = DST4;
	u8 payload[96], proto;
	u16 mru;

	ovs_kunit_udp_datagram(payload, total, v6 ? (const void *)&src6 : &s4,
			       v6 ? (const void *)&dst6 : &d4, v6);
	a1 = frag(test, v6, payload, 0, first, true);
	a2 = frag(test, v6, payload, first, total - first, false);
	b1 = frag(test, v6, payload, 0, first, true);
	b2 = frag(test, v6, payload, first, total - first, false);

	/* Zone A gets the first fragment, zone B the last: no datagram. */
	proto = 0;
	mru = 0;
	KUNIT_EXPECT_EQ(test, defrag(test, a1, ZONE(0), family, &proto, &mru),
			-EINPROGRESS);
	KUNIT_EXPECT_EQ(test, defrag(test, b2, ZONE(1), family, &proto, &mru),
			-EINPROGRESS);

	/* Each zone completes its own, in either order. */
	a2->hash = 0x1234;
	a2->l4_hash = 1;
	KUNIT_ASSERT_EQ(test, defrag(test, a2, ZONE(0), family, &proto, &mru),
			0);
	KUNIT_EXPECT_EQ(test, a2->len, total + (v6 ? sizeof(struct ipv6hdr) :
						sizeof(struct iphdr)));
	KUNIT_EXPECT_EQ(test, mru, first + (v6 ? sizeof(struct ipv6hdr) +
					   sizeof(struct frag_hdr) :
					   sizeof(struct iphdr)));
	KUNIT_EXPECT_TRUE(test, a2->ignore_df);
	KUNIT_EXPECT_FALSE(test, a2->l4_hash);
	KUNIT_EXPECT_EQ(test, a2->hash, 0);
	if (v6) {
		KUNIT_EXPECT_EQ(test, proto, IPPROTO_UDP);
		KUNIT_EXPECT_EQ(test, ipv6_hdr(a2)->nexthdr, IPPROTO_UDP);
	} else {
		KUNIT_EXPECT_EQ(test, ip_hdr(a2)->frag_off & htons(IP_MF |
								  IP_OFFSET),
				0);
	}
	KUNIT_ASSERT_EQ(test, skb_linearize(a2), 0);
	OVS_KUNIT_EXPECT_MEMEQ(test, a2->data + (v6 ? sizeof(struct ipv6hdr) :
						 sizeof(struct iphdr)),
			       payload, total);

	mru = 0;
	KUNIT_EXPECT_EQ(test, defrag(test, b1, ZONE(1), family, &proto, &mru),
			0);
	KUNIT_EXPECT_EQ(test, b1->len, a2->len);
}

static void compat_fragments_ipv4(struct kunit *test)
{
	compat_fragments(test, false);
}

static void compat_fragments_ipv6(struct kunit *test)
{
	if (!IS_ENABLED(CONFIG_NF_DEFRAG_IPV6))
		kunit_skip(test, "no IPv6 defragmentation in this kernel");
	compat_fragments(test, true);
}

static void compat_fragments_bad_family(struct kunit *test)
{
	struct sk_buff *skb = udp4(test, 3);
	u8 proto = 0;
	u16 mru = 0;

	/* Consumed (freed) like every other failure. */
	KUNIT_EXPECT_EQ(test, defrag(test, skb, ZONE(2), NFPROTO_ARP, &proto,
				     &mru), -EPFNOSUPPORT);
}

/* ---- helpers ---- */

static void compat_add_helper(struct kunit *test)
{
	struct nf_conntrack_helper *helper = NULL;
	struct nf_conntrack_zone zone;
	struct nf_conn_help *help;
	struct nf_conn *tmpl;
	int err;

	nf_ct_zone_init(&zone, ZONE(3), NF_CT_DEFAULT_ZONE_DIR, 0);
	tmpl = nf_ct_tmpl_alloc(&init_net, &zone, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmpl);

	KUNIT_EXPECT_EQ(test, nf_ct_add_helper(tmpl, "nosuchhelper",
					       NFPROTO_IPV4, IPPROTO_TCP,
					       false, &helper), -EINVAL);
	KUNIT_EXPECT_NULL(test, helper);

	err = nf_ct_add_helper(tmpl, "ftp", NFPROTO_IPV4, IPPROTO_TCP, false,
			       &helper);
	if (err) {
		nf_ct_tmpl_free(tmpl);
		if (IS_BUILTIN(CONFIG_NF_CONNTRACK_FTP))
			KUNIT_FAIL(test, "ftp helper not found: %d", err);
		else
			kunit_skip(test, "no FTP conntrack helper");
		return;
	}
	KUNIT_EXPECT_NOT_NULL(test, helper);
	help = nfct_help(tmpl);
	KUNIT_EXPECT_NOT_NULL(test, help);
	if (help && helper) {
		KUNIT_EXPECT_PTR_EQ(test, rcu_access_pointer(help->helper),
				    helper);
		KUNIT_EXPECT_STREQ(test, helper->name, "ftp");
	}
	if (helper)
		nf_conntrack_helper_put(helper);
	nf_ct_tmpl_free(tmpl);

	/* The FTP helper serves TCP only. */
	tmpl = nf_ct_tmpl_alloc(&init_net, &zone, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmpl);
	helper = NULL;
	KUNIT_EXPECT_EQ(test, nf_ct_add_helper(tmpl, "ftp", NFPROTO_IPV4,
					       IPPROTO_UDP, false, &helper),
			-EINVAL);
	nf_ct_tmpl_free(tmpl);
}

static void compat_run_helper(struct kunit *test)
{
	struct sk_buff *skb = udp4(test, 4);
	struct sw_flow_key *key;
	const struct ovs_conntrack_info *info;
	enum ip_conntrack_info ctinfo;
	struct sk_buff *acts_buf;
	struct nlattr *acts, *ct_attr;
	struct nf_conn *ct;
	int v1, v2;

	key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);

	acts_buf = ovs_kunit_nlbuf(test, 0);
	acts = nla_nest_start_noflag(acts_buf, OVS_FLOW_ATTR_ACTIONS);
	ct_attr = nla_nest_start_noflag(acts_buf, OVS_ACTION_ATTR_CT);
	nla_put_u16(acts_buf, OVS_CT_ATTR_ZONE, ZONE(3));
	nla_nest_end(acts_buf, ct_attr);
	nla_nest_end(acts_buf, acts);
	info = ovs_kunit_ct_action(test, &init_net, key, acts);
	KUNIT_ASSERT_EQ(test, ovs_kunit_ct_exec(&init_net, skb, key, info), 0);
	ct = nf_ct_get(skb, &ctinfo);
	KUNIT_ASSERT_NOT_NULL(test, ct);

	/* A connection without a helper: accepted, whatever the state. */
	to_network(skb);
	rcu_read_lock();
	v1 = nf_ct_helper(skb, ct, ctinfo, NFPROTO_IPV4);
	v2 = nf_ct_helper(skb, ct, IP_CT_RELATED_REPLY, NFPROTO_IPV4);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, v1, NF_ACCEPT);
	KUNIT_EXPECT_EQ(test, v2, NF_ACCEPT);

	/* Sharing: the packet's reference alone, then a clone's too. */
	KUNIT_EXPECT_FALSE(test, nf_ct_shared(ct));
	{
		struct sk_buff *clone = skb_clone(skb, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, clone);
		KUNIT_EXPECT_TRUE(test, nf_ct_shared(ct));
		kfree_skb(clone);
	}
	KUNIT_EXPECT_FALSE(test, nf_ct_shared(ct));
}

static void compat_tcp_liberal(struct kunit *test)
{
	struct nf_conntrack_tuple orig, repl;
	struct nf_conntrack_zone zone;
	struct nf_conn *ct;

	memset(&orig, 0, sizeof(orig));
	orig.src.l3num = NFPROTO_IPV4;
	orig.src.u3.ip = SRC4;
	orig.dst.u3.ip = DST4;
	orig.src.u.tcp.port = htons(1);
	orig.dst.u.tcp.port = htons(2);
	orig.dst.protonum = IPPROTO_TCP;
	KUNIT_ASSERT_TRUE(test, nf_ct_invert_tuple(&repl, &orig));
	nf_ct_zone_init(&zone, ZONE(3), NF_CT_DEFAULT_ZONE_DIR, 0);
	ct = nf_conntrack_alloc(&init_net, &zone, &orig, &repl, GFP_KERNEL);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(ct));

	ct->proto.tcp.state = TCP_CONNTRACK_ESTABLISHED;
	KUNIT_EXPECT_FALSE(test, nf_conntrack_tcp_established(ct));
	set_bit(IPS_ASSURED_BIT, &ct->status);
	KUNIT_EXPECT_TRUE(test, nf_conntrack_tcp_established(ct));
	ct->proto.tcp.state = TCP_CONNTRACK_FIN_WAIT;
	KUNIT_EXPECT_FALSE(test, nf_conntrack_tcp_established(ct));

	nf_ct_set_tcp_be_liberal(ct);
	KUNIT_EXPECT_TRUE(test, ct->proto.tcp.seen[IP_CT_DIR_ORIGINAL].flags &
				IP_CT_TCP_FLAG_BE_LIBERAL);
	KUNIT_EXPECT_TRUE(test, ct->proto.tcp.seen[IP_CT_DIR_REPLY].flags &
				IP_CT_TCP_FLAG_BE_LIBERAL);

	ct->status = 0;
	nf_conntrack_free(ct);
}

/* ---- nf_conncount wrappers (zone limits) ---- */

static void compat_conncount(struct kunit *test)
{
#if OVS_CT_LIMIT_SUPPORTED
	struct sk_buff *skb1 = udp4(test, 10), *skb2 = udp4(test, 11);
	const struct ovs_conntrack_info *info;
	struct nf_conncount_data *data;
	struct sw_flow_key *key;
	struct sk_buff *acts_buf;
	struct nlattr *acts, *ct_attr;
	enum ip_conntrack_info ctinfo;
	u32 zkey = ZONE(3), other = ZONE(2);
	unsigned int n1, n2, n3, n4, n5, n6;

	key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb1, key), 0);
	acts_buf = ovs_kunit_nlbuf(test, 0);
	acts = nla_nest_start_noflag(acts_buf, OVS_FLOW_ATTR_ACTIONS);
	ct_attr = nla_nest_start_noflag(acts_buf, OVS_ACTION_ATTR_CT);
	nla_put_flag(acts_buf, OVS_CT_ATTR_COMMIT);
	nla_put_u16(acts_buf, OVS_CT_ATTR_ZONE, ZONE(3));
	nla_nest_end(acts_buf, ct_attr);
	nla_nest_end(acts_buf, acts);
	info = ovs_kunit_ct_action(test, &init_net, key, acts);

	/* Two committed (confirmed) connections. */
	KUNIT_ASSERT_EQ(test, ovs_kunit_ct_exec(&init_net, skb1, key, info), 0);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb2, key), 0);
	KUNIT_ASSERT_EQ(test, ovs_kunit_ct_exec(&init_net, skb2, key, info), 0);
	to_network(skb1);
	to_network(skb2);

	data = nf_conncount_init_inet(&init_net, sizeof(u32));
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(data));

	rcu_read_lock();
	local_bh_disable();
	n1 = nf_conncount_count_skb(&init_net, NULL, 0, data, &zkey);
	n2 = nf_conncount_count_skb(&init_net, skb1, NFPROTO_IPV4, data, &zkey);
	n3 = nf_conncount_count_skb(&init_net, skb1, NFPROTO_IPV4, data, &zkey);
	n4 = nf_conncount_count_skb(&init_net, skb2, NFPROTO_IPV4, data, &zkey);
	n5 = nf_conncount_count_skb(&init_net, NULL, 0, data, &zkey);
	n6 = nf_conncount_count_skb(&init_net, NULL, 0, data, &other);
	local_bh_enable();
	rcu_read_unlock();

	KUNIT_EXPECT_EQ(test, n1, 0);
	KUNIT_EXPECT_EQ(test, n2, 1);
	KUNIT_EXPECT_EQ_MSG(test, n3, 1, "the same connection counted twice");
	KUNIT_EXPECT_EQ(test, n4, 2);
	KUNIT_EXPECT_EQ(test, n5, 2);
	KUNIT_EXPECT_EQ(test, n6, 0);

	/* Connections that are gone are forgotten (after a jiffy or two). */
	nf_ct_delete(nf_ct_get(skb1, &ctinfo), 0, 0);
	msleep(50);
	rcu_read_lock();
	local_bh_disable();
	n1 = nf_conncount_count_skb(&init_net, NULL, 0, data, &zkey);
	local_bh_enable();
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, n1, 1);

	nf_conncount_destroy_inet(&init_net, data);
#else
	kunit_skip(test, "no nf_conncount in this kernel: no zone limits");
#endif
}

/* ---- compat.h ---- */

static void compat_tunnel_flags(struct kunit *test)
{
	static const struct {
		unsigned int bit;
		u16 ovs;
	} map[] = {
		{ IP_TUNNEL_KEY_BIT,		OVS_TNL_F_KEY },
		{ IP_TUNNEL_DONT_FRAGMENT_BIT,	OVS_TNL_F_DONT_FRAGMENT },
		{ IP_TUNNEL_CSUM_BIT,		OVS_TNL_F_CSUM },
		{ IP_TUNNEL_OAM_BIT,		OVS_TNL_F_OAM },
		{ IP_TUNNEL_GENEVE_OPT_BIT,	OVS_TNL_F_GENEVE_OPT },
		{ IP_TUNNEL_VXLAN_OPT_BIT,	OVS_TNL_F_VXLAN_OPT },
		{ IP_TUNNEL_ERSPAN_OPT_BIT,	OVS_TNL_F_ERSPAN_OPT },
		{ IP_TUNNEL_CRIT_OPT_BIT,	OVS_TNL_F_CRIT_OPT },
	};
	struct ip_tunnel_info *info;
	struct ovs_tun_key tun, back;
	unsigned int i;

	info = kunit_kzalloc(test, sizeof(*info) + 8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, info);

	for (i = 0; i < ARRAY_SIZE(map); i++) {
		memset(info, 0, sizeof(*info));
		ovs_tun_flags_zero(&info->key);
		KUNIT_EXPECT_FALSE(test, ovs_tun_flag_test(&info->key,
							   map[i].bit));
		ovs_tun_flag_set(&info->key, map[i].bit);
		KUNIT_EXPECT_TRUE(test, ovs_tun_flag_test(&info->key,
							  map[i].bit));

		/* The key keeps exactly the flag the kernel bit stands for. */
		ovs_flow_tun_key_from_info(&tun, info);
		KUNIT_EXPECT_EQ_MSG(test, tun.flags, map[i].ovs, "bit %u",
				    map[i].bit);
		ovs_flow_tun_key_to_info(info, &tun, NULL);
		ovs_flow_tun_key_from_info(&back, info);
		KUNIT_EXPECT_EQ(test, back.flags, map[i].ovs);
	}

	/* Addresses, ports, TOS/TTL and options length survive too. */
	memset(info, 0, sizeof(*info) + 8);
	info->mode = IP_TUNNEL_INFO_TX;
	ovs_tun_flags_zero(&info->key);
	info->key.u.ipv4.src = SRC4;
	info->key.u.ipv4.dst = DST4;
	info->key.tos = 0x10;
	info->key.ttl = 63;
	info->key.tp_src = htons(5000);
	info->key.tp_dst = htons(4789);
	info->key.tun_id = cpu_to_be64(42);
	ovs_tun_flag_set(&info->key, IP_TUNNEL_KEY_BIT);
	ovs_flow_tun_key_from_info(&tun, info);
	KUNIT_EXPECT_EQ(test, tun.proto, AF_INET);
	KUNIT_EXPECT_EQ(test, tun.u.ipv4.dst, DST4);
	KUNIT_EXPECT_EQ(test, be64_to_cpu(tun.tun_id), 42);
	KUNIT_EXPECT_EQ(test, tun.tos, 0x10);
	KUNIT_EXPECT_EQ(test, tun.ttl, 63);
	KUNIT_EXPECT_EQ(test, ntohs(tun.tp_dst), 4789);
	KUNIT_EXPECT_EQ(test, tun.flags, OVS_TNL_F_KEY);
	memset(info, 0, sizeof(*info));
	ovs_flow_tun_key_to_info(info, &tun, NULL);
	ovs_flow_tun_key_from_info(&back, info);
	OVS_KUNIT_EXPECT_MEMEQ(test, &back, &tun, sizeof(tun));
}

static void compat_small(struct kunit *test)
{
	struct sk_buff *b = ovs_kunit_nlbuf(test, 0);
	struct sk_buff *skb = udp4(test, 5);
	char name[8];
	struct nlattr *a;

	/* nla_strscpy(): bounded, always terminated, -E2BIG when cut. */
	a = (struct nlattr *)skb_tail_pointer(b);
	nla_put_string(b, 1, "abcdefghij");
	KUNIT_EXPECT_EQ(test, nla_strscpy(name, a, sizeof(name)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, name, "abcdefg");
	a = (struct nlattr *)skb_tail_pointer(b);
	nla_put_string(b, 2, "ftp");
	KUNIT_EXPECT_EQ(test, nla_strscpy(name, a, sizeof(name)), 3);
	KUNIT_EXPECT_STREQ(test, name, "ftp");

	/* skb_clear_tstamp(). */
	skb->tstamp = ktime_set(1, 0);
	skb_clear_tstamp(skb);
	KUNIT_EXPECT_EQ(test, skb->tstamp, 0);
}

static void compat_test_exit(struct kunit *test)
{
	unsigned int z;

	for (z = 0; z < COMPAT_ZONES; z++)
		ovs_kunit_ct_flush_zone(&init_net, ZONE(z));
}

static struct kunit_case ovs_compat_cases[] = {
	KUNIT_CASE(compat_network_trim),
	KUNIT_CASE(compat_fragments_ipv4),
	KUNIT_CASE(compat_fragments_ipv6),
	KUNIT_CASE(compat_fragments_bad_family),
	KUNIT_CASE(compat_add_helper),
	KUNIT_CASE(compat_run_helper),
	KUNIT_CASE(compat_tcp_liberal),
	KUNIT_CASE(compat_conncount),
	KUNIT_CASE(compat_tunnel_flags),
	KUNIT_CASE(compat_small),
	{}
};

static struct kunit_suite ovs_compat_suite = {
	.name = "ovs_compat",
	.exit = compat_test_exit,
	.test_cases = ovs_compat_cases,
};

kunit_test_suites(&ovs_compat_suite);
