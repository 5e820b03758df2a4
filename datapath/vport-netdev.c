// SPDX-License-Identifier: GPL-2.0-only
/*
 * "netdev" vports: an existing Ethernet device enslaved to the datapath.
 *
 * The device becomes a lower device of the datapath's local port (so it
 * shows "master ovs-system"), goes promiscuous, and every frame it receives
 * is taken by our rx_handler and fed to ovs_vport_receive().  Frames sent
 * out of the port go through dev_queue_xmit().
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>

#include "datapath.h"
#include "vport.h"

static struct vport_ops ovs_netdev_vport_ops;

/*
 * rx_handler of an attached device.  Context: rcu_read_lock, BH disabled
 * (__netif_receive_skb_core).  skb->data is just past the Ethernet header.
 */
static rx_handler_result_t netdev_port_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct vport *vport;

	/* Our own transmissions looped back to taps: leave them alone. */
	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;

	vport = rcu_dereference(skb->dev->rx_handler_data);
	if (unlikely(!vport || skb_warn_if_lro(skb))) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	/* Others (packet taps) may still see this skb: work on our own. */
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb))
		return RX_HANDLER_CONSUMED;

	skb_push_rcsum(skb, ETH_HLEN);
	ovs_vport_receive(vport, skb);
	return RX_HANDLER_CONSUMED;
}

/**
 * ovs_netdev_get_vport - the vport a device is attached to as a netdev port.
 * @dev: any net_device.
 *
 * Context: rcu_read_lock or rtnl.
 * Return: the vport, or NULL if @dev is not an OVS netdev port.
 */
struct vport *ovs_netdev_get_vport(struct net_device *dev)
{
	if (likely(dev->priv_flags & IFF_OVS_DATAPATH))
		return rcu_dereference_rtnl(dev->rx_handler_data);
	return NULL;
}

/**
 * ovs_netdev_link - attach a freshly allocated vport to an existing device.
 * @vport: from ovs_vport_alloc(); its dp's local port must exist.
 * @name: the device's name in the datapath's namespace.
 *
 * Takes a tracked reference on the device, refuses loopback, non-Ethernet
 * and OVS internal devices, then under rtnl links it below the local port,
 * installs the rx_handler, disables LRO, makes it promiscuous and marks it
 * IFF_OVS_DATAPATH.  On failure everything is undone and @vport is freed.
 * Context: process context, ovs_mutex held; takes rtnl.
 * Return: @vport, or ERR_PTR: -ENODEV (no such device), -EINVAL (unsuitable
 * device or no local port), -EBUSY (already enslaved or has an rx_handler,
 * e.g. a bridge port), or the error of the core calls.
 */
struct vport *ovs_netdev_link(struct vport *vport, const char *name)
{
	struct net_device *dev, *master;
	struct vport *local;
	int err;

	rcu_read_lock();
	dev = dev_get_by_name_rcu(ovs_dp_get_net(vport->dp), name);
	if (dev)
		netdev_hold(dev, &vport->dev_tracker, GFP_ATOMIC);
	rcu_read_unlock();
	if (!dev) {
		err = -ENODEV;
		goto err_free;
	}
	vport->dev = dev;

	if ((dev->flags & IFF_LOOPBACK) || dev->type != ARPHRD_ETHER ||
	    ovs_is_internal_dev(dev)) {
		err = -EINVAL;
		goto err_put;
	}

	local = ovs_vport_ovsl(vport->dp, OVSP_LOCAL);
	if (!local) {
		err = -EINVAL;
		goto err_put;
	}
	master = local->dev;

	rtnl_lock();
	if (dev->reg_state != NETREG_REGISTERED) {
		err = -ENODEV;
		goto err_unlock;
	}
	err = netdev_master_upper_dev_link(dev, master, NULL, NULL, NULL);
	if (err)
		goto err_unlock;

	err = netdev_rx_handler_register(dev, netdev_port_rx, vport);
	if (err)
		goto err_unlink;

	dev_disable_lro(dev);
	err = dev_set_promiscuity(dev, 1);
	if (err)
		goto err_rx_unregister;

	dev->priv_flags |= IFF_OVS_DATAPATH;
	rtnl_unlock();
	return vport;

err_rx_unregister:
	netdev_rx_handler_unregister(dev);
err_unlink:
	netdev_upper_dev_unlink(dev, master);
err_unlock:
	rtnl_unlock();
err_put:
	netdev_put(dev, &vport->dev_tracker);
err_free:
	ovs_vport_free(vport);
	return ERR_PTR(err);
}

static struct vport *netdev_create(const struct vport_parms *parms)
{
	struct vport *vport;

	vport = ovs_vport_alloc(0, &ovs_netdev_vport_ops, parms);
	if (IS_ERR(vport))
		return vport;
	return ovs_netdev_link(vport, parms->name);
}

/**
 * ovs_netdev_detach_dev - undo what ovs_netdev_link() did to the device.
 * @vport: an attached netdev vport.
 *
 * Removes the rx_handler (waiting for running handlers), the link to the
 * master, the promiscuity reference and IFF_OVS_DATAPATH.  The device
 * reference is kept; ovs_netdev_destroy() drops it.  Also called by the
 * netdevice notifier when the device unregisters.
 * Context: rtnl held.
 */
void ovs_netdev_detach_dev(struct vport *vport)
{
	struct net_device *dev = vport->dev;
	struct net_device *master;

	ASSERT_RTNL();
	netdev_rx_handler_unregister(dev);
	master = netdev_master_upper_dev_get(dev);
	if (master)
		netdev_upper_dev_unlink(dev, master);
	dev_set_promiscuity(dev, -1);
	dev->priv_flags &= ~IFF_OVS_DATAPATH;
}

static void netdev_vport_free_rcu(struct rcu_head *head)
{
	struct vport *vport = container_of(head, struct vport, rcu);

	netdev_put(vport->dev, &vport->dev_tracker);
	ovs_vport_free(vport);
}

/**
 * ovs_netdev_destroy - detach (if still attached) and free a netdev vport.
 * @vport: the vport, already unlinked from its datapath and name index.
 *
 * The device may have been detached already by the notifier; the check is
 * made under rtnl.  The device reference and the vport are released after
 * an RCU grace period, so the module's exit must rcu_barrier().
 * Context: process context, ovs_mutex held; takes rtnl.
 */
void ovs_netdev_destroy(struct vport *vport)
{
	rtnl_lock();
	if (vport->dev->priv_flags & IFF_OVS_DATAPATH)
		ovs_netdev_detach_dev(vport);
	rtnl_unlock();

	call_rcu(&vport->rcu, netdev_vport_free_rcu);
}

/* skb->dev was set by ovs_vport_send(). */
static int netdev_send(struct sk_buff *skb)
{
	return dev_queue_xmit(skb);
}

static struct vport_ops ovs_netdev_vport_ops = {
	.type		= OVS_VPORT_TYPE_NETDEV,
	.create		= netdev_create,
	.destroy	= ovs_netdev_destroy,
	.send		= netdev_send,
};

/**
 * ovs_netdev_init - register the "netdev" vport type.
 *
 * Context: module init.
 * Return: 0 or -EEXIST.
 */
int ovs_netdev_init(void)
{
	return ovs_vport_ops_register(&ovs_netdev_vport_ops);
}

/**
 * ovs_netdev_exit - unregister the "netdev" vport type.
 *
 * Context: module exit.
 */
void ovs_netdev_exit(void)
{
	ovs_vport_ops_unregister(&ovs_netdev_vport_ops);
}
