// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the datapath's KUnit suites (see ovs_kunit_util.h).
 *
 * Packets are real sk_buffs holding literal header bytes; netlink input is
 * built with the kernel's own nla_put() family into scratch skbs; prepared
 * ct() actions come from the datapath's ovs_nla_copy_actions().  Every
 * object is registered as a KUnit resource so that it is released when
 * the test ends, whether it passed or an assertion stopped it.
 */

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/stdarg.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_zones.h>

#include "actions.h"
#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "vport.h"
#include "ovs_kunit_util.h"

/* Headroom of test packets: room for pushed VLAN/MPLS headers. */
#define OVS_KUNIT_HEADROOM	128
/* Tailroom of test packets: room for padding a test appends. */
#define OVS_KUNIT_TAILROOM	64

/* ------------------------------------------------------------------ */
/* Packets and buffers as test resources                               */
/* ------------------------------------------------------------------ */

static int ovs_kunit_res_skb_init(struct kunit_resource *res, void *skb)
{
	res->data = skb;
	return 0;
}

static void ovs_kunit_res_skb_free(struct kunit_resource *res)
{
	kfree_skb(res->data);
}

static bool ovs_kunit_res_is_skb(struct kunit *test,
				 struct kunit_resource *res, void *skb)
{
	return res->free == ovs_kunit_res_skb_free && res->data == skb;
}

/* Hand @skb to @test: freed when the test ends.  Asserts on failure. */
static struct sk_buff *ovs_kunit_track_skb(struct kunit *test,
					   struct sk_buff *skb)
{
	KUNIT_ASSERT_NOT_NULL(test, skb);
	if (!kunit_alloc_resource(test, ovs_kunit_res_skb_init,
				  ovs_kunit_res_skb_free, GFP_KERNEL, skb)) {
		kfree_skb(skb);
		KUNIT_ASSERT_FAILURE(test, "cannot track a test skb");
	}
	return skb;
}

/**
 * ovs_kunit_skb - a packet holding a copy of @len bytes at @data.
 * @test: the running test; the skb is freed when it ends.
 * @data: the frame, starting with its Ethernet header.
 * @len: its length in bytes.
 *
 * The skb is linear, has %OVS_KUNIT_HEADROOM bytes of headroom and at
 * least %OVS_KUNIT_TAILROOM of tailroom, skb->data
 * and the MAC header at the frame's first byte, and came in on init_net's
 * loopback device: a received packet always has a device, and IPv4
 * defragmentation finds the namespace through it.
 * Context: process context.  Asserts (ends the test) on allocation failure.
 * Return: the skb.
 */
struct sk_buff *ovs_kunit_skb(struct kunit *test, const void *data,
			      unsigned int len)
{
	return ovs_kunit_skb_cat(test, data, (size_t)len, NULL);
}

/**
 * ovs_kunit_skb_cat - a packet made of several pieces of literal bytes.
 * @test: the running test; the skb is freed when it ends.
 * @...: pairs of (const void *bytes, size_t len), then NULL.
 *
 * As ovs_kunit_skb(), with the pieces copied one after the other.
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb.
 */
struct sk_buff *ovs_kunit_skb_cat(struct kunit *test, ...)
{
	size_t total = 0;
	struct sk_buff *skb;
	const void *p;
	va_list ap;

	va_start(ap, test);
	while ((p = va_arg(ap, const void *)))
		total += va_arg(ap, size_t);
	va_end(ap);

	skb = alloc_skb(OVS_KUNIT_HEADROOM + total + OVS_KUNIT_TAILROOM,
			GFP_KERNEL);
	skb = ovs_kunit_track_skb(test, skb);
	skb_reserve(skb, OVS_KUNIT_HEADROOM);

	va_start(ap, test);
	while ((p = va_arg(ap, const void *))) {
		size_t len = va_arg(ap, size_t);

		skb_put_data(skb, p, len);
	}
	va_end(ap);

	skb_reset_mac_header(skb);
	skb_reset_network_header(skb);
	skb->protocol = htons(ETH_P_802_3);
	skb->dev = init_net.loopback_dev;
	return skb;
}

/**
 * ovs_kunit_nlbuf - an empty scratch skb to build netlink attributes in.
 * @test: the running test; the skb is freed when it ends.
 * @size: bytes of tailroom wanted; 0 for NLMSG_GOODSIZE.
 *
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb.
 */
struct sk_buff *ovs_kunit_nlbuf(struct kunit *test, unsigned int size)
{
	return ovs_kunit_track_skb(test, alloc_skb(size ?: NLMSG_GOODSIZE,
						   GFP_KERNEL));
}

/**
 * ovs_kunit_skb_forget - the test no longer owns @skb.
 * @test: the running test.
 * @skb: a packet from ovs_kunit_skb() that the code under test consumed
 *	(e.g. a fragment queued for reassembly).
 *
 * Context: process context.
 */
void ovs_kunit_skb_forget(struct kunit *test, struct sk_buff *skb)
{
	struct kunit_resource *res;

	res = kunit_find_resource(test, ovs_kunit_res_is_skb, skb);
	if (!res)
		return;
	res->data = NULL;
	kunit_put_resource(res);
}

/* ------------------------------------------------------------------ */
/* Running the datapath on them                                        */
/* ------------------------------------------------------------------ */

/* The input port the suites pretend packets arrive on. */
static const struct vport ovs_kunit_vport = {
	.port_no = OVS_KUNIT_IN_PORT,
};

/**
 * ovs_kunit_extract - ovs_flow_key_extract() as a received packet gets it.
 * @skb: the packet, skb->data at its Ethernet header.
 * @key: the key to fill.
 *
 * The packet arrives on port %OVS_KUNIT_IN_PORT without tunnel metadata;
 * bottom halves are disabled around the call, as on the receive path.
 * Context: process context.
 * Return: what ovs_flow_key_extract() returned.
 */
int ovs_kunit_extract(struct sk_buff *skb, struct sw_flow_key *key)
{
	int err;

	local_bh_disable();
	err = ovs_flow_key_extract(&ovs_kunit_vport, NULL, skb, key);
	local_bh_enable();
	return err;
}

static void ovs_kunit_res_sfa_free(struct kunit_resource *res)
{
	ovs_nla_free_flow_actions(res->data);
}

static int ovs_kunit_res_sfa_init(struct kunit_resource *res, void *sfa)
{
	res->data = sfa;
	return 0;
}

/**
 * ovs_kunit_copy_actions - ovs_nla_copy_actions(), the list owned by @test.
 * @test: the running test; a list made is freed when it ends.
 * @net: the namespace the flow belongs to.
 * @acts: the OVS_FLOW_ATTR_ACTIONS nest.
 * @key: the flow key the actions are validated against.
 * @sfa: receives the kernel action list (NULL on error).
 * @log: whether the datapath logs validation errors.
 *
 * Context: process context.
 * Return: what ovs_nla_copy_actions() returned.
 */
int ovs_kunit_copy_actions(struct kunit *test, struct net *net,
			   const struct nlattr *acts,
			   const struct sw_flow_key *key,
			   struct sw_flow_actions **sfa, bool log)
{
	int err;

	err = ovs_nla_copy_actions(net, acts, key, sfa, log);
	if (err)
		return err;
	if (!kunit_alloc_resource(test, ovs_kunit_res_sfa_init,
				  ovs_kunit_res_sfa_free, GFP_KERNEL, *sfa)) {
		ovs_nla_free_flow_actions(*sfa);
		*sfa = NULL;
		KUNIT_ASSERT_FAILURE(test, "cannot track an action list");
	}
	return 0;
}

/**
 * ovs_kunit_ct_action - prepare a flow's actions and find its ct().
 * @test: the running test; the action list is freed when it ends.
 * @net: the namespace the flow belongs to.
 * @key: the flow key the actions are validated against.
 * @acts: an OVS_FLOW_ATTR_ACTIONS nest whose first ct() is wanted.
 *
 * Runs the datapath's ovs_nla_copy_actions(), as a flow install does.
 * Context: process context.  Asserts that the copy succeeds and holds a ct().
 * Return: the prepared ct() inside the kernel action list.
 */
const struct ovs_conntrack_info *
ovs_kunit_ct_action(struct kunit *test, struct net *net,
		    const struct sw_flow_key *key, const struct nlattr *acts)
{
	struct sw_flow_actions *sfa;
	const struct nlattr *a;
	int rem;

	KUNIT_ASSERT_EQ(test, ovs_kunit_copy_actions(test, net, acts, key,
						     &sfa, true), 0);
	nla_for_each_attr(a, sfa->actions, sfa->actions_len, rem)
		if (nla_type(a) == OVS_ACTION_ATTR_CT)
			return nla_data(a);
	KUNIT_ASSERT_FAILURE(test, "prepared actions hold no ct()");
	return NULL;
}

/**
 * ovs_kunit_ct_exec - ovs_ct_execute() as the action executor calls it.
 * @net: the namespace.
 * @skb: the packet, skb->data at its Ethernet header, key extracted.
 * @key: its key, updated by ct().
 * @info: a prepared ct() from ovs_kunit_ct_action().
 *
 * Context: process context; RCU read lock taken and bottom halves
 * disabled around the call, as on the packet path.
 * Return: what ovs_ct_execute() returned; on -EINPROGRESS @skb was
 * consumed (see ovs_kunit_skb_forget()).
 */
int ovs_kunit_ct_exec(struct net *net, struct sk_buff *skb,
		      struct sw_flow_key *key,
		      const struct ovs_conntrack_info *info)
{
	int err;

	rcu_read_lock();
	local_bh_disable();
	err = ovs_ct_execute(net, skb, key, info);
	local_bh_enable();
	rcu_read_unlock();
	return err;
}

struct ovs_kunit_zone_walk {
	u16 zone;
	bool kill;
	unsigned int n;
};

static int ovs_kunit_ct_zone_iter(struct nf_conn *ct, void *data)
{
	struct ovs_kunit_zone_walk *w = data;

	if (nf_ct_zone_id(nf_ct_zone(ct), IP_CT_DIR_ORIGINAL) != w->zone)
		return 0;
	w->n++;
	return w->kill;
}

/**
 * ovs_kunit_ct_flush_zone - delete every conntrack entry of a zone.
 * @net: the namespace.
 * @zone: the zone id (each suite uses zones of its own).
 *
 * Context: process context, may sleep.
 */
void ovs_kunit_ct_flush_zone(struct net *net, u16 zone)
{
	struct ovs_kunit_zone_walk w = { .zone = zone, .kill = true };
	struct nf_ct_iter_data d = { .net = net, .data = &w };

	nf_ct_iterate_cleanup_net(ovs_kunit_ct_zone_iter, &d);
}

/**
 * ovs_kunit_ct_count_zone - how many conntrack entries a zone has.
 * @net: the namespace.
 * @zone: the zone id.
 *
 * Context: process context, may sleep.
 * Return: the number of entries in the table (confirmed ones).
 */
unsigned int ovs_kunit_ct_count_zone(struct net *net, u16 zone)
{
	struct ovs_kunit_zone_walk w = { .zone = zone };
	struct nf_ct_iter_data d = { .net = net, .data = &w };

	nf_ct_iterate_cleanup_net(ovs_kunit_ct_zone_iter, &d);
	return w.n;
}

/* ------------------------------------------------------------------ */
/* Comparisons                                                         */
/* ------------------------------------------------------------------ */

/**
 * ovs_kunit_memeq - expect two byte ranges to be equal.
 * @test: the running test; a mismatch fails it (and it goes on).
 * @got: the bytes produced.
 * @want: the bytes expected.
 * @len: how many to compare.
 * @what: text naming the comparison, for the failure message.
 * @line: the caller's line, for the failure message.
 *
 * On a mismatch, the offset of the first differing byte and up to 16
 * bytes of both ranges from there are reported.
 * Return: true when equal.
 */
bool ovs_kunit_memeq(struct kunit *test, const void *got, const void *want,
		     size_t len, const char *what, int line)
{
	const u8 *g = got, *w = want;
	size_t i, n;

	for (i = 0; i < len; i++)
		if (g[i] != w[i])
			break;
	if (i == len) {
		KUNIT_SUCCEED(test);
		return true;
	}
	n = min_t(size_t, len - i, 16);
	KUNIT_FAIL(test,
		   "line %d: %s: differ at byte %zu of %zu\n got: %*ph\nwant: %*ph",
		   line, what, i, len, (int)n, g + i, (int)n, w + i);
	return false;
}

/**
 * ovs_kunit_nla_eq - expect two netlink attributes to be byte-identical.
 * @test: the running test; a mismatch fails it (and it goes on).
 * @got: the attribute produced (e.g. by a serializer).
 * @want: the attribute expected (e.g. the parser's input).
 * @line: the caller's line, for the failure message.
 *
 * Compares the headers (type and length) and the payloads.
 * Return: true when identical.
 */
bool ovs_kunit_nla_eq(struct kunit *test, const struct nlattr *got,
		      const struct nlattr *want, int line)
{
	if (got->nla_len != want->nla_len || got->nla_type != want->nla_type) {
		KUNIT_FAIL(test,
			   "line %d: attribute type/len %u/%u, expected %u/%u",
			   line, got->nla_type, got->nla_len, want->nla_type,
			   want->nla_len);
		return false;
	}
	return ovs_kunit_memeq(test, got, want, want->nla_len,
			       "attribute bytes", line);
}

/* ------------------------------------------------------------------ */
/* Whole IPv4/IPv6 packets with valid checksums                        */
/* ------------------------------------------------------------------ */

/*
 * Where the L3 and L4 headers of a frame built here are: an Ethernet
 * header without tags, then IPv4 or IPv6 without extension headers.
 * Returns false for anything else, or for fragments.
 */
static bool ovs_kunit_locate(const struct sk_buff *skb, unsigned int *l4,
			     unsigned int *l4len, u8 *proto, bool *v6)
{
	const u8 *d = skb->data;
	__be16 type;

	if (skb_is_nonlinear(skb) || skb->len < ETH_HLEN)
		return false;
	type = *(const __be16 *)(d + 12);
	if (type == htons(ETH_P_IP)) {
		const struct iphdr *iph = (const void *)(d + ETH_HLEN);

		if (skb->len < ETH_HLEN + sizeof(*iph) ||
		    (iph->frag_off & htons(IP_MF | IP_OFFSET)) ||
		    ntohs(iph->tot_len) < iph->ihl * 4 ||
		    skb->len < ETH_HLEN + ntohs(iph->tot_len))
			return false;
		*l4 = ETH_HLEN + iph->ihl * 4;
		*l4len = ntohs(iph->tot_len) - iph->ihl * 4;
		*proto = iph->protocol;
		*v6 = false;
		return true;
	}
	if (type == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6h = (const void *)(d + ETH_HLEN);

		if (skb->len < ETH_HLEN + sizeof(*ip6h) ||
		    skb->len < ETH_HLEN + sizeof(*ip6h) +
			       ntohs(ip6h->payload_len))
			return false;
		*l4 = ETH_HLEN + sizeof(*ip6h);
		*l4len = ntohs(ip6h->payload_len);
		*proto = ip6h->nexthdr;
		*v6 = true;
		return true;
	}
	return false;
}

/* Offset of the checksum field in an L4 header, or -1. */
static int ovs_kunit_csum_field(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return offsetof(struct tcphdr, check);
	case IPPROTO_UDP:
		return offsetof(struct udphdr, check);
	case IPPROTO_ICMP:
		return offsetof(struct icmphdr, checksum);
	case IPPROTO_ICMPV6:
		return 2;
	default:
		return -1;
	}
}

/* The folded L4 checksum over the payload and pseudo-header, if any. */
static __sum16 ovs_kunit_l4_csum(const struct sk_buff *skb, unsigned int l4,
				 unsigned int l4len, u8 proto, bool v6)
{
	__wsum sum = csum_partial(skb->data + l4, l4len, 0);

	if (proto == IPPROTO_ICMP)
		return csum_fold(sum);
	if (v6) {
		const struct ipv6hdr *ip6h = (const void *)(skb->data +
							    ETH_HLEN);

		return csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, l4len,
				       proto, sum);
	} else {
		const struct iphdr *iph = (const void *)(skb->data + ETH_HLEN);

		return csum_tcpudp_magic(iph->saddr, iph->daddr, l4len, proto,
					 sum);
	}
}

/**
 * ovs_kunit_fill_csum - compute the checksums of a packet built here.
 * @skb: an untagged Ethernet frame with IPv4 (header checksum set) or IPv6
 *	(no extension headers), and a TCP, UDP, ICMP or ICMPv6 checksum that
 *	is set when the packet is not a fragment.
 *
 * Context: any.
 */
void ovs_kunit_fill_csum(struct sk_buff *skb)
{
	unsigned int l4, l4len;
	__sum16 *check;
	bool v6;
	u8 proto;
	int ofs;

	skb_set_network_header(skb, ETH_HLEN);
	if (skb->len >= ETH_HLEN + sizeof(struct iphdr) &&
	    *(__be16 *)(skb->data + 12) == htons(ETH_P_IP))
		ip_send_check(ip_hdr(skb));

	if (!ovs_kunit_locate(skb, &l4, &l4len, &proto, &v6))
		return;
	ofs = ovs_kunit_csum_field(proto);
	if (ofs < 0 || l4len < ofs + sizeof(*check))
		return;
	check = (__sum16 *)(skb->data + l4 + ofs);
	*check = 0;
	*check = ovs_kunit_l4_csum(skb, l4, l4len, proto, v6);
	if (proto == IPPROTO_UDP && !*check)
		*check = CSUM_MANGLED_0;
}

/**
 * ovs_kunit_csum_ok - are a packet's checksums (still) right?
 * @skb: a frame as ovs_kunit_fill_csum() takes, e.g. after NAT.
 *
 * Context: any.
 * Return: true when the IPv4 header checksum (for IPv4) and the TCP, UDP,
 * ICMP or ICMPv6 checksum verify; false otherwise or for other frames.
 */
bool ovs_kunit_csum_ok(const struct sk_buff *skb)
{
	unsigned int l4, l4len;
	bool v6;
	u8 proto;

	if (!ovs_kunit_locate(skb, &l4, &l4len, &proto, &v6))
		return false;
	if (!v6) {
		const struct iphdr *iph = (const void *)(skb->data + ETH_HLEN);

		if (ip_fast_csum(iph, iph->ihl))
			return false;
	}
	if (ovs_kunit_csum_field(proto) < 0)
		return false;
	return !ovs_kunit_l4_csum(skb, l4, l4len, proto, v6);
}

/**
 * ovs_kunit_ipv4 - an Ethernet/IPv4 packet around an L4 header and payload.
 * @test: the running test; the skb is freed when it ends.
 * @saddr: IPv4 source.
 * @daddr: IPv4 destination.
 * @proto: IP protocol of @l4.
 * @l4: the transport header and payload (its checksum field is filled in).
 * @l4len: their length.
 *
 * The IPv4 header has no options, TTL 64, DF set, id 0x4242.
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb, checksums valid.
 */
struct sk_buff *ovs_kunit_ipv4(struct kunit *test, __be32 saddr,
			       __be32 daddr, u8 proto, const void *l4,
			       unsigned int l4len)
{
	static const struct ethhdr eth = OVS_KUNIT_ETH(ETH_P_IP);
	struct iphdr iph = {
		.version = 4,
		.ihl = 5,
		.tot_len = htons(sizeof(iph) + l4len),
		.id = htons(0x4242),
		.frag_off = htons(IP_DF),
		.ttl = 64,
		.protocol = proto,
		.saddr = saddr,
		.daddr = daddr,
	};
	struct sk_buff *skb;

	skb = ovs_kunit_skb_cat(test, &eth, sizeof(eth), &iph, sizeof(iph),
				l4, (size_t)l4len, NULL);
	ovs_kunit_fill_csum(skb);
	return skb;
}

/**
 * ovs_kunit_ipv6 - an Ethernet/IPv6 packet around an L4 header and payload.
 * @test: the running test; the skb is freed when it ends.
 * @saddr: IPv6 source.
 * @daddr: IPv6 destination.
 * @proto: next header of @l4.
 * @l4: the transport header and payload (its checksum field is filled in).
 * @l4len: their length.
 *
 * The IPv6 header has hop limit 64, no traffic class, flow label or
 * extension headers.
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb, checksums valid.
 */
struct sk_buff *ovs_kunit_ipv6(struct kunit *test,
			       const struct in6_addr *saddr,
			       const struct in6_addr *daddr, u8 proto,
			       const void *l4, unsigned int l4len)
{
	static const struct ethhdr eth = OVS_KUNIT_ETH(ETH_P_IPV6);
	struct ipv6hdr ip6h = {
		.version = 6,
		.payload_len = htons(l4len),
		.nexthdr = proto,
		.hop_limit = 64,
		.saddr = *saddr,
		.daddr = *daddr,
	};
	struct sk_buff *skb;

	skb = ovs_kunit_skb_cat(test, &eth, sizeof(eth), &ip6h, sizeof(ip6h),
				l4, (size_t)l4len, NULL);
	ovs_kunit_fill_csum(skb);
	return skb;
}

/**
 * ovs_kunit_tcp - fill a 20-byte TCP header.
 * @th: the header.
 * @sport: source port, host order.
 * @dport: destination port, host order.
 * @seq: sequence number, host order.
 * @ack: acknowledgment number, host order.
 * @flags: the flag byte (TCPHDR_SYN, TCPHDR_ACK...).
 *
 * Data offset 5, window 65535, checksum 0 (see ovs_kunit_fill_csum()).
 */
void ovs_kunit_tcp(struct tcphdr *th, u16 sport, u16 dport, u32 seq,
		   u32 ack, u8 flags)
{
	memset(th, 0, sizeof(*th));
	th->source = htons(sport);
	th->dest = htons(dport);
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->doff = sizeof(*th) / 4;
	((u8 *)th)[13] = flags;
	th->window = htons(65535);
}

/**
 * ovs_kunit_udp_datagram - a whole UDP datagram, to be fragmented.
 * @buf: receives it.
 * @len: its length, header included (at least 8).
 * @saddr: IPv4 (4 bytes) or IPv6 (16 bytes) source, for the checksum.
 * @daddr: destination, likewise.
 * @v6: the addresses are IPv6.
 *
 * Ports 7000 -> 7001, payload bytes counting up from 8, checksum valid.
 */
void ovs_kunit_udp_datagram(u8 *buf, unsigned int len, const void *saddr,
			    const void *daddr, bool v6)
{
	struct udphdr *uh = (struct udphdr *)buf;
	unsigned int i;
	__wsum sum;

	for (i = sizeof(*uh); i < len; i++)
		buf[i] = i;
	uh->source = htons(7000);
	uh->dest = htons(7001);
	uh->len = htons(len);
	uh->check = 0;
	sum = csum_partial(buf, len, 0);
	if (v6)
		uh->check = csum_ipv6_magic(saddr, daddr, len, IPPROTO_UDP,
					    sum);
	else
		uh->check = csum_tcpudp_magic(*(const __be32 *)saddr,
					      *(const __be32 *)daddr, len,
					      IPPROTO_UDP, sum);
	if (!uh->check)
		uh->check = CSUM_MANGLED_0;
}

/**
 * ovs_kunit_frag4 - an Ethernet/IPv4 fragment of a UDP datagram.
 * @test: the running test; the skb is freed when it ends.
 * @saddr: IPv4 source.
 * @daddr: IPv4 destination.
 * @datagram: the whole datagram (from ovs_kunit_udp_datagram()).
 * @ofs: byte offset of this fragment (a multiple of 8).
 * @len: its length.
 * @more: more fragments follow (MF).
 *
 * IPv4 id 0x7777, TTL 64, header checksum valid.
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb.
 */
struct sk_buff *ovs_kunit_frag4(struct kunit *test, __be32 saddr,
				__be32 daddr, const u8 *datagram,
				unsigned int ofs, unsigned int len, bool more)
{
	static const struct ethhdr eth = OVS_KUNIT_ETH(ETH_P_IP);
	struct iphdr iph = {
		.version = 4,
		.ihl = 5,
		.tot_len = htons(sizeof(iph) + len),
		.id = htons(0x7777),
		.frag_off = htons((ofs / 8) | (more ? IP_MF : 0)),
		.ttl = 64,
		.protocol = IPPROTO_UDP,
		.saddr = saddr,
		.daddr = daddr,
	};

	ip_send_check(&iph);
	return ovs_kunit_skb_cat(test, &eth, sizeof(eth), &iph, sizeof(iph),
				 datagram + ofs, (size_t)len, NULL);
}

/**
 * ovs_kunit_frag6 - an Ethernet/IPv6 fragment of a UDP datagram.
 * @test: the running test; the skb is freed when it ends.
 * @saddr: IPv6 source.
 * @daddr: IPv6 destination.
 * @datagram: the whole datagram (from ovs_kunit_udp_datagram()).
 * @ofs: byte offset of this fragment (a multiple of 8).
 * @len: its length.
 * @more: more fragments follow (M flag).
 *
 * The fragment header is the only extension header; id 0x77777777.
 * Context: process context.  Asserts on allocation failure.
 * Return: the skb.
 */
struct sk_buff *ovs_kunit_frag6(struct kunit *test,
				const struct in6_addr *saddr,
				const struct in6_addr *daddr,
				const u8 *datagram, unsigned int ofs,
				unsigned int len, bool more)
{
	static const struct ethhdr eth = OVS_KUNIT_ETH(ETH_P_IPV6);
	struct ipv6hdr ip6h = {
		.version = 6,
		.payload_len = htons(sizeof(struct frag_hdr) + len),
		.nexthdr = NEXTHDR_FRAGMENT,
		.hop_limit = 64,
		.saddr = *saddr,
		.daddr = *daddr,
	};
	struct frag_hdr fh = {
		.nexthdr = IPPROTO_UDP,
		.frag_off = htons(ofs | (more ? IP6_MF : 0)),
		.identification = htonl(0x77777777),
	};

	return ovs_kunit_skb_cat(test, &eth, sizeof(eth), &ip6h, sizeof(ip6h),
				 &fh, sizeof(fh), datagram + ofs, (size_t)len,
				 NULL);
}
