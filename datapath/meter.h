/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Meters: the ovs_meter generic netlink family (OVS_METER_CMD_*) and the
 * OVS_ACTION_ATTR_METER action.  Each datapath owns a table of meters keyed
 * by their 32-bit id; a meter is a set of token-bucket bands measured in
 * packets or kilobits per second.  Configuration runs under ovs_mutex, the
 * packet path finds meters under RCU.
 */
#ifndef OVS_METER_H
#define OVS_METER_H

#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/genetlink.h>

#include "flow.h"

struct datapath;

/* Bands per meter, as the in-tree datapath (only one drop band is useful). */
#define OVS_METER_MAX_BANDS	1
/* Most meters one datapath may hold, whatever the memory. */
#define OVS_METER_LIMIT_MAX	200000U

extern struct genl_family dp_meter_genl_family;

/**
 * ovs_meters_init - give a new datapath an empty meter table.
 * @dp: the datapath being created, not yet visible to anyone.
 *
 * Sets @dp->meter_tbl.  The table's capacity (reported to userspace as
 * OVS_METER_ATTR_MAX_METERS) is derived from free memory at this moment,
 * capped at OVS_METER_LIMIT_MAX, as the in-tree datapath does.
 * Context: process context, may sleep.
 * Return: 0 or -ENOMEM.
 */
int ovs_meters_init(struct datapath *dp);

/**
 * ovs_meters_exit - free a datapath's meter table and every meter in it.
 * @dp: the datapath; @dp->meter_tbl may be NULL (never initialised).
 *
 * Context: process context; the datapath must be unreachable and an RCU
 * grace period past since it became so (no packet or genl command can
 * still see the table).
 */
void ovs_meters_exit(struct datapath *dp);

/**
 * ovs_meter_execute - run a packet through a meter.
 * @dp: the datapath whose table holds the meter.
 * @skb: the packet; not consumed, only its length is used.
 * @key: its flow key (unused; kept for the action calling convention).
 * @meter_id: OVS_ACTION_ATTR_METER argument.
 *
 * Refills the meter's bands for the time elapsed since its last packet,
 * charges the packet (one packet, or skb->len * 8 bits for a kbps meter)
 * and counts it.  When bands lack the tokens, the one with the highest
 * rate among them counts the packet; if it is a drop band the caller must
 * drop the packet.  A meter id with no meter lets every packet pass.
 * Context: rcu_read_lock, BH disabled; takes the meter's spinlock.
 * Return: true if the packet must be dropped, false otherwise.
 */
bool ovs_meter_execute(struct datapath *dp, struct sk_buff *skb,
		       struct sw_flow_key *key, u32 meter_id);

#endif /* OVS_METER_H */
