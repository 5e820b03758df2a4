/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Masked flow table (megaflows).
 *
 * Flows live in one rhashtable keyed by (mask, masked key) and, when they
 * have a UFID, in a second rhashtable keyed by UFID.  Masks live in an
 * RCU-replaced array; a lookup masks the packet's key with each mask in
 * turn.  A per-CPU mask cache, indexed by the skb hash, remembers which mask
 * matched last so that most packets try one mask.  Readers run under
 * rcu_read_lock (the packet path takes no lock); writers hold ovs_mutex.
 */
#ifndef OVS_FLOW_TABLE_H
#define OVS_FLOW_TABLE_H

#include <linux/rhashtable.h>
#include <linux/list.h>
#include "flow.h"

#define OVS_MC_DEFAULT_ENTRIES	256	/* mask cache entries per CPU */
#define OVS_MC_MAX_ENTRIES	4096	/* upper bound, as the in-tree policy */

struct mask_array;
struct mask_cache;

/**
 * struct flow_table - the datapath's flow table.
 * @flows: all flows, keyed by mask and masked key.
 * @ufid_flows: flows that have a UFID, keyed by UFID.
 * @flow_list: every flow, for dumps and flush (writers under ovs_mutex).
 * @mask_array: RCU-protected array of masks in use.
 * @mask_cache: RCU-protected per-CPU mask cache.
 * @count: number of flows.
 * @ufid_count: number of flows with a UFID.
 * @dump_gen: incremented on every insert/remove, lets dumps resume.
 */
struct flow_table {
	struct rhashtable flows;
	struct rhashtable ufid_flows;
	struct list_head flow_list;
	struct mask_array __rcu *mask_array;
	struct mask_cache __rcu *mask_cache;
	unsigned int count;
	unsigned int ufid_count;
	unsigned long dump_gen;
	/* Dump cursor, flow_table.c private (see ovs_flow_tbl_dump_next()). */
	/** @dump_cur: list node after which the cached dump resumes. */
	struct list_head *dump_cur;
	/** @dump_prev: resume point of the step before, for retries. */
	struct list_head *dump_prev;
	/** @dump_token: identifies the dump @dump_cur belongs to. */
	u32 dump_token;
	/** @dump_step: flows that dump has been given so far. */
	u32 dump_step;
};

/**
 * ovs_flow_tbl_init - initialise an empty table.
 * @table: the table.
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_tbl_init(struct flow_table *table);

/**
 * ovs_flow_tbl_destroy - free every flow and mask and the table's memory.
 * @table: the table; no reader may start a new lookup.  Flows are freed
 *	after an RCU grace period.  Context: ovs_mutex held or table unreachable.
 */
void ovs_flow_tbl_destroy(struct flow_table *table);

/**
 * ovs_flow_tbl_flush - remove and free every flow (OVS_FLOW_CMD_DEL with no
 * key).  Context: ovs_mutex held.
 * @table: the table.
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_tbl_flush(struct flow_table *table);

/**
 * ovs_flow_tbl_insert - add a flow with a mask.
 * @table: the table.
 * @flow: the flow; flow->key must already be masked with @mask.
 * @mask: the mask; an equal mask already in the table is shared
 *	(refcounted), otherwise a copy is added.
 * Context: ovs_mutex held.
 * Return: 0; -ENOMEM; -EEXIST if an identical masked key or UFID exists.
 */
int ovs_flow_tbl_insert(struct flow_table *table, struct sw_flow *flow,
			const struct sw_flow_mask *mask);

/**
 * ovs_flow_tbl_remove - unlink a flow (the caller frees it with RCU).
 * @table: the table.  @flow: a flow in it.  Its mask loses a reference and
 *	is removed when unused.  Context: ovs_mutex held.
 */
void ovs_flow_tbl_remove(struct flow_table *table, struct sw_flow *flow);

/**
 * ovs_flow_tbl_count - number of flows.  @table: the table.
 * Return: the count.
 */
unsigned int ovs_flow_tbl_count(const struct flow_table *table);

/**
 * ovs_flow_tbl_num_masks - number of masks in use.  @table: the table.
 * Return: the count.
 */
unsigned int ovs_flow_tbl_num_masks(const struct flow_table *table);

/**
 * ovs_flow_tbl_lookup_stats - packet-path lookup.
 * @table: the table.
 * @key: the packet's unmasked key.
 * @skb_hash: the packet's hash (0 disables the mask cache for it).
 * @n_mask_hit: set to the number of masks tried.
 * @n_cache_hit: set to 1 if the mask cache gave the match, else 0.
 * Context: rcu_read_lock, BH disabled.
 * Return: the matching flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup_stats(struct flow_table *table,
					  const struct sw_flow_key *key,
					  u32 skb_hash, u32 *n_mask_hit,
					  u32 *n_cache_hit);

/**
 * ovs_flow_tbl_lookup - lookup without the cache or statistics.
 * @table: the table.  @key: the unmasked key.
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the matching flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup(struct flow_table *table,
				    const struct sw_flow_key *key);

/**
 * ovs_flow_tbl_lookup_exact - find the flow with exactly this key and mask.
 * @table: the table.  @match: key (unmasked) and mask.
 * Context: ovs_mutex held.
 * Return: the flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup_exact(struct flow_table *table,
					  const struct sw_flow_match *match);

/**
 * ovs_flow_tbl_lookup_ufid - find a flow by UFID.
 * @table: the table.  @ufid: the identifier (ufid_len > 0).
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup_ufid(struct flow_table *table,
					 const struct sw_flow_id *ufid);

/**
 * ovs_flow_tbl_dump_next - iterate flows for a netlink dump.
 * @table: the table.
 * @pos: opaque cursor, 0 to start; advanced past the returned flow.
 * Context: ovs_mutex held (dumps take it per message).
 * Return: the next flow or NULL at the end.
 */
struct sw_flow *ovs_flow_tbl_dump_next(struct flow_table *table, u64 *pos);

/**
 * ovs_flow_tbl_masks_cache_size - per-CPU mask cache entries.
 * @table: the table.
 * Return: the current size (0 = disabled).
 */
u32 ovs_flow_tbl_masks_cache_size(const struct flow_table *table);

/**
 * ovs_flow_tbl_masks_cache_resize - OVS_DP_ATTR_MASKS_CACHE_SIZE.
 * @table: the table.
 * @size: 0 (disable) or a power of two up to %OVS_MC_MAX_ENTRIES.
 * Context: ovs_mutex held.
 * Return: 0, -EINVAL for a bad size, -ENOMEM.
 */
int ovs_flow_tbl_masks_cache_resize(struct flow_table *table, u32 size);

/**
 * ovs_flow_cmp - does a flow match a key exactly under a mask?
 * @flow: the flow.  @match: unmasked key and mask.
 * Return: true when flow->key equals @match->key masked by flow->mask and
 *	the masks are the same.
 */
bool ovs_flow_cmp(const struct sw_flow *flow, const struct sw_flow_match *match);

/**
 * ovs_flow_mask_key - apply a mask to a key.
 * @dst: receives @src & @mask; bytes outside the mask's range are zeroed
 *	when @full, left untouched otherwise.
 * @src: the key.  @full: see @dst.  @mask: the mask.
 */
void ovs_flow_mask_key(struct sw_flow_key *dst, const struct sw_flow_key *src,
		       bool full, const struct sw_flow_mask *mask);

#endif /* OVS_FLOW_TABLE_H */
