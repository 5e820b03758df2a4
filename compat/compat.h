/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Force-included into every file of the module (see Kbuild).  The only place
 * that knows kernels differ: datapath code calls the current kernel's plain
 * names, and this header supplies them where the target kernel lacks them,
 * selected by the HAVE_* results of compat/probe.sh.  No version tests.
 */
#ifndef OVS_COMPAT_H
#define OVS_COMPAT_H

#include "compat_autoconf.h"

#include <linux/netdevice.h>
#include <net/netlink.h>
#include <net/genetlink.h>

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/rculist.h>

#ifndef struct_size
/*
 * Allocation sizes that saturate at SIZE_MAX instead of wrapping, so that
 * an overflowing size makes the allocation fail (4.18).
 */
static inline size_t ovs_compat_size_mul(size_t a, size_t b)
{
	return b && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

static inline size_t ovs_compat_size_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

#define array_size(N, SIZE)	ovs_compat_size_mul((N), (SIZE))
/* Size of *@P with @N elements of its trailing array @MEMBER. */
#define struct_size(P, MEMBER, N)					\
	ovs_compat_size_add(sizeof(*(P)),				\
			    ovs_compat_size_mul((N), sizeof(*(P)->MEMBER)))
#endif

#ifndef fallthrough
/* The fall-through marker (5.4): gcc's attribute. */
#define fallthrough __attribute__((__fallthrough__))
#endif

#ifndef sizeof_field
/* sizeof_field() (5.5) under its older name. */
#define sizeof_field(TYPE, MEMBER) FIELD_SIZEOF(TYPE, MEMBER)
#endif

#ifndef static_assert
/* static_assert() with an optional message (5.1): C11's _Static_assert. */
#define static_assert(EXPR, ...) ovs_compat_static_assert(EXPR, ##__VA_ARGS__, #EXPR)
#define ovs_compat_static_assert(EXPR, MSG, ...) _Static_assert(EXPR, MSG)
#endif

#ifndef HAVE_HLIST_FOR_EACH_ENTRY_RCU_COND
/*
 * hlist_for_each_entry_rcu() with the optional lockdep condition of 5.5+
 * (the caller's "protected by" expression, which is not checked here).
 */
#undef hlist_for_each_entry_rcu
#define hlist_for_each_entry_rcu(POS, HEAD, MEMBER, ...)			\
	for (POS = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(HEAD)), \
				    typeof(*(POS)), MEMBER);			\
	     POS;								\
	     POS = hlist_entry_safe(rcu_dereference_raw(			\
				    hlist_next_rcu(&(POS)->MEMBER)),		\
				    typeof(*(POS)), MEMBER))
#endif

#ifndef skb_list_walk_safe
/* Walk a NULL-terminated skb->next list that the body may unlink (5.6). */
#define skb_list_walk_safe(FIRST, SKB, NEXT)				\
	for ((SKB) = (FIRST), (NEXT) = (SKB) ? (SKB)->next : NULL; (SKB);	\
	     (SKB) = (NEXT), (NEXT) = (SKB) ? (SKB)->next : NULL)
#endif

#ifndef HAVE_NET_RWSEM
/*
 * Walking the namespace list (for_each_net()): before net_rwsem (4.17)
 * the RTNL lock kept it stable.
 */
#include <linux/rtnetlink.h>
static inline void ovs_net_list_lock(void)
{
	rtnl_lock();
}

static inline void ovs_net_list_unlock(void)
{
	rtnl_unlock();
}
#else
#include <net/net_namespace.h>
/* Keep the namespace list stable for for_each_net(). */
static inline void ovs_net_list_lock(void)
{
	down_read(&net_rwsem);
}

static inline void ovs_net_list_unlock(void)
{
	up_read(&net_rwsem);
}
#endif

#ifndef HAVE_JIFFIES64_TO_MSECS
#include <linux/jiffies.h>
#include <linux/math64.h>
/* A 64-bit jiffies count in milliseconds (5.7). */
static inline u64 jiffies64_to_msecs(u64 j)
{
	return div_u64(j * MSEC_PER_SEC, HZ);
}
#endif

#ifndef HAVE_PEERNET2ID_ALLOC_GFP
#include <net/net_namespace.h>
/* peernet2id_alloc() without the allocation flags of 5.4+. */
#define peernet2id_alloc(NET, PEER, GFP) peernet2id_alloc((NET), (PEER))
#endif

#ifndef HAVE_NETDEVICE_TRACKER
/* Reference trackers (5.17+) compile away to nothing before they existed. */
struct ovs_compat_netdevice_tracker {};
#define netdevice_tracker struct ovs_compat_netdevice_tracker
#endif

#ifndef HAVE_NETDEV_HOLD
static inline void netdev_hold(struct net_device *dev,
			       netdevice_tracker *tracker, gfp_t gfp)
{
	dev_hold(dev);
}

static inline void netdev_put(struct net_device *dev,
			      netdevice_tracker *tracker)
{
	dev_put(dev);
}
#endif

#ifndef HAVE_KVZALLOC
#include <linux/slab.h>
#include <linux/vmalloc.h>
/*
 * Zeroed memory from the slab when it is readily available, else from
 * vmalloc (4.12); freed with kvfree() either way.  @flags must allow
 * sleeping (GFP_KERNEL), as vmalloc does.
 */
static inline void *kvzalloc_node(size_t size, gfp_t flags, int node)
{
	void *p = kzalloc_node(size, flags | __GFP_NOWARN | __GFP_NORETRY,
			       node);

	return p ? p : vzalloc_node(size, node);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvzalloc_node(size, flags, NUMA_NO_NODE);
}
#endif

#ifndef HAVE_GET_RANDOM_U32
#include <linux/random.h>
/* A random 32-bit value (4.11 name). */
#define get_random_u32 get_random_int
#endif

#ifndef HAVE_NETDEV_MASTER_UPPER_DEV_LINK_EXTACK
/*
 * netdev_master_upper_dev_link() with the extended-ack argument of 4.15+;
 * before 4.5 it also took no private data or upper info.
 */
#ifdef HAVE_NETDEV_MASTER_UPPER_DEV_LINK_PRIV
#define netdev_master_upper_dev_link(DEV, UPPER, PRIV, INFO, EXTACK) \
	netdev_master_upper_dev_link((DEV), (UPPER), (PRIV), (INFO))
#else
#define netdev_master_upper_dev_link(DEV, UPPER, PRIV, INFO, EXTACK) \
	netdev_master_upper_dev_link((DEV), (UPPER))
#endif
#endif

#ifndef HAVE_NLA_NEST_START_NOFLAG
/* Before 5.2 every nest was started without NLA_F_NESTED. */
#define nla_nest_start_noflag nla_nest_start
#endif

#ifndef HAVE_NLA_PARSE_DEPRECATED
/*
 * Liberal parsing was the only kind before 5.2; before 4.12 it reported
 * no extended ack either (the argument is then not evaluated).
 */
#ifdef HAVE_NLA_PARSE_EXTACK
#define nla_parse_nested_deprecated(TB, MAX, NLA, POLICY, EXTACK) \
	nla_parse_nested((TB), (MAX), (NLA), (POLICY), (EXTACK))
#define nlmsg_parse_deprecated(NLH, HDRLEN, TB, MAX, POLICY, EXTACK) \
	nlmsg_parse((NLH), (HDRLEN), (TB), (MAX), (POLICY), (EXTACK))
#else
#define nla_parse_nested_deprecated(TB, MAX, NLA, POLICY, EXTACK) \
	nla_parse_nested((TB), (MAX), (NLA), (POLICY))
#define nlmsg_parse_deprecated(NLH, HDRLEN, TB, MAX, POLICY, EXTACK) \
	nlmsg_parse((NLH), (HDRLEN), (TB), (MAX), (POLICY))
#endif
#endif

#ifndef NLA_POLICY_RANGE
/*
 * Range checks in attribute policies (4.20): older kernels check only the
 * type, so the bounds are not enforced by the policy there.
 */
#define NLA_POLICY_RANGE(TYPE, MIN, MAX)	{ .type = (TYPE) }
#define NLA_POLICY_MIN(TYPE, MIN)		{ .type = (TYPE) }
#endif

/*
 * Extended acks (4.12) and their helpers (4.12-4.15): where missing,
 * requests carry no error message or offending attribute back, only the
 * errno, and the datapath's extack pointers are always NULL.
 */
#ifndef HAVE_NETLINK_EXT_ACK
struct netlink_ext_ack;
#endif
#ifndef NL_SET_ERR_MSG
#define NL_SET_ERR_MSG(EXTACK, MSG)		((void)(EXTACK))
#endif
#ifndef NL_SET_ERR_MSG_MOD
#define NL_SET_ERR_MSG_MOD(EXTACK, MSG)		((void)(EXTACK))
#endif
#ifndef NL_SET_BAD_ATTR
#define NL_SET_BAD_ATTR(EXTACK, ATTR)		((void)(EXTACK), (void)(ATTR))
#endif
#ifndef NL_SET_ERR_MSG_ATTR
#define NL_SET_ERR_MSG_ATTR(EXTACK, ATTR, MSG)	((void)(EXTACK), (void)(ATTR))
#endif

#ifdef HAVE_NETLINK_CALLBACK_EXTACK
/* The extended ack of a dump request (4.20+); NULL where there is none. */
#define ovs_cb_extack(CB) ((CB)->extack)
#else
#define ovs_cb_extack(CB) ((struct netlink_ext_ack *)NULL)
#endif

#include "genetlink.h"

#ifndef HAVE_NLA_STRSCPY
#define nla_strscpy nla_strlcpy
#endif

#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>

#ifdef HAVE_NET_GSO_H
/* __skb_gso_segment() and SKB_GSO_CB_OFFSET live here from 6.4 on. */
#include <net/gso.h>
#endif

#ifdef HAVE_OVS_UAPI_CURRENT
#include <linux/openvswitch.h>
#else
/*
 * The kernel's <linux/openvswitch.h> predates attributes the datapath
 * implements and OVS 3.1 uses (the newest: 6.1's per-CPU upcall dispatch,
 * OVS_DP_ATTR_IFINDEX, the IPv6 extension-header key; older kernels lack
 * whole families).  Our complete header of the current interface replaces
 * it: the kernel's include guards are defined first so that a later
 * #include <linux/openvswitch.h> adds nothing.
 */
#define _UAPI__LINUX_OPENVSWITCH_H 1
#define _LINUX_OPENVSWITCH_H 1
#include "uapi/openvswitch.h"
#endif

#ifndef HAVE_DST_INIT_NO_INITIAL_REF
/*
 * dst_init() with the current kernels' arguments; older ones also take the
 * initial reference count, which current ones fix at one.  <net/dst.h> is
 * included first so that its own prototype is not rewritten.
 */
#include <net/dst.h>
#define dst_init(DST, OPS, DEV, OBSOLETE, FLAGS) \
	dst_init((DST), (OPS), (DEV), 1, (OBSOLETE), (FLAGS))
#endif

#ifndef HAVE_SKB_CLEAR_TSTAMP
/* Forget the receive/delivery time before the packet changes hands. */
static inline void skb_clear_tstamp(struct sk_buff *skb)
{
	skb->tstamp = ktime_set(0, 0);
}
#endif

#ifndef HAVE_DEV_STATS_INC
/*
 * Lock-free increment of a dev->stats counter, which may be bumped from
 * several CPUs at once; the fields are unsigned long, as atomic_long_t.
 */
#define DEV_STATS_INC(DEV, FIELD) \
	atomic_long_inc((atomic_long_t *)&(DEV)->stats.FIELD)
#define DEV_STATS_ADD(DEV, FIELD, VAL) \
	atomic_long_add((VAL), (atomic_long_t *)&(DEV)->stats.FIELD)
#endif

#ifndef HAVE_DEV_SW_NETSTATS_TX_ADD
/* Count @packets transmitted packets of @len bytes in dev->tstats. */
static inline void dev_sw_netstats_tx_add(struct net_device *dev,
					  unsigned int packets,
					  unsigned int len)
{
	struct pcpu_sw_netstats *tstats = this_cpu_ptr(dev->tstats);

	u64_stats_update_begin(&tstats->syncp);
	tstats->tx_bytes += len;
	tstats->tx_packets += packets;
	u64_stats_update_end(&tstats->syncp);
}
#endif

#ifndef HAVE_DEV_GET_TSTATS64
/*
 * ndo_get_stats64 for devices counting in dev->tstats: the per-CPU
 * packet/byte counters plus the error counters of dev->stats.
 */
#ifndef HAVE_DEV_FETCH_SW_NETSTATS
/* Add up the per-CPU packet and byte counters of @tstats into @s (5.10). */
static inline void dev_fetch_sw_netstats(struct rtnl_link_stats64 *s,
					 const struct pcpu_sw_netstats __percpu *tstats)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct pcpu_sw_netstats *st = per_cpu_ptr(tstats, cpu);
		u64 rx_packets, rx_bytes, tx_packets, tx_bytes;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin_irq(&st->syncp);
			rx_packets = st->rx_packets;
			rx_bytes = st->rx_bytes;
			tx_packets = st->tx_packets;
			tx_bytes = st->tx_bytes;
		} while (u64_stats_fetch_retry_irq(&st->syncp, start));

		s->rx_packets += rx_packets;
		s->rx_bytes += rx_bytes;
		s->tx_packets += tx_packets;
		s->tx_bytes += tx_bytes;
	}
}
#endif

#ifdef HAVE_NDO_GET_STATS64_VOID
static inline void dev_get_tstats64(struct net_device *dev,
				    struct rtnl_link_stats64 *s)
{
	netdev_stats_to_stats64(s, &dev->stats);
	dev_fetch_sw_netstats(s, dev->tstats);
}
#else
/* ndo_get_stats64 returned its argument before 4.11. */
static inline struct rtnl_link_stats64 *
dev_get_tstats64(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	netdev_stats_to_stats64(s, &dev->stats);
	dev_fetch_sw_netstats(s, dev->tstats);
	return s;
}
#endif
#endif

#ifndef HAVE_DEV_SW_NETSTATS_RX_ADD
/* Count one received packet of @len bytes in dev->tstats (5.10). */
static inline void dev_sw_netstats_rx_add(struct net_device *dev,
					  unsigned int len)
{
	struct pcpu_sw_netstats *tstats = this_cpu_ptr(dev->tstats);

	u64_stats_update_begin(&tstats->syncp);
	tstats->rx_bytes += len;
	tstats->rx_packets++;
	u64_stats_update_end(&tstats->syncp);
}
#endif

#ifndef HAVE_SKB_PUT_ZERO
/* Append @len zeroed bytes to @skb, which must have the tailroom (4.13). */
static inline void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{
	void *p = skb_put(skb, len);

	memset(p, 0, len);
	return p;
}
#endif

#ifndef HAVE_SKB_CSUM_HWOFFLOAD_HELP
/*
 * Resolve a CHECKSUM_PARTIAL skb in software unless @features offload it
 * (4.13).  Kernels without it have no CRC32c (SCTP) partial checksums to
 * treat differently.
 */
static inline int skb_csum_hwoffload_help(struct sk_buff *skb,
					  netdev_features_t features)
{
	if (features & (NETIF_F_HW_CSUM | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM))
		return 0;
	return skb_checksum_help(skb);
}
#endif

#ifndef HAVE_METADATA_DST_TYPE
#include <net/dst_metadata.h>
/* Before 4.13 every metadata dst was an IP tunnel one: no type argument. */
#define metadata_dst_alloc(OPTSLEN, TYPE, GFP) metadata_dst_alloc((OPTSLEN), (GFP))
#endif

#include <net/ip_tunnels.h>
#ifndef IP_TUNNEL_INFO_BRIDGE
/* Tunnel info "bridge mode" (4.19): ignored by kernels that predate it. */
#define IP_TUNNEL_INFO_BRIDGE	0x04
#endif

#include <linux/if_ether.h>
#ifndef ETH_P_NSH
/* Network Service Header EtherType (4.16). */
#define ETH_P_NSH		0x894F
#endif

#ifndef HAVE_NF_RESET_CT
#include <linux/skbuff.h>
/* Drop the skb's conntrack reference: nf_reset() before 5.4. */
#define nf_reset_ct nf_reset
#endif

#ifndef HAVE_VLAN_HWACCEL_CLEAR_TAG
#include <linux/if_vlan.h>
/* Forget the accelerated VLAN tag (4.20); the present bit was in the TCI. */
static inline void __vlan_hwaccel_clear_tag(struct sk_buff *skb)
{
	skb->vlan_tci = 0;
}
#endif

#ifndef HAVE_SKB_MPLS
/* MPLS label stack edits: compat/skb_mpls.c. */
#define skb_mpls_push ovs_compat_skb_mpls_push
#define skb_mpls_pop ovs_compat_skb_mpls_pop
#define skb_mpls_update_lse ovs_compat_skb_mpls_update_lse
int skb_mpls_push(struct sk_buff *skb, __be32 mpls_lse, __be16 mpls_proto,
		  int mac_len, bool ethernet);
int skb_mpls_pop(struct sk_buff *skb, __be16 next_proto, int mac_len,
		 bool ethernet);
int skb_mpls_update_lse(struct sk_buff *skb, __be32 mpls_lse);
#endif

#if !defined(SKB_GSO_CB_OFFSET) && defined(SKB_SGO_CB_OFFSET)
/* Misspelt before 4.16. */
#define SKB_GSO_CB_OFFSET SKB_SGO_CB_OFFSET
#endif

/*
 * Conntrack helpers shared by OVS and act_ct upstream since 6.2; older
 * kernels get our implementation in compat/nf_conntrack_ovs.c.  The
 * prototypes live in compat/nf_conntrack_ovs.h, included by conntrack.c.
 */

#if IS_ENABLED(CONFIG_NF_NAT)
#ifndef HAVE_NF_NAT_RANGE2
/* The NAT range with base_proto (4.18), which the datapath never sets. */
#define nf_nat_range2 nf_nat_range
#endif
#ifdef HAVE_NF_NAT_CORE_H
/* nf_nat_packet(), nf_nat_initialized() lived here before 4.19. */
#include <net/netfilter/nf_nat_core.h>
#endif
#ifdef HAVE_NF_NAT_L3PROTO_H
/* The ICMP error translators lived here before 4.19. */
#include <net/netfilter/nf_nat_l3proto.h>
#endif
#endif

#include <net/ipv6.h>
#ifdef HAVE_IPV6_STUB_IPV6_FRAGMENT
#include <net/ipv6_stubs.h>
#else
#include <linux/netfilter_ipv6.h>
#endif

/**
 * ovs_ipv6_fragment - fragment an IPv6 packet and pass each fragment on.
 * @net: namespace of the packet.
 * @sk: socket the packet belongs to, or NULL.
 * @skb: the packet, skb->data at its IPv6 header, with a dst whose
 *	device MTU (or IP6CB(@skb)->frag_max_size) bounds the fragments.
 *	Consumed.
 * @output: called for each fragment, which it consumes.
 *
 * The IPv6 module's ip6_fragment(), reached without a link-time dependency
 * on it: through ipv6_stub (5.2+) or, before, netfilter's nf_ipv6_ops.
 *
 * Context: softirq or process context with BH disabled.
 * Return: 0 or a negative errno from fragmenting or @output;
 * -EAFNOSUPPORT (and @skb freed) when IPv6 is not loaded.
 */
static inline int ovs_ipv6_fragment(struct net *net, struct sock *sk,
				    struct sk_buff *skb,
				    int (*output)(struct net *, struct sock *,
						  struct sk_buff *))
{
#ifdef HAVE_IPV6_STUB_IPV6_FRAGMENT
	return ipv6_stub->ipv6_fragment(net, sk, skb, output);
#else
	const struct nf_ipv6_ops *v6ops;
	int err = -EAFNOSUPPORT;

	rcu_read_lock();
	v6ops = nf_get_ipv6_ops();
	if (v6ops)
		err = v6ops->fragment(net, sk, skb, output);
	else
		kfree_skb(skb);
	rcu_read_unlock();
	return err;
#endif
}

#include <net/ip_tunnels.h>

#ifndef HAVE_IP_TUNNEL_FLAGS_BITMAP
/*
 * Tunnel flags by bit number, as current kernels name them, for kernels
 * whose ip_tunnel_key.tun_flags is a __be16 of TUNNEL_* masks: bit n of
 * the bitmap is __cpu_to_be16(1 << n) there.
 */
enum {
	IP_TUNNEL_CSUM_BIT		= 0,
	IP_TUNNEL_KEY_BIT		= 2,
	IP_TUNNEL_DONT_FRAGMENT_BIT	= 8,
	IP_TUNNEL_OAM_BIT		= 9,
	IP_TUNNEL_CRIT_OPT_BIT		= 10,
	IP_TUNNEL_GENEVE_OPT_BIT	= 11,
	IP_TUNNEL_VXLAN_OPT_BIT		= 12,
	IP_TUNNEL_ERSPAN_OPT_BIT	= 14,
};

static inline bool ovs_tun_flag_test(const struct ip_tunnel_key *key,
				     unsigned int bit)
{
	return key->tun_flags & cpu_to_be16(BIT(bit));
}

static inline void ovs_tun_flag_set(struct ip_tunnel_key *key,
				    unsigned int bit)
{
	key->tun_flags |= cpu_to_be16(BIT(bit));
}

static inline void ovs_tun_flags_zero(struct ip_tunnel_key *key)
{
	key->tun_flags = 0;
}
#else
/* Test, set or clear ip_tunnel_key flags by IP_TUNNEL_*_BIT number. */
static inline bool ovs_tun_flag_test(const struct ip_tunnel_key *key,
				     unsigned int bit)
{
	return test_bit(bit, key->tun_flags);
}

static inline void ovs_tun_flag_set(struct ip_tunnel_key *key,
				    unsigned int bit)
{
	__set_bit(bit, key->tun_flags);
}

static inline void ovs_tun_flags_zero(struct ip_tunnel_key *key)
{
	ip_tunnel_flags_zero(key->tun_flags);
}
#endif

#endif /* OVS_COMPAT_H */
