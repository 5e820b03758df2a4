// SPDX-License-Identifier: GPL-2.0-only
/*
 * Netlink codec between OVS_KEY_ATTR_* attribute streams and the datapath's
 * struct sw_flow_key, plus flow identifiers (UFIDs).
 *
 * The accept/reject rules and the attributes written back in dumps and
 * upcalls follow the in-tree datapath (net/openvswitch/flow_netlink.c),
 * because ovs-vswitchd probes datapath features by installing flows and
 * compares what it reads back.  This datapath has no NSH, IPv6
 * extension-header or layer-3 (Ethernet-less) packet support, so those
 * attributes are refused where the in-tree module would act on them.
 * Tunnel metadata (OVS_KEY_ATTR_TUNNEL) is matched, reported, and prepared
 * for set(tunnel()) actions here.
 *
 * A key and its mask are decoded by the same code: a "side" flag says
 * whether values go to match->key or match->mask->key.  In a mask, an
 * attribute whose payload is all zero is treated as absent (wildcarded).
 */

#include <linux/kernel.h>
#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/dst_metadata.h>
#include <net/erspan.h>
#include <net/geneve.h>
#include <net/ip_tunnels.h>
#include <net/ipv6.h>
#include <net/mpls.h>
#include <net/ndisc.h>
#include <net/netlink.h>
#include <net/vxlan.h>

#include "datapath.h"
#include "conntrack.h"
#include "flow.h"
#include "flow_netlink.h"

/* Markers in the length tables below (everything >= 0 is a fixed size). */
#define KEY_LEN_FLEXIBLE	(-1)	/* nested or variable length */
#define KEY_LEN_UNSUPPORTED	(-2)	/* never accepted here */

/* Every ct_state bit userspace may name, valid in a mask. */
#define OVS_CT_STATE_ALL_BITS	(OVS_CS_F_NEW | OVS_CS_F_ESTABLISHED | \
				 OVS_CS_F_RELATED | OVS_CS_F_REPLY_DIR | \
				 OVS_CS_F_INVALID | OVS_CS_F_TRACKED | \
				 OVS_CS_F_SRC_NAT | OVS_CS_F_DST_NAT)

/* Ethernet packet type (namespace 0, type 0) of OVS_KEY_ATTR_PACKET_TYPE. */
#define OVS_PT_ETH		0

/*
 * Payload length of each OVS_KEY_ATTR_* type.  Types this datapath does
 * not implement are KEY_LEN_UNSUPPORTED.
 */
static const int key_attr_lens[OVS_KEY_ATTR_MAX + 1] = {
	[OVS_KEY_ATTR_UNSPEC]		= KEY_LEN_UNSUPPORTED,
	[OVS_KEY_ATTR_ENCAP]		= KEY_LEN_FLEXIBLE,
	[OVS_KEY_ATTR_PRIORITY]		= sizeof(u32),
	[OVS_KEY_ATTR_IN_PORT]		= sizeof(u32),
	[OVS_KEY_ATTR_ETHERNET]		= sizeof(struct ovs_key_ethernet),
	[OVS_KEY_ATTR_VLAN]		= sizeof(__be16),
	[OVS_KEY_ATTR_ETHERTYPE]	= sizeof(__be16),
	[OVS_KEY_ATTR_IPV4]		= sizeof(struct ovs_key_ipv4),
	[OVS_KEY_ATTR_IPV6]		= sizeof(struct ovs_key_ipv6),
	[OVS_KEY_ATTR_TCP]		= sizeof(struct ovs_key_tcp),
	[OVS_KEY_ATTR_UDP]		= sizeof(struct ovs_key_udp),
	[OVS_KEY_ATTR_ICMP]		= sizeof(struct ovs_key_icmp),
	[OVS_KEY_ATTR_ICMPV6]		= sizeof(struct ovs_key_icmpv6),
	[OVS_KEY_ATTR_ARP]		= sizeof(struct ovs_key_arp),
	[OVS_KEY_ATTR_ND]		= sizeof(struct ovs_key_nd),
	[OVS_KEY_ATTR_SKB_MARK]		= sizeof(u32),
	[OVS_KEY_ATTR_TUNNEL]		= KEY_LEN_FLEXIBLE,
	[OVS_KEY_ATTR_SCTP]		= sizeof(struct ovs_key_sctp),
	[OVS_KEY_ATTR_TCP_FLAGS]	= sizeof(__be16),
	[OVS_KEY_ATTR_DP_HASH]		= sizeof(u32),
	[OVS_KEY_ATTR_RECIRC_ID]	= sizeof(u32),
	[OVS_KEY_ATTR_MPLS]		= KEY_LEN_FLEXIBLE,
	[OVS_KEY_ATTR_CT_STATE]		= sizeof(u32),
	[OVS_KEY_ATTR_CT_ZONE]		= sizeof(u16),
	[OVS_KEY_ATTR_CT_MARK]		= sizeof(u32),
	[OVS_KEY_ATTR_CT_LABELS]	= sizeof(struct ovs_key_ct_labels),
	[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4] = sizeof(struct ovs_key_ct_tuple_ipv4),
	[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6] = sizeof(struct ovs_key_ct_tuple_ipv6),
	[OVS_KEY_ATTR_NSH]		= KEY_LEN_UNSUPPORTED,
	[OVS_KEY_ATTR_PACKET_TYPE]	= sizeof(__be32),
	[OVS_KEY_ATTR_ND_EXTENSIONS]	= KEY_LEN_UNSUPPORTED,
	[OVS_KEY_ATTR_TUNNEL_INFO]	= KEY_LEN_UNSUPPORTED,
	[OVS_KEY_ATTR_IPV6_EXTHDRS]	= KEY_LEN_UNSUPPORTED,
};

/* Payload length of each OVS_TUNNEL_KEY_ATTR_* type. */
static const int tun_attr_lens[OVS_TUNNEL_KEY_ATTR_MAX + 1] = {
	[OVS_TUNNEL_KEY_ATTR_ID]		= sizeof(u64),
	[OVS_TUNNEL_KEY_ATTR_IPV4_SRC]		= sizeof(u32),
	[OVS_TUNNEL_KEY_ATTR_IPV4_DST]		= sizeof(u32),
	[OVS_TUNNEL_KEY_ATTR_TOS]		= 1,
	[OVS_TUNNEL_KEY_ATTR_TTL]		= 1,
	[OVS_TUNNEL_KEY_ATTR_DONT_FRAGMENT]	= 0,
	[OVS_TUNNEL_KEY_ATTR_CSUM]		= 0,
	[OVS_TUNNEL_KEY_ATTR_OAM]		= 0,
	[OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS]	= KEY_LEN_FLEXIBLE,
	[OVS_TUNNEL_KEY_ATTR_TP_SRC]		= sizeof(u16),
	[OVS_TUNNEL_KEY_ATTR_TP_DST]		= sizeof(u16),
	[OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS]	= KEY_LEN_FLEXIBLE,
	[OVS_TUNNEL_KEY_ATTR_IPV6_SRC]		= sizeof(struct in6_addr),
	[OVS_TUNNEL_KEY_ATTR_IPV6_DST]		= sizeof(struct in6_addr),
	[OVS_TUNNEL_KEY_ATTR_PAD]		= 0,
	[OVS_TUNNEL_KEY_ATTR_ERSPAN_OPTS]	= KEY_LEN_FLEXIBLE,
	[OVS_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE]	= 0,
};

/*
 * The attributes of one key or mask nest, indexed by type, with a bitmap
 * of those not yet consumed.  ENCAP contents are merged into the same set
 * as the VLAN layers are peeled off.
 */
struct key_attr_set {
	const struct nlattr *attr[OVS_KEY_ATTR_MAX + 1];
	u64 present;
};

#define KBIT(type)	BIT_ULL(type)

static bool attr_present(const struct key_attr_set *set, int type)
{
	return set->present & KBIT(type);
}

static void attr_consume(struct key_attr_set *set, int type)
{
	set->present &= ~KBIT(type);
}

static bool bytes_all_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

/* ---- writing into the key or the mask, tracking the touched range ---- */

static void range_cover(struct sw_flow_key_range *range, size_t off,
			size_t len)
{
	size_t start = rounddown(off, sizeof(long));
	size_t end = roundup(off + len, sizeof(long));

	if (range->start == range->end) {
		range->start = start;
		range->end = end;
		return;
	}
	if (start < range->start)
		range->start = start;
	if (end > range->end)
		range->end = end;
}

static void match_store(struct sw_flow_match *match, size_t off,
			const void *val, size_t len, bool is_mask)
{
	struct sw_flow_key *dst;

	if (is_mask) {
		dst = &match->mask->key;
		range_cover(&match->mask->range, off, len);
	} else {
		dst = match->key;
		range_cover(&match->range, off, len);
	}
	memcpy((u8 *)dst + off, val, len);
}

/* Store a scalar value into @field of the key or mask. */
#define MATCH_SET(match, field, value, is_mask)				\
	do {								\
		typeof(((struct sw_flow_key *)NULL)->field) __v = (value); \
		match_store(match, offsetof(struct sw_flow_key, field),	\
			    &__v, sizeof(__v), is_mask);		\
	} while (0)

/* Copy sizeof(@field) bytes from @src into @field of the key or mask. */
#define MATCH_COPY(match, field, src, is_mask)				\
	match_store(match, offsetof(struct sw_flow_key, field), src,	\
		    sizeof_field(struct sw_flow_key, field), is_mask)

/* ---- attribute collection ---- */

/*
 * Add the attributes of @nest to @set, checking type range, support,
 * payload length and duplicates.  For a mask (@is_mask), attributes whose
 * payload is all zero are dropped: they wildcard their fields entirely.
 */
static int collect_attrs(const struct nlattr *nest, struct key_attr_set *set,
			 bool is_mask, bool log)
{
	const struct nlattr *nla;
	int rem;

	nla_for_each_nested(nla, nest, rem) {
		int type = nla_type(nla);
		int want;

		if (type > OVS_KEY_ATTR_MAX) {
			OVS_NLERR(log, "Key attribute type %d is beyond max %d",
				  type, OVS_KEY_ATTR_MAX);
			return -EINVAL;
		}

		want = key_attr_lens[type];
		if (want == KEY_LEN_UNSUPPORTED) {
			OVS_NLERR(log, "Key attribute type %d is not supported",
				  type);
			return -EINVAL;
		}

		if (want >= 0 && nla_len(nla) != want) {
			OVS_NLERR(log, "Key attribute %d has length %d, expected %d",
				  type, nla_len(nla), want);
			return -EINVAL;
		}

		if (set->present & KBIT(type)) {
			OVS_NLERR(log, "Key attribute %d given twice", type);
			return -EINVAL;
		}

		if (is_mask && bytes_all_zero(nla_data(nla), nla_len(nla)))
			continue;

		set->attr[type] = nla;
		set->present |= KBIT(type);
	}

	if (rem) {
		OVS_NLERR(log, "Key nest has %d trailing bytes", rem);
		return -EINVAL;
	}
	return 0;
}

/* ---- VLAN layers ---- */

/*
 * Decode one 802.1Q/802.1ad tag (the outer one, or with @inner the
 * customer tag) and merge its ENCAP nest into @set.
 * Return: 0 when the layer is absent, 1 when it was decoded, or -errno.
 */
static int parse_vlan_layer(struct sw_flow_match *match,
			    struct key_attr_set *set, bool inner,
			    bool is_mask, bool log)
{
	const char *what = inner ? "C-VLAN" : "VLAN";
	const struct ovs_vlan *key_tag;
	struct ovs_vlan tag = {};
	int err;

	key_tag = inner ? &match->key->eth.cvlan : &match->key->eth.vlan;

	if (!is_mask) {
		if (!attr_present(set, OVS_KEY_ATTR_ETHERNET) ||
		    !attr_present(set, OVS_KEY_ATTR_ETHERTYPE) ||
		    !eth_type_vlan(nla_get_be16(set->attr[OVS_KEY_ATTR_ETHERTYPE])))
			return 0;

		if (!attr_present(set, OVS_KEY_ATTR_VLAN) ||
		    !attr_present(set, OVS_KEY_ATTR_ENCAP)) {
			OVS_NLERR(log, "%s frame without VLAN and ENCAP attributes",
				  what);
			return -EINVAL;
		}

		tag.tpid = nla_get_be16(set->attr[OVS_KEY_ATTR_ETHERTYPE]);
		tag.tci = nla_get_be16(set->attr[OVS_KEY_ATTR_VLAN]);

		/*
		 * A TCI of 0 stands for a tag cut short by the end of the
		 * packet; nothing can follow it.  Any other TCI must carry
		 * the present bit.
		 */
		if (!(tag.tci & OVS_VLAN_PRESENT)) {
			if (tag.tci) {
				OVS_NLERR(log, "%s TCI lacks the present (CFI) bit",
					  what);
				return -EINVAL;
			}
			if (nla_len(set->attr[OVS_KEY_ATTR_ENCAP])) {
				OVS_NLERR(log, "Truncated %s header with a non-empty ENCAP",
					  what);
				return -EINVAL;
			}
		}
	} else {
		if (!attr_present(set, OVS_KEY_ATTR_ENCAP))
			return 0;

		if (!(key_tag->tci & OVS_VLAN_PRESENT)) {
			OVS_NLERR(log, "ENCAP mask given for a non-%s key", what);
			return -EINVAL;
		}

		/*
		 * A tag mask may leave out VLAN/ETHERTYPE inside an ENCAP;
		 * the values last seen (the outer tag's) then apply, as in
		 * the in-tree datapath.
		 */
		if (set->attr[OVS_KEY_ATTR_ETHERTYPE])
			tag.tpid = nla_get_be16(set->attr[OVS_KEY_ATTR_ETHERTYPE]);
		if (set->attr[OVS_KEY_ATTR_VLAN]) {
			tag.tci = nla_get_be16(set->attr[OVS_KEY_ATTR_VLAN]);
		} else {
			/*
			 * An all-zero (dropped) or missing TCI mask: the
			 * in-tree datapath then reads the key's last VLAN
			 * attribute as the mask, and ovs-vswitchd relies on
			 * it for megaflows that wildcard the whole TCI.
			 */
			const struct sw_flow_key *k = match->key;

			tag.tci = k->eth.cvlan.tpid ? k->eth.cvlan.tci :
						      k->eth.vlan.tci;
		}

		if (tag.tpid != htons(0xffff)) {
			OVS_NLERR(log, "%s TPID must be matched exactly (mask %#x)",
				  what, ntohs(tag.tpid));
			return -EINVAL;
		}
		if (!(tag.tci & OVS_VLAN_PRESENT)) {
			OVS_NLERR(log, "%s TCI mask must cover the present (CFI) bit",
				  what);
			return -EINVAL;
		}
	}

	if (inner)
		MATCH_SET(match, eth.cvlan, tag, is_mask);
	else
		MATCH_SET(match, eth.vlan, tag, is_mask);

	attr_consume(set, OVS_KEY_ATTR_ENCAP);
	attr_consume(set, OVS_KEY_ATTR_VLAN);
	attr_consume(set, OVS_KEY_ATTR_ETHERTYPE);

	err = collect_attrs(set->attr[OVS_KEY_ATTR_ENCAP], set, is_mask, log);
	return err ? err : 1;
}

/* Peel off up to two VLAN tags (the key's tags decide the depth). */
static int parse_vlan_layers(struct sw_flow_match *match,
			     struct key_attr_set *set, bool is_mask, bool log)
{
	int err;

	err = parse_vlan_layer(match, set, false, is_mask, log);
	if (err < 0)
		return err;

	if (match->key->eth.vlan.tci & OVS_VLAN_PRESENT) {
		err = parse_vlan_layer(match, set, true, is_mask, log);
		if (err < 0)
			return err;
	}
	return 0;
}

/* ---- tunnel metadata ---- */

/* Store @len option bytes at the start of tun_opts in the key or mask. */
static void store_tun_opts(struct sw_flow_match *match, const void *data,
			   int len, bool is_mask)
{
	if (len)
		match_store(match, offsetof(struct sw_flow_key, tun_opts),
			    data, len, is_mask);
}

/*
 * Record the options' length: the key's own length, or in a mask an exact
 * match on it (so that a packet with more or fewer options never matches).
 * A mask must describe exactly as many option bytes as its key.
 */
static int put_tun_opts_len(struct sw_flow_match *match, int len,
			    const char *what, bool is_mask, bool log)
{
	if (len > OVS_TUN_OPTS_MAX) {
		OVS_NLERR(log, "%s options are %d bytes, max %d",
			  what, len, OVS_TUN_OPTS_MAX);
		return -EINVAL;
	}
	if (!is_mask) {
		MATCH_SET(match, tun.opts_len, len, false);
		return 0;
	}
	if (match->key->tun.opts_len != len) {
		OVS_NLERR(log, "%s option mask is %d bytes, the key's options %d",
			  what, len, match->key->tun.opts_len);
		return -EINVAL;
	}
	MATCH_SET(match, tun.opts_len, 0xff, true);
	return 0;
}

/* OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS: TLVs in whole 4-byte words. */
static int parse_geneve_opts(struct sw_flow_match *match,
			     const struct nlattr *a, bool is_mask, bool log)
{
	int len = nla_len(a);
	int err;

	if (len % 4) {
		OVS_NLERR(log, "Geneve options length %d is not a multiple of 4",
			  len);
		return -EINVAL;
	}
	err = put_tun_opts_len(match, len, "Geneve", is_mask, log);
	if (err)
		return err;
	store_tun_opts(match, nla_data(a), len, is_mask);
	return 0;
}

/*
 * OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS: nested OVS_VXLAN_EXT_GBP (u32), kept as
 * the struct vxlan_metadata the vxlan driver exchanges.
 */
static int parse_vxlan_opts(struct sw_flow_match *match,
			    const struct nlattr *attr, bool is_mask, bool log)
{
	struct vxlan_metadata md = {};
	const struct nlattr *a;
	int rem, err;

	nla_for_each_nested(a, attr, rem) {
		if (nla_type(a) != OVS_VXLAN_EXT_GBP) {
			OVS_NLERR(log, "Unknown VXLAN extension %d",
				  nla_type(a));
			return -EINVAL;
		}
		if (nla_len(a) != sizeof(u32)) {
			OVS_NLERR(log, "VXLAN GBP has length %d, expected %zu",
				  nla_len(a), sizeof(u32));
			return -EINVAL;
		}
		md.gbp = nla_get_u32(a);
	}
	if (rem) {
		OVS_NLERR(log, "VXLAN options have %d trailing bytes", rem);
		return -EINVAL;
	}

	err = put_tun_opts_len(match, sizeof(md), "VXLAN", is_mask, log);
	if (err)
		return err;
	store_tun_opts(match, &md, sizeof(md), is_mask);
	return 0;
}

/* OVS_TUNNEL_KEY_ATTR_ERSPAN_OPTS: a struct erspan_metadata, opaque here. */
static int parse_erspan_opts(struct sw_flow_match *match,
			     const struct nlattr *a, bool is_mask, bool log)
{
	int len = nla_len(a);
	int err;

	if (!is_mask && len < (int)sizeof(struct erspan_metadata)) {
		OVS_NLERR(log, "ERSPAN options are %d bytes, need %zu",
			  len, sizeof(struct erspan_metadata));
		return -EINVAL;
	}
	err = put_tun_opts_len(match, len, "ERSPAN", is_mask, log);
	if (err)
		return err;
	store_tun_opts(match, nla_data(a), len, is_mask);
	return 0;
}

/*
 * Decode an OVS_KEY_ATTR_TUNNEL nest into the tunnel part of the key or of
 * the mask.  As in the in-tree datapath, a flag attribute or a tunnel id
 * present in a mask makes the corresponding flag significant whatever the
 * id's mask value, and any tunnel mask makes the tunnel's presence and
 * address family significant.  A key needs a destination (or the IPv4
 * bridge-mode marker with nothing but an id) and a TTL.
 * Return: the OVS_TUNNEL_KEY_ATTR_* type of the options (0 when none), or
 * -EINVAL.
 */
static int parse_tunnel(struct sw_flow_match *match, const struct nlattr *nest,
			bool is_mask, bool log)
{
	bool ttl = false, ipv4 = false, ipv6 = false, bridge = false;
	const struct ovs_tun_key *tun = &match->key->tun;
	const struct nlattr *a;
	int opts_type = 0;
	u16 flags = 0;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		int type = nla_type(a);
		int want;

		if (type > OVS_TUNNEL_KEY_ATTR_MAX ||
		    tun_attr_lens[type] == KEY_LEN_UNSUPPORTED) {
			OVS_NLERR(log, "Unknown tunnel attribute %d", type);
			return -EINVAL;
		}
		want = tun_attr_lens[type];
		if (want >= 0 && nla_len(a) != want) {
			OVS_NLERR(log, "Tunnel attribute %d has length %d, expected %d",
				  type, nla_len(a), want);
			return -EINVAL;
		}

		err = 0;
		switch (type) {
		case OVS_TUNNEL_KEY_ATTR_ID:
			MATCH_SET(match, tun.tun_id, nla_get_be64(a), is_mask);
			flags |= OVS_TNL_F_KEY;
			break;
		case OVS_TUNNEL_KEY_ATTR_IPV4_SRC:
			MATCH_SET(match, tun.u.ipv4.src, nla_get_in_addr(a),
				  is_mask);
			ipv4 = true;
			break;
		case OVS_TUNNEL_KEY_ATTR_IPV4_DST:
			MATCH_SET(match, tun.u.ipv4.dst, nla_get_in_addr(a),
				  is_mask);
			ipv4 = true;
			break;
		case OVS_TUNNEL_KEY_ATTR_IPV6_SRC:
			MATCH_SET(match, tun.u.ipv6.src, nla_get_in6_addr(a),
				  is_mask);
			ipv6 = true;
			break;
		case OVS_TUNNEL_KEY_ATTR_IPV6_DST:
			MATCH_SET(match, tun.u.ipv6.dst, nla_get_in6_addr(a),
				  is_mask);
			ipv6 = true;
			break;
		case OVS_TUNNEL_KEY_ATTR_TOS:
			MATCH_SET(match, tun.tos, nla_get_u8(a), is_mask);
			break;
		case OVS_TUNNEL_KEY_ATTR_TTL:
			MATCH_SET(match, tun.ttl, nla_get_u8(a), is_mask);
			ttl = true;
			break;
		case OVS_TUNNEL_KEY_ATTR_DONT_FRAGMENT:
			flags |= OVS_TNL_F_DONT_FRAGMENT;
			break;
		case OVS_TUNNEL_KEY_ATTR_CSUM:
			flags |= OVS_TNL_F_CSUM;
			break;
		case OVS_TUNNEL_KEY_ATTR_OAM:
			flags |= OVS_TNL_F_OAM;
			break;
		case OVS_TUNNEL_KEY_ATTR_TP_SRC:
			MATCH_SET(match, tun.tp_src, nla_get_be16(a), is_mask);
			break;
		case OVS_TUNNEL_KEY_ATTR_TP_DST:
			MATCH_SET(match, tun.tp_dst, nla_get_be16(a), is_mask);
			break;
		case OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS:
		case OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS:
		case OVS_TUNNEL_KEY_ATTR_ERSPAN_OPTS:
			if (opts_type) {
				OVS_NLERR(log, "Tunnel has more than one option block");
				return -EINVAL;
			}
			opts_type = type;
			if (type == OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS) {
				err = parse_geneve_opts(match, a, is_mask, log);
				flags |= OVS_TNL_F_GENEVE_OPT;
			} else if (type == OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS) {
				err = parse_vxlan_opts(match, a, is_mask, log);
				flags |= OVS_TNL_F_VXLAN_OPT;
			} else {
				err = parse_erspan_opts(match, a, is_mask, log);
				flags |= OVS_TNL_F_ERSPAN_OPT;
			}
			break;
		case OVS_TUNNEL_KEY_ATTR_PAD:
			break;
		case OVS_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE:
			bridge = true;
			ipv4 = true;
			break;
		default:
			OVS_NLERR(log, "Unknown tunnel attribute %d", type);
			return -EINVAL;
		}
		if (err)
			return err;
	}

	if (rem) {
		OVS_NLERR(log, "Tunnel nest has %d trailing bytes", rem);
		return -EINVAL;
	}
	if (ipv4 && ipv6) {
		OVS_NLERR(log, "Tunnel mixes IPv4 and IPv6 addresses");
		return -EINVAL;
	}

	MATCH_SET(match, tun.flags, flags, is_mask);
	MATCH_SET(match, tun.proto,
		  is_mask ? 0xff : (ipv6 ? AF_INET6 : AF_INET), is_mask);
	if (is_mask)
		return opts_type;

	if (!ipv4 && !ipv6) {
		OVS_NLERR(log, "Tunnel destination address missing");
		return -EINVAL;
	}
	if (bridge) {
		if (tun->u.ipv4.src || tun->u.ipv4.dst || tun->tp_src ||
		    tun->tp_dst || tun->ttl || tun->tos ||
		    (flags & ~OVS_TNL_F_KEY)) {
			OVS_NLERR(log, "IPv4 bridge-mode tunnel info may only carry an id");
			return -EINVAL;
		}
		return opts_type;
	}
	if (ipv4 && !tun->u.ipv4.dst) {
		OVS_NLERR(log, "IPv4 tunnel destination is zero");
		return -EINVAL;
	}
	if (ipv6 && ipv6_addr_any(&tun->u.ipv6.dst)) {
		OVS_NLERR(log, "IPv6 tunnel destination is zero");
		return -EINVAL;
	}
	if (!ttl) {
		OVS_NLERR(log, "Tunnel TTL missing");
		return -EINVAL;
	}
	return opts_type;
}

/*
 * Walk Geneve TLVs (RFC 8926 section 3.5): each a 4-byte header whose low 5
 * bits of the fourth byte give the data length in 4-byte words.  Sets
 * *@crit when an option type has the critical bit.
 */
static int check_geneve_tlvs(const u8 *opts, int len, bool *crit, bool log)
{
	*crit = false;
	while (len > 0) {
		int opt_len;

		if (len < 4) {
			OVS_NLERR(log, "Geneve option header truncated");
			return -EINVAL;
		}
		opt_len = 4 + (opts[3] & 0x1f) * 4;
		if (opt_len > len) {
			OVS_NLERR(log, "Geneve option overruns the option block");
			return -EINVAL;
		}
		if (opts[2] & GENEVE_CRIT_OPT_TYPE)
			*crit = true;
		opts += opt_len;
		len -= opt_len;
	}
	return 0;
}

/**
 * ovs_nla_get_tunnel_dst - prepare the metadata of a set(tunnel()) action.
 * @attr: the OVS_KEY_ATTR_TUNNEL attribute of the action.
 * @mdp: receives a new transmit metadata dst holding the tunnel (one
 *	reference, owned by the caller; release it with dst_release()).
 * @log: log errors.
 *
 * The nest is validated as a flow key's tunnel is (destination and TTL
 * required); Geneve options must also be well-formed TLVs, and a critical
 * one sets the critical-options flag.  The dst is in TX mode, with the
 * IPv6 mode bit for an IPv6 tunnel and the bridge mode bit for an IPv4
 * tunnel without destination, as the in-tree datapath builds it.
 * Context: process context (GFP_KERNEL).
 * Return: 0, -EINVAL, -ENOMEM, or -EOPNOTSUPP on kernels without metadata
 * dsts (compat: OVS_TUNNEL_METADATA_SUPPORTED).
 */
int ovs_nla_get_tunnel_dst(const struct nlattr *attr,
			   struct metadata_dst **mdp, bool log)
{
	struct sw_flow_match match;
	struct ip_tunnel_info *info;
	struct metadata_dst *md;
	struct sw_flow_key *key;
	int opts_type, err;
	bool crit;

	key = kmalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return -ENOMEM;
	ovs_match_init(&match, key, true, NULL);

	opts_type = parse_tunnel(&match, attr, false, log);
	if (opts_type < 0) {
		err = opts_type;
		goto out;
	}
	if (opts_type == OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS) {
		err = check_geneve_tlvs(key->tun_opts, key->tun.opts_len,
					&crit, log);
		if (err)
			goto out;
		if (crit)
			key->tun.flags |= OVS_TNL_F_CRIT_OPT;
	}

	if (!OVS_TUNNEL_METADATA_SUPPORTED) {
		OVS_NLERR(log, "This kernel cannot transmit tunnel metadata");
		err = -EOPNOTSUPP;
		goto out;
	}

	err = -ENOMEM;
	md = metadata_dst_alloc(key->tun.opts_len, METADATA_IP_TUNNEL,
				GFP_KERNEL);
	if (!md)
		goto out;
	info = &md->u.tun_info;
#ifdef HAVE_IP_TUNNEL_INFO_DST_CACHE
	err = dst_cache_init(&info->dst_cache, GFP_KERNEL);
	if (err) {
		dst_release(&md->dst);
		goto out;
	}
#endif

	ovs_flow_tun_key_to_info(info, &key->tun, key->tun_opts);
	info->mode = IP_TUNNEL_INFO_TX;
	if (key->tun.proto == AF_INET6)
		info->mode |= IP_TUNNEL_INFO_IPV6;
	else if (!key->tun.u.ipv4.dst)
		info->mode |= IP_TUNNEL_INFO_BRIDGE;

	*mdp = md;
	err = 0;
out:
	kfree(key);
	return err;
}

/* ---- metadata ---- */

/*
 * Decode the metadata attributes (those that do not come from packet
 * headers) and consume them from @set.  A ct attribute the namespace
 * cannot use (ovs_ct_verify()) is an error with @strict_ct, and silently
 * dropped otherwise.
 */
static int parse_metadata(struct net *net, struct sw_flow_match *match,
			  struct key_attr_set *set, bool is_mask,
			  bool strict_ct, bool log)
{
	const struct nlattr **a = set->attr;
	static const enum ovs_key_attr ct_types[] = {
		OVS_KEY_ATTR_CT_STATE, OVS_KEY_ATTR_CT_ZONE,
		OVS_KEY_ATTR_CT_MARK, OVS_KEY_ATTR_CT_LABELS,
		OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4,
		OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6,
	};
	unsigned int i;

	if (attr_present(set, OVS_KEY_ATTR_DP_HASH)) {
		MATCH_SET(match, ovs_flow_hash,
			  nla_get_u32(a[OVS_KEY_ATTR_DP_HASH]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_DP_HASH);
	}

	if (attr_present(set, OVS_KEY_ATTR_RECIRC_ID)) {
		MATCH_SET(match, recirc_id,
			  nla_get_u32(a[OVS_KEY_ATTR_RECIRC_ID]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_RECIRC_ID);
	}

	if (attr_present(set, OVS_KEY_ATTR_PRIORITY)) {
		MATCH_SET(match, phy.priority,
			  nla_get_u32(a[OVS_KEY_ATTR_PRIORITY]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_PRIORITY);
	}

	if (attr_present(set, OVS_KEY_ATTR_IN_PORT)) {
		u32 port = nla_get_u32(a[OVS_KEY_ATTR_IN_PORT]);

		/* The input port is never partially masked. */
		if (is_mask) {
			port = 0xffff;
		} else if (port >= DP_MAX_PORTS) {
			OVS_NLERR(log, "Input port %u is beyond max %u",
				  port, (unsigned int)DP_MAX_PORTS);
			return -EINVAL;
		}
		MATCH_SET(match, phy.in_port, port, is_mask);
		attr_consume(set, OVS_KEY_ATTR_IN_PORT);
	} else if (!is_mask) {
		/* No input port given: DP_MAX_PORTS stands for "none". */
		MATCH_SET(match, phy.in_port, DP_MAX_PORTS, is_mask);
	}

	if (attr_present(set, OVS_KEY_ATTR_SKB_MARK)) {
		MATCH_SET(match, phy.skb_mark,
			  nla_get_u32(a[OVS_KEY_ATTR_SKB_MARK]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_SKB_MARK);
	}

	if (attr_present(set, OVS_KEY_ATTR_TUNNEL)) {
		int err = parse_tunnel(match, a[OVS_KEY_ATTR_TUNNEL], is_mask,
				       log);

		if (err < 0)
			return err;
		attr_consume(set, OVS_KEY_ATTR_TUNNEL);
	}

	if (attr_present(set, OVS_KEY_ATTR_PACKET_TYPE)) {
		u32 pt = ntohl(nla_get_be32(a[OVS_KEY_ATTR_PACKET_TYPE]));
		u32 want = is_mask ? 0xffffffff : OVS_PT_ETH;

		if (pt != want) {
			OVS_NLERR(log, "Packet type %#x%s is not supported",
				  pt, is_mask ? " (mask)" : "");
			return -EINVAL;
		}
		attr_consume(set, OVS_KEY_ATTR_PACKET_TYPE);
	}

	for (i = 0; i < ARRAY_SIZE(ct_types); i++) {
		if (!attr_present(set, ct_types[i]) ||
		    ovs_ct_verify(net, ct_types[i]))
			continue;
		if (strict_ct) {
			OVS_NLERR(log, "Connection tracking attribute %d is not supported",
				  ct_types[i]);
			return -EINVAL;
		}
		attr_consume(set, ct_types[i]);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_STATE)) {
		u32 state = nla_get_u32(a[OVS_KEY_ATTR_CT_STATE]);
		/*
		 * Keys may only name states this datapath produces (this is
		 * what userspace probes).  A mask may cover any defined bit:
		 * the key has those clear, so they just match "not set".
		 */
		u32 allowed = is_mask ? OVS_CT_STATE_ALL_BITS :
					OVS_CT_SUPPORTED_STATE;

		if (state & ~allowed) {
			OVS_NLERR(log, "ct_state bits %#x are not supported",
				  state & ~allowed);
			return -EINVAL;
		}
		MATCH_SET(match, ct_state, state, is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_STATE);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_ZONE)) {
		MATCH_SET(match, ct_zone,
			  nla_get_u16(a[OVS_KEY_ATTR_CT_ZONE]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_ZONE);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_MARK)) {
		MATCH_SET(match, ct.mark,
			  nla_get_u32(a[OVS_KEY_ATTR_CT_MARK]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_MARK);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_LABELS)) {
		MATCH_COPY(match, ct.labels,
			   nla_data(a[OVS_KEY_ATTR_CT_LABELS]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_LABELS);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4)) {
		const struct ovs_key_ct_tuple_ipv4 *t;

		t = nla_data(a[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4]);
		MATCH_SET(match, ipv4.ct_orig.src, t->ipv4_src, is_mask);
		MATCH_SET(match, ipv4.ct_orig.dst, t->ipv4_dst, is_mask);
		MATCH_SET(match, ct.orig_tp_src, t->src_port, is_mask);
		MATCH_SET(match, ct.orig_tp_dst, t->dst_port, is_mask);
		MATCH_SET(match, ct_orig_proto, t->ipv4_proto, is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4);
	}

	if (attr_present(set, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6)) {
		const struct ovs_key_ct_tuple_ipv6 *t;

		t = nla_data(a[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6]);
		MATCH_COPY(match, ipv6.ct_orig.src, t->ipv6_src, is_mask);
		MATCH_COPY(match, ipv6.ct_orig.dst, t->ipv6_dst, is_mask);
		MATCH_SET(match, ct.orig_tp_src, t->src_port, is_mask);
		MATCH_SET(match, ct.orig_tp_dst, t->dst_port, is_mask);
		MATCH_SET(match, ct_orig_proto, t->ipv6_proto, is_mask);
		attr_consume(set, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6);
	}

	/*
	 * An EtherType without an Ethernet header describes a layer-3
	 * packet.  This datapath only carries Ethernet frames, so such a key
	 * is refused.  In a mask it just means the MAC addresses are
	 * wildcarded while the EtherType, as always, is matched exactly.
	 */
	if (!attr_present(set, OVS_KEY_ATTR_ETHERNET) &&
	    attr_present(set, OVS_KEY_ATTR_ETHERTYPE)) {
		if (!is_mask) {
			OVS_NLERR(log, "Packets without an Ethernet header are not supported");
			return -EINVAL;
		}
		MATCH_SET(match, eth.type, htons(0xffff), is_mask);
		attr_consume(set, OVS_KEY_ATTR_ETHERTYPE);
	}

	/* Only Ethernet frames exist here; the MAC protocol is exact. */
	MATCH_SET(match, mac_proto, is_mask ? 0xff : 0, is_mask);
	return 0;
}

/* ---- packet header fields ---- */

static int parse_ethernet(struct sw_flow_match *match,
			  struct key_attr_set *set, bool is_mask, bool log)
{
	const struct ovs_key_ethernet *eth;

	if (!attr_present(set, OVS_KEY_ATTR_ETHERNET)) {
		if (!is_mask) {
			OVS_NLERR(log, "Key has no Ethernet header");
			return -EINVAL;
		}
		return 0;
	}

	eth = nla_data(set->attr[OVS_KEY_ATTR_ETHERNET]);
	MATCH_COPY(match, eth.src, eth->eth_src, is_mask);
	MATCH_COPY(match, eth.dst, eth->eth_dst, is_mask);
	attr_consume(set, OVS_KEY_ATTR_ETHERNET);

	/* VLAN attributes were all consumed with their ENCAP. */
	if (attr_present(set, OVS_KEY_ATTR_VLAN)) {
		OVS_NLERR(log, "VLAN attribute outside a VLAN frame");
		return -EINVAL;
	}

	if (attr_present(set, OVS_KEY_ATTR_ETHERTYPE)) {
		__be16 type = nla_get_be16(set->attr[OVS_KEY_ATTR_ETHERTYPE]);

		if (is_mask) {
			/* The EtherType is never partially masked. */
			type = htons(0xffff);
		} else if (!eth_proto_is_802_3(type)) {
			OVS_NLERR(log, "EtherType %#x is below %#x",
				  ntohs(type), ETH_P_802_3_MIN);
			return -EINVAL;
		}
		MATCH_SET(match, eth.type, type, is_mask);
		attr_consume(set, OVS_KEY_ATTR_ETHERTYPE);
	} else if (!is_mask) {
		/* No EtherType: an 802.2 (LLC) frame. */
		MATCH_SET(match, eth.type, htons(ETH_P_802_2), is_mask);
	}
	return 0;
}

static int parse_l3(struct sw_flow_match *match, struct key_attr_set *set,
		    bool is_mask, bool log)
{
	const struct nlattr **a = set->attr;

	if (attr_present(set, OVS_KEY_ATTR_IPV4)) {
		const struct ovs_key_ipv4 *ip = nla_data(a[OVS_KEY_ATTR_IPV4]);

		if (!is_mask && ip->ipv4_frag > OVS_FRAG_TYPE_MAX) {
			OVS_NLERR(log, "IPv4 fragment type %u is beyond max %u",
				  ip->ipv4_frag, OVS_FRAG_TYPE_MAX);
			return -EINVAL;
		}
		MATCH_SET(match, ip.proto, ip->ipv4_proto, is_mask);
		MATCH_SET(match, ip.tos, ip->ipv4_tos, is_mask);
		MATCH_SET(match, ip.ttl, ip->ipv4_ttl, is_mask);
		MATCH_SET(match, ip.frag, ip->ipv4_frag, is_mask);
		MATCH_SET(match, ipv4.addr.src, ip->ipv4_src, is_mask);
		MATCH_SET(match, ipv4.addr.dst, ip->ipv4_dst, is_mask);
		attr_consume(set, OVS_KEY_ATTR_IPV4);
	}

	if (attr_present(set, OVS_KEY_ATTR_IPV6)) {
		const struct ovs_key_ipv6 *ip = nla_data(a[OVS_KEY_ATTR_IPV6]);

		if (!is_mask && ip->ipv6_frag > OVS_FRAG_TYPE_MAX) {
			OVS_NLERR(log, "IPv6 fragment type %u is beyond max %u",
				  ip->ipv6_frag, OVS_FRAG_TYPE_MAX);
			return -EINVAL;
		}
		if (!is_mask && (ip->ipv6_label & htonl(0xfff00000))) {
			OVS_NLERR(log, "IPv6 flow label %#x does not fit 20 bits",
				  ntohl(ip->ipv6_label));
			return -EINVAL;
		}
		MATCH_SET(match, ipv6.label, ip->ipv6_label, is_mask);
		MATCH_SET(match, ip.proto, ip->ipv6_proto, is_mask);
		MATCH_SET(match, ip.tos, ip->ipv6_tclass, is_mask);
		MATCH_SET(match, ip.ttl, ip->ipv6_hlimit, is_mask);
		MATCH_SET(match, ip.frag, ip->ipv6_frag, is_mask);
		MATCH_COPY(match, ipv6.addr.src, ip->ipv6_src, is_mask);
		MATCH_COPY(match, ipv6.addr.dst, ip->ipv6_dst, is_mask);
		attr_consume(set, OVS_KEY_ATTR_IPV6);
	}

	if (attr_present(set, OVS_KEY_ATTR_MPLS)) {
		const struct ovs_key_mpls *mpls = nla_data(a[OVS_KEY_ATTR_MPLS]);
		int len = nla_len(a[OVS_KEY_ATTR_MPLS]);
		int i, n = len / (int)sizeof(*mpls);

		if (!n || n > OVS_MPLS_LABEL_DEPTH || len % sizeof(*mpls)) {
			OVS_NLERR(log, "MPLS attribute of %d bytes: need 1 to %d label stack entries",
				  len, OVS_MPLS_LABEL_DEPTH);
			return -EINVAL;
		}
		for (i = 0; i < n; i++)
			MATCH_SET(match, mpls.lse[i], mpls[i].mpls_lse, is_mask);
		MATCH_SET(match, mpls.num_labels_mask, GENMASK(n - 1, 0),
			  is_mask);
		attr_consume(set, OVS_KEY_ATTR_MPLS);
	}

	if (attr_present(set, OVS_KEY_ATTR_ARP)) {
		const struct ovs_key_arp *arp = nla_data(a[OVS_KEY_ATTR_ARP]);

		if (!is_mask && (arp->arp_op & htons(0xff00))) {
			OVS_NLERR(log, "ARP opcode %u does not fit 8 bits",
				  ntohs(arp->arp_op));
			return -EINVAL;
		}
		MATCH_SET(match, ipv4.addr.src, arp->arp_sip, is_mask);
		MATCH_SET(match, ipv4.addr.dst, arp->arp_tip, is_mask);
		/* The opcode's low byte lives in ip.proto. */
		MATCH_SET(match, ip.proto, ntohs(arp->arp_op) & 0xff, is_mask);
		MATCH_COPY(match, ipv4.arp.sha, arp->arp_sha, is_mask);
		MATCH_COPY(match, ipv4.arp.tha, arp->arp_tha, is_mask);
		attr_consume(set, OVS_KEY_ATTR_ARP);
	}
	return 0;
}

static void parse_l4(struct sw_flow_match *match, struct key_attr_set *set,
		     bool is_mask)
{
	const struct nlattr **a = set->attr;

	if (attr_present(set, OVS_KEY_ATTR_TCP)) {
		const struct ovs_key_tcp *tcp = nla_data(a[OVS_KEY_ATTR_TCP]);

		MATCH_SET(match, tp.src, tcp->tcp_src, is_mask);
		MATCH_SET(match, tp.dst, tcp->tcp_dst, is_mask);
		attr_consume(set, OVS_KEY_ATTR_TCP);
	}

	if (attr_present(set, OVS_KEY_ATTR_TCP_FLAGS)) {
		MATCH_SET(match, tp.flags,
			  nla_get_be16(a[OVS_KEY_ATTR_TCP_FLAGS]), is_mask);
		attr_consume(set, OVS_KEY_ATTR_TCP_FLAGS);
	}

	if (attr_present(set, OVS_KEY_ATTR_UDP)) {
		const struct ovs_key_udp *udp = nla_data(a[OVS_KEY_ATTR_UDP]);

		MATCH_SET(match, tp.src, udp->udp_src, is_mask);
		MATCH_SET(match, tp.dst, udp->udp_dst, is_mask);
		attr_consume(set, OVS_KEY_ATTR_UDP);
	}

	if (attr_present(set, OVS_KEY_ATTR_SCTP)) {
		const struct ovs_key_sctp *sctp = nla_data(a[OVS_KEY_ATTR_SCTP]);

		MATCH_SET(match, tp.src, sctp->sctp_src, is_mask);
		MATCH_SET(match, tp.dst, sctp->sctp_dst, is_mask);
		attr_consume(set, OVS_KEY_ATTR_SCTP);
	}

	if (attr_present(set, OVS_KEY_ATTR_ICMP)) {
		const struct ovs_key_icmp *icmp = nla_data(a[OVS_KEY_ATTR_ICMP]);

		MATCH_SET(match, tp.src, htons(icmp->icmp_type), is_mask);
		MATCH_SET(match, tp.dst, htons(icmp->icmp_code), is_mask);
		attr_consume(set, OVS_KEY_ATTR_ICMP);
	}

	if (attr_present(set, OVS_KEY_ATTR_ICMPV6)) {
		const struct ovs_key_icmpv6 *icmp;

		icmp = nla_data(a[OVS_KEY_ATTR_ICMPV6]);
		MATCH_SET(match, tp.src, htons(icmp->icmpv6_type), is_mask);
		MATCH_SET(match, tp.dst, htons(icmp->icmpv6_code), is_mask);
		attr_consume(set, OVS_KEY_ATTR_ICMPV6);
	}

	if (attr_present(set, OVS_KEY_ATTR_ND)) {
		const struct ovs_key_nd *nd = nla_data(a[OVS_KEY_ATTR_ND]);

		MATCH_COPY(match, ipv6.nd.target, nd->nd_target, is_mask);
		MATCH_COPY(match, ipv6.nd.sll, nd->nd_sll, is_mask);
		MATCH_COPY(match, ipv6.nd.tll, nd->nd_tll, is_mask);
		attr_consume(set, OVS_KEY_ATTR_ND);
	}
}

/*
 * Decode everything left in @set (after the VLAN layers) into the key or
 * mask.  @set's bitmap is worked on in a copy, so the caller keeps the
 * post-VLAN attribute set for match_is_consistent().
 */
static int parse_fields(struct net *net, struct sw_flow_match *match,
			const struct key_attr_set *set, bool is_mask, bool log)
{
	struct key_attr_set todo = *set;
	int err;

	err = parse_metadata(net, match, &todo, is_mask, true, log);
	if (err)
		return err;

	err = parse_ethernet(match, &todo, is_mask, log);
	if (err)
		return err;

	err = parse_l3(match, &todo, is_mask, log);
	if (err)
		return err;

	parse_l4(match, &todo, is_mask);

	if (todo.present) {
		OVS_NLERR(log, "Unexpected key attributes %#llx",
			  (unsigned long long)todo.present);
		return -EINVAL;
	}
	return 0;
}

/* ---- key/mask consistency ---- */

/*
 * Check that the key carries every protocol attribute its EtherType and IP
 * protocol imply, and that the mask only covers protocol fields whose
 * presence the mask pins down (exact EtherType, exact IP protocol, exact
 * ICMPv6 type for ND).  Later fragments carry no L4 header.
 */
static bool match_is_consistent(const struct sw_flow_match *match,
				u64 key_attrs, u64 mask_attrs, bool log)
{
	const struct sw_flow_key *key = match->key;
	const struct sw_flow_key *mask = match->mask ? &match->mask->key : NULL;
	bool type_exact = mask && mask->eth.type == htons(0xffff);
	bool proto_exact = mask && mask->ip.proto == 0xff;
	u64 needed = 0;
	u64 allowed;

	/* Protocol attributes are allowed in the mask only as granted below. */
	allowed = key_attrs & ~(KBIT(OVS_KEY_ATTR_IPV4) |
				KBIT(OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4) |
				KBIT(OVS_KEY_ATTR_IPV6) |
				KBIT(OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6) |
				KBIT(OVS_KEY_ATTR_TCP) |
				KBIT(OVS_KEY_ATTR_TCP_FLAGS) |
				KBIT(OVS_KEY_ATTR_UDP) |
				KBIT(OVS_KEY_ATTR_SCTP) |
				KBIT(OVS_KEY_ATTR_ICMP) |
				KBIT(OVS_KEY_ATTR_ICMPV6) |
				KBIT(OVS_KEY_ATTR_ARP) |
				KBIT(OVS_KEY_ATTR_ND) |
				KBIT(OVS_KEY_ATTR_MPLS) |
				KBIT(OVS_KEY_ATTR_NSH));
	allowed |= KBIT(OVS_KEY_ATTR_TUNNEL) | KBIT(OVS_KEY_ATTR_IN_PORT) |
		   KBIT(OVS_KEY_ATTR_ETHERTYPE) | KBIT(OVS_KEY_ATTR_PACKET_TYPE);

	switch (ntohs(key->eth.type)) {
	case ETH_P_ARP:
	case ETH_P_RARP:
		needed |= KBIT(OVS_KEY_ATTR_ARP);
		if (type_exact)
			allowed |= KBIT(OVS_KEY_ATTR_ARP);
		break;
	case ETH_P_MPLS_UC:
	case ETH_P_MPLS_MC:
		needed |= KBIT(OVS_KEY_ATTR_MPLS);
		if (type_exact)
			allowed |= KBIT(OVS_KEY_ATTR_MPLS);
		break;
	case ETH_P_NSH:
		needed |= KBIT(OVS_KEY_ATTR_NSH);
		break;
	case ETH_P_IP:
		needed |= KBIT(OVS_KEY_ATTR_IPV4);
		if (type_exact)
			allowed |= KBIT(OVS_KEY_ATTR_IPV4) |
				   KBIT(OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4);
		break;
	case ETH_P_IPV6:
		needed |= KBIT(OVS_KEY_ATTR_IPV6);
		if (type_exact)
			allowed |= KBIT(OVS_KEY_ATTR_IPV6) |
				   KBIT(OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6);
		break;
	}

	if ((key->eth.type == htons(ETH_P_IP) ||
	     key->eth.type == htons(ETH_P_IPV6)) &&
	    key->ip.frag != OVS_FRAG_TYPE_LATER) {
		u64 l4 = 0;

		switch (key->ip.proto) {
		case IPPROTO_TCP:
			l4 = KBIT(OVS_KEY_ATTR_TCP) |
			     KBIT(OVS_KEY_ATTR_TCP_FLAGS);
			break;
		case IPPROTO_UDP:
			l4 = KBIT(OVS_KEY_ATTR_UDP);
			break;
		case IPPROTO_SCTP:
			l4 = KBIT(OVS_KEY_ATTR_SCTP);
			break;
		case IPPROTO_ICMP:
			if (key->eth.type == htons(ETH_P_IP))
				l4 = KBIT(OVS_KEY_ATTR_ICMP);
			break;
		case IPPROTO_ICMPV6:
			if (key->eth.type != htons(ETH_P_IPV6))
				break;
			l4 = KBIT(OVS_KEY_ATTR_ICMPV6);
			if (key->tp.src == htons(NDISC_NEIGHBOUR_SOLICITATION) ||
			    key->tp.src == htons(NDISC_NEIGHBOUR_ADVERTISEMENT)) {
				needed |= KBIT(OVS_KEY_ATTR_ND);
				/*
				 * The ND fields share key space with the
				 * original-direction IPv6 tuple.
				 */
				allowed &= ~KBIT(OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6);
				if (mask && mask->tp.src == htons(0xff))
					allowed |= KBIT(OVS_KEY_ATTR_ND);
			}
			break;
		}
		needed |= l4;
		if (proto_exact)
			allowed |= l4;
	}

	if ((key_attrs & needed) != needed) {
		OVS_NLERR(log, "Key lacks attributes (have %#llx, need %#llx)",
			  (unsigned long long)key_attrs,
			  (unsigned long long)needed);
		return false;
	}

	if (mask_attrs & ~allowed) {
		OVS_NLERR(log, "Mask has unexpected attributes (have %#llx, allowed %#llx)",
			  (unsigned long long)mask_attrs,
			  (unsigned long long)allowed);
		return false;
	}
	return true;
}

/* ---- exact masks ---- */

/* Every payload byte of a tunnel nest's attributes becomes 0xff. */
static void fill_exact_tunnel_mask(struct nlattr *nest)
{
	struct nlattr *nla, *ext;
	int rem, erem;

	nla_for_each_nested(nla, nest, rem) {
		if (nla_type(nla) != OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS) {
			memset(nla_data(nla), 0xff, nla_len(nla));
			continue;
		}
		nla_for_each_nested(ext, nla, erem)
			memset(nla_data(ext), 0xff, nla_len(ext));
	}
}

/*
 * Turn a copy of a key nest into the matching exact mask: every payload
 * byte becomes 0xff (nested ENCAPs, the tunnel nest and its VXLAN options
 * recursively, keeping their attribute headers), except that ct_state
 * only covers the states this datapath produces.
 */
static void fill_exact_mask(struct nlattr *nest, int depth)
{
	struct nlattr *nla;
	int rem;

	nla_for_each_nested(nla, nest, rem) {
		int type = nla_type(nla);

		if (type == OVS_KEY_ATTR_ENCAP && depth < 4) {
			fill_exact_mask(nla, depth + 1);
			continue;
		}
		if (type == OVS_KEY_ATTR_TUNNEL) {
			fill_exact_tunnel_mask(nla);
			continue;
		}

		memset(nla_data(nla), 0xff, nla_len(nla));
		if (type == OVS_KEY_ATTR_CT_STATE &&
		    nla_len(nla) == sizeof(u32))
			*(u32 *)nla_data(nla) = OVS_CT_SUPPORTED_STATE;
	}
}

/**
 * ovs_nla_get_match - parse OVS_FLOW_ATTR_KEY and OVS_FLOW_ATTR_MASK.
 * @net: the datapath's namespace; ct attributes are checked against it
 *	with ovs_ct_verify().
 * @match: initialised with ovs_match_init(); its key, mask (if any) and
 *	both ranges are filled.
 * @nla_key: the key nest (required).
 * @nla_mask: the mask nest, or NULL: then, when @match has a mask, every
 *	field the key mentions is matched exactly (the key is re-read as a
 *	mask with all bits set, VLAN/ENCAP logic included).
 * @log: log errors (false for OVS_FLOW_ATTR_PROBE requests).
 *
 * Accept/reject behaviour follows the in-tree datapath, with NSH,
 * ND extensions, IPv6 extension headers, layer-3 packets and NAT ct_states
 * refused.
 *
 * Context: process context (may allocate with GFP_KERNEL).
 * Return: 0; -EINVAL for malformed, inconsistent or unsupported attributes;
 *	-ENOMEM.
 */
int ovs_nla_get_match(struct net *net, struct sw_flow_match *match,
		      const struct nlattr *nla_key,
		      const struct nlattr *nla_mask, bool log)
{
	struct nlattr *exact_mask = NULL;
	struct key_attr_set set;
	u64 key_attrs, mask_attrs = 0;
	int err;

	if (!nla_key) {
		OVS_NLERR(log, "Flow key missing");
		return -EINVAL;
	}

	memset(&set, 0, sizeof(set));
	err = collect_attrs(nla_key, &set, false, log);
	if (err)
		return err;
	err = parse_vlan_layers(match, &set, false, log);
	if (err)
		return err;
	err = parse_fields(net, match, &set, false, log);
	if (err)
		return err;
	key_attrs = set.present;

	if (match->mask) {
		if (!nla_mask) {
			exact_mask = kmemdup(nla_key,
					     nla_total_size(nla_len(nla_key)),
					     GFP_KERNEL);
			if (!exact_mask)
				return -ENOMEM;
			fill_exact_mask(exact_mask, 0);
			nla_mask = exact_mask;

			/*
			 * Userspace leaves zero tunnel fields out of a key;
			 * they are matched exactly all the same (the option
			 * length only when options were given).
			 */
			if (match->key->tun.proto) {
				struct ovs_tun_key ones;

				memset(&ones, 0xff, sizeof(ones));
				ones.opts_len = 0;
				memset(ones.pad, 0, sizeof(ones.pad));
				MATCH_SET(match, tun, ones, true);
			}
		}

		memset(&set, 0, sizeof(set));
		err = collect_attrs(nla_mask, &set, true, log);
		if (err)
			goto out;

		/* VLAN presence is always significant, tagged or not. */
		MATCH_SET(match, eth.vlan.tci, htons(0xffff), true);
		MATCH_SET(match, eth.cvlan.tci, htons(0xffff), true);

		err = parse_vlan_layers(match, &set, true, log);
		if (err)
			goto out;
		err = parse_fields(net, match, &set, true, log);
		if (err)
			goto out;
		mask_attrs = set.present;
	}

	if (!match_is_consistent(match, key_attrs, mask_attrs, log))
		err = -EINVAL;
out:
	kfree(exact_mask);
	return err;
}

/**
 * ovs_nla_get_flow_metadata - parse only the metadata attributes of a key.
 * @net: the namespace.
 * @attr: a key nest (OVS_PACKET_ATTR_KEY).
 * @key: receives the tunnel (OVS_KEY_ATTR_TUNNEL, validated as in a flow
 *	key), priority, in_port (DP_MAX_PORTS, i.e. none, when absent),
 *	skb_mark, dp_hash, recirc_id and the ct fields; the caller zeroed it.
 * @log: log errors.
 *
 * Every attribute is checked for type, length and duplicates; packet
 * header attributes are then ignored (the headers come from the packet).
 * Layer-3 packets are refused.  A ct attribute the
 * namespace cannot use is ignored, as in the in-tree datapath.
 *
 * Context: any.
 * Return: 0 or -EINVAL.
 */
int ovs_nla_get_flow_metadata(struct net *net, const struct nlattr *attr,
			      struct sw_flow_key *key, bool log)
{
	struct sw_flow_match match;
	struct key_attr_set set;
	int err;

	if (!attr) {
		OVS_NLERR(log, "Packet key missing");
		return -EINVAL;
	}

	memset(&set, 0, sizeof(set));
	err = collect_attrs(attr, &set, false, log);
	if (err)
		return err;

	memset(&match, 0, sizeof(match));
	match.key = key;

	key->ct_state = 0;
	key->ct_zone = 0;
	key->ct_orig_proto = 0;
	memset(&key->ct, 0, sizeof(key->ct));
	memset(&key->ipv4.ct_orig, 0, sizeof(key->ipv4.ct_orig));
	memset(&key->ipv6.ct_orig, 0, sizeof(key->ipv6.ct_orig));
	key->phy.in_port = DP_MAX_PORTS;

	return parse_metadata(net, &match, &set, false, false, log);
}

/* ---- serialisation ---- */

/*
 * The OVS_TUNNEL_KEY_ATTR_* of a tunnel, in the in-tree datapath's order.
 * @out holds the values (a key's tunnel, or a mask's), @af the address
 * family and @opts_len the option length of the key they belong to.  The
 * id is written when @out has the key flag; bridge-mode (transmit) info
 * has nothing but the id and the bridge marker; zero addresses, TOS and
 * ports are left out, the TTL never is.  Options are written in the form
 * @out's option flag names.
 */
static int put_tun_attrs(struct sk_buff *skb, const struct ovs_tun_key *out,
			 const u8 *opts, int opts_len, u8 af, u8 mode)
{
	if ((out->flags & OVS_TNL_F_KEY) &&
	    nla_put_be64(skb, OVS_TUNNEL_KEY_ATTR_ID, out->tun_id,
			 OVS_TUNNEL_KEY_ATTR_PAD))
		return -EMSGSIZE;

	if (mode & IP_TUNNEL_INFO_BRIDGE)
		return nla_put_flag(skb, OVS_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE) ?
		       -EMSGSIZE : 0;

	if (af == AF_INET) {
		if (out->u.ipv4.src &&
		    nla_put_in_addr(skb, OVS_TUNNEL_KEY_ATTR_IPV4_SRC,
				    out->u.ipv4.src))
			return -EMSGSIZE;
		if (out->u.ipv4.dst &&
		    nla_put_in_addr(skb, OVS_TUNNEL_KEY_ATTR_IPV4_DST,
				    out->u.ipv4.dst))
			return -EMSGSIZE;
	} else if (af == AF_INET6) {
		if (!ipv6_addr_any(&out->u.ipv6.src) &&
		    nla_put_in6_addr(skb, OVS_TUNNEL_KEY_ATTR_IPV6_SRC,
				     &out->u.ipv6.src))
			return -EMSGSIZE;
		if (!ipv6_addr_any(&out->u.ipv6.dst) &&
		    nla_put_in6_addr(skb, OVS_TUNNEL_KEY_ATTR_IPV6_DST,
				     &out->u.ipv6.dst))
			return -EMSGSIZE;
	}

	if (out->tos && nla_put_u8(skb, OVS_TUNNEL_KEY_ATTR_TOS, out->tos))
		return -EMSGSIZE;
	if (nla_put_u8(skb, OVS_TUNNEL_KEY_ATTR_TTL, out->ttl))
		return -EMSGSIZE;
	if ((out->flags & OVS_TNL_F_DONT_FRAGMENT) &&
	    nla_put_flag(skb, OVS_TUNNEL_KEY_ATTR_DONT_FRAGMENT))
		return -EMSGSIZE;
	if ((out->flags & OVS_TNL_F_CSUM) &&
	    nla_put_flag(skb, OVS_TUNNEL_KEY_ATTR_CSUM))
		return -EMSGSIZE;
	if (out->tp_src &&
	    nla_put_be16(skb, OVS_TUNNEL_KEY_ATTR_TP_SRC, out->tp_src))
		return -EMSGSIZE;
	if (out->tp_dst &&
	    nla_put_be16(skb, OVS_TUNNEL_KEY_ATTR_TP_DST, out->tp_dst))
		return -EMSGSIZE;
	if ((out->flags & OVS_TNL_F_OAM) &&
	    nla_put_flag(skb, OVS_TUNNEL_KEY_ATTR_OAM))
		return -EMSGSIZE;

	if (!opts_len)
		return 0;
	if (out->flags & OVS_TNL_F_GENEVE_OPT)
		return nla_put(skb, OVS_TUNNEL_KEY_ATTR_GENEVE_OPTS, opts_len,
			       opts) ? -EMSGSIZE : 0;
	if (out->flags & OVS_TNL_F_VXLAN_OPT) {
		struct vxlan_metadata md = {};
		struct nlattr *nest;

		memcpy(&md, opts, min_t(int, opts_len, sizeof(md)));
		nest = nla_nest_start_noflag(skb,
					     OVS_TUNNEL_KEY_ATTR_VXLAN_OPTS);
		if (!nest || nla_put_u32(skb, OVS_VXLAN_EXT_GBP, md.gbp))
			return -EMSGSIZE;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (out->flags & OVS_TNL_F_ERSPAN_OPT)
		return nla_put(skb, OVS_TUNNEL_KEY_ATTR_ERSPAN_OPTS, opts_len,
			       opts) ? -EMSGSIZE : 0;
	return 0;
}

/* OVS_KEY_ATTR_TUNNEL of a key or mask (see put_tun_attrs()). */
static int put_key_tunnel(const struct sw_flow_key *swkey,
			  const struct sw_flow_key *out, struct sk_buff *skb)
{
	struct nlattr *nest;

	nest = nla_nest_start_noflag(skb, OVS_KEY_ATTR_TUNNEL);
	if (!nest)
		return -EMSGSIZE;
	if (put_tun_attrs(skb, &out->tun, out->tun_opts, swkey->tun.opts_len,
			  swkey->tun.proto, 0)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * ovs_nla_put_tunnel_info - serialise kernel tunnel info as a nest of
 * OVS_TUNNEL_KEY_ATTR_*.
 * @skb: the message being built.
 * @attrtype: type of the nest: OVS_KEY_ATTR_TUNNEL inside a set() action,
 *	OVS_PACKET_ATTR_EGRESS_TUN_KEY in an upcall.
 * @info: the tunnel: a prepared set(tunnel()) action's metadata or a
 *	port's egress tunnel metadata.
 *
 * Writes what userspace gave for the action: the same attributes, in the
 * in-tree datapath's order, as ovs_nla_put_key() writes for a key's tunnel,
 * plus OVS_TUNNEL_KEY_ATTR_IPV4_INFO_BRIDGE (and only the id) for
 * bridge-mode info.
 * Context: any.
 * Return: 0 or -EMSGSIZE (nothing is left in @skb).
 */
int ovs_nla_put_tunnel_info(struct sk_buff *skb, int attrtype,
			    const struct ip_tunnel_info *info)
{
	struct ovs_tun_key tun;
	struct nlattr *nest;

	ovs_flow_tun_key_from_info(&tun, info);
	nest = nla_nest_start_noflag(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if (put_tun_attrs(skb, &tun,
			  ip_tunnel_info_opts((struct ip_tunnel_info *)info),
			  info->options_len, tun.proto, info->mode)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_vlan_tag(struct sk_buff *skb, const struct ovs_vlan *tag,
			bool is_mask)
{
	__be16 tpid = is_mask ? htons(0xffff) : tag->tpid;

	if (nla_put_be16(skb, OVS_KEY_ATTR_ETHERTYPE, tpid) ||
	    nla_put_be16(skb, OVS_KEY_ATTR_VLAN, tag->tci))
		return -EMSGSIZE;
	return 0;
}

/*
 * L3 attribute of the key's EtherType (none for others).  MPLS writes as
 * many label stack entries as @out's label bitmap has bits (for a mask:
 * none when the label count is wildcarded), as the in-tree datapath does.
 */
static int put_l3(const struct sw_flow_key *swkey,
		  const struct sw_flow_key *out, struct sk_buff *skb)
{
	if (eth_p_mpls(swkey->eth.type)) {
		struct ovs_key_mpls *mpls;
		struct nlattr *nla;
		int i, n;

		n = min_t(int, hweight32(out->mpls.num_labels_mask),
			  OVS_MPLS_LABEL_DEPTH);
		nla = nla_reserve(skb, OVS_KEY_ATTR_MPLS, n * sizeof(*mpls));
		if (!nla)
			return -EMSGSIZE;
		mpls = nla_data(nla);
		for (i = 0; i < n; i++)
			mpls[i].mpls_lse = out->mpls.lse[i];
		return 0;
	}

	if (swkey->eth.type == htons(ETH_P_IP)) {
		struct ovs_key_ipv4 ip = {
			.ipv4_src = out->ipv4.addr.src,
			.ipv4_dst = out->ipv4.addr.dst,
			.ipv4_proto = out->ip.proto,
			.ipv4_tos = out->ip.tos,
			.ipv4_ttl = out->ip.ttl,
			.ipv4_frag = out->ip.frag,
		};

		return nla_put(skb, OVS_KEY_ATTR_IPV4, sizeof(ip), &ip);
	}

	if (swkey->eth.type == htons(ETH_P_IPV6)) {
		struct ovs_key_ipv6 ip = {
			.ipv6_label = out->ipv6.label,
			.ipv6_proto = out->ip.proto,
			.ipv6_tclass = out->ip.tos,
			.ipv6_hlimit = out->ip.ttl,
			.ipv6_frag = out->ip.frag,
		};

		memcpy(ip.ipv6_src, &out->ipv6.addr.src, sizeof(ip.ipv6_src));
		memcpy(ip.ipv6_dst, &out->ipv6.addr.dst, sizeof(ip.ipv6_dst));
		return nla_put(skb, OVS_KEY_ATTR_IPV6, sizeof(ip), &ip);
	}

	if (swkey->eth.type == htons(ETH_P_ARP) ||
	    swkey->eth.type == htons(ETH_P_RARP)) {
		struct ovs_key_arp arp;

		memset(&arp, 0, sizeof(arp));
		arp.arp_sip = out->ipv4.addr.src;
		arp.arp_tip = out->ipv4.addr.dst;
		arp.arp_op = htons(out->ip.proto);
		ether_addr_copy(arp.arp_sha, out->ipv4.arp.sha);
		ether_addr_copy(arp.arp_tha, out->ipv4.arp.tha);
		return nla_put(skb, OVS_KEY_ATTR_ARP, sizeof(arp), &arp);
	}
	return 0;
}

/* L4 attributes implied by the key's IP protocol (none for fragments). */
static int put_l4(const struct sw_flow_key *swkey,
		  const struct sw_flow_key *out, struct sk_buff *skb)
{
	bool v4 = swkey->eth.type == htons(ETH_P_IP);
	bool v6 = swkey->eth.type == htons(ETH_P_IPV6);

	if ((!v4 && !v6) || swkey->ip.frag == OVS_FRAG_TYPE_LATER)
		return 0;

	switch (swkey->ip.proto) {
	case IPPROTO_TCP: {
		struct ovs_key_tcp tcp = {
			.tcp_src = out->tp.src,
			.tcp_dst = out->tp.dst,
		};

		if (nla_put(skb, OVS_KEY_ATTR_TCP, sizeof(tcp), &tcp) ||
		    nla_put_be16(skb, OVS_KEY_ATTR_TCP_FLAGS, out->tp.flags))
			return -EMSGSIZE;
		return 0;
	}
	case IPPROTO_UDP: {
		struct ovs_key_udp udp = {
			.udp_src = out->tp.src,
			.udp_dst = out->tp.dst,
		};

		return nla_put(skb, OVS_KEY_ATTR_UDP, sizeof(udp), &udp);
	}
	case IPPROTO_SCTP: {
		struct ovs_key_sctp sctp = {
			.sctp_src = out->tp.src,
			.sctp_dst = out->tp.dst,
		};

		return nla_put(skb, OVS_KEY_ATTR_SCTP, sizeof(sctp), &sctp);
	}
	case IPPROTO_ICMP: {
		struct ovs_key_icmp icmp = {
			.icmp_type = ntohs(out->tp.src),
			.icmp_code = ntohs(out->tp.dst),
		};

		if (!v4)
			return 0;
		return nla_put(skb, OVS_KEY_ATTR_ICMP, sizeof(icmp), &icmp);
	}
	case IPPROTO_ICMPV6: {
		struct ovs_key_icmpv6 icmp = {
			.icmpv6_type = ntohs(out->tp.src),
			.icmpv6_code = ntohs(out->tp.dst),
		};
		struct ovs_key_nd nd;

		if (!v6)
			return 0;
		if (nla_put(skb, OVS_KEY_ATTR_ICMPV6, sizeof(icmp), &icmp))
			return -EMSGSIZE;

		if (swkey->tp.src != htons(NDISC_NEIGHBOUR_SOLICITATION) &&
		    swkey->tp.src != htons(NDISC_NEIGHBOUR_ADVERTISEMENT))
			return 0;

		memcpy(nd.nd_target, &out->ipv6.nd.target,
		       sizeof(nd.nd_target));
		ether_addr_copy(nd.nd_sll, out->ipv6.nd.sll);
		ether_addr_copy(nd.nd_tll, out->ipv6.nd.tll);
		return nla_put(skb, OVS_KEY_ATTR_ND, sizeof(nd), &nd);
	}
	}
	return 0;
}

static int put_key_attrs(const struct sw_flow_key *swkey,
			 const struct sw_flow_key *out, bool is_mask,
			 struct sk_buff *skb)
{
	struct nlattr *encap[2];
	struct ovs_key_ethernet eth;
	int depth = 0;
	int err = -EMSGSIZE;

	if (nla_put_u32(skb, OVS_KEY_ATTR_RECIRC_ID, out->recirc_id) ||
	    nla_put_u32(skb, OVS_KEY_ATTR_DP_HASH, out->ovs_flow_hash) ||
	    nla_put_u32(skb, OVS_KEY_ATTR_PRIORITY, out->phy.priority))
		return -EMSGSIZE;

	/* Masks always describe the tunnel, if only to say "none". */
	if ((swkey->tun.proto || is_mask) && put_key_tunnel(swkey, out, skb))
		return -EMSGSIZE;

	/*
	 * A key without input port (DP_MAX_PORTS) has no IN_PORT; its mask
	 * has one only when it is exact.  Masks carry all-ones upper bits,
	 * since the port is 32 bits on the wire.
	 */
	if (swkey->phy.in_port == DP_MAX_PORTS) {
		if (is_mask && out->phy.in_port == 0xffff &&
		    nla_put_u32(skb, OVS_KEY_ATTR_IN_PORT, 0xffffffff))
			return -EMSGSIZE;
	} else {
		u32 port = out->phy.in_port;

		if (is_mask)
			port |= 0xffff0000;
		if (nla_put_u32(skb, OVS_KEY_ATTR_IN_PORT, port))
			return -EMSGSIZE;
	}

	if (nla_put_u32(skb, OVS_KEY_ATTR_SKB_MARK, out->phy.skb_mark))
		return -EMSGSIZE;

	if (ovs_ct_put_key(swkey, out, skb))
		return -EMSGSIZE;

	ether_addr_copy(eth.eth_src, out->eth.src);
	ether_addr_copy(eth.eth_dst, out->eth.dst);
	if (nla_put(skb, OVS_KEY_ATTR_ETHERNET, sizeof(eth), &eth))
		return -EMSGSIZE;

	/*
	 * Tags nest the rest of the key in ENCAP.  A tag with TCI 0 was cut
	 * short by the end of the packet: its ENCAP stays empty.  An
	 * EtherType that is still a VLAN type after two tags means a third
	 * tag the key does not describe; nothing follows it.
	 */
	if (swkey->eth.vlan.tci || eth_type_vlan(swkey->eth.type)) {
		if (put_vlan_tag(skb, &out->eth.vlan, is_mask))
			goto close;
		encap[depth] = nla_nest_start_noflag(skb, OVS_KEY_ATTR_ENCAP);
		if (!encap[depth])
			goto close;
		depth++;
		if (!swkey->eth.vlan.tci)
			goto done;

		if (swkey->eth.cvlan.tci || eth_type_vlan(swkey->eth.type)) {
			if (put_vlan_tag(skb, &out->eth.cvlan, is_mask))
				goto close;
			encap[depth] = nla_nest_start_noflag(skb,
							     OVS_KEY_ATTR_ENCAP);
			if (!encap[depth])
				goto close;
			depth++;
			if (!swkey->eth.cvlan.tci)
				goto done;
		}
	}

	/*
	 * 802.2 frames have no ETHERTYPE in the key; the mask says 0xffff
	 * when the EtherType is matched at all.
	 */
	if (swkey->eth.type == htons(ETH_P_802_2)) {
		if (is_mask && out->eth.type &&
		    nla_put_be16(skb, OVS_KEY_ATTR_ETHERTYPE, out->eth.type))
			goto close;
		goto done;
	}

	if (nla_put_be16(skb, OVS_KEY_ATTR_ETHERTYPE, out->eth.type))
		goto close;

	if (eth_type_vlan(swkey->eth.type))
		goto done;

	if (put_l3(swkey, out, skb) || put_l4(swkey, out, skb))
		goto close;

done:
	err = 0;
close:
	while (depth > 0)
		nla_nest_end(skb, encap[--depth]);
	return err;
}

/**
 * ovs_nla_put_key - serialise a key or mask as a nest of OVS_KEY_ATTR_*.
 * @swkey: the key that decides which attributes exist (the flow's key).
 * @output: the values to write: @swkey itself, or the mask.
 * @attr: nest type (OVS_FLOW_ATTR_KEY, OVS_FLOW_ATTR_MASK,
 *	OVS_PACKET_ATTR_KEY).
 * @is_mask: writing a mask: attributes implied by @swkey are written even
 *	when zero, the VLAN TPIDs as 0xffff and IN_PORT with its upper 16
 *	bits set.
 * @skb: message being built.
 *
 * Attributes come in the in-tree datapath's order: RECIRC_ID, DP_HASH,
 * PRIORITY, TUNNEL (for a key from a tunnel, and always in a mask),
 * IN_PORT, SKB_MARK, the ct fields (ovs_ct_put_key()), ETHERNET,
 * VLAN tags with ENCAP nests, ETHERTYPE, then L3 and L4.
 *
 * Context: any (no allocation besides @skb's tailroom).
 * Return: 0 or -EMSGSIZE (the partial nest is removed).
 */
int ovs_nla_put_key(const struct sw_flow_key *swkey,
		    const struct sw_flow_key *output, int attr, bool is_mask,
		    struct sk_buff *skb)
{
	struct nlattr *nest;
	int err;

	nest = nla_nest_start_noflag(skb, attr);
	if (!nest)
		return -EMSGSIZE;

	err = put_key_attrs(swkey, output, is_mask, skb);
	if (err) {
		nla_nest_cancel(skb, nest);
		return err;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * ovs_nla_put_identifier - put OVS_FLOW_ATTR_UFID, or the unmasked key as
 * OVS_FLOW_ATTR_KEY when the flow has no UFID.
 * @flow: the flow.
 * @skb: the message.
 *
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_identifier(const struct sw_flow *flow, struct sk_buff *skb)
{
	if (flow->id.ufid_len)
		return nla_put(skb, OVS_FLOW_ATTR_UFID, flow->id.ufid_len,
			       flow->id.ufid);

	return ovs_nla_put_key(flow->id.unmasked_key, flow->id.unmasked_key,
			       OVS_FLOW_ATTR_KEY, false, skb);
}

/**
 * ovs_nla_put_masked_key - put OVS_FLOW_ATTR_KEY with the flow's masked key.
 * @flow: the flow.
 * @skb: the message.
 *
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_masked_key(const struct sw_flow *flow, struct sk_buff *skb)
{
	return ovs_nla_put_key(&flow->key, &flow->key, OVS_FLOW_ATTR_KEY,
			       false, skb);
}

/**
 * ovs_nla_put_mask - put OVS_FLOW_ATTR_MASK with the flow's mask.
 * @flow: the flow.
 * @skb: the message.
 *
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_nla_put_mask(const struct sw_flow *flow, struct sk_buff *skb)
{
	return ovs_nla_put_key(&flow->key, &flow->mask->key,
			       OVS_FLOW_ATTR_MASK, true, skb);
}

/* ---- flow identifiers ---- */

/**
 * ovs_nla_get_ufid - parse OVS_FLOW_ATTR_UFID.
 * @sfid: receives the UFID and its length (0 when none is valid); unused
 *	bytes of the UFID are zeroed.
 * @attr: the attribute or NULL.
 * @log: log a UFID of bad length.
 *
 * Context: any.
 * Return: true if @attr held a valid UFID of 1 to %MAX_UFID_LENGTH bytes.
 */
bool ovs_nla_get_ufid(struct sw_flow_id *sfid, const struct nlattr *attr,
		      bool log)
{
	int len;

	sfid->ufid_len = 0;
	if (!attr)
		return false;

	len = nla_len(attr);
	if (len < 1 || len > MAX_UFID_LENGTH) {
		OVS_NLERR(log, "UFID length %d is outside 1..%d",
			  len, MAX_UFID_LENGTH);
		return false;
	}

	memset(sfid->ufid, 0, sizeof(sfid->ufid));
	memcpy(sfid->ufid, nla_data(attr), len);
	sfid->ufid_len = len;
	return true;
}

/**
 * ovs_nla_get_identifier - a new flow's identifier: its UFID if given,
 * else a kmalloc'ed copy of the unmasked key.
 * @sfid: filled; the caller frees @sfid->unmasked_key when ufid_len is 0.
 * @ufid: OVS_FLOW_ATTR_UFID or NULL.
 * @key: the unmasked key.
 * @log: log errors.
 *
 * Context: process context (GFP_KERNEL).
 * Return: 0 or -ENOMEM.
 */
int ovs_nla_get_identifier(struct sw_flow_id *sfid, const struct nlattr *ufid,
			   const struct sw_flow_key *key, bool log)
{
	struct sw_flow_key *copy;

	if (ovs_nla_get_ufid(sfid, ufid, log))
		return 0;

	copy = kmemdup(key, sizeof(*key), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	sfid->unmasked_key = copy;
	return 0;
}

/**
 * ovs_nla_get_ufid_flags - value of OVS_FLOW_ATTR_UFID_FLAGS.
 * @attr: the attribute or NULL.
 *
 * Context: any.
 * Return: the OVS_UFID_F_* bits, 0 if @attr is absent or not a u32.
 */
u32 ovs_nla_get_ufid_flags(const struct nlattr *attr)
{
	if (!attr || nla_len(attr) < (int)sizeof(u32))
		return 0;
	return nla_get_u32(attr);
}

/**
 * ovs_match_init - prepare a match for ovs_nla_get_match().
 * @match: the match; zeroed, then pointed at @key and @mask.
 * @key: key storage.
 * @reset_key: zero @key first.
 * @mask: mask storage or NULL; when given, its key and range are zeroed.
 *
 * Context: any.
 */
void ovs_match_init(struct sw_flow_match *match, struct sw_flow_key *key,
		    bool reset_key, struct sw_flow_mask *mask)
{
	memset(match, 0, sizeof(*match));
	match->key = key;
	match->mask = mask;

	if (reset_key)
		memset(key, 0, sizeof(*key));

	if (mask) {
		memset(&mask->key, 0, sizeof(mask->key));
		mask->range.start = 0;
		mask->range.end = 0;
	}
}

/**
 * ovs_tun_key_attr_size - upper bound of a tunnel nest's payload.
 *
 * Counts every OVS_TUNNEL_KEY_ATTR_* put_tun_attrs() can emit: the id
 * (with alignment padding), IPv6-sized addresses, TOS, TTL, the three
 * flags, both ports and the largest option block (Geneve's; VXLAN and
 * ERSPAN options are smaller and exclusive with it).
 *
 * Context: any.
 * Return: bytes.
 */
size_t ovs_tun_key_attr_size(void)
{
	return nla_total_size_64bit(8)	/* ID */
	     + nla_total_size(16)	/* IPV[46]_SRC */
	     + nla_total_size(16)	/* IPV[46]_DST */
	     + nla_total_size(1)	/* TOS */
	     + nla_total_size(1)	/* TTL */
	     + nla_total_size(0)	/* DONT_FRAGMENT */
	     + nla_total_size(0)	/* CSUM */
	     + nla_total_size(0)	/* OAM */
	     + nla_total_size(OVS_TUN_OPTS_MAX)	/* GENEVE_OPTS */
	     + nla_total_size(2)	/* TP_SRC */
	     + nla_total_size(2);	/* TP_DST */
}

/**
 * ovs_key_attr_size - upper bound of a serialised key nest's payload.
 *
 * Counts every attribute ovs_nla_put_key() can emit for one key: the
 * tunnel nest, the metadata, all ct fields (the larger original tuple),
 * Ethernet, two VLAN tags with their ENCAP nests, the EtherType and the
 * largest L3+L4 combination (IPv6 with ICMPv6 and ND; an MPLS label stack
 * is smaller).
 *
 * Context: any.
 * Return: bytes.
 */
size_t ovs_key_attr_size(void)
{
	return nla_total_size(0)	/* TUNNEL nest */
	     + ovs_tun_key_attr_size()
	     + nla_total_size(4)	/* RECIRC_ID */
	     + nla_total_size(4)	/* DP_HASH */
	     + nla_total_size(4)	/* PRIORITY */
	     + nla_total_size(4)	/* IN_PORT */
	     + nla_total_size(4)	/* SKB_MARK */
	     + nla_total_size(4)	/* CT_STATE */
	     + nla_total_size(2)	/* CT_ZONE */
	     + nla_total_size(4)	/* CT_MARK */
	     + nla_total_size(sizeof(struct ovs_key_ct_labels))
	     + nla_total_size(sizeof(struct ovs_key_ct_tuple_ipv6))
	     + nla_total_size(sizeof(struct ovs_key_ethernet))
	     + 2 * (nla_total_size(2)	/* ETHERTYPE (TPID) */
		    + nla_total_size(2)	/* VLAN */
		    + nla_total_size(0))	/* ENCAP */
	     + nla_total_size(2)	/* ETHERTYPE */
	     + nla_total_size(sizeof(struct ovs_key_ipv6))
	     + nla_total_size(sizeof(struct ovs_key_icmpv6))
	     + nla_total_size(sizeof(struct ovs_key_nd));
}

/**
 * ovs_key_attr_len - expected payload length of a key attribute.
 * @type: OVS_KEY_ATTR_*.
 *
 * Context: any.
 * Return: the fixed length; -1 for nested or variable-length attributes
 *	(OVS_KEY_ATTR_ENCAP, OVS_KEY_ATTR_TUNNEL); -2 for types out of range
 *	or not supported here (NSH, ND extensions, IPv6 extension
 *	headers, the kernel-internal TUNNEL_INFO...).
 */
int ovs_key_attr_len(int type)
{
	if (type < 0 || type > OVS_KEY_ATTR_MAX)
		return KEY_LEN_UNSUPPORTED;
	return key_attr_lens[type];
}
