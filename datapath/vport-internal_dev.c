// SPDX-License-Identifier: GPL-2.0-only
/*
 * "internal" vports: a virtual Ethernet device owned by the datapath, such as
 * the bridge's own port (port 0, named after the datapath).  What the host
 * transmits on the device enters the datapath; what the datapath outputs to
 * the port is received by the host stack through netif_rx().
 *
 * Lifetime: the vport is reachable from the device's private area and is
 * released by the device's priv_destructor, which the core runs only after
 * unregistration finished (all references gone, RCU callbacks flushed).
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/dst.h>
#include <net/rtnetlink.h>
#include <net/xfrm.h>

#include "datapath.h"
#include "vport.h"

/**
 * struct internal_dev - private area of an internal port's net_device.
 * @vport: the vport, set before registration and never changed.
 */
struct internal_dev {
	struct vport *vport;
};

static struct vport_ops ovs_internal_vport_ops;

static struct internal_dev *internal_dev_priv(const struct net_device *dev)
{
	return netdev_priv(dev);
}

/*
 * The host transmits on the device: the frame enters the datapath.
 * Context: BH disabled (rcu_read_lock_bh); LLTX, so possibly concurrent.
 */
static netdev_tx_t internal_dev_xmit(struct sk_buff *skb,
				     struct net_device *dev)
{
	struct vport *vport = internal_dev_priv(dev)->vport;
	unsigned int len = skb->len;	/* skb is gone after receive */
	int err;

	skb_reset_mac_header(skb);
	skb->pkt_type = PACKET_HOST;

	rcu_read_lock();
	err = ovs_vport_receive(vport, skb);
	rcu_read_unlock();

	if (likely(!err))
		dev_sw_netstats_tx_add(dev, 1, len);
	else
		DEV_STATS_INC(dev, tx_errors);
	return NETDEV_TX_OK;
}

static int internal_dev_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int internal_dev_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

static void internal_dev_get_drvinfo(struct net_device *dev,
				     struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "openvswitch", sizeof(info->driver));
}

static const struct ethtool_ops internal_dev_ethtool_ops = {
	.get_drvinfo	= internal_dev_get_drvinfo,
	.get_link	= ethtool_op_get_link,
};

static const struct net_device_ops internal_dev_netdev_ops = {
	.ndo_open		= internal_dev_open,
	.ndo_stop		= internal_dev_stop,
	.ndo_start_xmit		= internal_dev_xmit,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_get_stats64	= dev_get_tstats64,
};

/*
 * Only so that the devices carry a kind ("ip -d link" shows openvswitch)
 * and are treated as virtual: no newlink/dellink, so userspace can neither
 * create nor delete them through rtnetlink.
 */
static struct rtnl_link_ops internal_dev_link_ops __read_mostly = {
	.kind		= "openvswitch",
};

static void internal_vport_free_rcu(struct rcu_head *head)
{
	ovs_vport_free(container_of(head, struct vport, rcu));
}

/* Run by the core once the unregistered device has no users left. */
static void internal_dev_destructor(struct net_device *dev)
{
	struct vport *vport = internal_dev_priv(dev)->vport;

#ifndef HAVE_DEV_PCPU_STAT_TYPE
	free_percpu(dev->tstats);
	dev->tstats = NULL;
#endif
	if (vport)
		call_rcu(&vport->rcu, internal_vport_free_rcu);
}

#ifndef HAVE_NEEDS_FREE_NETDEV
/* Before 4.12 the destructor also frees the device. */
static void internal_dev_free(struct net_device *dev)
{
	internal_dev_destructor(dev);
	free_netdev(dev);
}
#endif

static void internal_dev_setup(struct net_device *dev)
{
	netdev_features_t feat;

	ether_setup(dev);

	dev->netdev_ops = &internal_dev_netdev_ops;
	dev->ethtool_ops = &internal_dev_ethtool_ops;
	dev->rtnl_link_ops = &internal_dev_link_ops;
#ifdef HAVE_NET_DEVICE_MAX_MTU
	dev->max_mtu = ETH_MAX_MTU;
#endif

	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_OPENVSWITCH | IFF_NO_QUEUE;
#ifndef HAVE_IFF_NO_QUEUE
	dev->tx_queue_len = 0;	/* no qdisc: what IFF_NO_QUEUE means */
#endif
#ifdef HAVE_NEEDS_FREE_NETDEV
	dev->needs_free_netdev = true;
	/* Installed once registration succeeded (see internal_dev_create). */
	dev->priv_destructor = NULL;
#else
	dev->destructor = free_netdev;
#endif
#ifdef HAVE_DEV_PCPU_STAT_TYPE
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
#endif

	feat = NETIF_F_SG | NETIF_F_FRAGLIST | NETIF_F_HIGHDMA |
	       NETIF_F_HW_CSUM | NETIF_F_GSO_SOFTWARE | NETIF_F_GSO_ENCAP_ALL;
	dev->vlan_features = feat;
	dev->hw_enc_features = feat;
	feat |= NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_STAG_TX;
	dev->hw_features = feat;
	dev->features = feat;
#ifdef HAVE_DEV_LLTX
	dev->lltx = true;
#else
	dev->features |= NETIF_F_LLTX;
#endif

	eth_hw_addr_random(dev);
}

static struct vport *internal_dev_create(const struct vport_parms *parms)
{
	struct net_device *dev;
	struct vport *vport;
	int err;

	/* alloc_netdev() insists on a name that fits. */
	if (!parms->name || strnlen(parms->name, IFNAMSIZ) >= IFNAMSIZ)
		return ERR_PTR(-EINVAL);

	vport = ovs_vport_alloc(0, &ovs_internal_vport_ops, parms);
	if (IS_ERR(vport))
		return vport;

	dev = alloc_netdev(sizeof(struct internal_dev), parms->name,
			   NET_NAME_USER, internal_dev_setup);
	if (!dev) {
		err = -ENOMEM;
		goto err_free_vport;
	}
	vport->dev = dev;
	internal_dev_priv(dev)->vport = vport;

#ifndef HAVE_DEV_PCPU_STAT_TYPE
	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	if (!dev->tstats) {
		err = -ENOMEM;
		goto err_free_netdev;
	}
#endif

	dev_net_set(dev, ovs_dp_get_net(vport->dp));
	dev->ifindex = parms->desired_ifindex;

	/* The datapath's own port stays in the datapath's namespace. */
	if (vport->port_no == OVSP_LOCAL) {
#ifdef NETIF_F_NETNS_LOCAL
		dev->features |= NETIF_F_NETNS_LOCAL;
#else
		dev->netns_local = true;
#endif
	}

	rtnl_lock();
	err = register_netdevice(dev);
	if (err) {
		rtnl_unlock();
		goto err_free_stats;
	}
#ifdef HAVE_NEEDS_FREE_NETDEV
	dev->priv_destructor = internal_dev_destructor;
#else
	dev->destructor = internal_dev_free;
#endif
	/* A fresh device's count cannot overflow. */
	dev_set_promiscuity(dev, 1);
	rtnl_unlock();

	netif_start_queue(dev);
	return vport;

err_free_stats:
#ifndef HAVE_DEV_PCPU_STAT_TYPE
	free_percpu(dev->tstats);
	dev->tstats = NULL;
err_free_netdev:
#endif
	free_netdev(dev);
err_free_vport:
	ovs_vport_free(vport);
	return ERR_PTR(err);
}

/*
 * Unregister the device; the vport goes with it (internal_dev_destructor).
 * Context: ovs_mutex held; takes rtnl.
 */
static void internal_dev_destroy(struct vport *vport)
{
	struct net_device *dev = vport->dev;

	rtnl_lock();
	netif_stop_queue(dev);
	dev_set_promiscuity(dev, -1);
	if (dev->reg_state == NETREG_REGISTERED)
		unregister_netdevice(dev);
	rtnl_unlock();
}

/*
 * The datapath outputs to the port: the host receives the frame.
 * skb->dev is the internal device, skb->data at the Ethernet header.
 * Context: rcu_read_lock, BH disabled.
 */
static int internal_dev_recv(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	if (unlikely(!(dev->flags & IFF_UP))) {
		DEV_STATS_INC(dev, rx_dropped);
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		DEV_STATS_INC(dev, rx_length_errors);
		DEV_STATS_INC(dev, rx_errors);
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}

	/* The host stack must route and track the packet afresh. */
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	secpath_reset(skb);

	skb->pkt_type = PACKET_HOST;
	skb->protocol = eth_type_trans(skb, dev);
	skb_postpull_rcsum(skb, eth_hdr(skb), ETH_HLEN);
	dev_sw_netstats_rx_add(dev, skb->len);

	netif_rx(skb);
	return NETDEV_TX_OK;
}

static struct vport_ops ovs_internal_vport_ops = {
	.type		= OVS_VPORT_TYPE_INTERNAL,
	.create		= internal_dev_create,
	.destroy	= internal_dev_destroy,
	.send		= internal_dev_recv,
};

/**
 * ovs_is_internal_dev - tell whether a device is an OVS internal port.
 * @netdev: any net_device.
 *
 * Context: any.
 * Return: true if @netdev was created by this module as an internal port.
 */
bool ovs_is_internal_dev(const struct net_device *netdev)
{
	return netdev->netdev_ops == &internal_dev_netdev_ops;
}

/**
 * ovs_internal_dev_get_vport - the vport behind an internal port's device.
 * @dev: any net_device.
 *
 * Context: rcu_read_lock, rtnl or ovs_mutex (the device must be alive).
 * Return: the vport, or NULL if @dev is not an internal port.
 */
struct vport *ovs_internal_dev_get_vport(struct net_device *dev)
{
	if (!ovs_is_internal_dev(dev))
		return NULL;
	return internal_dev_priv(dev)->vport;
}

/**
 * ovs_internal_dev_rtnl_link_register - register the "openvswitch" link
 * kind and the "internal" vport type.
 *
 * Context: module init.
 * Return: 0, or the error of rtnl_link_register() or of the type
 * registration (then nothing stays registered).
 */
int ovs_internal_dev_rtnl_link_register(void)
{
	int err;

	err = rtnl_link_register(&internal_dev_link_ops);
	if (err)
		return err;

	err = ovs_vport_ops_register(&ovs_internal_vport_ops);
	if (err)
		rtnl_link_unregister(&internal_dev_link_ops);
	return err;
}

/**
 * ovs_internal_dev_rtnl_link_unregister - undo
 * ovs_internal_dev_rtnl_link_register().
 *
 * rtnl_link_unregister() deletes any device still of this kind, so every
 * datapath must be gone before.
 * Context: module exit.
 */
void ovs_internal_dev_rtnl_link_unregister(void)
{
	ovs_vport_ops_unregister(&ovs_internal_vport_ops);
	rtnl_link_unregister(&internal_dev_link_ops);
}
