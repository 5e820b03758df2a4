/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The datapath: its generic netlink families, ports, upcalls and the packet
 * receive entry point.  Locking: configuration (genl commands, port and flow
 * changes) is serialised by ovs_mutex; the packet path runs under
 * rcu_read_lock in softirq (or BH-disabled) context and takes no lock.
 */
#ifndef OVS_DATAPATH_H
#define OVS_DATAPATH_H

#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "flow.h"
#include "flow_table.h"
#include "vport.h"

#define DP_MAX_PORTS		USHRT_MAX
#define DP_VPORT_HASH_BUCKETS	1024

/**
 * struct dp_stats_percpu - one CPU's datapath counters.
 * @n_hit: packets that matched a flow.
 * @n_missed: packets sent to userspace as a miss.
 * @n_lost: misses that could not be queued to userspace.
 * @n_mask_hit: masks tried over all lookups.
 * @n_cache_hit: lookups resolved through the mask cache.
 * @syncp: 64-bit consistency on 32-bit hosts.
 */
struct dp_stats_percpu {
	u64 n_hit;
	u64 n_missed;
	u64 n_lost;
	u64 n_mask_hit;
	u64 n_cache_hit;
	struct u64_stats_sync syncp;
};

/**
 * struct dp_nlsk_pids - per-CPU upcall sockets (OVS_DP_F_DISPATCH_UPCALL_PER_CPU).
 * @rcu: deferred free.
 * @n_pids: entries in @pids.
 * @pids: netlink port ids indexed by CPU number (modulo @n_pids).
 */
struct dp_nlsk_pids {
	struct rcu_head rcu;
	u32 n_pids;
	u32 pids[];
};

/**
 * struct datapath - one datapath (what "ovs-system" names).
 * @rcu: deferred free.
 * @list_node: membership of ovs_net's list of datapaths.
 * @table: the flow table.
 * @ports: hash of vports by port number, RCU readers, ovs_mutex writers.
 * @stats_percpu: per-CPU counters.
 * @net: namespace.
 * @user_features: OVS_DP_F_* accepted from userspace.
 * @max_headroom: largest headroom any port needs.
 * @upcall_portids: per-CPU upcall sockets, when dispatching per CPU.
 * @meter_tbl: the datapath's meters (meter.c private), set at creation.
 */
struct datapath {
	struct rcu_head rcu;
	struct list_head list_node;
	struct flow_table table;
	struct hlist_head *ports;
	struct dp_stats_percpu __percpu *stats_percpu;
	possible_net_t net;
	u32 user_features;
	u32 max_headroom;
	struct dp_nlsk_pids __rcu *upcall_portids;
	struct dp_meter_table *meter_tbl;
};

/**
 * struct ovs_skb_cb - per-packet datapath state kept in skb->cb.
 * @input_vport: port the packet came in on (NULL for execute without port).
 * @mru: largest fragment size seen when the packet was reassembled, 0 if
 *	it was not; output refragments to this size.
 * @acts_origlen: length of the actions that produced an ACTION upcall.
 * @cutlen: bytes to cut from the end at output (truncate action).
 *
 * Code that hands the skb to IP defragmentation must save and restore it,
 * because the IP layer uses skb->cb too.
 */
struct ovs_skb_cb {
	struct vport *input_vport;
	u16 mru;
	u16 acts_origlen;
	u32 cutlen;
};

#define OVS_CB(skb) ((struct ovs_skb_cb *)(skb)->cb)

/**
 * struct dp_upcall_info - what an upcall carries besides the packet.
 * @userdata: OVS_USERSPACE_ATTR_USERDATA of the userspace action, or NULL.
 * @actions: the actions being executed (OVS_USERSPACE_ATTR_ACTIONS), or NULL.
 * @actions_len: length of @actions.
 * @portid: netlink port to send to.
 * @cmd: OVS_PACKET_CMD_MISS or OVS_PACKET_CMD_ACTION.
 * @mru: the packet's mru (sent as OVS_PACKET_ATTR_MRU when non-zero).
 * @egress_tun_info: tunnel the packet would leave through (userspace
 *	action's OVS_USERSPACE_ATTR_EGRESS_TUN_PORT), sent as
 *	OVS_PACKET_ATTR_EGRESS_TUN_KEY; NULL for none.
 */
struct dp_upcall_info {
	const struct nlattr *userdata;
	const struct nlattr *actions;
	int actions_len;
	u32 portid;
	u8 cmd;
	u16 mru;
	const struct ip_tunnel_info *egress_tun_info;
};

/**
 * struct ovs_net - per-namespace state.
 * @dps: datapaths of this namespace (ovs_mutex).
 * @dp_notify_work: deletes ports whose netdev is going away.
 * @ct_limit_info: conntrack zone limits (conntrack.c private); RCU,
 *	set for the namespace's whole life when zone limits are supported.
 */
struct ovs_ct_limit_info;
struct ovs_net {
	struct list_head dps;
	struct work_struct dp_notify_work;
	struct ovs_ct_limit_info __rcu *ct_limit_info;
};

extern unsigned int ovs_net_id;

/* ovs_mutex: serialises all configuration. */
void ovs_lock(void);
void ovs_unlock(void);
#ifdef CONFIG_LOCKDEP
int lockdep_ovsl_is_held(void);
#else
#define lockdep_ovsl_is_held()	1
#endif
#define ASSERT_OVSL()		WARN_ON(!lockdep_ovsl_is_held())
#define ovsl_dereference(p)	rcu_dereference_protected(p, lockdep_ovsl_is_held())
#define rcu_dereference_ovsl(p)	rcu_dereference_check(p, lockdep_ovsl_is_held())

extern struct genl_family dp_vport_genl_family;

static inline struct net *ovs_dp_get_net(const struct datapath *dp)
{
	return read_pnet(&dp->net);
}

static inline void ovs_dp_set_net(struct datapath *dp, struct net *net)
{
	write_pnet(&dp->net, net);
}

/**
 * ovs_lookup_vport - a datapath's port by number.
 * @dp: the datapath.  @port_no: port number.
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the vport or NULL.
 */
struct vport *ovs_lookup_vport(const struct datapath *dp, u16 port_no);

static inline struct vport *ovs_vport_rcu(const struct datapath *dp, int port_no)
{
	WARN_ON_ONCE(!rcu_read_lock_held());
	return ovs_lookup_vport(dp, port_no);
}

static inline struct vport *ovs_vport_ovsl_rcu(const struct datapath *dp, int port_no)
{
	WARN_ON_ONCE(!rcu_read_lock_held() && !lockdep_ovsl_is_held());
	return ovs_lookup_vport(dp, port_no);
}

static inline struct vport *ovs_vport_ovsl(const struct datapath *dp, int port_no)
{
	ASSERT_OVSL();
	return ovs_lookup_vport(dp, port_no);
}

/**
 * ovs_dp_name - the datapath's name (its local port's name).
 * @dp: the datapath.  Context: rcu_read_lock or ovs_mutex.
 * Return: the name.
 */
const char *ovs_dp_name(const struct datapath *dp);

/**
 * ovs_dp_process_packet - look a packet up and run its flow's actions, or
 * send it to userspace as a miss.
 * @skb: the packet, consumed.  OVS_CB(skb)->input_vport is set.
 * @key: its extracted key.
 * Context: rcu_read_lock, BH disabled.
 */
void ovs_dp_process_packet(struct sk_buff *skb, struct sw_flow_key *key);

/**
 * ovs_dp_upcall - queue a packet to userspace.
 * @dp: the datapath.
 * @skb: the packet; not consumed.
 * @key: its key (sent as OVS_PACKET_ATTR_KEY).
 * @upcall_info: command, port id and optional attributes.
 * @cutlen: bytes to leave out from the end (truncate).
 *
 * GSO packets are segmented and sent one message per segment.  Failures are
 * counted in n_lost.
 * Context: rcu_read_lock, BH disabled.
 * Return: 0; -ENOTCONN if @upcall_info->portid is 0; -ENOMEM; -ENOBUFS etc.
 */
int ovs_dp_upcall(struct datapath *dp, struct sk_buff *skb,
		  const struct sw_flow_key *key,
		  const struct dp_upcall_info *upcall_info, uint32_t cutlen);

/**
 * ovs_dp_get_upcall_portid - the per-CPU upcall socket for a CPU.
 * @dp: the datapath.  @cpu_id: the CPU.
 * Context: rcu_read_lock.
 * Return: the port id, or 0 if none.
 */
u32 ovs_dp_get_upcall_portid(const struct datapath *dp, uint32_t cpu_id);

/**
 * ovs_dp_detach_port - remove a port from its datapath and destroy it.
 * @p: the port.  Context: ovs_mutex held.
 */
void ovs_dp_detach_port(struct vport *p);

/**
 * ovs_vport_cmd_build_info - an OVS_VPORT_CMD_* notification for a port.
 * @vport: the port.  @net: namespace of the listener.  @portid, @seq:
 *	netlink header values.  @cmd: OVS_VPORT_CMD_*.
 *	Context: ovs_mutex held.
 * Return: the message or ERR_PTR.
 */
struct sk_buff *ovs_vport_cmd_build_info(struct vport *vport, struct net *net,
					 u32 portid, u32 seq, u8 cmd);

/**
 * ovs_dp_notify_wq - work item: delete ports whose netdev was unregistered
 * and notify userspace (dp_notify.c).
 * @work: &ovs_net.dp_notify_work.
 */
void ovs_dp_notify_wq(struct work_struct *work);

/**
 * ovs_netdev_notifier_register - register the netdevice notifier that
 * detaches ports whose device goes away (dp_notify.c).
 * Return: 0 or a negative errno.
 */
int ovs_netdev_notifier_register(void);
/** ovs_netdev_notifier_unregister - undo ovs_netdev_notifier_register(). */
void ovs_netdev_notifier_unregister(void);

#define OVS_NLERR(logging_allowed, fmt, ...)			\
do {								\
	if ((logging_allowed) && net_ratelimit())			\
		pr_info("netlink: " fmt "\n", ##__VA_ARGS__);	\
} while (0)

#endif /* OVS_DATAPATH_H */
