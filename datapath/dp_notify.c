// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ports whose network device goes away.
 *
 * When a device that backs a "netdev" port is unregistered (or moved to
 * another namespace, which the kernel announces the same way), the port
 * must let go of it at once: the notifier runs under RTNL and unhooks the
 * port from the device.  Deleting the port itself needs ovs_mutex, which
 * must never be taken under RTNL, so that part is deferred to a work item
 * of the datapath's namespace; it also tells userspace with an
 * OVS_VPORT_CMD_DEL notification, as the in-tree datapath does.
 *
 * Internal ports are not handled here: their devices belong to the
 * datapath and only go away through it (or with their namespace, see
 * ovs_exit_net()).
 */

#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "datapath.h"
#include "vport.h"

/*
 * Has this non-internal port lost its device?  Either the device is being
 * (or has been) unregistered, or the notifier already unhooked the port
 * from it, e.g. because it moved to another namespace.  ovs_mutex held.
 */
static bool dp_port_lost_device(struct vport *vport)
{
	struct net_device *dev = vport->dev;
	bool lost;

	if (dev->reg_state != NETREG_REGISTERED)
		return true;

	rcu_read_lock();
	lost = ovs_netdev_get_vport(dev) != vport;
	rcu_read_unlock();

	return lost;
}

/* Delete a port and announce it to the vport multicast group. */
static void dp_detach_port_notify(struct datapath *dp, struct vport *vport)
{
	struct net *net = ovs_dp_get_net(dp);
	struct sk_buff *notify;

	/* Build the message while the port still exists. */
	notify = ovs_vport_cmd_build_info(vport, net, 0, 0, OVS_VPORT_CMD_DEL);
	ovs_dp_detach_port(vport);

	if (IS_ERR(notify)) {
		/* Listeners learn that they missed something. */
		genl_set_err(&dp_vport_genl_family, net, 0, 0, PTR_ERR(notify));
		return;
	}

	genlmsg_multicast_netns(&dp_vport_genl_family, net, notify, 0, 0,
				GFP_KERNEL);
}

/**
 * ovs_dp_notify_wq - delete the ports of a namespace that lost their device.
 * @work: the &ovs_net.dp_notify_work of the namespace whose datapaths to
 *	check.
 *
 * Scheduled by the netdevice notifier after it unhooked a port from a device
 * being unregistered.  Walks every datapath of the namespace and, for each
 * non-internal port whose device is gone or which was unhooked, sends an
 * OVS_VPORT_CMD_DEL notification and detaches the port, which releases the
 * device reference the unregistration is waiting for.
 * Context: process context (system workqueue); takes ovs_mutex.
 */
void ovs_dp_notify_wq(struct work_struct *work)
{
	struct ovs_net *ovs_net = container_of(work, struct ovs_net,
					       dp_notify_work);
	struct datapath *dp;

	ovs_lock();
	list_for_each_entry(dp, &ovs_net->dps, list_node) {
		int i;

		for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++) {
			struct hlist_node *next;
			struct vport *vport;

			hlist_for_each_entry_safe(vport, next, &dp->ports[i],
						  dp_hash_node) {
				if (vport->ops->type == OVS_VPORT_TYPE_INTERNAL)
					continue;
				if (dp_port_lost_device(vport))
					dp_detach_port_notify(dp, vport);
			}
		}
	}
	ovs_unlock();
}

/*
 * Netdevice notifier.  Runs under RTNL, so the port, and through it its
 * datapath, cannot be destroyed underneath us: destroying a netdev port
 * unhooks it under RTNL first.
 */
static int dp_device_event(struct notifier_block *unused, unsigned long event,
			   void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct ovs_net *ovs_net;
	struct vport *vport;

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;

	if (ovs_is_internal_dev(dev))
		return NOTIFY_DONE;

	vport = ovs_netdev_get_vport(dev);
	if (!vport)
		return NOTIFY_DONE;

	/* Drop the rx handler, upper link and promiscuity right now. */
	ovs_netdev_detach_dev(vport);

	/* The port itself goes later, under ovs_mutex. */
	ovs_net = net_generic(ovs_dp_get_net(vport->dp), ovs_net_id);
	queue_work(system_wq, &ovs_net->dp_notify_work);

	return NOTIFY_DONE;
}

static struct notifier_block ovs_dp_device_notifier = {
	.notifier_call = dp_device_event,
};

/**
 * ovs_netdev_notifier_register - start watching for devices of netdev ports
 * going away.
 *
 * Context: process context, RTNL not held.
 * Return: 0, or the error from register_netdevice_notifier().
 */
int ovs_netdev_notifier_register(void)
{
	return register_netdevice_notifier(&ovs_dp_device_notifier);
}

/**
 * ovs_netdev_notifier_unregister - stop watching, undoing
 * ovs_netdev_notifier_register().
 *
 * Call it only when no netdev port is left: unregistering replays
 * NETDEV_UNREGISTER for every device.
 * Context: process context, RTNL not held.
 */
void ovs_netdev_notifier_unregister(void)
{
	unregister_netdevice_notifier(&ovs_dp_device_notifier);
}
