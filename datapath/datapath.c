// SPDX-License-Identifier: GPL-2.0-only
/*
 * The datapath core: module entry, the per-namespace list of datapaths, the
 * packet receive entry point and upcalls, and the four generic netlink
 * families (ovs_datapath, ovs_vport, ovs_flow, ovs_packet) through which
 * ovs-vswitchd configures everything.  The wire protocol is the one defined
 * by include/uapi/linux/openvswitch.h and spoken by lib/dpif-netlink.c.
 *
 * Locking: every configuration change runs under ovs_mutex (the families are
 * parallel_ops, so each command takes it itself).  RTNL, when vport code
 * needs it, nests inside ovs_mutex.  The packet path runs under
 * rcu_read_lock with bottom halves disabled and takes no lock.
 */

/* compat.h, included first, already pulled in printk.h's default. */
#undef pr_fmt
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/openvswitch.h>
#include <linux/percpu.h>
#include <linux/rculist.h>
#include <linux/rwsem.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/u64_stats_sync.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

#include "datapath.h"
#include "actions.h"
#include "conntrack.h"
#include "flow.h"
#include "flow_netlink.h"
#include "flow_table.h"
#include "meter.h"
#include "vport.h"

unsigned int ovs_net_id __read_mostly;

/* Flags userspace may request through OVS_DP_ATTR_USER_FEATURES. */
#define OVS_DP_KNOWN_FEATURES	(OVS_DP_F_UNALIGNED | OVS_DP_F_VPORT_PIDS | \
				 OVS_DP_F_TC_RECIRC_SHARING | \
				 OVS_DP_F_DISPATCH_UPCALL_PER_CPU)

/*
 * OVS_PACKET_ATTR_HASH carries the 32-bit skb hash in its low half and two
 * flags above it: the hash was computed in software, and it is an L4 hash.
 */
#define OVS_UPCALL_HASH_SW	BIT_ULL(32)
#define OVS_UPCALL_HASH_L4	BIT_ULL(33)

/*
 * Largest OVS_DP_ATTR_MASKS_CACHE_SIZE: one per-CPU chunk of mask cache
 * entries, each entry being two u32s (skb hash, mask index).
 */
#define OVS_DP_MASKS_CACHE_MAX	(PCPU_MIN_UNIT_SIZE / (2 * sizeof(u32)))

/* How often VPORT_NEW retries when the type asks for it (-EAGAIN). */
#define OVS_VPORT_ADD_RETRIES	3

static struct genl_family dp_datapath_genl_family;
static struct genl_family dp_flow_genl_family;
static struct genl_family dp_packet_genl_family;

/* ------------------------------------------------------------------ */
/* Configuration lock                                                  */
/* ------------------------------------------------------------------ */

static DEFINE_MUTEX(ovs_mutex);

/**
 * ovs_lock - take the configuration lock.
 *
 * Serialises every change to datapaths, ports and flows.  RTNL may be taken
 * while holding it, never the other way round.
 * Context: process context, may sleep.
 */
void ovs_lock(void)
{
	mutex_lock(&ovs_mutex);
}

/**
 * ovs_unlock - release the configuration lock taken by ovs_lock().
 *
 * Context: process context, ovs_mutex held.
 */
void ovs_unlock(void)
{
	mutex_unlock(&ovs_mutex);
}

#ifdef CONFIG_LOCKDEP
/**
 * lockdep_ovsl_is_held - does the current task hold ovs_mutex?
 *
 * Used by the RCU dereference checks.  Once lockdep has turned itself off
 * it can no longer tell, so the answer is then "yes".
 *
 * Return: non-zero when held (or unknown), 0 otherwise.
 */
int lockdep_ovsl_is_held(void)
{
	if (!debug_locks)
		return 1;
	return lockdep_is_held(&ovs_mutex);
}
#endif

/* ------------------------------------------------------------------ */
/* Datapath and port lookup                                            */
/* ------------------------------------------------------------------ */

/* The request header that follows the generic netlink header. */
static struct ovs_header *ovs_info_hdr(const struct genl_info *info)
{
	return genlmsg_data(info->genlhdr);
}

/*
 * A datapath is named on the wire by the ifindex of one of its internal
 * ports (normally the local port).  Caller holds rcu_read_lock.
 */
static struct datapath *get_dp_rcu(struct net *net, int dp_ifindex)
{
	struct net_device *dev;
	struct vport *vport;

	dev = dev_get_by_index_rcu(net, dp_ifindex);
	if (!dev || !ovs_is_internal_dev(dev))
		return NULL;

	vport = ovs_internal_dev_get_vport(dev);
	return vport ? vport->dp : NULL;
}

/* As get_dp_rcu(); the caller holds ovs_mutex, which keeps the dp alive. */
static struct datapath *get_dp(struct net *net, int dp_ifindex)
{
	struct datapath *dp;

	rcu_read_lock();
	dp = get_dp_rcu(net, dp_ifindex);
	rcu_read_unlock();

	return dp;
}

/* Ifindex of the datapath's local port, 0 while it has none. */
static int get_dpifindex(const struct datapath *dp)
{
	struct vport *local;
	int ifindex = 0;

	rcu_read_lock();
	local = ovs_vport_rcu(dp, OVSP_LOCAL);
	if (local)
		ifindex = local->dev->ifindex;
	rcu_read_unlock();

	return ifindex;
}

static struct hlist_head *vport_hash_bucket(const struct datapath *dp,
					    u16 port_no)
{
	return &dp->ports[port_no & (DP_VPORT_HASH_BUCKETS - 1)];
}

/**
 * ovs_lookup_vport - find a datapath's port by number.
 * @dp: the datapath.
 * @port_no: port number, 0 (OVSP_LOCAL) .. DP_MAX_PORTS - 1.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the vport, or NULL if the number is free.
 */
struct vport *ovs_lookup_vport(const struct datapath *dp, u16 port_no)
{
	struct hlist_head *head = vport_hash_bucket(dp, port_no);
	struct vport *vport;

	hlist_for_each_entry_rcu(vport, head, dp_hash_node,
				 lockdep_ovsl_is_held()) {
		if (vport->port_no == port_no)
			return vport;
	}
	return NULL;
}

/**
 * ovs_dp_name - the datapath's name, which is its local port's name.
 * @dp: the datapath.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the name; an empty string once the local port is gone.
 */
const char *ovs_dp_name(const struct datapath *dp)
{
	struct vport *local = ovs_vport_ovsl_rcu(dp, OVSP_LOCAL);

	return local ? local->dev->name : "";
}

/* Create a port and make it visible in its datapath.  ovs_mutex held. */
static struct vport *dp_add_vport(const struct vport_parms *parms)
{
	struct vport *vport;

	vport = ovs_vport_add(parms);
	if (IS_ERR(vport))
		return vport;

	hlist_add_head_rcu(&vport->dp_hash_node,
			   vport_hash_bucket(parms->dp, vport->port_no));
	return vport;
}

/**
 * ovs_dp_detach_port - remove a port from its datapath and destroy it.
 * @p: the port.
 *
 * Unlinks the port from the datapath's port hash (packet-path readers may
 * still see it until an RCU grace period passes; the vport code frees it
 * after one) and hands it to ovs_vport_del().
 * Context: ovs_mutex held, RTNL not held (the vport type may take it).
 */
void ovs_dp_detach_port(struct vport *p)
{
	ASSERT_OVSL();

	hlist_del_rcu(&p->dp_hash_node);
	ovs_vport_del(p);
}

/* ------------------------------------------------------------------ */
/* Packet path                                                         */
/* ------------------------------------------------------------------ */

/**
 * ovs_dp_process_packet - switch one packet received on a port.
 * @skb: the packet, always consumed.  OVS_CB(skb)->input_vport is set.
 * @key: the packet's extracted key; actions may update it.
 *
 * Looks the key up in the flow table.  On a hit the flow's statistics are
 * updated and its actions run; on a miss the packet is queued to userspace
 * as OVS_PACKET_CMD_MISS, to the per-CPU socket when the datapath uses
 * per-CPU dispatch, otherwise to the input port's socket.  Counts n_hit or
 * n_missed (ovs_dp_upcall() adds n_lost when queueing fails) and the mask
 * statistics, as the in-tree datapath does.
 * Context: rcu_read_lock, bottom halves disabled.
 */
void ovs_dp_process_packet(struct sk_buff *skb, struct sw_flow_key *key)
{
	const struct vport *p = OVS_CB(skb)->input_vport;
	struct datapath *dp = p->dp;
	struct dp_stats_percpu *stats = this_cpu_ptr(dp->stats_percpu);
	u32 n_mask_hit = 0, n_cache_hit = 0;
	struct sw_flow *flow;
	u64 *counter;
	int err;

	flow = ovs_flow_tbl_lookup_stats(&dp->table, key, skb_get_hash(skb),
					 &n_mask_hit, &n_cache_hit);
	if (unlikely(!flow)) {
		struct dp_upcall_info upcall = {
			.cmd = OVS_PACKET_CMD_MISS,
			.mru = OVS_CB(skb)->mru,
		};

		if (dp->user_features & OVS_DP_F_DISPATCH_UPCALL_PER_CPU)
			upcall.portid = ovs_dp_get_upcall_portid(dp,
								 smp_processor_id());
		else
			upcall.portid = ovs_vport_find_upcall_portid(p, skb);

		err = ovs_dp_upcall(dp, skb, key, &upcall, 0);
		switch (err) {
		case 0:
		case -EAGAIN:
		case -ERESTARTSYS:
		case -EINTR:
			/* Delivered, or the socket was merely busy. */
			consume_skb(skb);
			break;
		default:
			skb_tx_error(skb);
			kfree_skb(skb);
			break;
		}
		counter = &stats->n_missed;
	} else {
		ovs_flow_stats_update(flow, key->tp.flags, skb);
		err = ovs_execute_actions(dp, skb,
					  rcu_dereference(flow->sf_acts), key);
		if (unlikely(err))
			net_dbg_ratelimited("ovs: action execution error on datapath %s: %d\n",
					    ovs_dp_name(dp), err);
		counter = &stats->n_hit;
	}

	u64_stats_update_begin(&stats->syncp);
	(*counter)++;
	stats->n_mask_hit += n_mask_hit;
	stats->n_cache_hit += n_cache_hit;
	u64_stats_update_end(&stats->syncp);
}

/* Worst-case size of an upcall message's payload. */
static size_t upcall_msg_size(const struct dp_upcall_info *upcall_info,
			      unsigned int hdrlen, size_t actions_len)
{
	size_t size = NLMSG_ALIGN(sizeof(struct ovs_header));

	size += nla_total_size(hdrlen);			/* PACKET (linear part) */
	size += nla_total_size(ovs_key_attr_size());	/* KEY */
	size += nla_total_size(sizeof(u32));		/* LEN */
	size += nla_total_size(sizeof(u64));		/* HASH */

	if (upcall_info->userdata)			/* USERDATA */
		size += NLA_ALIGN(upcall_info->userdata->nla_len);
	if (upcall_info->actions_len)			/* ACTIONS */
		size += nla_total_size(actions_len);
	if (upcall_info->mru)				/* MRU */
		size += nla_total_size(sizeof(u16));
	if (upcall_info->egress_tun_info)		/* EGRESS_TUN_KEY */
		size += nla_total_size(ovs_tun_key_attr_size());

	return size;
}

/*
 * Queue one (non-GSO) packet to userspace.  @skb is not consumed, but it may
 * be modified: a CHECKSUM_PARTIAL packet gets its checksum completed.
 */
static int queue_userspace_packet(struct datapath *dp, struct sk_buff *skb,
				  const struct sw_flow_key *key,
				  const struct dp_upcall_info *upcall_info,
				  u32 cutlen)
{
	struct sk_buff *tagged = NULL, *user_skb = NULL;
	struct ovs_header *upcall;
	unsigned int skb_len, hlen;
	size_t actions_len;
	struct nlattr *nla;
	int dp_ifindex;
	u64 hash;
	int err;

	dp_ifindex = get_dpifindex(dp);
	if (!dp_ifindex)
		return -ENODEV;

	/* Userspace must see an accelerated VLAN tag in the packet itself. */
	if (skb_vlan_tag_present(skb)) {
		tagged = skb_clone(skb, GFP_ATOMIC);
		if (!tagged)
			return -ENOMEM;
		tagged = __vlan_hwaccel_push_inside(tagged);
		if (!tagged)
			return -ENOMEM;
		skb = tagged;
	}

	/*
	 * @cutlen bytes are left out of the copy (truncate action).  A value
	 * that would leave nothing means "no truncation".
	 */
	skb_len = skb->len;
	if (cutlen && cutlen < skb->len)
		skb_len = skb->len - cutlen;

	if (nla_attr_size(skb_len) > USHRT_MAX) {
		err = -EFBIG;
		goto out;
	}

	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		err = skb_csum_hwoffload_help(skb, 0);
		if (err)
			goto out;
	}

	/*
	 * Userspace that accepts an unaligned last attribute lets us attach
	 * the packet's pages instead of copying them; otherwise copy it all
	 * and pad.
	 */
	if (dp->user_features & OVS_DP_F_UNALIGNED)
		hlen = min_t(unsigned int, skb_zerocopy_headlen(skb), skb_len);
	else
		hlen = skb_len;

	actions_len = max_t(size_t, OVS_CB(skb)->acts_origlen,
			    upcall_info->actions_len);
	user_skb = genlmsg_new(upcall_msg_size(upcall_info, hlen, actions_len),
			       GFP_ATOMIC);
	if (!user_skb) {
		err = -ENOMEM;
		goto out;
	}

	upcall = genlmsg_put(user_skb, 0, 0, &dp_packet_genl_family, 0,
			     upcall_info->cmd);
	if (!upcall) {
		err = -EINVAL;
		goto out;
	}
	upcall->dp_ifindex = dp_ifindex;

	err = ovs_nla_put_key(key, key, OVS_PACKET_ATTR_KEY, false, user_skb);
	if (err)
		goto out;

	if (upcall_info->userdata &&
	    nla_put(user_skb, OVS_PACKET_ATTR_USERDATA,
		    nla_len(upcall_info->userdata),
		    nla_data(upcall_info->userdata))) {
		err = -EMSGSIZE;
		goto out;
	}

	if (upcall_info->egress_tun_info &&
	    ovs_nla_put_tunnel_info(user_skb, OVS_PACKET_ATTR_EGRESS_TUN_KEY,
				    upcall_info->egress_tun_info)) {
		err = -EMSGSIZE;
		goto out;
	}

	if (upcall_info->actions_len) {
		nla = nla_nest_start_noflag(user_skb, OVS_PACKET_ATTR_ACTIONS);
		if (!nla) {
			err = -EMSGSIZE;
			goto out;
		}
		/* Like the in-tree datapath, drop only the actions if they
		 * cannot be serialised.
		 */
		if (ovs_nla_put_actions(upcall_info->actions,
					upcall_info->actions_len, user_skb))
			nla_nest_cancel(user_skb, nla);
		else
			nla_nest_end(user_skb, nla);
	}

	if (upcall_info->mru &&
	    nla_put_u16(user_skb, OVS_PACKET_ATTR_MRU, upcall_info->mru)) {
		err = -ENOBUFS;
		goto out;
	}

	if (skb_len < skb->len &&
	    nla_put_u32(user_skb, OVS_PACKET_ATTR_LEN, skb->len)) {
		err = -ENOBUFS;
		goto out;
	}

	hash = skb_get_hash_raw(skb);
#ifdef HAVE_SKB_SW_HASH
	if (skb->sw_hash)
		hash |= OVS_UPCALL_HASH_SW;
#endif
	if (skb->l4_hash)
		hash |= OVS_UPCALL_HASH_L4;
	if (nla_put(user_skb, OVS_PACKET_ATTR_HASH, sizeof(hash), &hash)) {
		err = -ENOBUFS;
		goto out;
	}

	/* The attribute header now; skb_zerocopy() appends the data. */
	nla = nla_reserve(user_skb, OVS_PACKET_ATTR_PACKET, 0);
	if (!nla) {
		err = -ENOBUFS;
		goto out;
	}
	nla->nla_len = nla_attr_size(skb_len);

	err = skb_zerocopy(user_skb, skb, skb_len, hlen);
	if (err)
		goto out;

	if (!(dp->user_features & OVS_DP_F_UNALIGNED)) {
		size_t pad = NLA_ALIGN(user_skb->len) - user_skb->len;

		if (pad)
			skb_put_zero(user_skb, pad);
	}

	nlmsg_hdr(user_skb)->nlmsg_len = user_skb->len;

	err = genlmsg_unicast(ovs_dp_get_net(dp), user_skb, upcall_info->portid);
	user_skb = NULL;
out:
	kfree_skb(user_skb);
	consume_skb(tagged);
	return err;
}

/* Segment a GSO packet and queue every segment; @skb is not consumed. */
static int queue_gso_packets(struct datapath *dp, struct sk_buff *skb,
			     const struct sw_flow_key *key,
			     const struct dp_upcall_info *upcall_info,
			     u32 cutlen)
{
	bool ufo = skb_shinfo(skb)->gso_type & SKB_GSO_UDP;
	const struct sw_flow_key *seg_key = key;
	struct sk_buff *segs, *seg, *next;
	struct sw_flow_key *later_key = NULL;
	int err = 0;

	BUILD_BUG_ON(sizeof(struct ovs_skb_cb) > SKB_GSO_CB_OFFSET);

	segs = __skb_gso_segment(skb, NETIF_F_SG, false);
	if (IS_ERR(segs))
		return PTR_ERR(segs);
	if (!segs)
		return -EINVAL;

	/*
	 * UDP fragmentation offload: the key describes the first fragment,
	 * the others are later fragments.
	 */
	if (ufo && segs->next) {
		later_key = kmemdup(key, sizeof(*key), GFP_ATOMIC);
		if (!later_key) {
			err = -ENOMEM;
			goto free;
		}
		later_key->ip.frag = OVS_FRAG_TYPE_LATER;
	}

	skb_list_walk_safe(segs, seg, next) {
		err = queue_userspace_packet(dp, seg, seg_key, upcall_info,
					     cutlen);
		if (err)
			break;
		if (later_key)
			seg_key = later_key;
	}

free:
	skb_list_walk_safe(segs, seg, next) {
		if (err)
			kfree_skb(seg);
		else
			consume_skb(seg);
	}
	kfree(later_key);
	return err;
}

/**
 * ovs_dp_upcall - queue a packet to userspace.
 * @dp: the datapath.
 * @skb: the packet; not consumed (its checksum may be completed).
 * @key: its flow key, sent as OVS_PACKET_ATTR_KEY.
 * @upcall_info: command (MISS or ACTION), netlink port id and optional
 *	userdata, actions and mru.
 * @cutlen: bytes to leave out from the end of the packet (truncate); 0, or
 *	a value not smaller than the packet, sends it whole.
 *
 * GSO packets are segmented and sent one message per segment.  Any failure
 * is counted in the datapath's n_lost.
 * Context: rcu_read_lock, bottom halves disabled.
 * Return: 0; -ENOTCONN if no port id; -ENODEV if the datapath is going away;
 * -EFBIG if the packet cannot fit a netlink attribute; -ENOMEM; or the
 * netlink error (e.g. -EAGAIN when the socket is full).
 */
int ovs_dp_upcall(struct datapath *dp, struct sk_buff *skb,
		  const struct sw_flow_key *key,
		  const struct dp_upcall_info *upcall_info, uint32_t cutlen)
{
	struct dp_stats_percpu *stats;
	int err;

	if (!upcall_info->portid)
		err = -ENOTCONN;
	else if (skb_is_gso(skb))
		err = queue_gso_packets(dp, skb, key, upcall_info, cutlen);
	else
		err = queue_userspace_packet(dp, skb, key, upcall_info, cutlen);

	if (err) {
		stats = this_cpu_ptr(dp->stats_percpu);
		u64_stats_update_begin(&stats->syncp);
		stats->n_lost++;
		u64_stats_update_end(&stats->syncp);
	}
	return err;
}

/**
 * ovs_dp_get_upcall_portid - the upcall socket of a CPU (per-CPU dispatch).
 * @dp: the datapath.
 * @cpu_id: the CPU the packet is processed on.
 *
 * When userspace gave fewer sockets than there are CPUs the CPU number wraps
 * around, so that no packet is dropped only for that reason.
 * Context: rcu_read_lock.
 * Return: the netlink port id, or 0 if userspace has not configured any.
 */
u32 ovs_dp_get_upcall_portid(const struct datapath *dp, uint32_t cpu_id)
{
	const struct dp_nlsk_pids *pids = rcu_dereference(dp->upcall_portids);

	if (!pids || !pids->n_pids)
		return 0;
	if (cpu_id < pids->n_pids)
		return pids->pids[cpu_id];

	pr_info_ratelimited("cpu_id mismatch with handler threads");
	return pids->pids[cpu_id % pids->n_pids];
}

/* ------------------------------------------------------------------ */
/* Common reply helpers                                                */
/* ------------------------------------------------------------------ */

/* A change notification is needed when asked for or someone listens. */
static bool ovs_must_notify(struct genl_family *family, struct genl_info *info,
			    unsigned int group)
{
	return (info->nlhdr->nlmsg_flags & NLM_F_ECHO) ||
	       genl_has_listeners(family, genl_info_net(info), group);
}

/* Multicast @skb to the family's group and echo it to the requester. */
static void ovs_notify(struct genl_family *family, struct sk_buff *skb,
		       struct genl_info *info)
{
	genl_notify(family, skb, info, 0, GFP_KERNEL);
}

/* ------------------------------------------------------------------ */
/* ovs_packet family                                                   */
/* ------------------------------------------------------------------ */

static const struct nla_policy packet_policy[OVS_PACKET_ATTR_MAX + 1] = {
	[OVS_PACKET_ATTR_PACKET] = { .len = ETH_HLEN },
	[OVS_PACKET_ATTR_KEY] = { .type = NLA_NESTED },
	[OVS_PACKET_ATTR_ACTIONS] = { .type = NLA_NESTED },
	[OVS_PACKET_ATTR_PROBE] = { .type = NLA_FLAG },
	[OVS_PACKET_ATTR_MRU] = { .type = NLA_U16 },
	[OVS_PACKET_ATTR_HASH] = { .type = NLA_U64 },
};

static int ovs_packet_cmd_execute(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = sock_net(skb->sk);
	struct nlattr **a = info->attrs;
	bool log = !a[OVS_PACKET_ATTR_PROBE];
	struct sw_flow_actions *acts = NULL;
	struct sw_flow_key *key = NULL;
	struct vport *input_vport;
	struct sk_buff *packet;
	struct datapath *dp;
	__be16 eth_type;
	int len, err;

	if (!a[OVS_PACKET_ATTR_PACKET]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing packet data");
		return -EINVAL;
	}
	if (!a[OVS_PACKET_ATTR_KEY]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing packet metadata key");
		return -EINVAL;
	}
	if (!a[OVS_PACKET_ATTR_ACTIONS]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing packet actions");
		return -EINVAL;
	}

	len = nla_len(a[OVS_PACKET_ATTR_PACKET]);
	if (len < ETH_HLEN) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_PACKET_ATTR_PACKET],
				    "Packet shorter than an Ethernet header");
		return -EINVAL;
	}

	packet = __dev_alloc_skb(NET_IP_ALIGN + len, GFP_KERNEL);
	if (!packet)
		return -ENOMEM;
	skb_reserve(packet, NET_IP_ALIGN);
	nla_memcpy(__skb_put(packet, len), a[OVS_PACKET_ATTR_PACKET], len);

	skb_reset_mac_header(packet);
	eth_type = eth_hdr(packet)->h_proto;
	packet->protocol = eth_proto_is_802_3(eth_type) ? eth_type :
							 htons(ETH_P_802_2);

	if (a[OVS_PACKET_ATTR_MRU]) {
		OVS_CB(packet)->mru = nla_get_u16(a[OVS_PACKET_ATTR_MRU]);
		packet->ignore_df = 1;
	}
	OVS_CB(packet)->cutlen = 0;

	if (a[OVS_PACKET_ATTR_HASH]) {
		u64 hash = nla_get_u64(a[OVS_PACKET_ATTR_HASH]);

		__skb_set_hash(packet, lower_32_bits(hash),
			       !!(hash & OVS_UPCALL_HASH_SW),
			       !!(hash & OVS_UPCALL_HASH_L4));
	}

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key) {
		err = -ENOMEM;
		goto err_free_packet;
	}

	err = ovs_flow_key_extract_userspace(net, a[OVS_PACKET_ATTR_KEY],
					     packet, key, log);
	if (err) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_PACKET_ATTR_KEY],
				    "Invalid packet metadata or headers");
		goto err_free_packet;
	}

	err = ovs_nla_copy_actions(net, a[OVS_PACKET_ATTR_ACTIONS], key, &acts,
				   log);
	if (err) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_PACKET_ATTR_ACTIONS],
				    "Invalid or unsupported actions");
		goto err_free_packet;
	}

	packet->priority = key->phy.priority;
	packet->mark = key->phy.skb_mark;

	rcu_read_lock();
	dp = get_dp_rcu(net, ovs_header->dp_ifindex);
	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto err_unlock;
	}

	input_vport = ovs_vport_rcu(dp, key->phy.in_port);
	if (!input_vport)
		input_vport = ovs_vport_rcu(dp, OVSP_LOCAL);
	if (!input_vport) {
		NL_SET_ERR_MSG_MOD(extack, "Datapath has no local port");
		err = -ENODEV;
		goto err_unlock;
	}

	packet->dev = input_vport->dev;
	OVS_CB(packet)->input_vport = input_vport;

	local_bh_disable();
	err = ovs_execute_actions(dp, packet, acts, key);
	local_bh_enable();
	rcu_read_unlock();

	ovs_nla_free_flow_actions(acts);
	kfree(key);
	return err;

err_unlock:
	rcu_read_unlock();
err_free_packet:
	ovs_nla_free_flow_actions(acts);
	kfree(key);
	kfree_skb(packet);
	return err;
}

static const struct genl_small_ops dp_packet_genl_ops[] = {
	{
		.cmd = OVS_PACKET_CMD_EXECUTE,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_packet_cmd_execute,
	},
};

static struct genl_family dp_packet_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_PACKET_FAMILY,
	.version = OVS_PACKET_VERSION,
	.maxattr = OVS_PACKET_ATTR_MAX,
	.policy = packet_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_packet_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_packet_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_PACKET_CMD_EXECUTE + 1,
#endif
	.module = THIS_MODULE,
};

/* ------------------------------------------------------------------ */
/* ovs_flow family                                                     */
/* ------------------------------------------------------------------ */

static const struct nla_policy flow_policy[OVS_FLOW_ATTR_MAX + 1] = {
	[OVS_FLOW_ATTR_KEY] = { .type = NLA_NESTED },
	[OVS_FLOW_ATTR_MASK] = { .type = NLA_NESTED },
	[OVS_FLOW_ATTR_ACTIONS] = { .type = NLA_NESTED },
	[OVS_FLOW_ATTR_CLEAR] = { .type = NLA_FLAG },
	[OVS_FLOW_ATTR_PROBE] = { .type = NLA_FLAG },
	[OVS_FLOW_ATTR_UFID] = { .type = NLA_UNSPEC, .len = 1 },
	[OVS_FLOW_ATTR_UFID_FLAGS] = { .type = NLA_U32 },
};

/*
 * Per-request scratch space for flow commands: keys and masks are too big
 * to keep several of them on the stack.
 */
struct flow_cmd_scratch {
	struct sw_flow_key key;		/* unmasked key from userspace */
	struct sw_flow_key masked_key;	/* key & mask, to check actions */
	struct sw_flow_mask mask;
	struct sw_flow_match match;
};

static bool ovs_identifier_is_ufid(const struct sw_flow_id *sfid)
{
	return sfid->ufid_len;
}

static bool ovs_identifier_is_key(const struct sw_flow_id *sfid)
{
	return !sfid->ufid_len;
}

/* The masked key is sent in addition to the UFID unless omitted. */
static bool should_fill_key(const struct sw_flow_id *sfid, u32 ufid_flags)
{
	return ovs_identifier_is_ufid(sfid) &&
	       !(ufid_flags & OVS_UFID_F_OMIT_KEY);
}

static bool should_fill_mask(u32 ufid_flags)
{
	return !(ufid_flags & OVS_UFID_F_OMIT_MASK);
}

static bool should_fill_actions(u32 ufid_flags)
{
	return !(ufid_flags & OVS_UFID_F_OMIT_ACTIONS);
}

/* Payload size of a reply describing a flow with @acts and @sfid. */
static size_t ovs_flow_cmd_msg_size(const struct sw_flow_actions *acts,
				    const struct sw_flow_id *sfid,
				    u32 ufid_flags)
{
	size_t len = NLMSG_ALIGN(sizeof(struct ovs_header));

	/* UFID, or the unmasked key standing in for it. */
	if (sfid && ovs_identifier_is_ufid(sfid))
		len += nla_total_size(sfid->ufid_len);
	else
		len += nla_total_size(ovs_key_attr_size());

	if (!sfid || should_fill_key(sfid, ufid_flags))
		len += nla_total_size(ovs_key_attr_size());	/* KEY */
	if (should_fill_mask(ufid_flags))
		len += nla_total_size(ovs_key_attr_size());	/* MASK */
	if (should_fill_actions(ufid_flags))
		len += nla_total_size(acts->orig_len);		/* ACTIONS */

	len += nla_total_size_64bit(sizeof(struct ovs_flow_stats)); /* STATS */
	len += nla_total_size(1);				/* TCP_FLAGS */
	len += nla_total_size_64bit(sizeof(u64));		/* USED */

	return len;
}

/* USED, STATS and TCP_FLAGS, each only when there is something to say. */
static int ovs_flow_cmd_fill_stats(const struct sw_flow *flow,
				   struct sk_buff *skb)
{
	struct ovs_flow_stats stats;
	unsigned long used;
	__be16 tcp_flags;
	u8 flags8;

	ovs_flow_stats_get(flow, &stats, &used, &tcp_flags);

	if (used &&
	    nla_put_u64_64bit(skb, OVS_FLOW_ATTR_USED, ovs_flow_used_time(used),
			      OVS_FLOW_ATTR_PAD))
		return -EMSGSIZE;

	if (stats.n_packets &&
	    nla_put_64bit(skb, OVS_FLOW_ATTR_STATS, sizeof(stats), &stats,
			  OVS_FLOW_ATTR_PAD))
		return -EMSGSIZE;

	flags8 = (u8)ntohs(tcp_flags);
	if (flags8 && nla_put_u8(skb, OVS_FLOW_ATTR_TCP_FLAGS, flags8))
		return -EMSGSIZE;

	return 0;
}

/*
 * OVS_FLOW_ATTR_ACTIONS.  A single action list may be larger than a dump
 * buffer; when it does not fit and this flow is the first message in the
 * buffer (@skb_orig_len == 0), the flow is sent without its actions rather
 * than never.  Userspace can fetch them with a GET.  Replies to single-flow
 * requests are always sized to fit.
 */
static int ovs_flow_cmd_fill_actions(const struct sw_flow *flow,
				     struct sk_buff *skb, int skb_orig_len)
{
	const struct sw_flow_actions *sf_acts;
	struct nlattr *start;
	int err;

	start = nla_nest_start_noflag(skb, OVS_FLOW_ATTR_ACTIONS);
	if (!start)
		return skb_orig_len ? -EMSGSIZE : 0;

	sf_acts = rcu_dereference_ovsl(flow->sf_acts);
	err = ovs_nla_put_actions(sf_acts->actions, sf_acts->actions_len, skb);
	if (!err) {
		nla_nest_end(skb, start);
		return 0;
	}
	if (skb_orig_len)
		return err;

	nla_nest_cancel(skb, start);
	return 0;
}

/* One flow message.  ovs_mutex (or RCU) held. */
static int ovs_flow_cmd_fill_info(const struct sw_flow *flow, int dp_ifindex,
				  struct sk_buff *skb, u32 portid, u32 seq,
				  u32 flags, u8 cmd, u32 ufid_flags)
{
	const int skb_orig_len = skb->len;
	struct ovs_header *ovs_header;
	int err;

	ovs_header = genlmsg_put(skb, portid, seq, &dp_flow_genl_family, flags,
				 cmd);
	if (!ovs_header)
		return -EMSGSIZE;
	ovs_header->dp_ifindex = dp_ifindex;

	err = ovs_nla_put_identifier(flow, skb);
	if (err)
		goto cancel;

	if (should_fill_key(&flow->id, ufid_flags)) {
		err = ovs_nla_put_masked_key(flow, skb);
		if (err)
			goto cancel;
	}

	if (should_fill_mask(ufid_flags)) {
		err = ovs_nla_put_mask(flow, skb);
		if (err)
			goto cancel;
	}

	err = ovs_flow_cmd_fill_stats(flow, skb);
	if (err)
		goto cancel;

	if (should_fill_actions(ufid_flags)) {
		err = ovs_flow_cmd_fill_actions(flow, skb, skb_orig_len);
		if (err)
			goto cancel;
	}

	genlmsg_end(skb, ovs_header);
	return 0;

cancel:
	genlmsg_cancel(skb, ovs_header);
	return err;
}

/*
 * A reply buffer for a flow, or NULL when nobody needs one (no NLM_F_ECHO,
 * no listener) and @always is false.  Must not be called under RCU.
 */
static struct sk_buff *ovs_flow_cmd_alloc_info(const struct sw_flow_actions *acts,
					       const struct sw_flow_id *sfid,
					       struct genl_info *info,
					       bool always, u32 ufid_flags)
{
	struct sk_buff *skb;

	if (!always && !ovs_must_notify(&dp_flow_genl_family, info, 0))
		return NULL;

	skb = genlmsg_new(ovs_flow_cmd_msg_size(acts, sfid, ufid_flags),
			  GFP_KERNEL);
	return skb ? skb : ERR_PTR(-ENOMEM);
}

/* Allocate and fill a reply for @flow.  ovs_mutex held. */
static struct sk_buff *ovs_flow_cmd_build_info(const struct sw_flow *flow,
					       int dp_ifindex,
					       struct genl_info *info, u8 cmd,
					       bool always, u32 ufid_flags)
{
	struct sk_buff *skb;
	int err;

	skb = ovs_flow_cmd_alloc_info(ovsl_dereference(flow->sf_acts),
				      &flow->id, info, always, ufid_flags);
	if (IS_ERR_OR_NULL(skb))
		return skb;

	err = ovs_flow_cmd_fill_info(flow, dp_ifindex, skb, info->snd_portid,
				     info->snd_seq, 0, cmd, ufid_flags);
	if (WARN_ON_ONCE(err < 0)) {
		kfree_skb(skb);
		return ERR_PTR(err);
	}
	return skb;
}

/* Fill a preallocated reply; a sizing bug only loses the notification. */
static void ovs_flow_cmd_fill_reply(struct sk_buff **reply,
				    const struct sw_flow *flow, int dp_ifindex,
				    struct genl_info *info, u8 cmd,
				    u32 ufid_flags)
{
	int err;

	if (!*reply)
		return;

	err = ovs_flow_cmd_fill_info(flow, dp_ifindex, *reply,
				     info->snd_portid, info->snd_seq, 0, cmd,
				     ufid_flags);
	if (WARN_ON_ONCE(err < 0)) {
		kfree_skb(*reply);
		*reply = NULL;
	}
}

static int ovs_flow_cmd_new(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = sock_net(skb->sk);
	struct nlattr **a = info->attrs;
	bool log = !a[OVS_FLOW_ATTR_PROBE];
	u32 ufid_flags = ovs_nla_get_ufid_flags(a[OVS_FLOW_ATTR_UFID_FLAGS]);
	struct sw_flow_actions *acts = NULL, *old_acts;
	struct sw_flow *flow = NULL, *new_flow;
	struct flow_cmd_scratch *s = NULL;
	struct sk_buff *reply = NULL;
	struct datapath *dp;
	int err;

	if (!a[OVS_FLOW_ATTR_KEY]) {
		OVS_NLERR(log, "Flow key attr not present in new flow.");
		NL_SET_ERR_MSG_MOD(extack, "Missing flow key");
		return -EINVAL;
	}
	if (!a[OVS_FLOW_ATTR_ACTIONS]) {
		OVS_NLERR(log, "Flow actions attr not present in new flow.");
		NL_SET_ERR_MSG_MOD(extack, "Missing flow actions");
		return -EINVAL;
	}

	/* Usually the flow is new: prepare everything before locking. */
	new_flow = ovs_flow_alloc();
	if (IS_ERR(new_flow))
		return PTR_ERR(new_flow);

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		err = -ENOMEM;
		goto err_free_flow;
	}

	ovs_match_init(&s->match, &s->key, false, &s->mask);
	err = ovs_nla_get_match(net, &s->match, a[OVS_FLOW_ATTR_KEY],
				a[OVS_FLOW_ATTR_MASK], log);
	if (err) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_FLOW_ATTR_KEY],
				    "Invalid or inconsistent flow key or mask");
		goto err_free_flow;
	}

	ovs_flow_mask_key(&new_flow->key, &s->key, true, &s->mask);

	err = ovs_nla_get_identifier(&new_flow->id, a[OVS_FLOW_ATTR_UFID],
				     &s->key, log);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "Cannot record flow identifier");
		goto err_free_flow;
	}

	err = ovs_nla_copy_actions(net, a[OVS_FLOW_ATTR_ACTIONS],
				   &new_flow->key, &acts, log);
	if (err) {
		OVS_NLERR(log, "Flow actions may not be safe on all matching packets.");
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_FLOW_ATTR_ACTIONS],
				    "Invalid or unsupported flow actions");
		goto err_free_flow;
	}

	reply = ovs_flow_cmd_alloc_info(acts, &new_flow->id, info, false,
					ufid_flags);
	if (IS_ERR(reply)) {
		err = PTR_ERR(reply);
		reply = NULL;
		goto err_free_acts;
	}

	ovs_lock();
	dp = get_dp(net, ovs_header->dp_ifindex);
	if (unlikely(!dp)) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto err_unlock;
	}

	/* An existing flow with the same UFID, or one this key hits? */
	if (ovs_identifier_is_ufid(&new_flow->id))
		flow = ovs_flow_tbl_lookup_ufid(&dp->table, &new_flow->id);
	if (!flow)
		flow = ovs_flow_tbl_lookup(&dp->table, &s->key);

	if (likely(!flow)) {
		rcu_assign_pointer(new_flow->sf_acts, acts);
		err = ovs_flow_tbl_insert(&dp->table, new_flow, &s->mask);
		if (unlikely(err)) {
			/* The actions now go with new_flow. */
			acts = NULL;
			NL_SET_ERR_MSG_MOD(extack, "Cannot insert flow");
			goto err_unlock;
		}
		ovs_flow_cmd_fill_reply(&reply, new_flow, ovs_header->dp_ifindex,
					info, OVS_FLOW_CMD_NEW, ufid_flags);
		ovs_unlock();
	} else {
		/*
		 * Only a plain NEW may modify an existing flow.  NLM_F_CREATE
		 * stands in for NLM_F_EXCL, which generic netlink would take
		 * for a dump request; both are honoured.
		 */
		if (info->nlhdr->nlmsg_flags & (NLM_F_CREATE | NLM_F_EXCL)) {
			NL_SET_ERR_MSG_MOD(extack, "Flow already exists");
			err = -EEXIST;
			goto err_unlock;
		}

		/* The flow found must be this exact key and mask. */
		if (unlikely(!ovs_flow_cmp(flow, &s->match))) {
			if (ovs_identifier_is_key(&flow->id))
				flow = ovs_flow_tbl_lookup_exact(&dp->table,
								 &s->match);
			else
				flow = NULL;	/* same UFID, other key */
			if (!flow) {
				NL_SET_ERR_MSG_MOD(extack,
						   "Flow overlaps an existing flow with a different key or mask");
				err = -ENOENT;
				goto err_unlock;
			}
		}

		/* The existing flow may be identified differently. */
		if (reply && ovs_flow_cmd_msg_size(acts, &new_flow->id, ufid_flags) <
			     ovs_flow_cmd_msg_size(acts, &flow->id, ufid_flags)) {
			struct sk_buff *resized;

			resized = ovs_flow_cmd_alloc_info(acts, &flow->id, info,
							  false, ufid_flags);
			if (IS_ERR(resized)) {
				err = PTR_ERR(resized);
				goto err_unlock;
			}
			kfree_skb(reply);
			reply = resized;
		}

		old_acts = ovsl_dereference(flow->sf_acts);
		rcu_assign_pointer(flow->sf_acts, acts);
		ovs_flow_cmd_fill_reply(&reply, flow, ovs_header->dp_ifindex,
					info, OVS_FLOW_CMD_NEW, ufid_flags);
		ovs_unlock();

		ovs_nla_free_flow_actions_rcu(old_acts);
		ovs_flow_free(new_flow, false);
	}

	if (reply)
		ovs_notify(&dp_flow_genl_family, reply, info);
	kfree(s);
	return 0;

err_unlock:
	ovs_unlock();
	kfree_skb(reply);
err_free_acts:
	ovs_nla_free_flow_actions(acts);
err_free_flow:
	kfree(s);
	ovs_flow_free(new_flow, false);
	return err;
}

/*
 * Parse OVS_FLOW_ATTR_KEY (and MASK) into @s->match.  Without a mask
 * attribute the mask is exact for every field the key carries.
 */
static int flow_cmd_parse_match(struct net *net, struct flow_cmd_scratch *s,
				struct nlattr **a, bool with_mask, bool log,
				struct netlink_ext_ack *extack)
{
	int err;

	ovs_match_init(&s->match, &s->key, true, &s->mask);
	err = ovs_nla_get_match(net, &s->match, a[OVS_FLOW_ATTR_KEY],
				with_mask ? a[OVS_FLOW_ATTR_MASK] : NULL, log);
	if (err)
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_FLOW_ATTR_KEY],
				    "Invalid or inconsistent flow key or mask");
	return err;
}

static int ovs_flow_cmd_set(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = sock_net(skb->sk);
	struct nlattr **a = info->attrs;
	bool log = !a[OVS_FLOW_ATTR_PROBE];
	u32 ufid_flags = ovs_nla_get_ufid_flags(a[OVS_FLOW_ATTR_UFID_FLAGS]);
	struct sw_flow_actions *old_acts = NULL, *acts = NULL;
	struct flow_cmd_scratch *s;
	struct sk_buff *reply = NULL;
	struct sw_flow_id sfid = {};
	struct sw_flow *flow;
	struct datapath *dp;
	bool ufid_present;
	int err;

	ufid_present = ovs_nla_get_ufid(&sfid, a[OVS_FLOW_ATTR_UFID], log);
	if (!a[OVS_FLOW_ATTR_KEY] && !ufid_present) {
		OVS_NLERR(log, "Flow set message rejected, Key attribute missing.");
		NL_SET_ERR_MSG_MOD(extack, "Missing flow key or UFID");
		return -EINVAL;
	}
	if (a[OVS_FLOW_ATTR_ACTIONS] && !a[OVS_FLOW_ATTR_KEY]) {
		OVS_NLERR(log, "Flow key attribute not present in set flow.");
		NL_SET_ERR_MSG_MOD(extack, "New actions require the flow key");
		return -EINVAL;
	}

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	if (a[OVS_FLOW_ATTR_KEY]) {
		err = flow_cmd_parse_match(net, s, a, true, log, extack);
		if (err)
			goto out_free;
	}

	if (a[OVS_FLOW_ATTR_ACTIONS]) {
		ovs_flow_mask_key(&s->masked_key, &s->key, true, &s->mask);
		err = ovs_nla_copy_actions(net, a[OVS_FLOW_ATTR_ACTIONS],
					   &s->masked_key, &acts, log);
		if (err) {
			OVS_NLERR(log, "Actions may not be safe on all matching packets");
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_FLOW_ATTR_ACTIONS],
					    "Invalid or unsupported flow actions");
			goto out_free;
		}

		/* With the actions known the reply can be sized now. */
		reply = ovs_flow_cmd_alloc_info(acts, &sfid, info, false,
						ufid_flags);
		if (IS_ERR(reply)) {
			err = PTR_ERR(reply);
			reply = NULL;
			goto out_free_acts;
		}
	}

	ovs_lock();
	dp = get_dp(net, ovs_header->dp_ifindex);
	if (unlikely(!dp)) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto out_unlock;
	}

	if (ufid_present)
		flow = ovs_flow_tbl_lookup_ufid(&dp->table, &sfid);
	else
		flow = ovs_flow_tbl_lookup_exact(&dp->table, &s->match);
	if (unlikely(!flow)) {
		NL_SET_ERR_MSG_MOD(extack, "Flow not found");
		err = -ENOENT;
		goto out_unlock;
	}

	if (acts) {
		old_acts = ovsl_dereference(flow->sf_acts);
		rcu_assign_pointer(flow->sf_acts, acts);
		acts = NULL;
		ovs_flow_cmd_fill_reply(&reply, flow, ovs_header->dp_ifindex,
					info, OVS_FLOW_CMD_SET, ufid_flags);
	} else {
		reply = ovs_flow_cmd_build_info(flow, ovs_header->dp_ifindex,
						info, OVS_FLOW_CMD_SET, false,
						ufid_flags);
		if (IS_ERR(reply)) {
			err = PTR_ERR(reply);
			reply = NULL;
			goto out_unlock;
		}
	}

	/* The reply carries the statistics from before the reset. */
	if (a[OVS_FLOW_ATTR_CLEAR])
		ovs_flow_stats_clear(flow);
	ovs_unlock();

	if (reply)
		ovs_notify(&dp_flow_genl_family, reply, info);
	ovs_nla_free_flow_actions_rcu(old_acts);
	kfree(s);
	return 0;

out_unlock:
	ovs_unlock();
	kfree_skb(reply);
out_free_acts:
	ovs_nla_free_flow_actions(acts);
out_free:
	kfree(s);
	return err;
}

/* Locate the flow named by UFID or by key for GET and DEL.  ovs_mutex. */
static struct sw_flow *flow_cmd_find(struct datapath *dp, bool ufid_present,
				     const struct sw_flow_id *ufid,
				     const struct flow_cmd_scratch *s)
{
	if (ufid_present)
		return ovs_flow_tbl_lookup_ufid(&dp->table, ufid);
	return ovs_flow_tbl_lookup_exact(&dp->table, &s->match);
}

static int ovs_flow_cmd_get(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = sock_net(skb->sk);
	struct nlattr **a = info->attrs;
	bool log = !a[OVS_FLOW_ATTR_PROBE];
	u32 ufid_flags = ovs_nla_get_ufid_flags(a[OVS_FLOW_ATTR_UFID_FLAGS]);
	struct flow_cmd_scratch *s;
	struct sw_flow_id ufid = {};
	struct sk_buff *reply;
	struct sw_flow *flow;
	struct datapath *dp;
	bool ufid_present;
	int err;

	ufid_present = ovs_nla_get_ufid(&ufid, a[OVS_FLOW_ATTR_UFID], log);
	if (!a[OVS_FLOW_ATTR_KEY] && !ufid_present) {
		OVS_NLERR(log, "Flow get message rejected, Key attribute missing.");
		NL_SET_ERR_MSG_MOD(extack, "Missing flow key or UFID");
		return -EINVAL;
	}

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	if (a[OVS_FLOW_ATTR_KEY]) {
		err = flow_cmd_parse_match(net, s, a, false, log, extack);
		if (err)
			goto out_free;
	}

	ovs_lock();
	dp = get_dp(net, ovs_header->dp_ifindex);
	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto out_unlock;
	}

	flow = flow_cmd_find(dp, ufid_present, &ufid, s);
	if (!flow) {
		NL_SET_ERR_MSG_MOD(extack, "Flow not found");
		err = -ENOENT;
		goto out_unlock;
	}

	reply = ovs_flow_cmd_build_info(flow, ovs_header->dp_ifindex, info,
					OVS_FLOW_CMD_GET, true, ufid_flags);
	if (IS_ERR(reply)) {
		err = PTR_ERR(reply);
		goto out_unlock;
	}
	ovs_unlock();
	kfree(s);

	return genlmsg_reply(reply, info);

out_unlock:
	ovs_unlock();
out_free:
	kfree(s);
	return err;
}

static int ovs_flow_cmd_del(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = sock_net(skb->sk);
	struct nlattr **a = info->attrs;
	bool log = !a[OVS_FLOW_ATTR_PROBE];
	u32 ufid_flags = ovs_nla_get_ufid_flags(a[OVS_FLOW_ATTR_UFID_FLAGS]);
	struct flow_cmd_scratch *s;
	struct sw_flow_id ufid = {};
	struct sk_buff *reply;
	struct sw_flow *flow;
	struct datapath *dp;
	bool ufid_present;
	int err;

	ufid_present = ovs_nla_get_ufid(&ufid, a[OVS_FLOW_ATTR_UFID], log);

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	if (a[OVS_FLOW_ATTR_KEY]) {
		err = flow_cmd_parse_match(net, s, a, false, log, extack);
		if (err)
			goto out_free;
	}

	ovs_lock();
	dp = get_dp(net, ovs_header->dp_ifindex);
	if (unlikely(!dp)) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto out_unlock;
	}

	/* Neither key nor UFID: delete every flow. */
	if (unlikely(!a[OVS_FLOW_ATTR_KEY] && !ufid_present)) {
		err = ovs_flow_tbl_flush(&dp->table);
		if (err)
			NL_SET_ERR_MSG_MOD(extack, "Flow table flush failed");
		goto out_unlock;
	}

	flow = flow_cmd_find(dp, ufid_present, &ufid, s);
	if (unlikely(!flow)) {
		NL_SET_ERR_MSG_MOD(extack, "Flow not found");
		err = -ENOENT;
		goto out_unlock;
	}

	reply = ovs_flow_cmd_alloc_info(ovsl_dereference(flow->sf_acts),
					&flow->id, info, false, ufid_flags);
	if (IS_ERR(reply)) {
		/* Tell listeners they missed an event; delete anyway. */
		genl_set_err(&dp_flow_genl_family, net, 0, 0, PTR_ERR(reply));
		reply = NULL;
	}
	/* Fill before removing: the flow's mask may go with it. */
	ovs_flow_cmd_fill_reply(&reply, flow, ovs_header->dp_ifindex, info,
				OVS_FLOW_CMD_DEL, ufid_flags);
	ovs_flow_tbl_remove(&dp->table, flow);
	ovs_unlock();

	if (reply)
		ovs_notify(&dp_flow_genl_family, reply, info);
	ovs_flow_free(flow, true);
	kfree(s);
	return 0;

out_unlock:
	ovs_unlock();
out_free:
	kfree(s);
	return err;
}

/*
 * Dump the flow table.  The table cursor lives in cb->args[0] (low 32 bits)
 * and cb->args[1] (high 32 bits); it only advances past flows that made it
 * into the buffer.
 */
static int ovs_flow_cmd_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr *a[OVS_FLOW_ATTR_MAX + 1];
	struct ovs_header *ovs_header;
	struct datapath *dp;
	u32 ufid_flags;
	u64 pos;
	int err;

	err = genlmsg_parse_deprecated(cb->nlh, &dp_flow_genl_family, a,
				       OVS_FLOW_ATTR_MAX, flow_policy,
				       ovs_cb_extack(cb));
	if (err)
		return err;
	ufid_flags = ovs_nla_get_ufid_flags(a[OVS_FLOW_ATTR_UFID_FLAGS]);
	ovs_header = genlmsg_data(nlmsg_data(cb->nlh));

	pos = (u64)(u32)cb->args[0] | ((u64)(u32)cb->args[1] << 32);

	ovs_lock();
	dp = get_dp(sock_net(skb->sk), ovs_header->dp_ifindex);
	if (!dp) {
		ovs_unlock();
		NL_SET_ERR_MSG_MOD(ovs_cb_extack(cb), "No datapath with this ifindex");
		return -ENODEV;
	}

	for (;;) {
		struct sw_flow *flow;
		u64 next = pos;

		flow = ovs_flow_tbl_dump_next(&dp->table, &next);
		if (!flow)
			break;
		if (ovs_flow_cmd_fill_info(flow, ovs_header->dp_ifindex, skb,
					   NETLINK_CB(cb->skb).portid,
					   cb->nlh->nlmsg_seq, NLM_F_MULTI,
					   OVS_FLOW_CMD_GET, ufid_flags) < 0)
			break;
		pos = next;
	}
	ovs_unlock();

	cb->args[0] = lower_32_bits(pos);
	cb->args[1] = upper_32_bits(pos);
	return skb->len;
}

static const struct genl_small_ops dp_flow_genl_ops[] = {
	{
		.cmd = OVS_FLOW_CMD_NEW,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_flow_cmd_new,
	},
	{
		.cmd = OVS_FLOW_CMD_DEL,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_flow_cmd_del,
	},
	{
		.cmd = OVS_FLOW_CMD_GET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_flow_cmd_get,
		.dumpit = ovs_flow_cmd_dump,
	},
	{
		.cmd = OVS_FLOW_CMD_SET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_flow_cmd_set,
	},
};

static const struct genl_multicast_group dp_flow_mcgroups[] = {
	{ .name = OVS_FLOW_MCGROUP },
};

static struct genl_family dp_flow_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_FLOW_FAMILY,
	.version = OVS_FLOW_VERSION,
	.maxattr = OVS_FLOW_ATTR_MAX,
	.policy = flow_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_flow_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_flow_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_FLOW_CMD_SET + 1,
#endif
	.mcgrps = dp_flow_mcgroups,
	.n_mcgrps = ARRAY_SIZE(dp_flow_mcgroups),
	.module = THIS_MODULE,
};

/* ------------------------------------------------------------------ */
/* ovs_datapath family                                                 */
/* ------------------------------------------------------------------ */

static const struct nla_policy datapath_policy[OVS_DP_ATTR_MAX + 1] = {
	[OVS_DP_ATTR_NAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[OVS_DP_ATTR_UPCALL_PID] = { .type = NLA_U32 },
	[OVS_DP_ATTR_USER_FEATURES] = { .type = NLA_U32 },
	[OVS_DP_ATTR_MASKS_CACHE_SIZE] =
		NLA_POLICY_RANGE(NLA_U32, 0, OVS_DP_MASKS_CACHE_MAX),
	[OVS_DP_ATTR_IFINDEX] = NLA_POLICY_MIN(NLA_S32, 0),
};

static size_t ovs_dp_cmd_msg_size(void)
{
	size_t size = NLMSG_ALIGN(sizeof(struct ovs_header));

	size += nla_total_size(IFNAMSIZ);				/* NAME */
	size += nla_total_size_64bit(sizeof(struct ovs_dp_stats));	/* STATS */
	size += nla_total_size_64bit(sizeof(struct ovs_dp_megaflow_stats));
	size += nla_total_size(sizeof(u32));		/* USER_FEATURES */
	size += nla_total_size(sizeof(u32));		/* MASKS_CACHE_SIZE */
	size += nla_total_size(sizeof(u32) * nr_cpu_ids); /* PER_CPU_PIDS */

	return size;
}

static struct sk_buff *ovs_dp_cmd_alloc_info(void)
{
	return genlmsg_new(ovs_dp_cmd_msg_size(), GFP_KERNEL);
}

/* Fold the per-CPU counters. */
static void get_dp_stats(const struct datapath *dp, struct ovs_dp_stats *stats,
			 struct ovs_dp_megaflow_stats *mega)
{
	int cpu;

	memset(stats, 0, sizeof(*stats));
	memset(mega, 0, sizeof(*mega));

	stats->n_flows = ovs_flow_tbl_count(&dp->table);
	mega->n_masks = ovs_flow_tbl_num_masks(&dp->table);

	for_each_possible_cpu(cpu) {
		const struct dp_stats_percpu *pcpu;
		u64 hit, missed, lost, mask_hit, cache_hit;
		unsigned int start;

		pcpu = per_cpu_ptr(dp->stats_percpu, cpu);
		do {
			start = u64_stats_fetch_begin(&pcpu->syncp);
			hit = pcpu->n_hit;
			missed = pcpu->n_missed;
			lost = pcpu->n_lost;
			mask_hit = pcpu->n_mask_hit;
			cache_hit = pcpu->n_cache_hit;
		} while (u64_stats_fetch_retry(&pcpu->syncp, start));

		stats->n_hit += hit;
		stats->n_missed += missed;
		stats->n_lost += lost;
		mega->n_mask_hit += mask_hit;
		mega->n_cache_hit += cache_hit;
	}
}

/* One datapath message.  ovs_mutex held. */
static int ovs_dp_cmd_fill_info(struct datapath *dp, struct sk_buff *skb,
				u32 portid, u32 seq, u32 flags, u8 cmd)
{
	const struct dp_nlsk_pids *pids = ovsl_dereference(dp->upcall_portids);
	struct ovs_dp_megaflow_stats mega;
	struct ovs_header *ovs_header;
	struct ovs_dp_stats stats;

	ovs_header = genlmsg_put(skb, portid, seq, &dp_datapath_genl_family,
				 flags, cmd);
	if (!ovs_header)
		return -EMSGSIZE;

	ovs_header->dp_ifindex = get_dpifindex(dp);

	if (nla_put_string(skb, OVS_DP_ATTR_NAME, ovs_dp_name(dp)))
		goto cancel;

	get_dp_stats(dp, &stats, &mega);
	if (nla_put_64bit(skb, OVS_DP_ATTR_STATS, sizeof(stats), &stats,
			  OVS_DP_ATTR_PAD) ||
	    nla_put_64bit(skb, OVS_DP_ATTR_MEGAFLOW_STATS, sizeof(mega), &mega,
			  OVS_DP_ATTR_PAD) ||
	    nla_put_u32(skb, OVS_DP_ATTR_USER_FEATURES, dp->user_features) ||
	    nla_put_u32(skb, OVS_DP_ATTR_MASKS_CACHE_SIZE,
			ovs_flow_tbl_masks_cache_size(&dp->table)))
		goto cancel;

	if ((dp->user_features & OVS_DP_F_DISPATCH_UPCALL_PER_CPU) && pids) {
		u32 n = min_t(u32, pids->n_pids, nr_cpu_ids);

		if (nla_put(skb, OVS_DP_ATTR_PER_CPU_PIDS, n * sizeof(u32),
			    pids->pids))
			goto cancel;
	}

	genlmsg_end(skb, ovs_header);
	return 0;

cancel:
	genlmsg_cancel(skb, ovs_header);
	return -EMSGSIZE;
}

/* Fill a preallocated datapath reply; ovs_mutex held. */
static int ovs_dp_cmd_fill_reply(struct datapath *dp, struct sk_buff *reply,
				 struct genl_info *info, u8 cmd)
{
	int err;

	err = ovs_dp_cmd_fill_info(dp, reply, info->snd_portid, info->snd_seq,
				   0, cmd);
	WARN_ON_ONCE(err);
	return err;
}

/*
 * The datapath a request names: by OVS_DP_ATTR_NAME if present, else by the
 * header's dp_ifindex.  ovs_mutex held.
 */
static struct datapath *lookup_datapath(struct net *net,
					const struct ovs_header *ovs_header,
					struct nlattr *a[OVS_DP_ATTR_MAX + 1])
{
	struct datapath *dp = NULL;
	struct vport *vport;

	if (a[OVS_DP_ATTR_NAME]) {
		vport = ovs_vport_locate(net, nla_data(a[OVS_DP_ATTR_NAME]));
		if (vport && vport->port_no == OVSP_LOCAL)
			dp = vport->dp;
	} else {
		dp = get_dp(net, ovs_header->dp_ifindex);
	}
	return dp ? dp : ERR_PTR(-ENODEV);
}

/*
 * Userspace too old to know about features is taking over an existing
 * datapath: forget the features a newer instance had announced.
 */
static void ovs_dp_reset_user_features(struct sk_buff *skb,
				       struct genl_info *info)
{
	struct datapath *dp;

	dp = lookup_datapath(sock_net(skb->sk), ovs_info_hdr(info),
			     info->attrs);
	if (IS_ERR(dp))
		return;

	pr_warn("%s: Dropping previously announced user features\n",
		ovs_dp_name(dp));
	dp->user_features = 0;
}

/* Validate OVS_DP_ATTR_PER_CPU_PIDS: a non-empty array of u32. */
static int ovs_dp_check_upcall_portids(const struct nlattr *ids,
				       struct netlink_ext_ack *extack)
{
	if (!nla_len(ids) || nla_len(ids) % sizeof(u32)) {
		NL_SET_ERR_MSG_ATTR(extack, ids,
				    "Per-CPU upcall pids must be a non-empty array of u32");
		return -EINVAL;
	}
	return 0;
}

/* Replace the per-CPU upcall sockets.  ovs_mutex held; @ids checked. */
static int ovs_dp_set_upcall_portids(struct datapath *dp,
				     const struct nlattr *ids)
{
	struct dp_nlsk_pids *old, *pids;
	u32 n = nla_len(ids) / sizeof(u32);

	pids = kmalloc(struct_size(pids, pids, n), GFP_KERNEL);
	if (!pids)
		return -ENOMEM;
	pids->n_pids = n;
	nla_memcpy(pids->pids, ids, n * sizeof(u32));

	old = ovsl_dereference(dp->upcall_portids);
	rcu_assign_pointer(dp->upcall_portids, pids);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/*
 * Apply USER_FEATURES, MASKS_CACHE_SIZE and PER_CPU_PIDS.  As in the in-tree
 * datapath, a request without USER_FEATURES clears the features.
 * ovs_mutex held.
 */
static int ovs_dp_change(struct datapath *dp, struct nlattr *a[],
			 struct netlink_ext_ack *extack)
{
	u32 features = 0;
	int err;

	if (a[OVS_DP_ATTR_USER_FEATURES]) {
		features = nla_get_u32(a[OVS_DP_ATTR_USER_FEATURES]);
		if (features & ~OVS_DP_KNOWN_FEATURES) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_DP_ATTR_USER_FEATURES],
					    "Unsupported datapath feature requested");
			return -EOPNOTSUPP;
		}
		if (!IS_ENABLED(CONFIG_NET_TC_SKB_EXT) &&
		    (features & OVS_DP_F_TC_RECIRC_SHARING)) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_DP_ATTR_USER_FEATURES],
					    "TC recirculation sharing needs CONFIG_NET_TC_SKB_EXT");
			return -EOPNOTSUPP;
		}
	}

	if ((features & OVS_DP_F_DISPATCH_UPCALL_PER_CPU) &&
	    a[OVS_DP_ATTR_PER_CPU_PIDS]) {
		err = ovs_dp_check_upcall_portids(a[OVS_DP_ATTR_PER_CPU_PIDS],
						  extack);
		if (err)
			return err;
	}

	if (a[OVS_DP_ATTR_MASKS_CACHE_SIZE]) {
		u32 size = nla_get_u32(a[OVS_DP_ATTR_MASKS_CACHE_SIZE]);

		err = ovs_flow_tbl_masks_cache_resize(&dp->table, size);
		if (err) {
			NL_SET_ERR_MSG_ATTR(extack,
					    a[OVS_DP_ATTR_MASKS_CACHE_SIZE],
					    "Invalid mask cache size");
			return err;
		}
	}

	dp->user_features = features;

	if ((features & OVS_DP_F_DISPATCH_UPCALL_PER_CPU) &&
	    a[OVS_DP_ATTR_PER_CPU_PIDS]) {
		err = ovs_dp_set_upcall_portids(dp, a[OVS_DP_ATTR_PER_CPU_PIDS]);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Free a datapath's memory.  It must already be unreachable: unlinked by
 * dp_unlink() and an RCU grace period past, so that no packet can still be
 * looking at its table.
 */
static void dp_free(struct datapath *dp)
{
	ovs_lock();
	ovs_flow_tbl_destroy(&dp->table);
	ovs_unlock();
	ovs_meters_exit(dp);
	free_percpu(dp->stats_percpu);
	kfree(dp->ports);
	kfree(rcu_dereference_raw(dp->upcall_portids));
	kfree(dp);
}

/*
 * Take a datapath out of service: destroy its ports (the local port last,
 * since the others may refer to the datapath through it) and unlink it from
 * its namespace.  ovs_mutex held.  The caller frees it with dp_free() after
 * a grace period.
 */
static void dp_unlink(struct datapath *dp)
{
	struct vport *vport;
	struct hlist_node *n;
	int i;

	for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++)
		hlist_for_each_entry_safe(vport, n, &dp->ports[i], dp_hash_node)
			if (vport->port_no != OVSP_LOCAL)
				ovs_dp_detach_port(vport);

	list_del(&dp->list_node);

	vport = ovs_vport_ovsl(dp, OVSP_LOCAL);
	if (vport)
		ovs_dp_detach_port(vport);
}

static int ovs_dp_cmd_new(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **a = info->attrs;
	struct vport_parms parms = {};
	struct ovs_net *ovs_net;
	struct sk_buff *reply;
	struct datapath *dp;
	struct vport *vport;
	int err, i;

	if (!a[OVS_DP_ATTR_NAME]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing datapath name");
		return -EINVAL;
	}
	if (!a[OVS_DP_ATTR_UPCALL_PID]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing datapath upcall pid");
		return -EINVAL;
	}

	reply = ovs_dp_cmd_alloc_info();
	if (!reply)
		return -ENOMEM;

	err = -ENOMEM;
	dp = kzalloc(sizeof(*dp), GFP_KERNEL);
	if (!dp)
		goto err_free_reply;

	ovs_dp_set_net(dp, sock_net(skb->sk));
	INIT_LIST_HEAD(&dp->list_node);

	err = ovs_flow_tbl_init(&dp->table);
	if (err)
		goto err_free_dp;

	err = ovs_meters_init(dp);
	if (err)
		goto err_destroy_table;

	err = -ENOMEM;
	dp->stats_percpu = netdev_alloc_pcpu_stats(struct dp_stats_percpu);
	if (!dp->stats_percpu)
		goto err_destroy_meters;

	dp->ports = kmalloc_array(DP_VPORT_HASH_BUCKETS, sizeof(*dp->ports),
				  GFP_KERNEL);
	if (!dp->ports)
		goto err_free_stats;
	for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++)
		INIT_HLIST_HEAD(&dp->ports[i]);

	/* The local port: an internal device named after the datapath. */
	parms.name = nla_data(a[OVS_DP_ATTR_NAME]);
	parms.type = OVS_VPORT_TYPE_INTERNAL;
	parms.options = NULL;
	parms.dp = dp;
	parms.port_no = OVSP_LOCAL;
	parms.upcall_portids = a[OVS_DP_ATTR_UPCALL_PID];
	parms.desired_ifindex = a[OVS_DP_ATTR_IFINDEX] ?
				nla_get_s32(a[OVS_DP_ATTR_IFINDEX]) : 0;

	ovs_lock();

	err = ovs_dp_change(dp, a, extack);
	if (err)
		goto err_unlock;

	vport = dp_add_vport(&parms);
	if (IS_ERR(vport)) {
		err = PTR_ERR(vport);
		if (err == -EBUSY)
			err = -EEXIST;
		if (err == -EEXIST) {
			NL_SET_ERR_MSG_MOD(extack, "Datapath or device name already exists");
			if (info->genlhdr->version < OVS_DP_VER_FEATURES)
				ovs_dp_reset_user_features(skb, info);
		} else {
			NL_SET_ERR_MSG_MOD(extack, "Cannot create the datapath's local port");
		}
		goto err_unlock;
	}

	ovs_dp_cmd_fill_reply(dp, reply, info, OVS_DP_CMD_NEW);

	ovs_net = net_generic(ovs_dp_get_net(dp), ovs_net_id);
	list_add_tail(&dp->list_node, &ovs_net->dps);
	ovs_unlock();

	ovs_notify(&dp_datapath_genl_family, reply, info);
	return 0;

err_unlock:
	ovs_unlock();
	kfree(rcu_dereference_raw(dp->upcall_portids));
	kfree(dp->ports);
err_free_stats:
	free_percpu(dp->stats_percpu);
err_destroy_meters:
	ovs_meters_exit(dp);
err_destroy_table:
	ovs_lock();
	ovs_flow_tbl_destroy(&dp->table);
	ovs_unlock();
err_free_dp:
	kfree(dp);
err_free_reply:
	kfree_skb(reply);
	return err;
}

static int ovs_dp_cmd_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	struct datapath *dp;

	reply = ovs_dp_cmd_alloc_info();
	if (!reply)
		return -ENOMEM;

	ovs_lock();
	dp = lookup_datapath(sock_net(skb->sk), ovs_info_hdr(info), info->attrs);
	if (IS_ERR(dp)) {
		ovs_unlock();
		kfree_skb(reply);
		NL_SET_ERR_MSG_MOD(info->extack, "No such datapath");
		return PTR_ERR(dp);
	}

	ovs_dp_cmd_fill_reply(dp, reply, info, OVS_DP_CMD_DEL);
	dp_unlink(dp);
	ovs_unlock();

	ovs_notify(&dp_datapath_genl_family, reply, info);

	synchronize_rcu();
	dp_free(dp);
	return 0;
}

static int ovs_dp_cmd_set(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	struct datapath *dp;
	int err;

	reply = ovs_dp_cmd_alloc_info();
	if (!reply)
		return -ENOMEM;

	ovs_lock();
	dp = lookup_datapath(sock_net(skb->sk), ovs_info_hdr(info), info->attrs);
	if (IS_ERR(dp)) {
		NL_SET_ERR_MSG_MOD(info->extack, "No such datapath");
		err = PTR_ERR(dp);
		goto err_unlock;
	}

	err = ovs_dp_change(dp, info->attrs, info->extack);
	if (err)
		goto err_unlock;

	ovs_dp_cmd_fill_reply(dp, reply, info, OVS_DP_CMD_SET);
	ovs_unlock();

	ovs_notify(&dp_datapath_genl_family, reply, info);
	return 0;

err_unlock:
	ovs_unlock();
	kfree_skb(reply);
	return err;
}

static int ovs_dp_cmd_get(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	struct datapath *dp;
	int err;

	reply = ovs_dp_cmd_alloc_info();
	if (!reply)
		return -ENOMEM;

	ovs_lock();
	dp = lookup_datapath(sock_net(skb->sk), ovs_info_hdr(info), info->attrs);
	if (IS_ERR(dp)) {
		ovs_unlock();
		kfree_skb(reply);
		NL_SET_ERR_MSG_MOD(info->extack, "No such datapath");
		return PTR_ERR(dp);
	}
	err = ovs_dp_cmd_fill_reply(dp, reply, info, OVS_DP_CMD_GET);
	ovs_unlock();

	if (err) {
		kfree_skb(reply);
		return err;
	}
	return genlmsg_reply(reply, info);
}

/* Dump this namespace's datapaths; cb->args[0] counts those already sent. */
static int ovs_dp_cmd_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct ovs_net *ovs_net = net_generic(sock_net(skb->sk), ovs_net_id);
	long skip = cb->args[0];
	struct datapath *dp;
	long i = 0;

	ovs_lock();
	list_for_each_entry(dp, &ovs_net->dps, list_node) {
		if (i >= skip &&
		    ovs_dp_cmd_fill_info(dp, skb, NETLINK_CB(cb->skb).portid,
					 cb->nlh->nlmsg_seq, NLM_F_MULTI,
					 OVS_DP_CMD_GET) < 0)
			break;
		i++;
	}
	ovs_unlock();

	cb->args[0] = i;
	return skb->len;
}

static const struct genl_small_ops dp_datapath_genl_ops[] = {
	{
		.cmd = OVS_DP_CMD_NEW,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_dp_cmd_new,
	},
	{
		.cmd = OVS_DP_CMD_DEL,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_dp_cmd_del,
	},
	{
		.cmd = OVS_DP_CMD_GET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_dp_cmd_get,
		.dumpit = ovs_dp_cmd_dump,
	},
	{
		.cmd = OVS_DP_CMD_SET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_dp_cmd_set,
	},
};

static const struct genl_multicast_group dp_datapath_mcgroups[] = {
	{ .name = OVS_DATAPATH_MCGROUP },
};

static struct genl_family dp_datapath_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_DATAPATH_FAMILY,
	.version = OVS_DATAPATH_VERSION,
	.maxattr = OVS_DP_ATTR_MAX,
	.policy = datapath_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_datapath_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_datapath_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_DP_CMD_SET + 1,
#endif
	.mcgrps = dp_datapath_mcgroups,
	.n_mcgrps = ARRAY_SIZE(dp_datapath_mcgroups),
	.module = THIS_MODULE,
};

/* ------------------------------------------------------------------ */
/* ovs_vport family                                                    */
/* ------------------------------------------------------------------ */

static const struct nla_policy vport_policy[OVS_VPORT_ATTR_MAX + 1] = {
	[OVS_VPORT_ATTR_NAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[OVS_VPORT_ATTR_STATS] = { .len = sizeof(struct ovs_vport_stats) },
	[OVS_VPORT_ATTR_PORT_NO] = { .type = NLA_U32 },
	[OVS_VPORT_ATTR_TYPE] = { .type = NLA_U32 },
	[OVS_VPORT_ATTR_UPCALL_PID] = { .type = NLA_UNSPEC },
	[OVS_VPORT_ATTR_OPTIONS] = { .type = NLA_NESTED },
	[OVS_VPORT_ATTR_IFINDEX] = NLA_POLICY_MIN(NLA_S32, 0),
	[OVS_VPORT_ATTR_NETNSID] = { .type = NLA_S32 },
};

/* Payload size of a vport message whose port has @n_pids upcall sockets. */
static size_t ovs_vport_cmd_msg_size(u32 n_pids)
{
	size_t size = NLMSG_ALIGN(sizeof(struct ovs_header));

	size += nla_total_size(sizeof(u32));		/* PORT_NO */
	size += nla_total_size(sizeof(u32));		/* TYPE */
	size += nla_total_size(IFNAMSIZ);		/* NAME */
	size += nla_total_size(sizeof(u32));		/* IFINDEX */
	size += nla_total_size(sizeof(s32));		/* NETNSID */
	size += nla_total_size_64bit(sizeof(struct ovs_vport_stats));
	size += nla_total_size(max_t(u32, n_pids, nr_cpu_ids) * sizeof(u32));
	/* OPTIONS: room for a tunnel's destination port and one extension. */
	size += nla_total_size(nla_total_size(sizeof(u16)) +
			       nla_total_size(nla_total_size(0)));

	return size;
}

/* Number of upcall sockets a port has.  ovs_mutex held. */
static u32 vport_n_upcall_pids(const struct vport *vport)
{
	const struct vport_portids *ids = rcu_dereference_ovsl(vport->upcall_portids);

	return ids ? ids->n_ids : 0;
}

static struct sk_buff *ovs_vport_cmd_alloc_info(u32 n_pids)
{
	return genlmsg_new(ovs_vport_cmd_msg_size(n_pids), GFP_KERNEL);
}

/* One vport message, for a listener in @net.  ovs_mutex held. */
static int ovs_vport_cmd_fill_info(struct vport *vport, struct sk_buff *skb,
				   struct net *net, u32 portid, u32 seq,
				   u32 flags, u8 cmd)
{
	struct ovs_vport_stats vport_stats;
	struct ovs_header *ovs_header;
	struct net *dev_ns;
	int err;

	ovs_header = genlmsg_put(skb, portid, seq, &dp_vport_genl_family, flags,
				 cmd);
	if (!ovs_header)
		return -EMSGSIZE;

	ovs_header->dp_ifindex = get_dpifindex(vport->dp);

	if (nla_put_u32(skb, OVS_VPORT_ATTR_PORT_NO, vport->port_no) ||
	    nla_put_u32(skb, OVS_VPORT_ATTR_TYPE, vport->ops->type) ||
	    nla_put_string(skb, OVS_VPORT_ATTR_NAME, vport->dev->name) ||
	    nla_put_u32(skb, OVS_VPORT_ATTR_IFINDEX, vport->dev->ifindex))
		goto emsgsize;

	/* A port whose device lives in another namespace says which. */
	rcu_read_lock();
	dev_ns = dev_net(vport->dev);
	if (!net_eq(net, dev_ns)) {
		int id = peernet2id_alloc(net, dev_ns, GFP_ATOMIC);

		if (nla_put_s32(skb, OVS_VPORT_ATTR_NETNSID, id)) {
			rcu_read_unlock();
			goto emsgsize;
		}
	}
	rcu_read_unlock();

	ovs_vport_get_stats(vport, &vport_stats);
	if (nla_put_64bit(skb, OVS_VPORT_ATTR_STATS, sizeof(vport_stats),
			  &vport_stats, OVS_VPORT_ATTR_PAD))
		goto emsgsize;

	if (ovs_vport_get_upcall_portids(vport, skb))
		goto emsgsize;

	/* Options a type cannot report are left out; only space matters. */
	err = ovs_vport_get_options(vport, skb);
	if (err == -EMSGSIZE)
		goto cancel;

	genlmsg_end(skb, ovs_header);
	return 0;

emsgsize:
	err = -EMSGSIZE;
cancel:
	genlmsg_cancel(skb, ovs_header);
	return err;
}

/* Fill a preallocated vport reply; ovs_mutex held. */
static int ovs_vport_cmd_fill_reply(struct vport *vport, struct sk_buff *reply,
				    struct genl_info *info, u8 cmd)
{
	int err;

	err = ovs_vport_cmd_fill_info(vport, reply, genl_info_net(info),
				      info->snd_portid, info->snd_seq, 0, cmd);
	WARN_ON_ONCE(err);
	return err;
}

/**
 * ovs_vport_cmd_build_info - build an OVS_VPORT_CMD_* message for a port.
 * @vport: the port.
 * @net: namespace of the listeners (decides whether NETNSID is included).
 * @portid: netlink port id for the message header (0 for notifications).
 * @seq: sequence number for the message header.
 * @cmd: OVS_VPORT_CMD_*.
 *
 * Used by dp_notify.c to announce ports deleted because their device went
 * away.
 * Context: ovs_mutex held, process context.
 * Return: the message, or ERR_PTR(-ENOMEM) / ERR_PTR(-EMSGSIZE).
 */
struct sk_buff *ovs_vport_cmd_build_info(struct vport *vport, struct net *net,
					 u32 portid, u32 seq, u8 cmd)
{
	struct sk_buff *skb;
	int err;

	skb = ovs_vport_cmd_alloc_info(vport_n_upcall_pids(vport));
	if (!skb)
		return ERR_PTR(-ENOMEM);

	err = ovs_vport_cmd_fill_info(vport, skb, net, portid, seq, 0, cmd);
	if (WARN_ON_ONCE(err)) {
		kfree_skb(skb);
		return ERR_PTR(err);
	}
	return skb;
}

/*
 * The port a request names: by OVS_VPORT_ATTR_NAME (checked against the
 * header's datapath when one is given), or by the header's datapath and
 * OVS_VPORT_ATTR_PORT_NO.  ovs_mutex held.
 */
static struct vport *lookup_vport(struct net *net,
				  const struct ovs_header *ovs_header,
				  struct nlattr *a[OVS_VPORT_ATTR_MAX + 1],
				  struct netlink_ext_ack *extack)
{
	struct datapath *dp;
	struct vport *vport;
	u32 port_no;

	if (a[OVS_VPORT_ATTR_IFINDEX]) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_IFINDEX],
				    "Ports cannot be looked up by ifindex");
		return ERR_PTR(-EOPNOTSUPP);
	}

	if (a[OVS_VPORT_ATTR_NAME]) {
		vport = ovs_vport_locate(net, nla_data(a[OVS_VPORT_ATTR_NAME]));
		if (!vport ||
		    (ovs_header->dp_ifindex &&
		     ovs_header->dp_ifindex != get_dpifindex(vport->dp))) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_NAME],
					    "No such port");
			return ERR_PTR(-ENODEV);
		}
		return vport;
	}

	if (!a[OVS_VPORT_ATTR_PORT_NO]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing port name or number");
		return ERR_PTR(-EINVAL);
	}

	port_no = nla_get_u32(a[OVS_VPORT_ATTR_PORT_NO]);
	if (port_no >= DP_MAX_PORTS) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_PORT_NO],
				    "Port number out of range");
		return ERR_PTR(-EFBIG);
	}

	dp = get_dp(net, ovs_header->dp_ifindex);
	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		return ERR_PTR(-ENODEV);
	}

	vport = ovs_vport_ovsl(dp, port_no);
	if (!vport) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_PORT_NO],
				    "No such port");
		return ERR_PTR(-ENODEV);
	}
	return vport;
}

/* Largest forwarding headroom any port's device asks for.  ovs_mutex. */
static unsigned int ovs_get_max_headroom(struct datapath *dp)
{
	unsigned int headroom, max_headroom = 0;
	struct vport *vport;
	int i;

	for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++) {
		hlist_for_each_entry(vport, &dp->ports[i], dp_hash_node) {
			headroom = netdev_get_fwd_headroom(vport->dev);
			if (headroom > max_headroom)
				max_headroom = headroom;
		}
	}
	return max_headroom;
}

/* Make every port reserve @headroom on receive.  ovs_mutex held. */
static void ovs_update_headroom(struct datapath *dp, unsigned int headroom)
{
	struct vport *vport;
	int i;

	dp->max_headroom = headroom;
	for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++)
		hlist_for_each_entry(vport, &dp->ports[i], dp_hash_node)
			netdev_set_rx_headroom(vport->dev, headroom);
}

static int ovs_vport_cmd_new(struct sk_buff *skb, struct genl_info *info)
{
	struct ovs_header *ovs_header = ovs_info_hdr(info);
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **a = info->attrs;
	struct vport_parms parms = {};
	unsigned int headroom;
	struct sk_buff *reply;
	struct vport *vport;
	struct datapath *dp;
	int tries = 0;
	u32 port_no;
	int err;

	if (!a[OVS_VPORT_ATTR_NAME]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing port name");
		return -EINVAL;
	}
	if (!a[OVS_VPORT_ATTR_TYPE]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing port type");
		return -EINVAL;
	}
	if (!a[OVS_VPORT_ATTR_UPCALL_PID]) {
		NL_SET_ERR_MSG_MOD(extack, "Missing port upcall pid");
		return -EINVAL;
	}

	parms.type = nla_get_u32(a[OVS_VPORT_ATTR_TYPE]);
	if (a[OVS_VPORT_ATTR_IFINDEX] &&
	    parms.type != OVS_VPORT_TYPE_INTERNAL) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_IFINDEX],
				    "Only internal ports take an ifindex");
		return -EOPNOTSUPP;
	}

	port_no = a[OVS_VPORT_ATTR_PORT_NO] ?
		  nla_get_u32(a[OVS_VPORT_ATTR_PORT_NO]) : 0;
	if (port_no >= DP_MAX_PORTS) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_PORT_NO],
				    "Port number out of range");
		return -EFBIG;
	}

	reply = ovs_vport_cmd_alloc_info(nla_len(a[OVS_VPORT_ATTR_UPCALL_PID]) /
					 sizeof(u32));
	if (!reply)
		return -ENOMEM;

	ovs_lock();
restart:
	dp = get_dp(sock_net(skb->sk), ovs_header->dp_ifindex);
	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No datapath with this ifindex");
		err = -ENODEV;
		goto err_unlock;
	}

	if (port_no) {
		if (ovs_vport_ovsl(dp, port_no)) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_PORT_NO],
					    "Port number already in use");
			err = -EBUSY;
			goto err_unlock;
		}
	} else {
		/* The lowest free number, 0 being the local port. */
		for (port_no = 1; ovs_vport_ovsl(dp, port_no); port_no++) {
			if (port_no >= DP_MAX_PORTS - 1) {
				NL_SET_ERR_MSG_MOD(extack, "Datapath has no free port number");
				err = -EFBIG;
				goto err_unlock;
			}
		}
	}

	parms.name = nla_data(a[OVS_VPORT_ATTR_NAME]);
	parms.options = a[OVS_VPORT_ATTR_OPTIONS];
	parms.dp = dp;
	parms.port_no = port_no;
	parms.upcall_portids = a[OVS_VPORT_ATTR_UPCALL_PID];
	parms.desired_ifindex = a[OVS_VPORT_ATTR_IFINDEX] ?
				nla_get_s32(a[OVS_VPORT_ATTR_IFINDEX]) : 0;

	vport = dp_add_vport(&parms);
	if (IS_ERR(vport)) {
		err = PTR_ERR(vport);
		/* The type's module was just loaded: look everything up again. */
		if (err == -EAGAIN && ++tries < OVS_VPORT_ADD_RETRIES)
			goto restart;
		if (err == -EAFNOSUPPORT)
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_TYPE],
					    "Unsupported port type");
		else
			NL_SET_ERR_MSG_MOD(extack, "Cannot create port");
		goto err_unlock;
	}

	ovs_vport_cmd_fill_reply(vport, reply, info, OVS_VPORT_CMD_NEW);

	headroom = netdev_get_fwd_headroom(vport->dev);
	if (headroom > dp->max_headroom)
		ovs_update_headroom(dp, headroom);
	else
		netdev_set_rx_headroom(vport->dev, dp->max_headroom);
	ovs_unlock();

	ovs_notify(&dp_vport_genl_family, reply, info);
	return 0;

err_unlock:
	ovs_unlock();
	kfree_skb(reply);
	return err;
}

static int ovs_vport_cmd_set(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **a = info->attrs;
	struct sk_buff *reply;
	struct vport *vport;
	u32 n_pids;
	int err;

	ovs_lock();
	vport = lookup_vport(sock_net(skb->sk), ovs_info_hdr(info), a, extack);
	if (IS_ERR(vport)) {
		ovs_unlock();
		return PTR_ERR(vport);
	}

	if (a[OVS_VPORT_ATTR_TYPE] &&
	    nla_get_u32(a[OVS_VPORT_ATTR_TYPE]) != vport->ops->type) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_TYPE],
				    "Port type cannot be changed");
		err = -EINVAL;
		goto err_unlock;
	}

	/* Allocate before changing anything, for the larger pid array. */
	n_pids = vport_n_upcall_pids(vport);
	if (a[OVS_VPORT_ATTR_UPCALL_PID])
		n_pids = max_t(u32, n_pids,
			       nla_len(a[OVS_VPORT_ATTR_UPCALL_PID]) / sizeof(u32));
	reply = ovs_vport_cmd_alloc_info(n_pids);
	if (!reply) {
		err = -ENOMEM;
		goto err_unlock;
	}

	if (a[OVS_VPORT_ATTR_OPTIONS]) {
		err = ovs_vport_set_options(vport, a[OVS_VPORT_ATTR_OPTIONS]);
		if (err) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_OPTIONS],
					    "Invalid port options");
			goto err_free;
		}
	}

	if (a[OVS_VPORT_ATTR_UPCALL_PID]) {
		err = ovs_vport_set_upcall_portids(vport,
						   a[OVS_VPORT_ATTR_UPCALL_PID]);
		if (err) {
			NL_SET_ERR_MSG_ATTR(extack, a[OVS_VPORT_ATTR_UPCALL_PID],
					    "Invalid upcall pids");
			goto err_free;
		}
	}

	ovs_vport_cmd_fill_reply(vport, reply, info, OVS_VPORT_CMD_SET);
	ovs_unlock();

	ovs_notify(&dp_vport_genl_family, reply, info);
	return 0;

err_free:
	kfree_skb(reply);
err_unlock:
	ovs_unlock();
	return err;
}

static int ovs_vport_cmd_del(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	bool update_headroom = false;
	struct sk_buff *reply;
	unsigned int headroom;
	struct datapath *dp;
	struct vport *vport;
	int err;

	ovs_lock();
	vport = lookup_vport(sock_net(skb->sk), ovs_info_hdr(info), info->attrs,
			     extack);
	if (IS_ERR(vport)) {
		err = PTR_ERR(vport);
		goto err_unlock;
	}

	if (vport->port_no == OVSP_LOCAL) {
		NL_SET_ERR_MSG_MOD(extack, "The local port goes only with its datapath");
		err = -EINVAL;
		goto err_unlock;
	}

	reply = ovs_vport_cmd_alloc_info(vport_n_upcall_pids(vport));
	if (!reply) {
		err = -ENOMEM;
		goto err_unlock;
	}
	ovs_vport_cmd_fill_reply(vport, reply, info, OVS_VPORT_CMD_DEL);

	/* If this port set the datapath's headroom, it may shrink. */
	dp = vport->dp;
	if (netdev_get_fwd_headroom(vport->dev) == dp->max_headroom)
		update_headroom = true;

	netdev_reset_rx_headroom(vport->dev);
	ovs_dp_detach_port(vport);

	if (update_headroom) {
		headroom = ovs_get_max_headroom(dp);
		if (headroom < dp->max_headroom)
			ovs_update_headroom(dp, headroom);
	}
	ovs_unlock();

	ovs_notify(&dp_vport_genl_family, reply, info);
	return 0;

err_unlock:
	ovs_unlock();
	return err;
}

static int ovs_vport_cmd_get(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	struct vport *vport;
	int err;

	ovs_lock();
	vport = lookup_vport(sock_net(skb->sk), ovs_info_hdr(info), info->attrs,
			     info->extack);
	if (IS_ERR(vport)) {
		ovs_unlock();
		return PTR_ERR(vport);
	}

	reply = ovs_vport_cmd_alloc_info(vport_n_upcall_pids(vport));
	if (!reply) {
		ovs_unlock();
		return -ENOMEM;
	}
	err = ovs_vport_cmd_fill_reply(vport, reply, info, OVS_VPORT_CMD_GET);
	ovs_unlock();

	if (err) {
		kfree_skb(reply);
		return err;
	}
	return genlmsg_reply(reply, info);
}

/*
 * Dump a datapath's ports: cb->args[0] is the hash bucket to resume at and
 * cb->args[1] the number of its ports already sent.
 */
static int ovs_vport_cmd_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct ovs_header *ovs_header = genlmsg_data(nlmsg_data(cb->nlh));
	long bucket = cb->args[0], skip = cb->args[1];
	struct datapath *dp;
	long i, j = 0;

	ovs_lock();
	dp = get_dp(sock_net(skb->sk), ovs_header->dp_ifindex);
	if (!dp) {
		ovs_unlock();
		NL_SET_ERR_MSG_MOD(ovs_cb_extack(cb), "No datapath with this ifindex");
		return -ENODEV;
	}

	for (i = bucket; i < DP_VPORT_HASH_BUCKETS; i++) {
		struct vport *vport;

		j = 0;
		hlist_for_each_entry(vport, &dp->ports[i], dp_hash_node) {
			if (j >= skip &&
			    ovs_vport_cmd_fill_info(vport, skb, sock_net(skb->sk),
						    NETLINK_CB(cb->skb).portid,
						    cb->nlh->nlmsg_seq,
						    NLM_F_MULTI,
						    OVS_VPORT_CMD_GET) < 0)
				goto out;
			j++;
		}
		skip = 0;
	}
out:
	ovs_unlock();

	cb->args[0] = i;
	cb->args[1] = j;
	return skb->len;
}

static const struct genl_small_ops dp_vport_genl_ops[] = {
	{
		.cmd = OVS_VPORT_CMD_NEW,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_vport_cmd_new,
	},
	{
		.cmd = OVS_VPORT_CMD_DEL,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_vport_cmd_del,
	},
	{
		.cmd = OVS_VPORT_CMD_GET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_vport_cmd_get,
		.dumpit = ovs_vport_cmd_dump,
	},
	{
		.cmd = OVS_VPORT_CMD_SET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_vport_cmd_set,
	},
};

static const struct genl_multicast_group dp_vport_mcgroups[] = {
	{ .name = OVS_VPORT_MCGROUP },
};

struct genl_family dp_vport_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_VPORT_FAMILY,
	.version = OVS_VPORT_VERSION,
	.maxattr = OVS_VPORT_ATTR_MAX,
	.policy = vport_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_vport_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_vport_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_VPORT_CMD_SET + 1,
#endif
	.mcgrps = dp_vport_mcgroups,
	.n_mcgrps = ARRAY_SIZE(dp_vport_mcgroups),
	.module = THIS_MODULE,
};

static struct genl_family * const dp_genl_families[] = {
	&dp_datapath_genl_family,
	&dp_vport_genl_family,
	&dp_flow_genl_family,
	&dp_packet_genl_family,
	&dp_meter_genl_family,
#if OVS_CT_LIMIT_SUPPORTED
	&dp_ct_limit_genl_family,
#endif
};

static void dp_unregister_genl(int n_families)
{
	while (n_families--)
		genl_unregister_family(dp_genl_families[n_families]);
}

static int __init dp_register_genl(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(dp_genl_families); i++) {
		err = genl_register_family(dp_genl_families[i]);
		if (err) {
			dp_unregister_genl(i);
			return err;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Namespaces and module                                               */
/* ------------------------------------------------------------------ */

static int __net_init ovs_init_net(struct net *net)
{
	struct ovs_net *ovs_net = net_generic(net, ovs_net_id);

	INIT_LIST_HEAD(&ovs_net->dps);
	INIT_WORK(&ovs_net->dp_notify_work, ovs_dp_notify_wq);
	return ovs_ct_init(net);
}

/*
 * Internal ports of datapaths in other namespaces whose devices were moved
 * into the dying namespace @dnet: they must go before the kernel unregisters
 * those devices.  ovs_mutex held.
 */
static void __net_exit collect_foreign_internal_ports(struct net *net,
						      struct net *dnet,
						      struct list_head *head)
{
	struct ovs_net *ovs_net = net_generic(net, ovs_net_id);
	struct datapath *dp;
	struct vport *vport;
	int i;

	list_for_each_entry(dp, &ovs_net->dps, list_node) {
		for (i = 0; i < DP_VPORT_HASH_BUCKETS; i++) {
			hlist_for_each_entry(vport, &dp->ports[i], dp_hash_node) {
				if (vport->ops->type == OVS_VPORT_TYPE_INTERNAL &&
				    net_eq(dev_net(vport->dev), dnet))
					list_add(&vport->detach_list, head);
			}
		}
	}
}

static void __net_exit ovs_exit_net(struct net *dnet)
{
	struct ovs_net *ovs_net = net_generic(dnet, ovs_net_id);
	struct vport *vport, *vport_next;
	struct datapath *dp, *dp_next;
	LIST_HEAD(dead_dps);
	LIST_HEAD(ports);
	struct net *net;

	ovs_lock();
	list_for_each_entry_safe(dp, dp_next, &ovs_net->dps, list_node) {
		dp_unlink(dp);
		list_add_tail(&dp->list_node, &dead_dps);
	}

	ovs_net_list_lock();
	for_each_net(net)
		collect_foreign_internal_ports(net, dnet, &ports);
	ovs_net_list_unlock();

	list_for_each_entry_safe(vport, vport_next, &ports, detach_list) {
		list_del(&vport->detach_list);
		ovs_dp_detach_port(vport);
	}
	ovs_unlock();

	if (!list_empty(&dead_dps)) {
		synchronize_rcu();
		list_for_each_entry_safe(dp, dp_next, &dead_dps, list_node) {
			list_del(&dp->list_node);
			dp_free(dp);
		}
		/* Let the freed flows' actions drop their conntrack state
		 * before the namespace's conntrack setup goes.
		 */
		rcu_barrier();
	}

	ovs_ct_exit(dnet);
	cancel_work_sync(&ovs_net->dp_notify_work);
}

static struct pernet_operations ovs_net_ops = {
	.init = ovs_init_net,
	.exit = ovs_exit_net,
	.id = &ovs_net_id,
	.size = sizeof(struct ovs_net),
};

/*
 * Bring-up order: everything a datapath needs exists before the pernet ops
 * (which own the datapaths) and the families (through which they are made).
 * Teardown is the reverse, so the pernet exit destroys every datapath while
 * the vport types, the vport table and the internal device's link ops are
 * still in place, and the device notifier is still listening.
 */
static int __init dp_init(void)
{
	int err;

	BUILD_BUG_ON(sizeof(struct ovs_skb_cb) > sizeof_field(struct sk_buff, cb));

	pr_info("Open vSwitch switching datapath\n");

	err = ovs_action_fifos_init();
	if (err)
		return err;

	err = ovs_flow_init();
	if (err)
		goto err_fifos;

	err = ovs_vport_init();
	if (err)
		goto err_flow;

	err = ovs_internal_dev_rtnl_link_register();
	if (err)
		goto err_vport;

	err = ovs_netdev_init();
	if (err)
		goto err_rtnl_link;

	err = ovs_netdev_notifier_register();
	if (err)
		goto err_netdev;

	err = register_pernet_device(&ovs_net_ops);
	if (err)
		goto err_notifier;

	err = dp_register_genl();
	if (err)
		goto err_pernet;

	return 0;

err_pernet:
	unregister_pernet_device(&ovs_net_ops);
err_notifier:
	ovs_netdev_notifier_unregister();
err_netdev:
	ovs_netdev_exit();
err_rtnl_link:
	ovs_internal_dev_rtnl_link_unregister();
err_vport:
	ovs_vport_exit();
err_flow:
	ovs_flow_exit();
err_fifos:
	ovs_action_fifos_exit();
	return err;
}

static void __exit dp_cleanup(void)
{
	dp_unregister_genl(ARRAY_SIZE(dp_genl_families));
	unregister_pernet_device(&ovs_net_ops);
	ovs_netdev_notifier_unregister();
	/* Flows, actions and ports are freed in RCU callbacks. */
	rcu_barrier();
	ovs_flow_exit();
	ovs_netdev_exit();
	ovs_internal_dev_rtnl_link_unregister();
	ovs_vport_exit();
	ovs_action_fifos_exit();
}

module_init(dp_init);
module_exit(dp_cleanup);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Open vSwitch switching datapath");
MODULE_VERSION("0.1");
MODULE_ALIAS_GENL_FAMILY(OVS_DATAPATH_FAMILY);
MODULE_ALIAS_GENL_FAMILY(OVS_VPORT_FAMILY);
MODULE_ALIAS_GENL_FAMILY(OVS_FLOW_FAMILY);
MODULE_ALIAS_GENL_FAMILY(OVS_PACKET_FAMILY);
