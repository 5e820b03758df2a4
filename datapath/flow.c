// SPDX-License-Identifier: GPL-2.0-only
/*
 * Flow keys from packets, flow allocation and per-flow statistics.
 *
 * Header parsing works on offsets from skb->data.  Every header the key is
 * built from is first made linear with pskb_may_pull(), so that later users
 * (actions, conntrack) find the network and transport headers in the linear
 * area just as the in-tree datapath leaves them; option areas that are only
 * read here (IPv6 extension headers, ND options, ARP) go through
 * skb_header_pointer() instead.  A packet too short for a header is not an
 * error: the key then describes the layers that were complete.  Only a
 * failure to allocate while pulling is reported, as -ENOMEM, so that a
 * packet is never classified by a key that misses headers it really has.
 *
 * Behaviour follows net/openvswitch/flow.c of Linux, which is what Open
 * vSwitch userspace expects from the "system" datapath.
 */

#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jiffies.h>
#include <linux/llc.h>
#include <linux/mpls.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sctp.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/timekeeping.h>
#include <linux/udp.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ip_tunnels.h>
#include <net/ipv6.h>
#include <net/mpls.h>
#include <net/ndisc.h>

#include "actions.h"
#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "flow_netlink.h"
#include "vport.h"

static struct kmem_cache *flow_cache __read_mostly;

/* ARP for Ethernet hardware and IPv4 protocol addresses (RFC 826). */
struct ovs_arp_eth {
	__be16 hrd;
	__be16 pro;
	u8 hln;
	u8 pln;
	__be16 op;
	u8 sha[ETH_ALEN];
	u8 spa[4];
	u8 tha[ETH_ALEN];
	u8 tpa[4];
} __packed;

/* 802.2 LLC header followed by a SNAP header. */
struct ovs_llc_snap {
	u8 dsap;
	u8 ssap;
	u8 ctrl;
	u8 oui[3];
	__be16 type;
} __packed;

/* The conntrack original tuple, set aside while a key is re-parsed. */
struct ct_orig_stash {
	__be16 eth_type;	/* the key type it belongs to; 0 if none */
	union {
		typeof(((struct sw_flow_key *)NULL)->ipv4.ct_orig) v4;
		typeof(((struct sw_flow_key *)NULL)->ipv6.ct_orig) v6;
	};
};

/*
 * Make the first @len bytes from skb->data linear.
 * Returns 1 when they are, 0 when the packet is shorter than @len, and
 * -ENOMEM when pulling them needed memory that was not available.
 */
static int hdr_pull(struct sk_buff *skb, unsigned int len)
{
	if (unlikely(skb->len < len))
		return 0;
	if (unlikely(!pskb_may_pull(skb, len)))
		return -ENOMEM;
	return 1;
}

/* Is this an IPv6 Neighbor Solicitation or Advertisement key? */
static bool key_is_nd(const struct sw_flow_key *key)
{
	return key->eth.type == htons(ETH_P_IPV6) &&
	       key->ip.proto == IPPROTO_ICMPV6 &&
	       key->tp.dst == 0 &&
	       (key->tp.src == htons(NDISC_NEIGHBOUR_SOLICITATION) ||
		key->tp.src == htons(NDISC_NEIGHBOUR_ADVERTISEMENT));
}

/*
 * Zero the L3 and L4 part of @key (ip, tp and the address union) so that it
 * can be parsed again.  The conntrack original tuple shares the union with
 * the ARP and ND fields; it is saved in @st when the key is one that can
 * carry it (IPv4, or IPv6 other than ND).
 */
static void key_clear_l3l4(struct sw_flow_key *key, struct ct_orig_stash *st)
{
	BUILD_BUG_ON(sizeof(key->ipv4) > sizeof(key->ipv6));

	st->eth_type = 0;
	if (key->eth.type == htons(ETH_P_IP)) {
		st->eth_type = key->eth.type;
		st->v4 = key->ipv4.ct_orig;
	} else if (key->eth.type == htons(ETH_P_IPV6) && !key_is_nd(key)) {
		st->eth_type = key->eth.type;
		st->v6 = key->ipv6.ct_orig;
	}

	memset(&key->ip, 0, sizeof(key->ip));
	memset(&key->tp, 0, sizeof(key->tp));
	memset(&key->ipv6, 0, sizeof(key->ipv6));
}

/* Put back a tuple saved by key_clear_l3l4() if the key still fits it. */
static void key_restore_ct_orig(struct sw_flow_key *key,
				const struct ct_orig_stash *st)
{
	if (!st->eth_type || key->eth.type != st->eth_type)
		return;

	if (st->eth_type == htons(ETH_P_IP))
		key->ipv4.ct_orig = st->v4;
	else if (!key_is_nd(key))
		key->ipv6.ct_orig = st->v6;
}

/* TCP, UDP or SCTP ports (and TCP flags) at the transport offset. */
static int parse_ports(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int th_ofs = skb_transport_offset(skb);
	int res;

	switch (key->ip.proto) {
	case IPPROTO_TCP: {
		const struct tcphdr *tcp;
		unsigned int doff;

		res = hdr_pull(skb, th_ofs + sizeof(*tcp));
		if (res <= 0)
			return res;
		tcp = tcp_hdr(skb);
		doff = tcp->doff * 4;
		if (doff < sizeof(*tcp) || skb->len < th_ofs + doff)
			return 0;
		key->tp.src = tcp->source;
		key->tp.dst = tcp->dest;
		key->tp.flags = TCP_FLAGS_BE16(tcp);
		return 0;
	}
	case IPPROTO_UDP: {
		const struct udphdr *udp;

		res = hdr_pull(skb, th_ofs + sizeof(*udp));
		if (res <= 0)
			return res;
		udp = udp_hdr(skb);
		key->tp.src = udp->source;
		key->tp.dst = udp->dest;
		return 0;
	}
	case IPPROTO_SCTP: {
		const struct sctphdr *sctp;

		res = hdr_pull(skb, th_ofs + sizeof(*sctp));
		if (res <= 0)
			return res;
		sctp = sctp_hdr(skb);
		key->tp.src = sctp->source;
		key->tp.dst = sctp->dest;
		return 0;
	}
	}
	return 0;
}

static int parse_icmp(struct sk_buff *skb, struct sw_flow_key *key)
{
	const struct icmphdr *icmp;
	int res;

	res = hdr_pull(skb, skb_transport_offset(skb) + sizeof(*icmp));
	if (res <= 0)
		return res;
	icmp = icmp_hdr(skb);
	key->tp.src = htons(icmp->type);
	key->tp.dst = htons(icmp->code);
	return 0;
}

/*
 * Neighbor Discovery target and link-layer address options (RFC 4861).
 * A message too short for its target leaves them all zero; option parsing
 * stops at a zero-length or overlong option, keeping what was found; a
 * repeated source or target link-layer option clears all of them.
 */
static void parse_nd(const struct sk_buff *skb, struct sw_flow_key *key,
		     unsigned int th_ofs)
{
	unsigned int ofs = th_ofs + sizeof(struct nd_msg);
	const struct in6_addr *target;
	struct in6_addr target_buf;

	if (skb->len < ofs)
		return;
	target = skb_header_pointer(skb, th_ofs + offsetof(struct nd_msg, target),
				    sizeof(target_buf), &target_buf);
	if (!target)
		return;
	key->ipv6.nd.target = *target;

	while (skb->len - ofs >= 8) {
		const struct nd_opt_hdr *opt;
		unsigned int opt_len;
		u8 buf[8];
		u8 *lladdr;

		opt = skb_header_pointer(skb, ofs, sizeof(buf), buf);
		if (!opt)
			return;
		opt_len = opt->nd_opt_len * 8;
		if (!opt_len || opt_len > skb->len - ofs)
			return;

		lladdr = NULL;
		if (opt_len == 8) {
			if (opt->nd_opt_type == ND_OPT_SOURCE_LL_ADDR)
				lladdr = key->ipv6.nd.sll;
			else if (opt->nd_opt_type == ND_OPT_TARGET_LL_ADDR)
				lladdr = key->ipv6.nd.tll;
		}
		if (lladdr) {
			if (!is_zero_ether_addr(lladdr)) {
				memset(&key->ipv6.nd, 0, sizeof(key->ipv6.nd));
				return;
			}
			memcpy(lladdr, (const u8 *)opt + sizeof(*opt), ETH_ALEN);
		}
		ofs += opt_len;
	}
}

static int parse_icmpv6(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int th_ofs = skb_transport_offset(skb);
	const struct icmp6hdr *icmp;
	u8 type, code;
	int res;

	res = hdr_pull(skb, th_ofs + sizeof(*icmp));
	if (res <= 0)
		return res;
	icmp = icmp6_hdr(skb);
	type = icmp->icmp6_type;
	code = icmp->icmp6_code;
	key->tp.src = htons(type);
	key->tp.dst = htons(code);

	if (code == 0 && (type == NDISC_NEIGHBOUR_SOLICITATION ||
			  type == NDISC_NEIGHBOUR_ADVERTISEMENT))
		parse_nd(skb, key, th_ofs);
	return 0;
}

static int parse_ipv4(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int nh_ofs = skb_network_offset(skb);
	const struct iphdr *nh;
	unsigned int ihl;
	int res;

	/* Until the header proves usable there is no transport header. */
	skb_set_transport_header(skb, nh_ofs);

	res = hdr_pull(skb, nh_ofs + sizeof(*nh));
	if (res <= 0)
		return res;
	ihl = ip_hdrlen(skb);
	if (ihl < sizeof(*nh))
		return 0;
	res = hdr_pull(skb, nh_ofs + ihl);
	if (res <= 0)
		return res;

	nh = ip_hdr(skb);
	skb_set_transport_header(skb, nh_ofs + ihl);
	key->ipv4.addr.src = nh->saddr;
	key->ipv4.addr.dst = nh->daddr;
	key->ip.proto = nh->protocol;
	key->ip.tos = nh->tos;
	key->ip.ttl = nh->ttl;

	if (nh->frag_off & htons(IP_OFFSET)) {
		key->ip.frag = OVS_FRAG_TYPE_LATER;
		return 0;
	}
	if ((nh->frag_off & htons(IP_MF)) ||
	    (skb_shinfo(skb)->gso_type & SKB_GSO_UDP))
		key->ip.frag = OVS_FRAG_TYPE_FIRST;
	else
		key->ip.frag = OVS_FRAG_TYPE_NONE;

	if (key->ip.proto == IPPROTO_ICMP)
		return parse_icmp(skb, key);
	return parse_ports(skb, key);
}

static int parse_ipv6(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int nh_ofs = skb_network_offset(skb);
	unsigned int payload_ofs = 0;
	const struct ipv6hdr *nh;
	unsigned short frag_off;
	int nexthdr, flags = 0;
	int res;

	skb_set_transport_header(skb, nh_ofs);

	res = hdr_pull(skb, nh_ofs + sizeof(*nh));
	if (res <= 0)
		return res;

	nh = ipv6_hdr(skb);
	key->ip.proto = NEXTHDR_NONE;
	key->ip.tos = ipv6_get_dsfield(nh);
	key->ip.ttl = nh->hop_limit;
	key->ipv6.label = ip6_flowlabel(nh);
	key->ipv6.addr.src = nh->saddr;
	key->ipv6.addr.dst = nh->daddr;

	/*
	 * Find the upper-layer header.  The fragment flag and offset are
	 * valid even when the walk fails further on, so look at them first.
	 */
	nexthdr = ipv6_find_hdr(skb, &payload_ofs, -1, &frag_off, &flags);
	if (flags & IP6_FH_F_FRAG) {
		if (frag_off) {
			key->ip.frag = OVS_FRAG_TYPE_LATER;
			key->ip.proto = NEXTHDR_FRAGMENT;
			return 0;
		}
		key->ip.frag = OVS_FRAG_TYPE_FIRST;
	} else {
		key->ip.frag = OVS_FRAG_TYPE_NONE;
	}
	if (nexthdr < 0)
		return 0;

	key->ip.proto = nexthdr;
	skb_set_transport_header(skb, payload_ofs);
	if (skb_shinfo(skb)->gso_type & SKB_GSO_UDP)
		key->ip.frag = OVS_FRAG_TYPE_FIRST;

	if (key->ip.proto == NEXTHDR_ICMP)
		return parse_icmpv6(skb, key);
	return parse_ports(skb, key);
}

/* ARP and RARP for Ethernet and IPv4 only; anything else leaves L3 zero. */
static void parse_arp(const struct sk_buff *skb, struct sw_flow_key *key)
{
	const struct ovs_arp_eth *arp;
	struct ovs_arp_eth buf;
	u16 op;

	arp = skb_header_pointer(skb, skb_network_offset(skb), sizeof(buf), &buf);
	if (!arp || arp->hrd != htons(ARPHRD_ETHER) ||
	    arp->pro != htons(ETH_P_IP) ||
	    arp->hln != ETH_ALEN || arp->pln != 4)
		return;

	/* Only an opcode that fits in a byte can be matched. */
	op = ntohs(arp->op);
	key->ip.proto = op <= 0xff ? op : 0;
	memcpy(&key->ipv4.addr.src, arp->spa, sizeof(key->ipv4.addr.src));
	memcpy(&key->ipv4.addr.dst, arp->tpa, sizeof(key->ipv4.addr.dst));
	memcpy(key->ipv4.arp.sha, arp->sha, ETH_ALEN);
	memcpy(key->ipv4.arp.tha, arp->tha, ETH_ALEN);
}

/*
 * MPLS label stack at the network offset: the first OVS_MPLS_LABEL_DEPTH
 * entries go into the key, the walk goes on to the bottom-of-stack entry,
 * and the inner network header is set after it (MPLS GSO finds the
 * payload there), as the in-tree datapath does.  A stack cut short by the
 * end of the packet leaves num_labels_mask 0.
 */
static int parse_mpls(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int ofs = skb_network_offset(skb);
	unsigned int n = 0;
	int res;

	for (;;) {
		__be32 lse;

		res = hdr_pull(skb, ofs + MPLS_HLEN);
		if (res <= 0)
			return res;
		memcpy(&lse, skb->data + ofs, MPLS_HLEN);
		if (n < OVS_MPLS_LABEL_DEPTH)
			key->mpls.lse[n] = lse;
		n++;
		ofs += MPLS_HLEN;
		skb_set_inner_network_header(skb, ofs);
		if (lse & htonl(MPLS_LS_S_MASK))
			break;
	}
	key->mpls.num_labels_mask = GENMASK(min_t(unsigned int, n,
						  OVS_MPLS_LABEL_DEPTH) - 1, 0);
	return 0;
}

/*
 * Fill the L3/L4 part of @key from the headers at skb's network offset,
 * according to key->eth.type.  The L3/L4 fields must be zero on entry.
 * Sets the transport header: past the IP header and its extensions when
 * they are complete, otherwise equal to the network header.
 */
static int key_extract_l3l4(struct sk_buff *skb, struct sw_flow_key *key)
{
	switch (key->eth.type) {
	case htons(ETH_P_IP):
		return parse_ipv4(skb, key);
	case htons(ETH_P_IPV6):
		return parse_ipv6(skb, key);
	case htons(ETH_P_ARP):
	case htons(ETH_P_RARP):
		parse_arp(skb, key);
		break;
	case htons(ETH_P_MPLS_UC):
	case htons(ETH_P_MPLS_MC):
		skb_set_transport_header(skb, skb_network_offset(skb));
		return parse_mpls(skb, key);
	}
	skb_set_transport_header(skb, skb_network_offset(skb));
	return 0;
}

/*
 * Read an in-band 802.1Q/802.1ad tag whose TPID is at @ofs (the two bytes
 * at @ofs are already linear).  Returns 1 with @vlan filled, 0 when there
 * is no complete tag there, or -ENOMEM.
 */
static int parse_vlan_tag(struct sk_buff *skb, unsigned int ofs,
			  struct ovs_vlan *vlan)
{
	const __be16 *tag;
	int res;

	if (!eth_type_vlan(*(const __be16 *)(skb->data + ofs)))
		return 0;

	/* The tag and the type field that must follow it. */
	res = hdr_pull(skb, ofs + VLAN_HLEN + sizeof(__be16));
	if (res <= 0)
		return res;

	tag = (const __be16 *)(skb->data + ofs);
	vlan->tpid = tag[0];
	vlan->tci = tag[1] | OVS_VLAN_PRESENT;
	return 1;
}

/*
 * Move the in-band outer tag of the frame into the skb's accelerated tag,
 * where push_vlan/pop_vlan (skb_vlan_push/skb_vlan_pop) expect the outer
 * tag to be.  skb->data must be at the MAC header; it stays there.
 */
static int untag_outer_vlan(struct sk_buff *skb, __be16 tpid)
{
	u16 tci;
	int err;

	err = __skb_vlan_pop(skb, &tci);
	if (unlikely(err))
		return err;
	__vlan_hwaccel_put_tag(skb, tpid, tci);
	return 0;
}

/*
 * The type field at *@ofs (two bytes, already linear).  A value below
 * ETH_P_802_3_MIN is an 802.3 length: the frame carries LLC, and a SNAP
 * header with a zero OUI gives the real type.  *@ofs is advanced past
 * what was consumed.
 */
static int parse_ethertype(struct sk_buff *skb, unsigned int *ofs,
			   __be16 *type)
{
	const struct ovs_llc_snap *snap;
	__be16 proto;
	int res;

	proto = *(const __be16 *)(skb->data + *ofs);
	*ofs += sizeof(__be16);
	if (eth_proto_is_802_3(proto)) {
		*type = proto;
		return 0;
	}

	*type = htons(ETH_P_802_2);
	res = hdr_pull(skb, *ofs + sizeof(*snap));
	if (res <= 0)
		return res;

	snap = (const struct ovs_llc_snap *)(skb->data + *ofs);
	if (snap->dsap != LLC_SAP_SNAP || snap->ssap != LLC_SAP_SNAP ||
	    (snap->oui[0] | snap->oui[1] | snap->oui[2]))
		return 0;

	*ofs += sizeof(*snap);
	if (eth_proto_is_802_3(snap->type))
		*type = snap->type;
	return 0;
}

/*
 * Fill the header part of @key from an Ethernet frame at skb->data; all
 * header fields of @key must be zero on entry.  On return skb->data is
 * unchanged and:
 *  - the MAC header is at skb->data, mac_len covers the L2 headers;
 *  - the outer VLAN tag, if it was in-band, is now the accelerated tag;
 *  - the network header is at the first byte after the L2 headers;
 *  - skb->protocol is key->eth.type, or the inner TPID when an in-band
 *    tag remains (so that skb_vlan_pop() can move it out later);
 *  - the transport header as set by key_extract_l3l4().
 * A frame shorter than an Ethernet header is rejected with -EINVAL.
 */
static int key_extract(struct sk_buff *skb, struct sw_flow_key *key)
{
	unsigned int ofs = 2 * ETH_ALEN;
	const struct ethhdr *eth;
	int res;

	skb_reset_mac_header(skb);
	res = hdr_pull(skb, ETH_HLEN);
	if (res <= 0)
		return res ? res : -EINVAL;

	eth = eth_hdr(skb);
	ether_addr_copy(key->eth.src, eth->h_source);
	ether_addr_copy(key->eth.dst, eth->h_dest);

	if (skb_vlan_tag_present(skb)) {
		key->eth.vlan.tpid = skb->vlan_proto;
		key->eth.vlan.tci = htons(skb_vlan_tag_get(skb)) |
				    OVS_VLAN_PRESENT;
	} else {
		res = parse_vlan_tag(skb, ofs, &key->eth.vlan);
		if (res < 0)
			return res;
		if (res > 0) {
			res = untag_outer_vlan(skb, key->eth.vlan.tpid);
			if (res)
				return res;
		}
	}

	/* Only a frame with an outer tag may have an inner one. */
	if (key->eth.vlan.tci) {
		res = parse_vlan_tag(skb, ofs, &key->eth.cvlan);
		if (res < 0)
			return res;
		if (res > 0)
			ofs += VLAN_HLEN;
	}

	res = parse_ethertype(skb, &ofs, &key->eth.type);
	if (res)
		return res;

	if (key->eth.cvlan.tci)
		skb->protocol = key->eth.cvlan.tpid;
	else
		skb->protocol = key->eth.type;
	skb_set_network_header(skb, ofs);
	skb_reset_mac_len(skb);

	return key_extract_l3l4(skb, key);
}

/* Key tunnel flags and the kernel's ip_tunnel_key flag bits they stand for. */
static const struct {
	u16 ovs;
	u8 bit;
} tun_flag_map[] = {
	{ OVS_TNL_F_KEY,		IP_TUNNEL_KEY_BIT },
	{ OVS_TNL_F_DONT_FRAGMENT,	IP_TUNNEL_DONT_FRAGMENT_BIT },
	{ OVS_TNL_F_CSUM,		IP_TUNNEL_CSUM_BIT },
	{ OVS_TNL_F_OAM,		IP_TUNNEL_OAM_BIT },
	{ OVS_TNL_F_GENEVE_OPT,		IP_TUNNEL_GENEVE_OPT_BIT },
	{ OVS_TNL_F_VXLAN_OPT,		IP_TUNNEL_VXLAN_OPT_BIT },
	{ OVS_TNL_F_ERSPAN_OPT,		IP_TUNNEL_ERSPAN_OPT_BIT },
	{ OVS_TNL_F_CRIT_OPT,		IP_TUNNEL_CRIT_OPT_BIT },
};

/**
 * ovs_flow_tun_key_from_info - a kernel tunnel description as a key's tunnel.
 * @tun: zeroed, then filled: id, addresses of the info's family, TOS, TTL,
 *	UDP ports, the OVS_TNL_F_* flags the info's flags map to (others
 *	are dropped), proto (AF_INET or AF_INET6) and opts_len.  The option
 *	bytes themselves are not copied.
 * @info: the tunnel info: a received packet's metadata or a prepared
 *	set(tunnel()) action's.
 *
 * The key keeps only what OVS_TUNNEL_KEY_ATTR_* can express, as the in-tree
 * datapath's flow key does in effect (its masks never cover the rest).
 * Context: any.
 */
void ovs_flow_tun_key_from_info(struct ovs_tun_key *tun,
				const struct ip_tunnel_info *info)
{
	const struct ip_tunnel_key *k = &info->key;
	unsigned int i;

	memset(tun, 0, sizeof(*tun));
	tun->tun_id = k->tun_id;
	tun->proto = ip_tunnel_info_af(info);
	if (tun->proto == AF_INET6) {
		tun->u.ipv6.src = k->u.ipv6.src;
		tun->u.ipv6.dst = k->u.ipv6.dst;
	} else {
		tun->u.ipv4.src = k->u.ipv4.src;
		tun->u.ipv4.dst = k->u.ipv4.dst;
	}
	tun->tos = k->tos;
	tun->ttl = k->ttl;
	tun->tp_src = k->tp_src;
	tun->tp_dst = k->tp_dst;
	for (i = 0; i < ARRAY_SIZE(tun_flag_map); i++)
		if (ovs_tun_flag_test(k, tun_flag_map[i].bit))
			tun->flags |= tun_flag_map[i].ovs;
	tun->opts_len = info->options_len;
}

/**
 * ovs_flow_tun_key_to_info - a key's tunnel as a kernel tunnel description.
 * @info: its ip_tunnel_key is rewritten from @tun (label, nexthop id and
 *	flags without an OVS_TNL_F_* counterpart become zero), options_len
 *	set and the options copied behind it; mode and dst_cache are left
 *	alone.
 * @tun: the tunnel; proto AF_INET6 selects the IPv6 addresses, anything
 *	else the IPv4 ones.
 * @opts: @tun->opts_len bytes of options (unused when that is 0).
 *
 * The caller guarantees room for @tun->opts_len option bytes behind @info
 * (metadata_dst_alloc() with that many).
 * Context: any.
 */
void ovs_flow_tun_key_to_info(struct ip_tunnel_info *info,
			      const struct ovs_tun_key *tun, const u8 *opts)
{
	struct ip_tunnel_key *k = &info->key;
	unsigned int i;

	memset(k, 0, sizeof(*k));
	ovs_tun_flags_zero(k);
	k->tun_id = tun->tun_id;
	if (tun->proto == AF_INET6) {
		k->u.ipv6.src = tun->u.ipv6.src;
		k->u.ipv6.dst = tun->u.ipv6.dst;
	} else {
		k->u.ipv4.src = tun->u.ipv4.src;
		k->u.ipv4.dst = tun->u.ipv4.dst;
	}
	k->tos = tun->tos;
	k->ttl = tun->ttl;
	k->tp_src = tun->tp_src;
	k->tp_dst = tun->tp_dst;
	for (i = 0; i < ARRAY_SIZE(tun_flag_map); i++)
		if (tun->flags & tun_flag_map[i].ovs)
			ovs_tun_flag_set(k, tun_flag_map[i].bit);

	info->options_len = tun->opts_len;
	if (tun->opts_len)
		memcpy(ip_tunnel_info_opts(info), opts, tun->opts_len);
}

/**
 * ovs_flow_key_extract - fill a flow key from a packet received on a vport.
 * @input_vport: the vport the packet arrived on; its port number becomes
 *	the key's in_port.
 * @tun_info: receive-side tunnel metadata of the packet (the metadata dst
 *	a collect_md tunnel device attached), or NULL; it becomes the key's
 *	tunnel and options.
 * @skb: the packet, skb->data at the Ethernet header.  Its headers are
 *	made linear as far as the key needs them, an in-band outer VLAN tag
 *	becomes the accelerated tag, and its MAC, network and transport
 *	header offsets and protocol are set (see key_extract()).
 * @key: zeroed (except option bytes past the tunnel's opts_len, which
 *	are never significant), then filled with the packet's metadata
 *	(tunnel, priority, mark, in_port; recirc_id and dp_hash 0), headers,
 *	and conntrack state of any connection the skb already carries
 *	(ovs_ct_fill_key()).
 *
 * Matches ovs_flow_key_extract() of the in-tree datapath for Ethernet
 * ports.
 * Context: softirq or BH-disabled process context; does not sleep.
 * Return: 0; -EINVAL for a frame shorter than an Ethernet header; -ENOMEM
 * when pulling or unsharing headers failed.  Truncated or malformed upper
 * headers are not errors.
 */
int ovs_flow_key_extract(const struct vport *input_vport,
			 const struct ip_tunnel_info *tun_info,
			 struct sk_buff *skb, struct sw_flow_key *key)
{
	int err;

	BUILD_BUG_ON(IP_TUNNEL_OPTS_MAX > OVS_TUN_OPTS_MAX);

	memset(key, 0, offsetof(struct sw_flow_key, tun_opts));
	if (tun_info) {
		ovs_flow_tun_key_from_info(&key->tun, tun_info);
		ip_tunnel_info_opts_get(key->tun_opts, tun_info);
	}
	key->phy.priority = skb->priority;
	key->phy.skb_mark = skb->mark;
	key->phy.in_port = input_vport->port_no;

	err = key_extract(skb, key);
	if (err)
		return err;

	/* After the headers: the original tuple shares storage with ARP/ND. */
	ovs_ct_fill_key(skb, key);
	return 0;
}

/**
 * ovs_flow_key_extract_userspace - key for a packet userspace executes.
 * @net: the datapath's namespace.
 * @attr: OVS_PACKET_ATTR_KEY nest; its metadata attributes (tunnel,
 *	in_port, priority, skb_mark, recirc_id, dp_hash, ct_*) are applied.
 *	The tunnel only goes into the key (for matching after recirculation
 *	and for upcalls), not onto the packet: userspace attaches transmit
 *	metadata with a set(tunnel()) action, as for the in-tree datapath.
 * @skb: the packet, skb->data at the Ethernet header; skb->priority and
 *	skb->mark are set from @attr, headers prepared as by
 *	ovs_flow_key_extract().
 * @key: zeroed, filled from @attr's metadata and the packet's headers.
 * @log: whether to log parse errors.
 *
 * A conntrack original tuple in @attr is only accepted for a packet it can
 * describe: CT_ORIG_TUPLE_IPV4 for IPv4, CT_ORIG_TUPLE_IPV6 for IPv6 other
 * than Neighbor Discovery, as in the in-tree datapath (the tuple shares
 * key storage with the ARP and ND fields).
 * Context: process context, BH may be enabled.
 * Return: 0; -EINVAL for bad metadata, a tuple that does not fit the packet
 * or a frame shorter than an Ethernet header; -ENOMEM.
 */
int ovs_flow_key_extract_userspace(struct net *net, const struct nlattr *attr,
				   struct sk_buff *skb,
				   struct sw_flow_key *key, bool log)
{
	bool tuple4, tuple6;
	int err;

	memset(key, 0, sizeof(*key));
	err = ovs_nla_get_flow_metadata(net, attr, key, log);
	if (err)
		return err;

	skb->priority = key->phy.priority;
	skb->mark = key->phy.skb_mark;

	tuple4 = nla_find_nested(attr, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4);
	tuple6 = nla_find_nested(attr, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6);

	/*
	 * Parsing IPv4 or IPv6 headers leaves the matching original tuple
	 * alone; any other packet type makes the tuple invalid below.
	 */
	err = key_extract(skb, key);
	if (err)
		return err;

	if (tuple4 && key->eth.type != htons(ETH_P_IP)) {
		OVS_NLERR(log, "IPv4 conntrack original tuple for a non-IPv4 packet");
		return -EINVAL;
	}
	if (tuple6 && (key->eth.type != htons(ETH_P_IPV6) || key_is_nd(key))) {
		OVS_NLERR(log, "IPv6 conntrack original tuple for a non-IPv6 or ND packet");
		return -EINVAL;
	}
	return 0;
}

/**
 * ovs_flow_key_update - re-extract a key after actions changed the packet.
 * @skb: the packet, skb->data at the Ethernet header.
 * @key: header fields re-parsed in place.  Metadata is kept: phy,
 *	recirc_id, dp_hash, ct_state, ct_zone, ct_orig_proto, the ct
 *	mark/labels/original ports, and the original tuple addresses when
 *	the packet is still of the type they belong to.
 *
 * Used by actions that invalidate the key (e.g. push_vlan, pop_vlan).
 * Context: softirq or BH-disabled process context.
 * Return: 0; -EINVAL for a frame shorter than an Ethernet header; -ENOMEM.
 */
int ovs_flow_key_update(struct sk_buff *skb, struct sw_flow_key *key)
{
	struct ct_orig_stash st;
	int err;

	key_clear_l3l4(key, &st);
	memset(&key->eth, 0, sizeof(key->eth));

	err = key_extract(skb, key);
	if (err)
		return err;

	key_restore_ct_orig(key, &st);
	return 0;
}

/**
 * ovs_flow_key_update_l3l4 - re-parse L3/L4 after e.g. fragment reassembly.
 * @skb: the packet.  Its network header must be set; skb->data may be at
 *	the Ethernet header or at the network header (all offsets are taken
 *	relative to skb->data, as conntrack calls it with data at L3).
 * @key: ip, tp and the L3 address fields rewritten from the headers;
 *	Ethernet fields, metadata and the conntrack original tuple kept.
 *
 * Context: softirq or BH-disabled process context.
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_key_update_l3l4(struct sk_buff *skb, struct sw_flow_key *key)
{
	struct ct_orig_stash st;
	int err;

	key_clear_l3l4(key, &st);
	err = key_extract_l3l4(skb, key);
	if (err)
		return err;

	key_restore_ct_orig(key, &st);
	return 0;
}

/**
 * ovs_flow_alloc - allocate a flow with zeroed per-CPU statistics.
 *
 * Context: process context, may sleep; ovs_flow_init() has run.
 * Return: the flow, zeroed apart from its statistics (no actions, no
 * mask, no UFID), or ERR_PTR(-ENOMEM).
 */
struct sw_flow *ovs_flow_alloc(void)
{
	struct sw_flow *flow;
	int cpu;

	flow = kmem_cache_zalloc(flow_cache, GFP_KERNEL);
	if (!flow)
		return ERR_PTR(-ENOMEM);

	flow->stats = alloc_percpu(struct sw_flow_stats);
	if (!flow->stats) {
		kmem_cache_free(flow_cache, flow);
		return ERR_PTR(-ENOMEM);
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(flow->stats, cpu)->syncp);
	INIT_LIST_HEAD(&flow->list_node);

	return flow;
}

static void flow_free_now(struct sw_flow *flow)
{
	if (!flow->id.ufid_len)
		kfree(flow->id.unmasked_key);
	ovs_nla_free_flow_actions(rcu_dereference_protected(flow->sf_acts, 1));
	free_percpu(flow->stats);
	kmem_cache_free(flow_cache, flow);
}

static void flow_free_rcu(struct rcu_head *head)
{
	flow_free_now(container_of(head, struct sw_flow, rcu));
}

/**
 * ovs_flow_free - free a flow immediately or after an RCU grace period.
 * @flow: the flow, or NULL.  Its actions (ovs_nla_free_flow_actions()),
 *	its unmasked key when it has no UFID, and its statistics are freed
 *	with it; its mask is not (the flow table owns masks).
 * @deferred: true when RCU readers may still see the flow: the flow is
 *	freed from an RCU callback; false frees it now.
 *
 * Context: any for @deferred; process context otherwise.
 */
void ovs_flow_free(struct sw_flow *flow, bool deferred)
{
	if (!flow)
		return;

	if (deferred)
		call_rcu(&flow->rcu, flow_free_rcu);
	else
		flow_free_now(flow);
}

/**
 * ovs_flow_stats_update - account one packet to a flow.
 * @flow: the matched flow.
 * @tcp_flags: the packet's TCP flags (network order, as in the key) or 0.
 * @skb: the packet; its length, plus the accelerated VLAN tag if any, is
 *	counted as bytes.
 *
 * Updates this CPU's share of the statistics and its last-use time
 * (jiffies).
 * Context: softirq or BH disabled; lockless, per-CPU.
 */
void ovs_flow_stats_update(struct sw_flow *flow, __be16 tcp_flags,
			   const struct sk_buff *skb)
{
	struct sw_flow_stats *stats = this_cpu_ptr(flow->stats);
	unsigned int len = skb->len;

	if (skb_vlan_tag_present(skb))
		len += VLAN_HLEN;

	u64_stats_update_begin(&stats->syncp);
	stats->packet_count++;
	stats->byte_count += len;
	stats->used = jiffies;
	stats->tcp_flags |= tcp_flags;
	u64_stats_update_end(&stats->syncp);
}

/**
 * ovs_flow_stats_get - fold a flow's per-CPU statistics.
 * @flow: the flow.
 * @ovs_stats: packets and bytes summed over all possible CPUs.
 * @used: the latest last-use time in jiffies over all CPUs, 0 if never.
 * @tcp_flags: OR of the TCP flags seen on all CPUs.
 *
 * Context: any; under RCU or ovs_mutex so that @flow stays alive.
 */
void ovs_flow_stats_get(const struct sw_flow *flow,
			struct ovs_flow_stats *ovs_stats,
			unsigned long *used, __be16 *tcp_flags)
{
	u64 packets = 0, bytes = 0;
	unsigned long last = 0;
	__be16 flags = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct sw_flow_stats *stats = per_cpu_ptr(flow->stats, cpu);
		u64 cpu_packets, cpu_bytes;
		unsigned long cpu_used;
		__be16 cpu_flags;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&stats->syncp);
			cpu_packets = stats->packet_count;
			cpu_bytes = stats->byte_count;
			cpu_used = READ_ONCE(stats->used);
			cpu_flags = READ_ONCE(stats->tcp_flags);
		} while (u64_stats_fetch_retry(&stats->syncp, start));

		packets += cpu_packets;
		bytes += cpu_bytes;
		flags |= cpu_flags;
		if (cpu_used && (!last || time_after(cpu_used, last)))
			last = cpu_used;
	}

	ovs_stats->n_packets = packets;
	ovs_stats->n_bytes = bytes;
	*used = last;
	*tcp_flags = flags;
}

/**
 * ovs_flow_stats_clear - zero a flow's statistics (OVS_FLOW_ATTR_CLEAR).
 * @flow: the flow.
 *
 * Every CPU's share is reset from this CPU without a lock, so a packet that
 * another CPU accounts to this flow at the same instant may survive the
 * reset on that CPU (or be lost); statistics are approximate at the moment
 * of a clear, as with any concurrent traffic.
 * Context: ovs_mutex held.
 */
void ovs_flow_stats_clear(struct sw_flow *flow)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct sw_flow_stats *stats = per_cpu_ptr(flow->stats, cpu);

		WRITE_ONCE(stats->packet_count, 0);
		WRITE_ONCE(stats->byte_count, 0);
		WRITE_ONCE(stats->used, 0);
		WRITE_ONCE(stats->tcp_flags, 0);
	}
}

/**
 * ovs_flow_used_time - convert jiffies of last use to monotonic msecs.
 * @flow_jiffies: a non-zero last-use time from ovs_flow_stats_get().
 *
 * The result is on the CLOCK_MONOTONIC scale that Open vSwitch userspace
 * uses for its own time, as in the in-tree datapath: now minus the time
 * elapsed since @flow_jiffies.
 * Return: msecs of the monotonic clock at that time (OVS_FLOW_ATTR_USED).
 */
u64 ovs_flow_used_time(unsigned long flow_jiffies)
{
	u64 now_ms = ktime_to_ms(ktime_get());
	u64 idle_ms = jiffies64_to_msecs(jiffies - flow_jiffies);

	return now_ms > idle_ms ? now_ms - idle_ms : 0;
}

/**
 * ovs_flow_init - create the flow cache.
 *
 * Context: module init, process context; before any ovs_flow_alloc().
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_init(void)
{
	flow_cache = kmem_cache_create("sw_flow", sizeof(struct sw_flow), 0,
				       0, NULL);
	return flow_cache ? 0 : -ENOMEM;
}

/**
 * ovs_flow_exit - destroy the flow cache.
 *
 * Context: module exit, process context.  Waits (rcu_barrier()) for flows
 * freed with ovs_flow_free(flow, true) to be released, so it must run after
 * every flow has been freed and while the action and conntrack code those
 * frees call is still usable.
 */
void ovs_flow_exit(void)
{
	rcu_barrier();
	kmem_cache_destroy(flow_cache);
}
