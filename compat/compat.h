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

#ifndef HAVE_NLA_STRSCPY
#define nla_strscpy nla_strlcpy
#endif

#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <linux/openvswitch.h>

#ifdef HAVE_NET_GSO_H
/* __skb_gso_segment() and SKB_GSO_CB_OFFSET live here from 6.4 on. */
#include <net/gso.h>
#endif

#ifndef HAVE_OVS_UAPI_CURRENT
/*
 * The kernel's <linux/openvswitch.h> (included just above) predates
 * attributes that the datapath implements and OVS 3.1 uses: add them with
 * the numbers of the current uAPI.  Enumerators cannot be appended to, so
 * they become macros, and the *_MAX macros are raised to match.  The key
 * attribute that older headers define for kernel-internal use only,
 * OVS_KEY_ATTR_TUNNEL_INFO, is moved past the user-visible ones as in the
 * current uAPI (the macro shadows the old enumerator in all later code).
 */
#define OVS_DP_ATTR_PER_CPU_PIDS	8
#define OVS_DP_ATTR_IFINDEX		9
#undef OVS_DP_ATTR_MAX
#define OVS_DP_ATTR_MAX			9

#define OVS_DP_F_DISPATCH_UPCALL_PER_CPU	(1 << 3)

#define OVS_KEY_ATTR_PACKET_TYPE	29
#define OVS_KEY_ATTR_ND_EXTENSIONS	30
#undef OVS_KEY_ATTR_TUNNEL_INFO
#define OVS_KEY_ATTR_TUNNEL_INFO	31
#define OVS_KEY_ATTR_IPV6_EXTHDRS	32
#undef OVS_KEY_ATTR_MAX
#define OVS_KEY_ATTR_MAX		32

/* Payload of OVS_KEY_ATTR_IPV6_EXTHDRS: OFPIEH12_* bits seen. */
struct ovs_key_ipv6_exthdrs {
	__u16 hdrs;
};
#endif /* !HAVE_OVS_UAPI_CURRENT */

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
	skb->tstamp = 0;
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
static inline void dev_get_tstats64(struct net_device *dev,
				    struct rtnl_link_stats64 *s)
{
	netdev_stats_to_stats64(s, &dev->stats);
	dev_fetch_sw_netstats(s, dev->tstats);
}
#endif

/*
 * Conntrack helpers shared by OVS and act_ct upstream since 6.2; older
 * kernels get our implementation in compat/nf_conntrack_ovs.c.  The
 * prototypes live in compat/nf_conntrack_ovs.h, included by conntrack.c.
 */

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
