/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual ports: the datapath's view of a network device.  Two types exist:
 * "netdev" attaches to any existing Linux netdev through an rx_handler, and
 * "internal" is a netdev the datapath creates (the bridge's own port).
 */
#ifndef OVS_VPORT_H
#define OVS_VPORT_H

#include <linux/if_tunnel.h>
#include <linux/list.h>
#include <linux/netlink.h>
#include <linux/openvswitch.h>
#include <linux/reciprocal_div.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>

struct datapath;
struct sw_flow_key;

/**
 * struct vport_portids - upcall sockets of a port (per-vport dispatch).
 * @rn_ids: reciprocal of @n_ids, to spread packets by hash.
 * @rcu: deferred free.
 * @n_ids: entries in @ids.
 * @ids: netlink port ids.
 */
struct vport_portids {
	struct reciprocal_value rn_ids;
	struct rcu_head rcu;
	u32 n_ids;
	u32 ids[];
};

/**
 * struct vport - one datapath port.
 * @dev: its net_device (held while attached).
 * @dev_tracker: reference tracker for @dev, where the kernel has one.
 * @dp: the datapath.
 * @upcall_portids: upcall sockets, RCU.
 * @port_no: port number in @dp.
 * @hash_node: membership of the global by-name hash (vport.c).
 * @dp_hash_node: membership of @dp's by-number hash (datapath.c).
 * @ops: type operations.
 * @detach_list: used when deleting ports in bulk.
 * @rcu: deferred free.
 */
struct vport {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct datapath *dp;
	struct vport_portids __rcu *upcall_portids;
	u16 port_no;
	struct hlist_node hash_node;
	struct hlist_node dp_hash_node;
	const struct vport_ops *ops;
	struct list_head detach_list;
	struct rcu_head rcu;
};

/**
 * struct vport_parms - what OVS_VPORT_CMD_NEW asks for.
 * @name: device name.  @type: OVS_VPORT_TYPE_*.
 * @desired_ifindex: ifindex for a new internal device, 0 for any.
 * @options: OVS_VPORT_ATTR_OPTIONS or NULL.
 * @dp: the datapath.  @port_no: chosen port number.
 * @upcall_portids: OVS_VPORT_ATTR_UPCALL_PID.
 */
struct vport_parms {
	const char *name;
	enum ovs_vport_type type;
	int desired_ifindex;
	struct nlattr *options;
	struct datapath *dp;
	u16 port_no;
	struct nlattr *upcall_portids;
};

/**
 * struct vport_ops - a vport type.
 * @type: OVS_VPORT_TYPE_*.
 * @create: make a port; Context: ovs_mutex, may take rtnl.  Returns the
 *	vport or ERR_PTR.
 * @destroy: detach and free (via RCU); Context: ovs_mutex.
 * @set_options: OVS_VPORT_ATTR_OPTIONS on an existing port, may be NULL.
 * @get_options: fill OVS_VPORT_ATTR_OPTIONS, may be NULL.
 * @send: transmit a packet out of the port; consumes it.
 * @owner: module.  @list: registered types.
 */
struct vport_ops {
	enum ovs_vport_type type;
	struct vport *(*create)(const struct vport_parms *parms);
	void (*destroy)(struct vport *vport);
	int (*set_options)(struct vport *vport, struct nlattr *options);
	int (*get_options)(const struct vport *vport, struct sk_buff *skb);
	int (*send)(struct sk_buff *skb);
	struct module *owner;
	struct list_head list;
};

/* vport.c */
int ovs_vport_init(void);
void ovs_vport_exit(void);

/**
 * ovs_vport_add - create a port of the requested type.
 * @parms: what to create.  Context: ovs_mutex held.
 * Return: the vport, ERR_PTR(-EAFNOSUPPORT) for an unknown type, or
 *	the type's error.
 */
struct vport *ovs_vport_add(const struct vport_parms *parms);

/**
 * ovs_vport_del - destroy a port (the datapath already unlinked it).
 * @vport: the port.  Context: ovs_mutex held.
 */
void ovs_vport_del(struct vport *vport);

/**
 * ovs_vport_locate - find a port by device name.
 * @net: namespace.  @name: device name.
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the vport or NULL.
 */
struct vport *ovs_vport_locate(const struct net *net, const char *name);

/**
 * ovs_vport_get_stats - the port's counters, from its netdev's statistics.
 * @vport: the port.  @stats: filled.
 */
void ovs_vport_get_stats(struct vport *vport, struct ovs_vport_stats *stats);

int ovs_vport_set_options(struct vport *vport, struct nlattr *options);
int ovs_vport_get_options(const struct vport *vport, struct sk_buff *skb);

/**
 * ovs_vport_set_upcall_portids - replace the port's upcall sockets.
 * @vport: the port.  @pids: OVS_VPORT_ATTR_UPCALL_PID (array of u32,
 *	at least one).  Context: ovs_mutex held.
 * Return: 0, -EINVAL (empty or misaligned), -ENOMEM.
 */
int ovs_vport_set_upcall_portids(struct vport *vport, const struct nlattr *pids);

/**
 * ovs_vport_get_upcall_portids - put OVS_VPORT_ATTR_UPCALL_PID.
 * @vport: the port.  @skb: the message.  Context: ovs_mutex or RCU.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_vport_get_upcall_portids(const struct vport *vport, struct sk_buff *skb);

/**
 * ovs_vport_find_upcall_portid - the upcall socket for a packet.
 * @vport: the input port.  @skb: the packet (its hash picks one socket).
 * Context: rcu_read_lock.
 * Return: the port id, 0 if none.
 */
u32 ovs_vport_find_upcall_portid(const struct vport *vport, struct sk_buff *skb);

/**
 * ovs_vport_receive - a packet entered the datapath through a port.
 * @vport: the port.  @skb: the packet (consumed), data at the MAC header.
 * Extracts the key and calls ovs_dp_process_packet().
 * Context: rcu_read_lock, softirq.
 * Return: 0, or a negative errno when the packet was dropped.
 */
int ovs_vport_receive(struct vport *vport, struct sk_buff *skb);

/**
 * ovs_vport_send - transmit a packet out of a port.
 * @vport: the port.  @skb: consumed.
 * Packets larger than the device MTU (and not GSO) are dropped and counted.
 */
void ovs_vport_send(struct vport *vport, struct sk_buff *skb);

/**
 * ovs_vport_alloc - allocate a vport with @priv_size private bytes.
 * @priv_size: bytes of type-private data after the vport.
 * @ops: its type.  @parms: its parameters (dp, port_no, upcall pids).
 * Return: the vport or ERR_PTR(-EINVAL / -ENOMEM).
 */
struct vport *ovs_vport_alloc(int priv_size, const struct vport_ops *ops,
			      const struct vport_parms *parms);
/** ovs_vport_free - free a vport now.  @vport: the vport. */
void ovs_vport_free(struct vport *vport);

static inline void *vport_priv(const struct vport *vport)
{
	return (u8 *)(uintptr_t)vport + ALIGN(sizeof(struct vport), NETDEV_ALIGN);
}

int __ovs_vport_ops_register(struct vport_ops *ops);
void ovs_vport_ops_unregister(struct vport_ops *ops);
#define ovs_vport_ops_register(ops)		\
	({					\
		(ops)->owner = THIS_MODULE;	\
		__ovs_vport_ops_register(ops);	\
	})

/* vport-netdev.c */
int ovs_netdev_init(void);
void ovs_netdev_exit(void);
/**
 * ovs_netdev_get_vport - the vport attached to a netdev, if any.
 * @dev: the device.  Context: rcu_read_lock or rtnl.
 * Return: the vport or NULL.
 */
struct vport *ovs_netdev_get_vport(struct net_device *dev);
/**
 * ovs_netdev_detach_dev - unhook a netdev vport from its device (rx
 * handler, upper link, promiscuity).  @vport: the port.  Context: rtnl held.
 */
void ovs_netdev_detach_dev(struct vport *vport);
/** ovs_netdev_link - shared by netdev-like types: attach to @name. */
struct vport *ovs_netdev_link(struct vport *vport, const char *name);
/** ovs_netdev_destroy - shared destroy for netdev-like types. */
void ovs_netdev_destroy(struct vport *vport);

/* vport-internal_dev.c */
int ovs_internal_dev_rtnl_link_register(void);
void ovs_internal_dev_rtnl_link_unregister(void);
/**
 * ovs_is_internal_dev - is @netdev an internal port's device?
 * @netdev: the device.
 * Return: true if so.
 */
bool ovs_is_internal_dev(const struct net_device *netdev);
/**
 * ovs_internal_dev_get_vport - the vport of an internal device.
 * @dev: the device.  Return: the vport or NULL.
 */
struct vport *ovs_internal_dev_get_vport(struct net_device *dev);

#endif /* OVS_VPORT_H */
