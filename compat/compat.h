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

#ifndef HAVE_PCPU_SW_NETSTATS
#include <linux/if_tunnel.h>
/* Per-CPU device counters had a tunnel-specific name before 3.14. */
#define pcpu_sw_netstats pcpu_tstats
#endif

#ifndef HAVE_NETDEV_ALLOC_PCPU_STATS
/* Per-CPU counters for a device (3.14); zeroed memory needs no init. */
#define netdev_alloc_pcpu_stats(TYPE) alloc_percpu(TYPE)
#endif

#include <linux/bitops.h>
#ifndef BIT_ULL
#define BIT_ULL(NR)		(1ULL << (NR))
#endif

#include <linux/err.h>
#ifndef PTR_ERR_OR_ZERO
/* The errno in @ptr, or 0 for a valid pointer (3.12). */
#define PTR_ERR_OR_ZERO(PTR)	(IS_ERR(PTR) ? PTR_ERR(PTR) : 0)
#endif

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#ifndef HAVE_KVFREE
/* Free memory from kmalloc() or vmalloc() (3.15). */
static inline void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
#endif

#include <linux/etherdevice.h>
#ifndef HAVE_ETHER_ADDR_COPY
/* Copy an Ethernet address (3.14). */
static inline void ether_addr_copy(u8 *dst, const u8 *src)
{
	memcpy(dst, src, ETH_ALEN);
}
#endif

#include <linux/reciprocal_div.h>
#ifndef HAVE_RECIPROCAL_VALUE_STRUCT
/*
 * Division by a value fixed in advance (3.14 made the precomputed value
 * a struct).  The older 32-bit reciprocal is inexact for large dividends;
 * here the divisor is kept and divided by, which is exact.
 */
struct ovs_compat_reciprocal_value {
	u32 d;
};
#define reciprocal_value ovs_compat_reciprocal_value
#define reciprocal_divide ovs_compat_reciprocal_divide

static inline struct ovs_compat_reciprocal_value
ovs_compat_reciprocal_value(u32 d)
{
	return (struct ovs_compat_reciprocal_value){ .d = d };
}

static inline u32 ovs_compat_reciprocal_divide(u32 a,
					       struct ovs_compat_reciprocal_value r)
{
	return a / r.d;
}
#endif

#ifndef READ_ONCE
/* Single, untorn accesses of scalars (3.19): ACCESS_ONCE() before. */
#define READ_ONCE(X)		ACCESS_ONCE(X)
#define WRITE_ONCE(X, VAL)	(ACCESS_ONCE(X) = (VAL))
#endif

#include <linux/string.h>
#ifndef HAVE_STRSCPY
/*
 * Copy the string @src into @dest of @count bytes, always terminated
 * (4.3).  Return: its length, or -E2BIG if it had to be cut short.
 */
static inline ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (!count)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}
#endif

#include <linux/cache.h>
#ifndef __ro_after_init
/* Data made read-only after init (4.6): plain data before. */
#define __ro_after_init
#endif

#include <linux/gfp.h>
#ifndef GFP_KERNEL_ACCOUNT
/* Allocations charged to the caller's memory cgroup (4.5). */
#define GFP_KERNEL_ACCOUNT GFP_KERNEL
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
#ifdef HAVE_PEERNET2ID_ALLOC
/* peernet2id_alloc() without the allocation flags of 5.4+. */
#define peernet2id_alloc(NET, PEER, GFP) peernet2id_alloc((NET), (PEER))
#else
/* No namespace ids before 4.0: a peer namespace has none to report. */
static inline int peernet2id_alloc(struct net *net, struct net *peer,
				   gfp_t gfp)
{
	return -1;	/* NETNSA_NSID_NOT_ASSIGNED */
}
#endif
#endif

#ifndef HAVE_POSSIBLE_NET_T
/* A namespace pointer that compiles away without CONFIG_NET_NS (4.1). */
typedef struct net *possible_net_t;
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

#ifndef HAVE_IFF_OPENVSWITCH
/* No flag marks OVS internal devices before 4.3 (netif_is_ovs_master()). */
#define IFF_OPENVSWITCH		0
#endif

#ifndef HAVE_IFF_NO_QUEUE
/*
 * A device that needs no qdisc (4.3): vport-internal_dev.c gives it a zero
 * tx_queue_len instead, which is what the flag replaced.
 */
#define IFF_NO_QUEUE		0
#endif

#include <linux/netdev_features.h>
#ifndef NETIF_F_GSO_ENCAP_ALL
/* Encapsulation GSO types (3.18): none offered to the stack before. */
#define NETIF_F_GSO_ENCAP_ALL	0
#endif

#ifndef NET_NAME_USER
/* How a device name was assigned (3.17). */
#define NET_NAME_USER		3
#endif

#ifndef HAVE_ALLOC_NETDEV_NAME_ASSIGN_TYPE
/* alloc_netdev() without the name assignment type of 3.17+. */
#undef alloc_netdev
#define alloc_netdev(SIZEOF_PRIV, NAME, NAME_ASSIGN_TYPE, SETUP) \
	alloc_netdev_mqs((SIZEOF_PRIV), (NAME), (SETUP), 1, 1)
#endif

#ifndef HAVE_NETDEV_RX_HEADROOM
/*
 * Forwarding headroom (4.7): older devices cannot be asked to reserve
 * more receive headroom, so the requests do nothing and a device's
 * forwarding headroom is what it needs for its own headers.
 */
static inline unsigned int netdev_get_fwd_headroom(struct net_device *dev)
{
	return dev->needed_headroom;
}

static inline void netdev_set_rx_headroom(struct net_device *dev,
					  int new_hr)
{
}

static inline void netdev_reset_rx_headroom(struct net_device *dev)
{
}
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

#ifndef HAVE_NLA_PUT_IN_ADDR
#include <linux/in6.h>
/* Address attributes (4.1): plain be32 and 16-byte attributes before. */
static inline int nla_put_in_addr(struct sk_buff *skb, int attrtype,
				  __be32 addr)
{
	return nla_put_be32(skb, attrtype, addr);
}

static inline int nla_put_in6_addr(struct sk_buff *skb, int attrtype,
				   const struct in6_addr *addr)
{
	return nla_put(skb, attrtype, sizeof(*addr), addr);
}

static inline __be32 nla_get_in_addr(const struct nlattr *nla)
{
	return *(__be32 *)nla_data(nla);
}

static inline struct in6_addr nla_get_in6_addr(const struct nlattr *nla)
{
	struct in6_addr addr;

	nla_memcpy(&addr, nla, sizeof(addr));
	return addr;
}
#endif

#ifndef HAVE_NLA_PUT_64BIT
/*
 * 64-bit attributes preceded by a pad attribute where the architecture
 * needs them aligned (4.7): older kernels put them unaligned, which
 * userspace reads either way, so the pad attribute type is dropped.
 */
#define nla_total_size_64bit(PAYLOAD)	nla_total_size(PAYLOAD)
#define nla_put_64bit(SKB, TYPE, LEN, DATA, PAD) \
	nla_put((SKB), (TYPE), (LEN), (DATA))
#define nla_put_u64_64bit(SKB, TYPE, VALUE, PAD) \
	nla_put_u64((SKB), (TYPE), (VALUE))
#define nla_put_be64(SKB, TYPE, VALUE, PAD) \
	nla_put_be64((SKB), (TYPE), (VALUE))
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

#if !defined(HAVE_DST_INIT_NO_INITIAL_REF) && defined(HAVE_DST_INIT_INITIAL_REF)
/*
 * dst_init() with the current kernels' arguments; older ones also take the
 * initial reference count, which current ones fix at one.  <net/dst.h> is
 * included first so that its own prototype is not rewritten.
 */
#include <net/dst.h>
#define dst_init(DST, OPS, DEV, OBSOLETE, FLAGS) \
	dst_init((DST), (OPS), (DEV), 1, (OBSOLETE), (FLAGS))
#elif !defined(HAVE_DST_INIT_NO_INITIAL_REF)
#include <linux/jiffies.h>
#include <net/dst.h>
/*
 * Before 4.12 only dst_alloc() could set a dst up (dst_init() was the
 * subsystem's own start-up): what the datapath's on-stack route needs,
 * one reference and default metrics, with no device reference taken.
 */
static inline void ovs_compat_dst_init(struct dst_entry *dst,
				       struct dst_ops *ops,
				       struct net_device *dev,
				       int initial_obsolete,
				       unsigned short flags)
{
	/* All zero: no metric set (dst_default_metrics is not exported). */
	static const u32 no_metrics[RTAX_MAX + 1] __aligned(8);

	dst->ops = ops;
	dst->dev = dev;
	dst->path = dst;
	dst_init_metrics(dst, no_metrics, true);
	dst->obsolete = initial_obsolete;
	dst->flags = flags;
	dst->lastuse = jiffies;
	atomic_set(&dst->__refcnt, 1);
}
#define dst_init ovs_compat_dst_init
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
#ifndef HAVE_U64_STATS_FETCH_BEGIN_IRQ
/* Reads that may race with softirq writers (3.15): the _bh ones before. */
#define u64_stats_fetch_begin_irq	u64_stats_fetch_begin_bh
#define u64_stats_fetch_retry_irq	u64_stats_fetch_retry_bh
#endif
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

#ifndef HAVE_SKB_ENSURE_WRITABLE
/*
 * Make the first @write_len bytes of @skb linear and private to it (3.19).
 * Return: 0 or -ENOMEM.
 */
static inline int skb_ensure_writable(struct sk_buff *skb, int write_len)
{
	if (!pskb_may_pull(skb, write_len))
		return -ENOMEM;
	if (!skb_cloned(skb) || skb_clone_writable(skb, write_len))
		return 0;
	return pskb_expand_head(skb, 0, 0, GFP_ATOMIC);
}
#endif

#ifndef HAVE_SKB_POSTPUSH_RCSUM
/* Add @len bytes just pushed at @start to a CHECKSUM_COMPLETE sum (4.5). */
static inline void skb_postpush_rcsum(struct sk_buff *skb, const void *start,
				      unsigned int len)
{
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->csum = csum_partial(start, len, skb->csum);
}
#endif

#ifndef HAVE_SKB_PUSH_RCSUM
/* skb_push() that keeps a CHECKSUM_COMPLETE sum right (4.6). */
static inline unsigned char *skb_push_rcsum(struct sk_buff *skb,
					    unsigned int len)
{
	skb_push(skb, len);
	skb_postpush_rcsum(skb, skb->data, len);
	return skb->data;
}
#endif

#ifndef HAVE_SKB_SET_INNER_PROTOCOL
/*
 * The EtherType inside an encapsulation, for GSO (3.19); kernels before
 * 3.11 have no field for it (nor MPLS GSO).
 */
static inline void skb_set_inner_protocol(struct sk_buff *skb,
					  __be16 protocol)
{
#ifdef HAVE_SKB_INNER_PROTOCOL
	skb->inner_protocol = protocol;
#endif
}
#endif

#ifndef HAVE___SKB_DST_COPY
#include <net/dst.h>
/* Give @skb the dst reference word @refdst, taking a reference (4.x). */
static inline void __skb_dst_copy(struct sk_buff *skb, unsigned long refdst)
{
	skb->_skb_refdst = refdst;
	if (!(refdst & SKB_DST_NOREF))
		dst_clone(skb_dst(skb));
}
#endif

#ifndef HAVE_SKB_L4_HASH
/*
 * The packet hash and its "over the L4 tuple" bit were rxhash and
 * l4_rxhash before 3.14; the member name is mapped.
 */
#define l4_hash l4_rxhash

static inline __u32 skb_get_hash(struct sk_buff *skb)
{
	return skb_get_rxhash(skb);
}

static inline __u32 skb_get_hash_raw(const struct sk_buff *skb)
{
	return skb->rxhash;
}

static inline void skb_clear_hash(struct sk_buff *skb)
{
	skb->rxhash = 0;
	skb->l4_rxhash = 0;
}
#endif

#ifndef HAVE_SKB_IGNORE_DF
/* "Local fragmentation allowed" was local_df before 3.16. */
#define ignore_df local_df
#endif

#ifndef HAVE___SKB_SET_HASH
/*
 * Set the packet hash with its kind (3.18); before, the kernel knew no
 * software hashes, so @is_sw is dropped.
 */
static inline void __skb_set_hash(struct sk_buff *skb, __u32 hash,
				  bool is_sw, bool is_l4)
{
#ifdef HAVE_SKB_L4_HASH
	skb_set_hash(skb, hash, is_l4 ? PKT_HASH_TYPE_L4 : PKT_HASH_TYPE_L3);
#else
	skb->rxhash = hash;
	skb->l4_rxhash = is_l4;
#endif
}
#endif

#ifndef HAVE_SKB_SCRUB_PACKET
#include <net/dst.h>
#include <net/xfrm.h>
/*
 * Forget what a packet carried from its previous namespace or device
 * (3.12): timestamps, route, xfrm and conntrack state, input device, and
 * when it crosses namespaces (@xnet) its socket and mark.
 */
static inline void skb_scrub_packet(struct sk_buff *skb, bool xnet)
{
	skb->tstamp = ktime_set(0, 0);
	skb->pkt_type = PACKET_HOST;
	skb->skb_iif = 0;
	skb->ignore_df = 0;
	skb_dst_drop(skb);
	secpath_reset(skb);
	nf_reset(skb);
	nf_reset_trace(skb);
	if (xnet) {
		skb_orphan(skb);
		skb->mark = 0;
	}
}
#endif

#ifndef HAVE_SKB_ZEROCOPY
/*
 * Appending a packet to another by sharing its pages (3.14) is replaced
 * by a copy: the whole packet counts as "head", so callers reserve room
 * for all of it and skb_zerocopy() copies it.
 */
static inline unsigned int skb_zerocopy_headlen(const struct sk_buff *from)
{
	return from->len;
}

static inline int skb_zerocopy(struct sk_buff *to, struct sk_buff *from,
			       int len, int hlen)
{
	if (len < 0 || skb_tailroom(to) < len)
		return -ENOBUFS;
	return skb_copy_bits(from, 0, skb_put(to, len), len);
}
#endif

#if !defined(SKB_GSO_CB_OFFSET) && !defined(SKB_SGO_CB_OFFSET)
/*
 * Before 3.18 segmentation kept its state at the start of skb->cb, over
 * the datapath's OVS_CB.  The whole control block is saved around it and
 * given back to the packet and to each segment, as later kernels leave
 * the bytes before SKB_GSO_CB_OFFSET alone.
 */
#define SKB_GSO_CB_OFFSET sizeof_field(struct sk_buff, cb)
static inline struct sk_buff *
ovs_compat___skb_gso_segment(struct sk_buff *skb, netdev_features_t features,
			     bool tx_path)
{
	char cb[sizeof_field(struct sk_buff, cb)];
	struct sk_buff *segs, *seg;

	memcpy(cb, skb->cb, sizeof(cb));
	segs = __skb_gso_segment(skb, features, tx_path);
	memcpy(skb->cb, cb, sizeof(cb));
	if (!IS_ERR_OR_NULL(segs))
		for (seg = segs; seg; seg = seg->next)
			memcpy(seg->cb, cb, sizeof(cb));
	return segs;
}
#define __skb_gso_segment ovs_compat___skb_gso_segment
#endif

#ifndef HAVE_ETH_PROTO_IS_802_3
/* A type field value that is an EtherType, not an 802.3 length (4.2). */
static inline bool eth_proto_is_802_3(__be16 proto)
{
	return ntohs(proto) >= ETH_P_802_3_MIN;
}
#endif

#ifndef HAVE_NETDEV_NOTIFIER_INFO_TO_DEV
/* Netdevice notifiers were passed the device itself before 3.11. */
static inline struct net_device *netdev_notifier_info_to_dev(const void *info)
{
	return (struct net_device *)info;
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
#include <net/dst_metadata.h>
#ifndef OVS_TUNNEL_METADATA_SUPPORTED
/*
 * Tunnel devices hand tunnel metadata over in metadata dsts (4.3 on); our
 * <net/dst_metadata.h> stand-in sets this to 0 for kernels without them.
 */
#define OVS_TUNNEL_METADATA_SUPPORTED	1
#endif

#ifndef HAVE_DEV_FILL_METADATA_DST
/* No device can report the tunnel metadata of its output (4.3). */
static inline int dev_fill_metadata_dst(struct net_device *dev,
					struct sk_buff *skb)
{
	return -EOPNOTSUPP;
}
#endif

#ifndef HAVE_VXLAN_METADATA
/*
 * The VXLAN extension metadata tunnel devices exchange (4.0); defined
 * here, before <net/vxlan.h> of kernels that lack it.
 */
struct vxlan_metadata {
	u32 gbp;
};
#endif

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

#ifndef HAVE_SKB_VLAN_TAG_PRESENT
#include <linux/if_vlan.h>
/* The accelerated tag under its 3.19 names. */
#define skb_vlan_tag_present(SKB)	vlan_tx_tag_present(SKB)
#define skb_vlan_tag_get(SKB)		vlan_tx_tag_get(SKB)
#endif

#ifndef HAVE_SKB_VLAN_PUSH
/* Push and pop 802.1Q/802.1ad tags (3.19): compat/skb_vlan.c. */
#define skb_vlan_push ovs_compat_skb_vlan_push
#define skb_vlan_pop ovs_compat_skb_vlan_pop
int skb_vlan_push(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci);
int skb_vlan_pop(struct sk_buff *skb);
#endif

#ifndef HAVE___VLAN_HWACCEL_PUSH_INSIDE
/* Move the accelerated tag into the frame (4.0): compat/skb_vlan.c. */
#define __vlan_hwaccel_push_inside ovs_compat___vlan_hwaccel_push_inside
struct sk_buff *__vlan_hwaccel_push_inside(struct sk_buff *skb);
#endif

#ifndef HAVE_ETH_TYPE_VLAN
#include <linux/if_vlan.h>
/* An 802.1Q or 802.1ad tag protocol identifier (4.9). */
static inline bool eth_type_vlan(__be16 ethertype)
{
	return ethertype == htons(ETH_P_8021Q) ||
	       ethertype == htons(ETH_P_8021AD);
}
#endif

#ifndef HAVE___SKB_VLAN_POP
/* Remove the in-band outer tag: compat/skb_vlan.c. */
#define __skb_vlan_pop ovs_compat___skb_vlan_pop
int __skb_vlan_pop(struct sk_buff *skb, u16 *vlan_tci);
#endif

#include <net/mpls.h>
#ifndef HAVE_MPLS_HDR
/* A label stack entry, and the outermost one of @skb (4.6). */
struct mpls_shim_hdr {
	__be32 label_stack_entry;
};

static inline struct mpls_shim_hdr *mpls_hdr(const struct sk_buff *skb)
{
	return (struct mpls_shim_hdr *)skb_network_header(skb);
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
#ifndef HAVE_NF_CT_NAT_EXT_ADD
#include <net/netfilter/nf_conntrack_extend.h>
#include <net/netfilter/nf_nat.h>
/*
 * Give an unconfirmed @ct its NAT extension now (3.16 exports this);
 * before, nf_nat_setup_info() added it, and accepts one already there.
 */
static inline struct nf_conn_nat *nf_ct_nat_ext_add(struct nf_conn *ct)
{
	struct nf_conn_nat *nat = nfct_nat(ct);

	if (!nat && !nf_ct_is_confirmed(ct))
		nat = nf_ct_ext_add(ct, NF_CT_EXT_NAT, GFP_ATOMIC);
	return nat;
}
#endif
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

#include <net/ip.h>
#include <net/ipv6.h>
#ifdef HAVE_IPV6_STUB_IPV6_FRAGMENT
#include <net/ipv6_stubs.h>
#else
#include <linux/netfilter_ipv6.h>
#endif

/* The output callback of the IP fragmenters on current kernels. */
typedef int (*ovs_frag_output_fn)(struct net *net, struct sock *sk,
				  struct sk_buff *skb);

#ifndef HAVE_IP_DO_FRAGMENT_NET
/*
 * ip_do_fragment() with the namespace-taking callback of 4.4+:
 * compat/ip_fragment.c.
 */
#define ip_do_fragment ovs_compat_ip_do_fragment
int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		   ovs_frag_output_fn output);
#endif

#if !defined(HAVE_IPV6_STUB_IPV6_FRAGMENT) && \
	!defined(HAVE_NF_IPV6_OPS_FRAGMENT_NET) && \
	defined(HAVE_NF_IPV6_OPS_FRAGMENT_SK)
int ovs_compat_ipv6_fragment_sk(struct net *net, struct sock *sk,
				struct sk_buff *skb, ovs_frag_output_fn output);
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
 * on it: through ipv6_stub (5.2+) or, before, netfilter's nf_ipv6_ops
 * (whose callback took no namespace on RHEL 7).  Kernels before 4.x
 * export no IPv6 fragmenter: there the packet is dropped.
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
#if defined(HAVE_IPV6_STUB_IPV6_FRAGMENT)
	return ipv6_stub->ipv6_fragment(net, sk, skb, output);
#elif defined(HAVE_NF_IPV6_OPS_FRAGMENT_NET) || \
	defined(HAVE_NF_IPV6_OPS_FRAGMENT_SK)
	const struct nf_ipv6_ops *v6ops;
	int err = -EAFNOSUPPORT;

	rcu_read_lock();
	v6ops = nf_get_ipv6_ops();
	if (!v6ops)
		kfree_skb(skb);
#ifdef HAVE_NF_IPV6_OPS_FRAGMENT_NET
	else
		err = v6ops->fragment(net, sk, skb, output);
#else
	else
		err = ovs_compat_ipv6_fragment_sk(net, sk, skb, output);
#endif
	rcu_read_unlock();
	return err;
#else
	/*
	 * No IPv6 fragmenter is reachable from a module before 4.x (neither
	 * ipv6_stub nor nf_ipv6_ops has one): the packet is dropped.
	 */
	if (net_ratelimit())
		pr_warn("openvswitch: cannot refragment IPv6 on this kernel\n");
	kfree_skb(skb);
	return -EAFNOSUPPORT;
#endif
}

#include <net/ip_tunnels.h>

#ifndef IP_TUNNEL_OPTS_MAX
/* The most option bytes struct ip_tunnel_info can carry (4.6). */
#define IP_TUNNEL_OPTS_MAX \
	GENMASK(sizeof_field(struct ip_tunnel_info, options_len) * \
		BITS_PER_BYTE - 1, 0)
#endif

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

#include <linux/rhashtable.h>
#ifndef HAVE_RHASHTABLE_REPLACE_FAST
/**
 * rhashtable_replace_fast - put @obj_new in the place of @obj_old.
 * @ht: the table.
 * @obj_old: an entry in @ht.
 * @obj_new: an entry with the same key, not in any table.
 * @params: the table's parameters.
 *
 * Kernels before 4.9 cannot swap an entry in place: this removes
 * @obj_old, then inserts @obj_new, so an RCU reader may briefly find
 * neither.  If the insertion fails, @obj_old is put back.
 *
 * Context: the caller serialises updates of @ht; may not sleep.
 * Return: 0; -ENOENT if @obj_old is not in @ht; or the insertion's errno.
 */
static inline int rhashtable_replace_fast(struct rhashtable *ht,
					  struct rhash_head *obj_old,
					  struct rhash_head *obj_new,
					  const struct rhashtable_params params)
{
	int err = rhashtable_remove_fast(ht, obj_old, params);

	if (err)
		return err;
	err = rhashtable_insert_fast(ht, obj_new, params);
	if (err && rhashtable_insert_fast(ht, obj_old, params))
		WARN_ONCE(1, "rhashtable entry lost in a failed replace\n");
	return err;
}
#endif

#ifndef HAVE_SCTP_COMPUTE_CKSUM
#include <linux/sctp.h>
#include <net/sctp/checksum.h>
/*
 * The CRC32c of the SCTP packet at @offset in @skb, computed as if its
 * checksum field were zero (3.11); read in chunks, so @skb may be paged.
 * The field is zeroed for the computation and restored.
 */
static inline __le32 sctp_compute_cksum(const struct sk_buff *skb,
					unsigned int offset)
{
	struct sctphdr *sh = (struct sctphdr *)(skb->data + offset);
	__le32 old = sh->checksum;
	unsigned int pos, n;
	__u32 crc = ~(__u32)0;
	u8 buf[64];

	sh->checksum = 0;
	for (pos = offset; pos < skb->len; pos += n) {
		n = min_t(unsigned int, sizeof(buf), skb->len - pos);
		if (skb_copy_bits(skb, pos, buf, n))
			break;
		crc = sctp_update_cksum(buf, n, crc);
	}
	sh->checksum = old;
	return sctp_end_cksum(crc);
}
#endif

#endif /* OVS_COMPAT_H */
