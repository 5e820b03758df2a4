// SPDX-License-Identifier: GPL-2.0-only
/*
 * Meters for the datapath: the ovs_meter generic netlink family and the
 * token buckets behind OVS_ACTION_ATTR_METER.
 *
 * The wire protocol is the one of include/uapi/linux/openvswitch.h
 * (OVS_METER_CMD_*, OVS_METER_ATTR_*, OVS_BAND_ATTR_*) as spoken by
 * lib/dpif-netlink.c: FEATURES reports how many meters and bands a datapath
 * takes and which band types exist (drop only), SET creates or replaces a
 * meter and answers with the statistics of the meter it replaced, GET reads
 * a meter's statistics and DEL removes a meter, answering with its final
 * statistics.  Limits and replies follow the in-tree datapath.
 *
 * Each datapath keeps its meters in an rhashtable keyed by meter id.
 * Writers (SET, DEL, datapath destruction) hold ovs_mutex; the packet path
 * and the read-only commands look meters up under RCU.  A meter's buckets
 * and counters are protected by its own spinlock, taken with BH disabled.
 */

/* compat.h, included first, already pulled in printk.h's default. */
#undef pr_fmt
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/openvswitch.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <linux/timekeeping.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "datapath.h"
#include "meter.h"
#include "vport.h"

/*
 * Bucket arithmetic.  Elapsed time is counted in microseconds.  A band's
 * bucket holds millionths of a packet for a packets-per-second meter and
 * millibits for a kilobits-per-second meter; either way a rate of R adds
 * exactly R units per microsecond, and a burst of B (packets or kilobits)
 * is B * 10^6 units.  With 32-bit rates and bursts all sums stay far below
 * 2^64 as long as the elapsed time is capped per band (see fill_us).
 */
#define METER_UNITS_PER_BURST	1000000ULL	/* per packet or per kilobit */
#define METER_UNITS_PER_BIT	1000ULL		/* kbps meters */

/*
 * Share of free memory the meters of one datapath may take: 1/32, as the
 * in-tree datapath allows.
 */
#define METER_MEM_SHIFT		5

/**
 * struct dp_meter_band - one band of a meter.
 * @type: OVS_METER_BAND_TYPE_* (only DROP is accepted).
 * @rate: packets or kilobits per second, never 0.
 * @burst: bucket size in packets or kilobits.
 * @capacity: @burst in bucket units.
 * @fill_us: microseconds that refill an empty bucket, plus one; elapsed
 *	time is capped at this so the refill cannot overflow.
 * @tokens: bucket level in units, 0 .. @capacity.
 * @stats: packets (and their bytes) that exceeded this band.
 */
struct dp_meter_band {
	u32 type;
	u32 rate;
	u32 burst;
	u64 capacity;
	u64 fill_us;
	u64 tokens;
	struct ovs_flow_stats stats;
};

/**
 * struct dp_meter - a meter.
 * @node: membership of the datapath's meter table.
 * @id: the meter id userspace chose (the table key).
 * @lock: protects @last_us, @stats and the bands' @tokens and @stats.
 * @kbps: rates and bursts are in kilobits, not packets.
 * @keep_stats: a replacing SET reports this meter's statistics (it was
 *	created without OVS_METER_ATTR_CLEAR).
 * @n_bands: entries in @bands, 0 .. OVS_METER_MAX_BANDS.
 * @last_us: monotonic time of the last packet (or of creation), in us.
 * @stats: every packet that went through the meter.
 * @rcu: deferred free.
 * @bands: the bands.
 */
struct dp_meter {
	struct rhash_head node;
	u32 id;
	spinlock_t lock;	/* @last_us, counters, buckets */
	bool kbps;
	bool keep_stats;
	u16 n_bands;
	u64 last_us;
	struct ovs_flow_stats stats;
	struct rcu_head rcu;
	struct dp_meter_band bands[];
};

/**
 * struct dp_meter_table - a datapath's meters.
 * @meters: meters by id; RCU readers, ovs_mutex writers.
 * @count: meters in @meters (ovs_mutex).
 * @limit: most meters allowed, reported as OVS_METER_ATTR_MAX_METERS.
 */
struct dp_meter_table {
	struct rhashtable meters;
	u32 count;
	u32 limit;
};

static const struct rhashtable_params meter_ht_params = {
	.head_offset = offsetof(struct dp_meter, node),
	.key_offset = offsetof(struct dp_meter, id),
	.key_len = sizeof(u32),
	.automatic_shrinking = true,
};

/* A copy of a meter's counters, taken under its lock. */
struct meter_stats_snapshot {
	u64 used_ms;
	u16 n_bands;
	struct ovs_flow_stats stats;
	struct ovs_flow_stats bands[OVS_METER_MAX_BANDS];
};

static const struct nla_policy meter_policy[OVS_METER_ATTR_MAX + 1] = {
	[OVS_METER_ATTR_ID] = { .type = NLA_U32 },
	[OVS_METER_ATTR_KBPS] = { .type = NLA_FLAG },
	[OVS_METER_ATTR_STATS] = { .len = sizeof(struct ovs_flow_stats) },
	[OVS_METER_ATTR_BANDS] = { .type = NLA_NESTED },
	[OVS_METER_ATTR_USED] = { .type = NLA_U64 },
	[OVS_METER_ATTR_CLEAR] = { .type = NLA_FLAG },
	[OVS_METER_ATTR_MAX_METERS] = { .type = NLA_U32 },
	[OVS_METER_ATTR_MAX_BANDS] = { .type = NLA_U32 },
};

static const struct nla_policy band_policy[OVS_BAND_ATTR_MAX + 1] = {
	[OVS_BAND_ATTR_TYPE] = { .type = NLA_U32 },
	[OVS_BAND_ATTR_RATE] = { .type = NLA_U32 },
	[OVS_BAND_ATTR_BURST] = { .type = NLA_U32 },
	[OVS_BAND_ATTR_STATS] = { .len = sizeof(struct ovs_flow_stats) },
};

static u64 meter_now_us(void)
{
	return div_u64(ktime_get_ns(), NSEC_PER_USEC);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

/*
 * The datapath a request names by the ifindex of one of its internal ports.
 * Caller holds rcu_read_lock or ovs_mutex; either keeps the datapath alive
 * (it is freed only a grace period after its ports are gone).
 */
static struct datapath *meter_get_dp(struct net *net, int dp_ifindex)
{
	struct datapath *dp = NULL;
	struct net_device *dev;
	struct vport *vport;

	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, dp_ifindex);
	if (dev) {
		vport = ovs_internal_dev_get_vport(dev);
		if (vport)
			dp = vport->dp;
	}
	rcu_read_unlock();

	return dp;
}

/* A meter by id.  Caller holds rcu_read_lock. */
static struct dp_meter *meter_lookup_rcu(struct dp_meter_table *tbl, u32 id)
{
	return rhashtable_lookup(&tbl->meters, &id, meter_ht_params);
}

/*
 * A meter by id for a writer.  Caller holds ovs_mutex, under which alone
 * meters leave the table, so the result stays valid without RCU.
 */
static struct dp_meter *meter_lookup_ovsl(struct dp_meter_table *tbl, u32 id)
{
	ASSERT_OVSL();
	return rhashtable_lookup_fast(&tbl->meters, &id, meter_ht_params);
}

/* How many meters a datapath may hold given the memory free right now. */
static u32 meter_limit(void)
{
	u64 budget = ((u64)nr_free_buffer_pages() << PAGE_SHIFT) >> METER_MEM_SHIFT;
	u64 n;

	n = div_u64(budget, sizeof(struct dp_meter) +
			    OVS_METER_MAX_BANDS * sizeof(struct dp_meter_band));
	return min_t(u64, n, OVS_METER_LIMIT_MAX);
}

/**
 * ovs_meters_init - give a new datapath an empty meter table.
 * @dp: the datapath being created, not yet visible to anyone.
 *
 * The limit on the number of meters is 1/32 of the memory free now divided
 * by the size of a meter, at most OVS_METER_LIMIT_MAX, like the in-tree
 * datapath's.  It may be 0 on a starved machine: userspace then sees
 * OVS_METER_ATTR_MAX_METERS 0 and does not use meters.
 * Context: process context, may sleep.
 * Return: 0, or -ENOMEM (then @dp->meter_tbl stays NULL).
 */
int ovs_meters_init(struct datapath *dp)
{
	struct dp_meter_table *tbl;
	int err;

	tbl = kzalloc(sizeof(*tbl), GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;

	err = rhashtable_init(&tbl->meters, &meter_ht_params);
	if (err) {
		kfree(tbl);
		return err;
	}
	tbl->limit = meter_limit();
	dp->meter_tbl = tbl;
	return 0;
}

static void meter_free_cb(void *ptr, void *arg)
{
	kfree(ptr);
}

/**
 * ovs_meters_exit - free a datapath's meter table and its meters.
 * @dp: the datapath, unreachable for at least one RCU grace period, so no
 *	packet or command can hold a meter any more; @dp->meter_tbl may be
 *	NULL.
 *
 * Context: process context.
 */
void ovs_meters_exit(struct datapath *dp)
{
	struct dp_meter_table *tbl = dp->meter_tbl;

	if (!tbl)
		return;
	rhashtable_free_and_destroy(&tbl->meters, meter_free_cb, NULL);
	kfree(tbl);
	dp->meter_tbl = NULL;
}

/* ------------------------------------------------------------------ */
/* Packet path                                                         */
/* ------------------------------------------------------------------ */

/**
 * ovs_meter_execute - run a packet through a meter.
 * @dp: the datapath whose table holds the meter.
 * @skb: the packet; not consumed, only skb->len is used.
 * @key: its flow key (unused).
 * @meter_id: the OVS_ACTION_ATTR_METER argument.
 *
 * Every band is refilled at its rate for the time since the meter's last
 * packet (never beyond its burst) and the packet's cost, one packet or
 * skb->len * 8 bits, is taken from each band that has it.  Of the bands
 * that do not, the one with the highest rate counts the packet in its
 * statistics, and the packet is to be dropped if that band is a drop band.
 * This is the in-tree datapath's band selection; its units are
 * milliseconds, ours microseconds.  A missing meter passes everything, as
 * userspace may install flows before their meter.
 * Context: rcu_read_lock, BH disabled; takes the meter's spinlock.
 * Return: true if the caller must drop the packet.
 */
bool ovs_meter_execute(struct datapath *dp, struct sk_buff *skb,
		       struct sw_flow_key *key, u32 meter_id)
{
	struct dp_meter_band *exceeded = NULL;
	struct dp_meter *meter;
	u64 now, elapsed, cost;
	bool drop = false;
	int i;

	meter = meter_lookup_rcu(dp->meter_tbl, meter_id);
	if (!meter)
		return false;

	cost = meter->kbps ? (u64)skb->len * 8 * METER_UNITS_PER_BIT :
			     METER_UNITS_PER_BURST;

	spin_lock(&meter->lock);

	/*
	 * Another CPU may have read a later clock before it got the lock:
	 * then no time elapsed for this packet.
	 */
	now = meter_now_us();
	if (now > meter->last_us) {
		elapsed = now - meter->last_us;
		meter->last_us = now;
	} else {
		elapsed = 0;
	}

	meter->stats.n_packets++;
	meter->stats.n_bytes += skb->len;

	for (i = 0; i < meter->n_bands; i++) {
		struct dp_meter_band *band = &meter->bands[i];
		u64 refill = min(elapsed, band->fill_us) * band->rate;

		band->tokens = min(band->tokens + refill, band->capacity);
		if (band->tokens >= cost)
			band->tokens -= cost;
		else if (!exceeded || band->rate > exceeded->rate)
			exceeded = band;
	}

	if (exceeded) {
		exceeded->stats.n_packets++;
		exceeded->stats.n_bytes += skb->len;
		drop = exceeded->type == OVS_METER_BAND_TYPE_DROP;
	}

	spin_unlock(&meter->lock);
	return drop;
}

/* ------------------------------------------------------------------ */
/* Netlink                                                             */
/* ------------------------------------------------------------------ */

/* Payload of the largest reply (FEATURES, or a meter's statistics). */
static size_t meter_reply_size(void)
{
	size_t band_nest = nla_total_size(0) +
			   nla_total_size(sizeof(struct ovs_flow_stats)) +
			   nla_total_size(sizeof(u32));
	size_t stats = nla_total_size(sizeof(u32)) +		/* ID */
		       nla_total_size(sizeof(struct ovs_flow_stats)) +
		       nla_total_size_64bit(sizeof(u64)) +	/* USED */
		       nla_total_size(0) +			/* BANDS */
		       OVS_METER_MAX_BANDS * band_nest;
	size_t features = 2 * nla_total_size(sizeof(u32)) +
			  nla_total_size(0) + band_nest;

	return NLMSG_ALIGN(sizeof(struct ovs_header)) + max(stats, features);
}

/* A reply to @info's request with the request's dp_ifindex. */
static struct sk_buff *meter_reply_start(struct genl_info *info, u8 cmd,
					 struct ovs_header **hdr)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct sk_buff *reply;

	reply = genlmsg_new(meter_reply_size(), GFP_KERNEL);
	if (!reply)
		return ERR_PTR(-ENOMEM);

	*hdr = genlmsg_put(reply, info->snd_portid, info->snd_seq,
			   &dp_meter_genl_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(reply);
		return ERR_PTR(-EMSGSIZE);
	}
	(*hdr)->dp_ifindex = req->dp_ifindex;
	return reply;
}

/* Copy a meter's counters.  The meter may be in use by the packet path. */
static void meter_snapshot(struct dp_meter *meter,
			   struct meter_stats_snapshot *snap)
{
	int i;

	spin_lock_bh(&meter->lock);
	snap->used_ms = div_u64(meter->last_us, USEC_PER_MSEC);
	snap->n_bands = meter->n_bands;
	snap->stats = meter->stats;
	for (i = 0; i < meter->n_bands; i++)
		snap->bands[i] = meter->bands[i].stats;
	spin_unlock_bh(&meter->lock);
}

/*
 * OVS_METER_ATTR_STATS, _USED and _BANDS (one nest per band holding its
 * OVS_BAND_ATTR_STATS), as GET, DEL and a replacing SET answer.
 */
static int meter_put_stats(struct sk_buff *reply,
			   const struct meter_stats_snapshot *snap)
{
	struct nlattr *bands, *band;
	int i;

	if (nla_put(reply, OVS_METER_ATTR_STATS, sizeof(snap->stats),
		    &snap->stats) ||
	    nla_put_u64_64bit(reply, OVS_METER_ATTR_USED, snap->used_ms,
			      OVS_METER_ATTR_PAD))
		return -EMSGSIZE;

	bands = nla_nest_start_noflag(reply, OVS_METER_ATTR_BANDS);
	if (!bands)
		return -EMSGSIZE;
	for (i = 0; i < snap->n_bands; i++) {
		band = nla_nest_start_noflag(reply, OVS_BAND_ATTR_UNSPEC);
		if (!band ||
		    nla_put(reply, OVS_BAND_ATTR_STATS, sizeof(snap->bands[i]),
			    &snap->bands[i]))
			return -EMSGSIZE;
		nla_nest_end(reply, band);
	}
	nla_nest_end(reply, bands);
	return 0;
}

static int ovs_meter_cmd_features(struct sk_buff *skb, struct genl_info *info)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct nlattr *bands, *band;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	struct datapath *dp;
	u32 limit = 0;

	reply = meter_reply_start(info, OVS_METER_CMD_FEATURES, &hdr);
	if (IS_ERR(reply))
		return PTR_ERR(reply);

	rcu_read_lock();
	dp = meter_get_dp(genl_info_net(info), req->dp_ifindex);
	if (dp)
		limit = dp->meter_tbl->limit;
	rcu_read_unlock();
	if (!dp) {
		NL_SET_ERR_MSG_MOD(info->extack, "No such datapath");
		nlmsg_free(reply);
		return -ENODEV;
	}

	if (nla_put_u32(reply, OVS_METER_ATTR_MAX_METERS, limit) ||
	    nla_put_u32(reply, OVS_METER_ATTR_MAX_BANDS, OVS_METER_MAX_BANDS))
		goto nla_put_failure;

	/* The band types this datapath implements: drop. */
	bands = nla_nest_start_noflag(reply, OVS_METER_ATTR_BANDS);
	if (!bands)
		goto nla_put_failure;
	band = nla_nest_start_noflag(reply, OVS_BAND_ATTR_UNSPEC);
	if (!band ||
	    nla_put_u32(reply, OVS_BAND_ATTR_TYPE, OVS_METER_BAND_TYPE_DROP))
		goto nla_put_failure;
	nla_nest_end(reply, band);
	nla_nest_end(reply, bands);

	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);

nla_put_failure:
	nlmsg_free(reply);
	return -EMSGSIZE;
}

/* Fill one band of a new meter from its OVS_BAND_ATTR_* nest. */
static int meter_parse_band(const struct nlattr *nla, struct dp_meter_band *band,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[OVS_BAND_ATTR_MAX + 1];
	int err;

	err = nla_parse_nested_deprecated(tb, OVS_BAND_ATTR_MAX, nla,
					  band_policy, extack);
	if (err)
		return err;

	if (!tb[OVS_BAND_ATTR_TYPE] || !tb[OVS_BAND_ATTR_RATE] ||
	    !tb[OVS_BAND_ATTR_BURST]) {
		NL_SET_ERR_MSG_MOD(extack, "Meter band needs a type, a rate and a burst");
		return -EINVAL;
	}

	band->type = nla_get_u32(tb[OVS_BAND_ATTR_TYPE]);
	if (band->type != OVS_METER_BAND_TYPE_DROP) {
		NL_SET_ERR_MSG_ATTR(extack, tb[OVS_BAND_ATTR_TYPE],
				    "Unsupported meter band type");
		return -EINVAL;
	}

	band->rate = nla_get_u32(tb[OVS_BAND_ATTR_RATE]);
	if (!band->rate) {
		NL_SET_ERR_MSG_ATTR(extack, tb[OVS_BAND_ATTR_RATE],
				    "Meter band rate must not be zero");
		return -EINVAL;
	}

	band->burst = nla_get_u32(tb[OVS_BAND_ATTR_BURST]);
	band->capacity = band->burst * METER_UNITS_PER_BURST;
	band->fill_us = div_u64(band->capacity, band->rate) + 1;
	/* A new band starts with a full bucket. */
	band->tokens = band->capacity;
	return 0;
}

/* Build the meter an OVS_METER_CMD_SET request describes. */
static struct dp_meter *meter_create(struct nlattr **a,
				     struct netlink_ext_ack *extack)
{
	const struct nlattr *nla;
	struct dp_meter *meter;
	int n_bands = 0;
	int rem, err;

	if (!a[OVS_METER_ATTR_BANDS]) {
		NL_SET_ERR_MSG_MOD(extack, "Meter bands missing");
		return ERR_PTR(-EINVAL);
	}

	nla_for_each_nested(nla, a[OVS_METER_ATTR_BANDS], rem) {
		if (++n_bands > OVS_METER_MAX_BANDS) {
			NL_SET_ERR_MSG_ATTR(extack, nla, "Too many meter bands");
			return ERR_PTR(-EINVAL);
		}
	}
	if (rem) {
		NL_SET_ERR_MSG_ATTR(extack, a[OVS_METER_ATTR_BANDS],
				    "Malformed meter bands");
		return ERR_PTR(-EINVAL);
	}

	meter = kzalloc(struct_size(meter, bands, n_bands), GFP_KERNEL_ACCOUNT);
	if (!meter)
		return ERR_PTR(-ENOMEM);

	spin_lock_init(&meter->lock);
	meter->id = nla_get_u32(a[OVS_METER_ATTR_ID]);
	meter->kbps = !!a[OVS_METER_ATTR_KBPS];
	meter->keep_stats = !a[OVS_METER_ATTR_CLEAR];
	meter->last_us = meter_now_us();
	/* Userspace may carry statistics over into the new meter. */
	if (meter->keep_stats && a[OVS_METER_ATTR_STATS])
		memcpy(&meter->stats, nla_data(a[OVS_METER_ATTR_STATS]),
		       sizeof(meter->stats));

	nla_for_each_nested(nla, a[OVS_METER_ATTR_BANDS], rem) {
		err = meter_parse_band(nla, &meter->bands[meter->n_bands],
				       extack);
		if (err) {
			kfree(meter);
			return ERR_PTR(err);
		}
		meter->n_bands++;
	}
	return meter;
}

static int ovs_meter_cmd_set(struct sk_buff *skb, struct genl_info *info)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct netlink_ext_ack *extack = info->extack;
	struct meter_stats_snapshot snap;
	struct dp_meter *meter, *old;
	struct dp_meter_table *tbl;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	struct datapath *dp;
	bool put_old = false;
	u32 id;
	int err;

	if (!info->attrs[OVS_METER_ATTR_ID]) {
		NL_SET_ERR_MSG_MOD(extack, "Meter id missing");
		return -EINVAL;
	}
	id = nla_get_u32(info->attrs[OVS_METER_ATTR_ID]);

	meter = meter_create(info->attrs, extack);
	if (IS_ERR(meter))
		return PTR_ERR(meter);

	reply = meter_reply_start(info, OVS_METER_CMD_SET, &hdr);
	if (IS_ERR(reply)) {
		err = PTR_ERR(reply);
		goto err_free_meter;
	}

	ovs_lock();
	dp = meter_get_dp(genl_info_net(info), req->dp_ifindex);
	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No such datapath");
		err = -ENODEV;
		goto err_unlock;
	}
	tbl = dp->meter_tbl;

	old = meter_lookup_ovsl(tbl, id);
	if (old) {
		/* Readers see either meter, never neither. */
		err = rhashtable_replace_fast(&tbl->meters, &old->node,
					      &meter->node, meter_ht_params);
	} else if (tbl->count >= tbl->limit) {
		NL_SET_ERR_MSG_MOD(extack, "Datapath meter table is full");
		err = -EFBIG;
	} else {
		err = rhashtable_insert_fast(&tbl->meters, &meter->node,
					     meter_ht_params);
		if (!err)
			tbl->count++;
	}
	ovs_unlock();
	if (err)
		goto err_free_reply;

	/*
	 * The old meter is out of the table; packets that found it before
	 * may still count on it until the grace period ends.
	 */
	if (old) {
		put_old = old->keep_stats;
		if (put_old)
			meter_snapshot(old, &snap);
		kfree_rcu(old, rcu);
	}

	if (nla_put_u32(reply, OVS_METER_ATTR_ID, id) ||
	    (put_old && meter_put_stats(reply, &snap))) {
		/* meter_reply_size() covers this; the change stands. */
		WARN_ON_ONCE(1);
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);

err_unlock:
	ovs_unlock();
err_free_reply:
	nlmsg_free(reply);
err_free_meter:
	kfree(meter);
	return err;
}

static int ovs_meter_cmd_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct netlink_ext_ack *extack = info->extack;
	struct meter_stats_snapshot snap;
	struct dp_meter *meter = NULL;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	struct datapath *dp;
	u32 id;

	if (!info->attrs[OVS_METER_ATTR_ID]) {
		NL_SET_ERR_MSG_MOD(extack, "Meter id missing");
		return -EINVAL;
	}
	id = nla_get_u32(info->attrs[OVS_METER_ATTR_ID]);

	reply = meter_reply_start(info, OVS_METER_CMD_GET, &hdr);
	if (IS_ERR(reply))
		return PTR_ERR(reply);

	rcu_read_lock();
	dp = meter_get_dp(genl_info_net(info), req->dp_ifindex);
	if (dp) {
		meter = meter_lookup_rcu(dp->meter_tbl, id);
		if (meter)
			meter_snapshot(meter, &snap);
	}
	rcu_read_unlock();

	if (!dp) {
		NL_SET_ERR_MSG_MOD(extack, "No such datapath");
		nlmsg_free(reply);
		return -ENODEV;
	}
	if (!meter) {
		NL_SET_ERR_MSG_MOD(extack, "No such meter");
		nlmsg_free(reply);
		return -ENOENT;
	}

	if (nla_put_u32(reply, OVS_METER_ATTR_ID, id) ||
	    meter_put_stats(reply, &snap)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static int ovs_meter_cmd_del(struct sk_buff *skb, struct genl_info *info)
{
	const struct ovs_header *req = genlmsg_data(info->genlhdr);
	struct netlink_ext_ack *extack = info->extack;
	struct meter_stats_snapshot snap;
	struct dp_meter_table *tbl;
	struct dp_meter *meter;
	struct ovs_header *hdr;
	struct sk_buff *reply;
	struct datapath *dp;
	u32 id;
	int err = 0;

	if (!info->attrs[OVS_METER_ATTR_ID]) {
		NL_SET_ERR_MSG_MOD(extack, "Meter id missing");
		return -EINVAL;
	}
	id = nla_get_u32(info->attrs[OVS_METER_ATTR_ID]);

	reply = meter_reply_start(info, OVS_METER_CMD_DEL, &hdr);
	if (IS_ERR(reply))
		return PTR_ERR(reply);

	ovs_lock();
	dp = meter_get_dp(genl_info_net(info), req->dp_ifindex);
	if (!dp) {
		ovs_unlock();
		NL_SET_ERR_MSG_MOD(extack, "No such datapath");
		nlmsg_free(reply);
		return -ENODEV;
	}
	tbl = dp->meter_tbl;
	meter = meter_lookup_ovsl(tbl, id);
	if (meter) {
		err = rhashtable_remove_fast(&tbl->meters, &meter->node,
					     meter_ht_params);
		if (!err)
			tbl->count--;
	}
	ovs_unlock();
	if (err) {
		nlmsg_free(reply);
		return err;
	}

	/* Deleting a meter that does not exist succeeds with an empty reply. */
	if (meter) {
		meter_snapshot(meter, &snap);
		kfree_rcu(meter, rcu);
		if (nla_put_u32(reply, OVS_METER_ATTR_ID, id) ||
		    meter_put_stats(reply, &snap)) {
			WARN_ON_ONCE(1);
			nlmsg_free(reply);
			return -EMSGSIZE;
		}
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static const struct genl_small_ops dp_meter_genl_ops[] = {
	{
		.cmd = OVS_METER_CMD_FEATURES,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_meter_cmd_features,
	},
	{
		.cmd = OVS_METER_CMD_SET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_meter_cmd_set,
	},
	{
		.cmd = OVS_METER_CMD_DEL,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = GENL_UNS_ADMIN_PERM,
		.doit = ovs_meter_cmd_del,
	},
	{
		.cmd = OVS_METER_CMD_GET,
		.validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.flags = 0,	/* reading is unprivileged */
		.doit = ovs_meter_cmd_get,
	},
};

static const struct genl_multicast_group dp_meter_mcgroups[] = {
	{ .name = OVS_METER_MCGROUP },
};

/* Registered with the other families by datapath.c's module init. */
struct genl_family dp_meter_genl_family __ro_after_init = {
	.hdrsize = sizeof(struct ovs_header),
	.name = OVS_METER_FAMILY,
	.version = OVS_METER_VERSION,
	.maxattr = OVS_METER_ATTR_MAX,
	.policy = meter_policy,
	.netnsok = true,
	.parallel_ops = true,
	.small_ops = dp_meter_genl_ops,
	.n_small_ops = ARRAY_SIZE(dp_meter_genl_ops),
#ifdef HAVE_GENL_RESV_START_OP
	.resv_start_op = OVS_METER_CMD_GET + 1,
#endif
	.mcgrps = dp_meter_mcgroups,
	.n_mcgrps = ARRAY_SIZE(dp_meter_mcgroups),
	.module = THIS_MODULE,
};

MODULE_ALIAS_GENL_FAMILY(OVS_METER_FAMILY);
