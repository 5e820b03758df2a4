// SPDX-License-Identifier: GPL-2.0-only
/*
 * Generic vport layer: the registry of vport types, the global table of
 * ports by (namespace, device name), upcall socket selection, and the two
 * packet hooks every type shares: ovs_vport_receive() (a packet enters the
 * datapath) and ovs_vport_send() (a packet leaves through a port).
 *
 * Locking: the by-name table is written under ovs_mutex and read under
 * ovs_mutex or rcu_read_lock.  The list of types has its own mutex so that
 * types can be registered from module init regardless of ovs_mutex.
 */

#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/stringhash.h>
#include <net/dst_metadata.h>
#include <net/net_namespace.h>

#include "datapath.h"
#include "vport.h"

#define VPORT_NAME_HASH_BITS	10
#define VPORT_NAME_HASH_SIZE	BIT(VPORT_NAME_HASH_BITS)

/* Buckets of struct vport, linked through hash_node. */
static struct hlist_head *vport_name_table;

/* Registered struct vport_ops, linked through list. */
static LIST_HEAD(vport_types);
static DEFINE_MUTEX(vport_types_lock);

static const char *vport_dev_name(const struct vport *vport)
{
	return vport->dev->name;
}

static struct hlist_head *vport_name_bucket(const struct net *net,
					    const char *name)
{
	unsigned int h = full_name_hash(net, name, strlen(name));

	return &vport_name_table[hash_32(h, VPORT_NAME_HASH_BITS)];
}

/**
 * ovs_vport_init - set up the vport layer at module load.
 *
 * Allocates the table that ovs_vport_locate() searches.
 *
 * Context: process context, module init.
 * Return: 0 or -ENOMEM.
 */
int ovs_vport_init(void)
{
	vport_name_table = kcalloc(VPORT_NAME_HASH_SIZE,
				   sizeof(*vport_name_table), GFP_KERNEL);
	if (!vport_name_table)
		return -ENOMEM;
	return 0;
}

/**
 * ovs_vport_exit - tear down the vport layer at module unload.
 *
 * Every port must already be gone.
 *
 * Context: process context, module exit.
 */
void ovs_vport_exit(void)
{
	kfree(vport_name_table);
	vport_name_table = NULL;
}

static struct vport_ops *vport_type_find(enum ovs_vport_type type)
{
	struct vport_ops *ops;

	lockdep_assert_held(&vport_types_lock);
	list_for_each_entry(ops, &vport_types, list)
		if (ops->type == type)
			return ops;
	return NULL;
}

/**
 * __ovs_vport_ops_register - make a vport type available to ovs_vport_add().
 * @ops: the type; @ops->owner must be set (ovs_vport_ops_register() does).
 *
 * Context: process context; takes the type-list mutex (not ovs_mutex).
 * Return: 0, or -EEXIST if a type with the same number is registered.
 */
int __ovs_vport_ops_register(struct vport_ops *ops)
{
	int err = 0;

	mutex_lock(&vport_types_lock);
	if (vport_type_find(ops->type))
		err = -EEXIST;
	else
		list_add_tail(&ops->list, &vport_types);
	mutex_unlock(&vport_types_lock);
	return err;
}

/**
 * ovs_vport_ops_unregister - withdraw a type registered earlier.
 * @ops: the type.
 *
 * Ports of this type hold a reference on @ops->owner, so none exist when
 * its module unloads.
 * Context: process context; takes the type-list mutex.
 */
void ovs_vport_ops_unregister(struct vport_ops *ops)
{
	mutex_lock(&vport_types_lock);
	list_del(&ops->list);
	mutex_unlock(&vport_types_lock);
}

/**
 * ovs_vport_locate - find a port by namespace and device name.
 * @net: the datapath namespace the port belongs to.
 * @name: device name, NUL-terminated.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the vport, or NULL if no port of that name exists in @net.
 */
struct vport *ovs_vport_locate(const struct net *net, const char *name)
{
	struct hlist_head *head = vport_name_bucket(net, name);
	struct vport *vport;

	hlist_for_each_entry_rcu(vport, head, hash_node,
				 lockdep_ovsl_is_held()) {
		if (net_eq(ovs_dp_get_net(vport->dp), net) &&
		    !strcmp(vport_dev_name(vport), name))
			return vport;
	}
	return NULL;
}

/**
 * ovs_vport_alloc - allocate and initialise a vport for a type's create().
 * @priv_size: bytes of type-private data reachable through vport_priv().
 * @ops: the vport type.
 * @parms: dp, port number and upcall port ids of the new port.
 *
 * The upcall ids are mandatory.  The result is not yet linked anywhere and
 * is released with ovs_vport_free().
 * Context: process context, ovs_mutex held.
 * Return: the vport, ERR_PTR(-EINVAL) for a negative @priv_size or missing
 * or malformed upcall ids, or ERR_PTR(-ENOMEM).
 */
struct vport *ovs_vport_alloc(int priv_size, const struct vport_ops *ops,
			      const struct vport_parms *parms)
{
	struct vport *vport;
	size_t size;
	int err;

	if (priv_size < 0 || !parms->upcall_portids)
		return ERR_PTR(-EINVAL);

	size = ALIGN(sizeof(*vport), NETDEV_ALIGN) + priv_size;
	vport = kzalloc(size, GFP_KERNEL);
	if (!vport)
		return ERR_PTR(-ENOMEM);

	vport->dp = parms->dp;
	vport->port_no = parms->port_no;
	vport->ops = ops;
	INIT_HLIST_NODE(&vport->hash_node);
	INIT_HLIST_NODE(&vport->dp_hash_node);
	INIT_LIST_HEAD(&vport->detach_list);

	err = ovs_vport_set_upcall_portids(vport, parms->upcall_portids);
	if (err) {
		kfree(vport);
		return ERR_PTR(err);
	}
	return vport;
}

/**
 * ovs_vport_free - release a vport and its upcall id array immediately.
 * @vport: the vport (from ovs_vport_alloc()), may be NULL.
 *
 * Does not wait for RCU readers: callers that published the vport defer
 * this through call_rcu() (or equivalent) themselves.
 * Context: any context that may call kfree().
 */
void ovs_vport_free(struct vport *vport)
{
	if (!vport)
		return;
	/* No reader can reach the vport any more. */
	kfree(rcu_dereference_raw(vport->upcall_portids));
	kfree(vport);
}

/*
 * Ports of the types built into this module do not pin it: unloading the
 * module with datapaths alive destroys them (pernet exit), so that
 * "rmmod openvswitch" works on a live bridge.  Types from other modules
 * keep their module loaded while a port of theirs exists.
 */
static bool vport_type_get(struct vport_ops *ops)
{
	return ops->owner == THIS_MODULE || try_module_get(ops->owner);
}

static void vport_type_put(const struct vport_ops *ops)
{
	if (ops->owner != THIS_MODULE)
		module_put(ops->owner);
}

/**
 * ovs_vport_add - create a port of the requested type and index it by name.
 * @parms: the port's parameters; @parms->type selects the type.
 *
 * Types are never loaded on demand; both built-in types register at module
 * init.  A type from another module is pinned for the port's lifetime.
 * Context: process context, ovs_mutex held (the type may take rtnl).
 * Return: the vport; ERR_PTR(-EAFNOSUPPORT) for an unknown type or one whose
 * module is unloading; otherwise the type's create() error.
 */
struct vport *ovs_vport_add(const struct vport_parms *parms)
{
	struct vport_ops *ops;
	struct vport *vport;

	ASSERT_OVSL();

	mutex_lock(&vport_types_lock);
	ops = vport_type_find(parms->type);
	if (ops && !vport_type_get(ops))
		ops = NULL;
	mutex_unlock(&vport_types_lock);
	if (!ops)
		return ERR_PTR(-EAFNOSUPPORT);

	vport = ops->create(parms);
	if (IS_ERR(vport)) {
		vport_type_put(ops);
		return vport;
	}

	hlist_add_head_rcu(&vport->hash_node,
			   vport_name_bucket(ovs_dp_get_net(vport->dp),
					     vport_dev_name(vport)));
	return vport;
}

/**
 * ovs_vport_del - remove a port from the name index and destroy it.
 * @vport: the port, already unlinked from its datapath.
 *
 * The type's destroy() frees the vport after an RCU grace period.
 * Context: process context, ovs_mutex held.
 */
void ovs_vport_del(struct vport *vport)
{
	const struct vport_ops *ops = vport->ops;

	ASSERT_OVSL();
	hlist_del_rcu(&vport->hash_node);
	ops->destroy(vport);
	vport_type_put(ops);
}

/**
 * ovs_vport_get_stats - report a port's counters from its net_device.
 * @vport: the port.
 * @stats: filled with rx/tx packets, bytes, errors and drops.
 *
 * Context: ovs_mutex or rcu_read_lock.
 */
void ovs_vport_get_stats(struct vport *vport, struct ovs_vport_stats *stats)
{
	struct rtnl_link_stats64 tmp;
	const struct rtnl_link_stats64 *s;

	s = dev_get_stats(vport->dev, &tmp);

	stats->rx_packets = s->rx_packets;
	stats->tx_packets = s->tx_packets;
	stats->rx_bytes = s->rx_bytes;
	stats->tx_bytes = s->tx_bytes;
	stats->rx_errors = s->rx_errors;
	stats->tx_errors = s->tx_errors;
	stats->rx_dropped = s->rx_dropped;
	stats->tx_dropped = s->tx_dropped;
}

/**
 * ovs_vport_set_options - apply OVS_VPORT_ATTR_OPTIONS to an existing port.
 * @vport: the port.
 * @options: the nested attribute.
 *
 * Context: ovs_mutex held.
 * Return: the type's result, or -EOPNOTSUPP if the type has no options.
 */
int ovs_vport_set_options(struct vport *vport, struct nlattr *options)
{
	if (!vport->ops->set_options)
		return -EOPNOTSUPP;
	return vport->ops->set_options(vport, options);
}

/**
 * ovs_vport_get_options - append OVS_VPORT_ATTR_OPTIONS for a port.
 * @vport: the port.
 * @skb: the message being built.
 *
 * Nothing is appended for types without options.  On error @skb is left
 * as it was.
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0, -EMSGSIZE, or the type's error.
 */
int ovs_vport_get_options(const struct vport *vport, struct sk_buff *skb)
{
	struct nlattr *nest;
	int err;

	if (!vport->ops->get_options)
		return 0;

	nest = nla_nest_start_noflag(skb, OVS_VPORT_ATTR_OPTIONS);
	if (!nest)
		return -EMSGSIZE;

	err = vport->ops->get_options(vport, skb);
	if (err) {
		nla_nest_cancel(skb, nest);
		return err;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * ovs_vport_set_upcall_portids - replace a port's upcall netlink port ids.
 * @vport: the port.
 * @pids: OVS_VPORT_ATTR_UPCALL_PID: a non-empty array of u32, at most one
 *	per possible CPU.
 *
 * The old array is freed after an RCU grace period.
 * Context: process context, ovs_mutex held (or the vport not yet published).
 * Return: 0; -EINVAL if @pids is missing, empty, not a multiple of four bytes
 * long or longer than nr_cpu_ids entries; -ENOMEM.
 */
int ovs_vport_set_upcall_portids(struct vport *vport, const struct nlattr *pids)
{
	struct vport_portids *old, *new;
	int len;
	u32 n;

	if (!pids)
		return -EINVAL;
	len = nla_len(pids);
	if (len <= 0 || len % sizeof(u32))
		return -EINVAL;
	n = len / sizeof(u32);
	if (n > nr_cpu_ids)
		return -EINVAL;

	new = kmalloc(struct_size(new, ids, n), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->n_ids = n;
	new->rn_ids = reciprocal_value(n);
	nla_memcpy(new->ids, pids, len);

	old = ovsl_dereference(vport->upcall_portids);
	rcu_assign_pointer(vport->upcall_portids, new);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/**
 * ovs_vport_get_upcall_portids - append OVS_VPORT_ATTR_UPCALL_PID.
 * @vport: the port.
 * @skb: the message being built.
 *
 * The whole array is reported when the datapath was created with
 * OVS_DP_F_VPORT_PIDS, otherwise only the first id (a plain u32), as the
 * in-tree datapath does.
 * Context: ovs_mutex or rcu_read_lock.
 * Return: 0 or -EMSGSIZE.
 */
int ovs_vport_get_upcall_portids(const struct vport *vport, struct sk_buff *skb)
{
	const struct vport_portids *ids;

	ids = rcu_dereference_ovsl(vport->upcall_portids);
	if (!ids)
		return nla_put_u32(skb, OVS_VPORT_ATTR_UPCALL_PID, 0);

	if (vport->dp->user_features & OVS_DP_F_VPORT_PIDS)
		return nla_put(skb, OVS_VPORT_ATTR_UPCALL_PID,
			       ids->n_ids * sizeof(u32), ids->ids);
	return nla_put_u32(skb, OVS_VPORT_ATTR_UPCALL_PID, ids->ids[0]);
}

/**
 * ovs_vport_find_upcall_portid - choose the upcall socket for a packet.
 * @vport: the port the packet came in on.
 * @skb: the packet; with several ids its flow hash picks one, so that a
 *	flow's upcalls stay on one socket.
 *
 * Context: rcu_read_lock.
 * Return: a netlink port id; 0 means no socket (upcalls disabled).
 */
u32 ovs_vport_find_upcall_portid(const struct vport *vport, struct sk_buff *skb)
{
	const struct vport_portids *ids;
	u32 hash, idx;

	ids = rcu_dereference(vport->upcall_portids);
	if (unlikely(!ids))
		return 0;
	if (ids->n_ids == 1)
		return ids->ids[0];

	/* hash mod n_ids without a division */
	hash = skb_get_hash(skb);
	idx = hash - ids->n_ids * reciprocal_divide(hash, ids->rn_ids);
	return ids->ids[idx];
}

/**
 * ovs_vport_receive - hand a packet that arrived on a port to the datapath.
 * @vport: the port.
 * @skb: the packet, not shared, skb->dev set and skb->data at the Ethernet
 *	header.  Always consumed.
 *
 * Resets the datapath's per-packet state, scrubs packets that arrive from a
 * namespace other than the datapath's (keeping skb->mark, as the in-tree
 * datapath does), extracts the flow key and processes the packet.  Receive
 * tunnel metadata that a collect_md tunnel device (geneve, vxlan, gretap,
 * erspan... in external mode) attached as the skb's metadata dst becomes
 * the key's tunnel; transmit-side metadata and metadata from another
 * namespace (dropped by the scrub) do not.
 * Context: rcu_read_lock, BH disabled.
 * Return: 0, or the key extraction error (the packet was then freed).
 */
int ovs_vport_receive(struct vport *vport, struct sk_buff *skb)
{
	const struct ip_tunnel_info *tun_info;
	struct sw_flow_key key;
	int err;

	memset(OVS_CB(skb), 0, sizeof(struct ovs_skb_cb));
	OVS_CB(skb)->input_vport = vport;

	if (unlikely(!net_eq(dev_net(skb->dev), ovs_dp_get_net(vport->dp)))) {
		u32 mark = skb->mark;

		skb_scrub_packet(skb, true);
		skb->mark = mark;
	}

	tun_info = skb_tunnel_info(skb);
	if (tun_info && (tun_info->mode & IP_TUNNEL_INFO_TX))
		tun_info = NULL;

	err = ovs_flow_key_extract(vport, tun_info, skb, &key);
	if (unlikely(err)) {
		kfree_skb(skb);
		return err;
	}
	ovs_dp_process_packet(skb, &key);
	return 0;
}

/*
 * Length of @skb as the device's MTU counts it: without the link-layer
 * header and without one 802.1Q/802.1ad tag still in the payload (a tag
 * in skb->vlan_tci is not in skb->len anyway).  Further tags count, as in
 * is_skb_forwardable().
 */
static unsigned int vport_l3_len(const struct sk_buff *skb,
				 const struct net_device *dev)
{
	int len = skb->len - dev->hard_header_len;

	if (!skb_vlan_tag_present(skb) && eth_type_vlan(skb->protocol))
		len -= VLAN_HLEN;
	return len > 0 ? len : 0;
}

/**
 * ovs_vport_send - transmit a packet out of a port.
 * @vport: the port.
 * @skb: the Ethernet frame, skb->data at the Ethernet header.  Consumed.
 *
 * Non-GSO frames longer than the device's MTU (plus its link-layer header
 * and one VLAN tag) are dropped and counted as tx_errors on the device, as
 * the in-tree datapath does; so are frames for a non-Ethernet device.
 * Context: rcu_read_lock, BH disabled.
 */
void ovs_vport_send(struct vport *vport, struct sk_buff *skb)
{
	struct net_device *dev = vport->dev;
	unsigned int len;

	if (unlikely(dev->type != ARPHRD_ETHER))
		goto drop;

	len = vport_l3_len(skb, dev);
	if (unlikely(len > dev->mtu && !skb_is_gso(skb))) {
		DEV_STATS_INC(dev, tx_errors);
		if (dev->flags & IFF_UP)
			net_warn_ratelimited("%s: dropped over-mtu packet: %u > %u\n",
					     dev->name, len, dev->mtu);
		goto drop;
	}

	skb->dev = dev;
	skb_clear_tstamp(skb);
	vport->ops->send(skb);
	return;

drop:
	kfree_skb(skb);
}
