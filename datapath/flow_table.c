// SPDX-License-Identifier: GPL-2.0-only
/*
 * Masked flow table (megaflows) on rhashtable.
 *
 * Layout:
 *
 * - table->flows holds every flow.  Its key is the pair (mask, masked key):
 *   two flows collide only if they use the same mask object and agree on
 *   the bytes that mask covers.  The key is not stored contiguously, so the
 *   table uses its own hash and compare callbacks and a small lookup
 *   argument (struct flow_rht_arg) instead of a fixed key_len.
 * - table->ufid_flows holds the flows that userspace named with a UFID.
 * - table->mask_array lists the distinct masks in use, densely packed.  It
 *   is replaced wholesale (RCU) when it must grow or shrink; in between,
 *   writers publish and retract single slots.  Equal masks are shared and
 *   refcounted.
 * - table->mask_cache remembers, per CPU and per skb hash, the slot of the
 *   mask that matched last, so that a packet of a known connection usually
 *   costs one masked lookup instead of one per mask.
 * - table->flow_list threads every flow in insertion order for flushes and
 *   netlink dumps.
 *
 * The packet path (ovs_flow_tbl_lookup_stats()) takes no lock: it runs
 * under rcu_read_lock with BH disabled, and only writes its own CPU's cache
 * entries.  Every modification happens under ovs_mutex.
 *
 * Behaviour (statistics, cache probing, exact-match rules) follows the
 * in-tree net/openvswitch/flow_table.c; the data structures differ.
 */

#include <linux/kernel.h>
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "datapath.h"
#include "flow.h"
#include "flow_table.h"

/* Smallest number of slots of a mask array; it never shrinks below this. */
#define MASK_ARRAY_MIN_SLOTS	16

/*
 * The mask cache is probed at up to MC_PROBES places, each taken from the
 * next MC_PROBE_SHIFT bits of the skb hash, as the in-tree datapath does.
 */
#define MC_PROBE_SHIFT		8
#define MC_PROBES		(32 / MC_PROBE_SHIFT)

/**
 * struct mask_array - the masks in use.
 * @rcu: deferred free after the array is replaced.
 * @count: slots in use; slots [0, @count) are non-NULL.
 * @max: slots allocated.
 * @masks: the masks.  Readers stop at the first NULL slot.
 */
struct mask_array {
	struct rcu_head rcu;
	int count;
	int max;
	struct sw_flow_mask __rcu *masks[];
};

/**
 * struct mask_cache_entry - one remembered (skb hash, mask slot) pair.
 * @skb_hash: the packet hash the entry is for; 0 marks a free entry.
 * @mask_index: slot in the mask array of the mask that matched.
 */
struct mask_cache_entry {
	u32 skb_hash;
	u32 mask_index;
};

/**
 * struct mask_cache - per-CPU mask caches.
 * @rcu: deferred free after the cache is resized.
 * @size: entries per CPU, a power of two, or 0 when the cache is disabled.
 * @entries: per CPU number, that CPU's @size entries (NULL when @size is 0).
 *	Only the owning CPU touches its entries, with BH disabled.
 *
 * The entries are allocated per CPU on the CPU's node rather than with the
 * percpu allocator because the largest size (%OVS_MC_MAX_ENTRIES) exceeds
 * what a single percpu allocation may hold.
 */
struct mask_cache {
	struct rcu_head rcu;
	u32 size;
	struct mask_cache_entry *entries[];
};

/**
 * struct flow_rht_arg - lookup key of table->flows.
 * @mask: the mask the flow must use (compared by pointer).
 * @key: a key already masked with @mask; only @mask's range is read.
 */
struct flow_rht_arg {
	const struct sw_flow_mask *mask;
	const struct sw_flow_key *key;
};

/* ------------------------------------------------------------------ */
/* Key helpers                                                          */
/* ------------------------------------------------------------------ */

/* Do @a and @b agree on the long-aligned byte range [start, end)? */
static bool keys_equal(const struct sw_flow_key *a, const struct sw_flow_key *b,
		       unsigned int start, unsigned int end)
{
	const unsigned long *pa = (const unsigned long *)((const u8 *)a + start);
	const unsigned long *pb = (const unsigned long *)((const u8 *)b + start);
	unsigned int n = (end - start) / sizeof(long);
	unsigned long diff = 0;

	while (n--)
		diff |= *pa++ ^ *pb++;
	return !diff;
}

/* Two masks are equal when they cover the same range with the same bits. */
static bool masks_equal(const struct sw_flow_mask *a,
			const struct sw_flow_mask *b)
{
	return a->range.start == b->range.start &&
	       a->range.end == b->range.end &&
	       keys_equal(&a->key, &b->key, a->range.start, a->range.end);
}

/**
 * ovs_flow_mask_key - apply a mask to a key.
 * @dst: receives @src & @mask over @mask's range.  When @full is true the
 *	bytes outside the range are zeroed; otherwise they are not written,
 *	which is enough for callers that only hash and compare the range.
 * @src: the key to mask.
 * @full: whether to initialise all of @dst.
 * @mask: the mask; its range is long-aligned (flow_netlink.c guarantees it).
 *
 * Works a long at a time.  Same semantics as the in-tree function.
 * Context: any.
 */
void ovs_flow_mask_key(struct sw_flow_key *dst, const struct sw_flow_key *src,
		       bool full, const struct sw_flow_mask *mask)
{
	unsigned int start = mask->range.start;
	unsigned int end = mask->range.end;
	const unsigned long *m = (const unsigned long *)((const u8 *)&mask->key + start);
	const unsigned long *s = (const unsigned long *)((const u8 *)src + start);
	unsigned long *d = (unsigned long *)((u8 *)dst + start);
	unsigned int n = (end - start) / sizeof(long);

	if (full) {
		memset(dst, 0, start);
		memset((u8 *)dst + end, 0, sizeof(*dst) - end);
	}
	while (n--)
		*d++ = *s++ & *m++;
}

/* ------------------------------------------------------------------ */
/* rhashtable callbacks                                                 */
/* ------------------------------------------------------------------ */

/*
 * Hash of a masked key: jhash2 over the u32 words of the mask's range,
 * seeded with the table's random seed mixed with the mask's address so that
 * equal bytes under different masks land in different buckets.
 */
static u32 flow_key_hash(const struct sw_flow_key *key,
			 const struct sw_flow_mask *mask, u32 seed)
{
	const u32 *words = (const u32 *)((const u8 *)key + mask->range.start);
	u32 n = (mask->range.end - mask->range.start) / sizeof(u32);

	return jhash2(words, n, seed ^ hash32_ptr(mask));
}

static u32 flow_rht_hashfn(const void *data, u32 len, u32 seed)
{
	const struct flow_rht_arg *arg = data;

	return flow_key_hash(arg->key, arg->mask, seed);
}

static u32 flow_rht_obj_hashfn(const void *data, u32 len, u32 seed)
{
	const struct sw_flow *flow = data;

	return flow_key_hash(&flow->key, flow->mask, seed);
}

static int flow_rht_obj_cmpfn(struct rhashtable_compare_arg *cmp,
			      const void *obj)
{
	const struct flow_rht_arg *arg = cmp->key;
	const struct sw_flow *flow = obj;
	const struct sw_flow_mask *mask = arg->mask;

	if (flow->mask != mask)
		return 1;
	return !keys_equal(&flow->key, arg->key, mask->range.start,
			   mask->range.end);
}

static const struct rhashtable_params flow_rht_params = {
	.head_offset = offsetof(struct sw_flow, hash_node),
	.hashfn = flow_rht_hashfn,
	.obj_hashfn = flow_rht_obj_hashfn,
	.obj_cmpfn = flow_rht_obj_cmpfn,
	.automatic_shrinking = true,
};

static u32 ufid_rht_hashfn(const void *data, u32 len, u32 seed)
{
	const struct sw_flow_id *id = data;

	return jhash(id->ufid, id->ufid_len, seed);
}

static u32 ufid_rht_obj_hashfn(const void *data, u32 len, u32 seed)
{
	const struct sw_flow *flow = data;

	return jhash(flow->id.ufid, flow->id.ufid_len, seed);
}

static int ufid_rht_obj_cmpfn(struct rhashtable_compare_arg *cmp,
			      const void *obj)
{
	const struct sw_flow_id *id = cmp->key;
	const struct sw_flow *flow = obj;

	if (flow->id.ufid_len != id->ufid_len)
		return 1;
	return memcmp(flow->id.ufid, id->ufid, id->ufid_len) != 0;
}

static const struct rhashtable_params ufid_rht_params = {
	.head_offset = offsetof(struct sw_flow, ufid_node),
	.hashfn = ufid_rht_hashfn,
	.obj_hashfn = ufid_rht_obj_hashfn,
	.obj_cmpfn = ufid_rht_obj_cmpfn,
	.automatic_shrinking = true,
};

/* ------------------------------------------------------------------ */
/* Mask array                                                           */
/* ------------------------------------------------------------------ */

static struct mask_array *mask_array_alloc(int slots)
{
	struct mask_array *ma;

	ma = kvzalloc(struct_size(ma, masks, slots), GFP_KERNEL);
	if (!ma)
		return NULL;
	ma->max = slots;
	return ma;
}

static void mask_array_free_rcu(struct rcu_head *rcu)
{
	kvfree(container_of(rcu, struct mask_array, rcu));
}

/*
 * Replace the mask array by one of @slots slots holding the same masks in
 * the same order.  Readers still walking the old array finish on it.
 * Context: ovs_mutex held.
 */
static int mask_array_resize(struct flow_table *table, int slots)
{
	struct mask_array *old = ovsl_dereference(table->mask_array);
	struct mask_array *new;
	int i;

	if (WARN_ON_ONCE(slots < old->count))
		return -EINVAL;
	new = mask_array_alloc(slots);
	if (!new)
		return -ENOMEM;
	for (i = 0; i < old->count; i++)
		RCU_INIT_POINTER(new->masks[i], ovsl_dereference(old->masks[i]));
	new->count = old->count;

	rcu_assign_pointer(table->mask_array, new);
	call_rcu(&old->rcu, mask_array_free_rcu);
	return 0;
}

/* Append @mask to the mask array.  Context: ovs_mutex held. */
static int mask_array_append(struct flow_table *table,
			     struct sw_flow_mask *mask)
{
	struct mask_array *ma = ovsl_dereference(table->mask_array);
	int err;

	if (ma->count >= ma->max) {
		if (ma->max > INT_MAX / 2)
			return -ENOMEM;
		err = mask_array_resize(table, ma->max * 2);
		if (err)
			return err;
		ma = ovsl_dereference(table->mask_array);
	}
	rcu_assign_pointer(ma->masks[ma->count], mask);
	WRITE_ONCE(ma->count, ma->count + 1);
	return 0;
}

/*
 * Take @mask out of the mask array, keeping the array dense by moving the
 * last mask into its slot.  A reader that already passed that slot may miss
 * the moved mask for this one lookup (the packet then goes to userspace),
 * as with the in-tree datapath; cached slot numbers are re-validated by the
 * lookup itself.  Shrinks the array when it is mostly empty.
 * Context: ovs_mutex held.
 */
static void mask_array_remove(struct flow_table *table,
			      const struct sw_flow_mask *mask)
{
	struct mask_array *ma = ovsl_dereference(table->mask_array);
	int last = ma->count - 1;
	int i;

	for (i = 0; i <= last; i++)
		if (ovsl_dereference(ma->masks[i]) == mask)
			break;
	if (WARN_ON_ONCE(i > last))
		return;

	if (i != last)
		rcu_assign_pointer(ma->masks[i],
				   ovsl_dereference(ma->masks[last]));
	RCU_INIT_POINTER(ma->masks[last], NULL);
	WRITE_ONCE(ma->count, last);

	/* Failing to shrink is harmless: the bigger array stays in use. */
	if (ma->max > MASK_ARRAY_MIN_SLOTS && last <= ma->max / 4)
		mask_array_resize(table, max(ma->max / 2, MASK_ARRAY_MIN_SLOTS));
}

/* The table's mask equal to @mask, or NULL.  Context: ovs_mutex held. */
static struct sw_flow_mask *flow_mask_find(const struct flow_table *table,
					   const struct sw_flow_mask *mask)
{
	struct mask_array *ma = ovsl_dereference(table->mask_array);
	int i;

	for (i = 0; i < ma->count; i++) {
		struct sw_flow_mask *m = ovsl_dereference(ma->masks[i]);

		if (masks_equal(m, mask))
			return m;
	}
	return NULL;
}

/*
 * Take a reference on the table's mask equal to @mask, adding a copy of
 * @mask if there is none.  Context: ovs_mutex held.
 */
static struct sw_flow_mask *flow_mask_get(struct flow_table *table,
					  const struct sw_flow_mask *mask)
{
	struct sw_flow_mask *m;

	m = flow_mask_find(table, mask);
	if (m) {
		m->ref_count++;
		return m;
	}

	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->ref_count = 1;
	m->range = mask->range;
	m->key = mask->key;
	if (mask_array_append(table, m)) {
		kfree(m);
		return ERR_PTR(-ENOMEM);
	}
	return m;
}

/*
 * Drop a reference on @mask; the last one removes it from the table and
 * frees it after a grace period.  Context: ovs_mutex held.
 */
static void flow_mask_put(struct flow_table *table, struct sw_flow_mask *mask)
{
	if (WARN_ON_ONCE(mask->ref_count <= 0))
		return;
	if (--mask->ref_count)
		return;
	mask_array_remove(table, mask);
	kfree_rcu(mask, rcu);
}

/* ------------------------------------------------------------------ */
/* Mask cache                                                           */
/* ------------------------------------------------------------------ */

static void mask_cache_free(struct mask_cache *mc)
{
	int cpu;

	if (!mc)
		return;
	if (mc->size)
		for_each_possible_cpu(cpu)
			kvfree(mc->entries[cpu]);
	kfree(mc);
}

static void mask_cache_free_rcu(struct rcu_head *rcu)
{
	mask_cache_free(container_of(rcu, struct mask_cache, rcu));
}

/* A cache of @size entries per CPU (0: disabled), all entries free. */
static struct mask_cache *mask_cache_alloc(u32 size)
{
	struct mask_cache *mc;
	int cpu;

	mc = kzalloc(struct_size(mc, entries, nr_cpu_ids), GFP_KERNEL);
	if (!mc)
		return NULL;
	mc->size = size;
	if (!size)
		return mc;

	for_each_possible_cpu(cpu) {
		mc->entries[cpu] =
			kvzalloc_node(array_size(size, sizeof(*mc->entries[cpu])),
				      GFP_KERNEL, cpu_to_node(cpu));
		if (!mc->entries[cpu]) {
			mask_cache_free(mc);
			return NULL;
		}
	}
	return mc;
}

/**
 * ovs_flow_tbl_masks_cache_size - per-CPU mask cache entries.
 * @table: the table.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the number of cache entries per CPU; 0 when the cache is
 * disabled.  Reported as OVS_DP_ATTR_MASKS_CACHE_SIZE.
 */
u32 ovs_flow_tbl_masks_cache_size(const struct flow_table *table)
{
	const struct mask_cache *mc = rcu_dereference_ovsl(table->mask_cache);

	return mc->size;
}

/**
 * ovs_flow_tbl_masks_cache_resize - change the per-CPU mask cache size.
 * @table: the table.
 * @size: entries per CPU: 0 disables the cache, otherwise a power of two
 *	no larger than %OVS_MC_MAX_ENTRIES.
 *
 * A new, empty cache replaces the old one; lookups in flight finish on the
 * old one, which is freed after a grace period.  Setting the current size
 * again keeps the cache as it is.  Implements OVS_DP_ATTR_MASKS_CACHE_SIZE.
 * Context: ovs_mutex held; may sleep.
 * Return: 0; -EINVAL if @size is not acceptable; -ENOMEM.
 */
int ovs_flow_tbl_masks_cache_resize(struct flow_table *table, u32 size)
{
	struct mask_cache *old = ovsl_dereference(table->mask_cache);
	struct mask_cache *new;

	if (size && (!is_power_of_2(size) || size > OVS_MC_MAX_ENTRIES))
		return -EINVAL;
	if (old->size == size)
		return 0;

	new = mask_cache_alloc(size);
	if (!new)
		return -ENOMEM;
	rcu_assign_pointer(table->mask_cache, new);
	call_rcu(&old->rcu, mask_cache_free_rcu);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Table life cycle                                                     */
/* ------------------------------------------------------------------ */

static void dump_cursor_reset(struct flow_table *table)
{
	table->dump_cur = &table->flow_list;
	table->dump_prev = &table->flow_list;
	table->dump_step = 0;
}

/**
 * ovs_flow_tbl_init - initialise an empty flow table.
 * @table: the table (embedded in its datapath).
 *
 * Sets up both hash tables, an empty mask array and a mask cache of
 * %OVS_MC_DEFAULT_ENTRIES entries per CPU.  On failure nothing is left
 * allocated.
 * Context: process context; may sleep.
 * Return: 0 or -ENOMEM.
 */
int ovs_flow_tbl_init(struct flow_table *table)
{
	struct mask_array *ma;
	struct mask_cache *mc;
	int err;

	INIT_LIST_HEAD(&table->flow_list);
	table->count = 0;
	table->ufid_count = 0;
	table->dump_gen = 0;
	table->dump_token = 0;
	dump_cursor_reset(table);

	ma = mask_array_alloc(MASK_ARRAY_MIN_SLOTS);
	if (!ma)
		return -ENOMEM;
	mc = mask_cache_alloc(OVS_MC_DEFAULT_ENTRIES);
	if (!mc) {
		err = -ENOMEM;
		goto err_free_ma;
	}

	err = rhashtable_init(&table->flows, &flow_rht_params);
	if (err)
		goto err_free_mc;
	err = rhashtable_init(&table->ufid_flows, &ufid_rht_params);
	if (err)
		goto err_destroy_flows;

	RCU_INIT_POINTER(table->mask_array, ma);
	RCU_INIT_POINTER(table->mask_cache, mc);
	return 0;

err_destroy_flows:
	rhashtable_destroy(&table->flows);
err_free_mc:
	mask_cache_free(mc);
err_free_ma:
	kvfree(ma);
	return err;
}

/* ------------------------------------------------------------------ */
/* Insertion and removal                                                */
/* ------------------------------------------------------------------ */

/**
 * ovs_flow_tbl_insert - add a flow to the table.
 * @table: the table.
 * @flow: the new flow: flow->key already masked with @mask, flow->id set,
 *	not yet in any table.  On success flow->mask points to the table's
 *	copy of the mask.
 * @mask: the flow's mask; an equal mask already in use is shared
 *	(refcounted), otherwise a copy is added.
 *
 * The flow becomes visible to the packet path only at the very end, once
 * nothing can fail any more; so on failure the caller may free the flow
 * without waiting for a grace period.
 * Context: ovs_mutex held; may sleep.
 * Return: 0; -EEXIST if a flow with the same mask and masked key, or with
 * the same UFID, is already in the table; -ENOMEM or another error from
 * rhashtable on allocation failure.
 */
int ovs_flow_tbl_insert(struct flow_table *table, struct sw_flow *flow,
			const struct sw_flow_mask *mask)
{
	bool has_ufid = flow->id.ufid_len != 0;
	struct flow_rht_arg arg;
	struct sw_flow_mask *m;
	int err;

	ASSERT_OVSL();

	m = flow_mask_get(table, mask);
	if (IS_ERR(m))
		return PTR_ERR(m);
	flow->mask = m;

	/*
	 * UFID first: only ovs_mutex holders look flows up by UFID, so undoing
	 * this insertion if the main one fails exposes nothing to readers.
	 */
	if (has_ufid) {
		err = rhashtable_lookup_insert_key(&table->ufid_flows, &flow->id,
						   &flow->ufid_node,
						   ufid_rht_params);
		if (err)
			goto err_put_mask;
	}

	arg.mask = m;
	arg.key = &flow->key;
	err = rhashtable_lookup_insert_key(&table->flows, &arg,
					   &flow->hash_node, flow_rht_params);
	if (err)
		goto err_remove_ufid;

	list_add_tail_rcu(&flow->list_node, &table->flow_list);
	table->count++;
	if (has_ufid)
		table->ufid_count++;
	table->dump_gen++;
	return 0;

err_remove_ufid:
	if (has_ufid)
		rhashtable_remove_fast(&table->ufid_flows, &flow->ufid_node,
				       ufid_rht_params);
err_put_mask:
	flow_mask_put(table, m);
	flow->mask = NULL;
	return err;
}

/* Unlink @flow from everything; see ovs_flow_tbl_remove(). */
static void flow_tbl_unlink(struct flow_table *table, struct sw_flow *flow)
{
	struct list_head *node = &flow->list_node;

	rhashtable_remove_fast(&table->flows, &flow->hash_node,
			       flow_rht_params);
	if (flow->id.ufid_len) {
		rhashtable_remove_fast(&table->ufid_flows, &flow->ufid_node,
				       ufid_rht_params);
		table->ufid_count--;
	}

	if (table->dump_cur == node)
		table->dump_cur = node->prev;
	if (table->dump_prev == node)
		table->dump_prev = node->prev;
	list_del_rcu(node);

	table->count--;
	table->dump_gen++;
	flow_mask_put(table, flow->mask);
}

/**
 * ovs_flow_tbl_remove - unlink a flow from the table.
 * @table: the table.
 * @flow: a flow in @table.
 *
 * Removes the flow from both hash tables and the flow list and drops its
 * mask reference; the mask is freed after a grace period when this was its
 * last flow, so a caller that still reads flow->mask afterwards (to report
 * the deleted flow) must do so under an rcu_read_lock taken before this
 * call.  Lookups in flight may still return the flow: the caller frees it
 * with ovs_flow_free(flow, true).  A dump cursor sitting on the flow moves
 * back to its predecessor so the dump neither skips nor repeats a flow.
 * Context: ovs_mutex held.
 */
void ovs_flow_tbl_remove(struct flow_table *table, struct sw_flow *flow)
{
	ASSERT_OVSL();
	flow_tbl_unlink(table, flow);
}

/* Unlink and free every flow; the dump cursor ends up on the list head. */
static void flow_tbl_flush(struct flow_table *table)
{
	struct sw_flow *flow, *next;

	list_for_each_entry_safe(flow, next, &table->flow_list, list_node) {
		flow_tbl_unlink(table, flow);
		ovs_flow_free(flow, true);
	}
}

/**
 * ovs_flow_tbl_flush - remove and free every flow.
 * @table: the table.
 *
 * Implements OVS_FLOW_CMD_DEL without a key.  Each flow is unlinked as by
 * ovs_flow_tbl_remove() and freed with ovs_flow_free(flow, true), so
 * lookups in flight stay safe.  The masks go with their last flows.
 * Context: ovs_mutex held.
 * Return: 0 (the removal itself needs no memory).
 */
int ovs_flow_tbl_flush(struct flow_table *table)
{
	ASSERT_OVSL();
	flow_tbl_flush(table);
	return 0;
}

/**
 * ovs_flow_tbl_destroy - free every flow and mask and the table's memory.
 * @table: the table.  No new lookup may start on it, though lookups begun
 *	earlier may still be running.
 *
 * Flushes the flows (freed after a grace period), then waits for a grace
 * period so that no reader still walks the hash tables, masks or caches,
 * and frees them.
 * Context: process context, may sleep (synchronize_rcu() and the
 * rhashtable teardown); ovs_mutex held or the table unreachable.  Must not
 * be called from an RCU callback.
 */
void ovs_flow_tbl_destroy(struct flow_table *table)
{
	struct mask_array *ma;
	struct mask_cache *mc;

	might_sleep();

	flow_tbl_flush(table);
	synchronize_rcu();

	rhashtable_destroy(&table->ufid_flows);
	rhashtable_destroy(&table->flows);

	ma = rcu_dereference_protected(table->mask_array, true);
	mc = rcu_dereference_protected(table->mask_cache, true);
	RCU_INIT_POINTER(table->mask_array, NULL);
	RCU_INIT_POINTER(table->mask_cache, NULL);

	/* Masks left here would mean a reference leak; don't free in use. */
	WARN_ON_ONCE(ma->count);
	kvfree(ma);
	mask_cache_free(mc);
}

/**
 * ovs_flow_tbl_count - number of flows.
 * @table: the table.
 *
 * Context: any; the value may be stale without ovs_mutex.
 * Return: the number of flows in @table.
 */
unsigned int ovs_flow_tbl_count(const struct flow_table *table)
{
	return READ_ONCE(table->count);
}

/**
 * ovs_flow_tbl_num_masks - number of distinct masks in use.
 * @table: the table.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the number of masks (OVS_DP_ATTR_MEGAFLOW_STATS n_masks).
 */
unsigned int ovs_flow_tbl_num_masks(const struct flow_table *table)
{
	const struct mask_array *ma = rcu_dereference_ovsl(table->mask_array);

	return READ_ONCE(ma->count);
}

/* ------------------------------------------------------------------ */
/* Lookup                                                               */
/* ------------------------------------------------------------------ */

/*
 * The flow using @mask whose masked key equals @unmasked & @mask, or NULL.
 * Context: rcu_read_lock.
 */
static struct sw_flow *masked_lookup(struct flow_table *table,
				     const struct sw_flow_key *unmasked,
				     const struct sw_flow_mask *mask)
{
	struct sw_flow_key masked;
	struct flow_rht_arg arg = { .mask = mask, .key = &masked };

	ovs_flow_mask_key(&masked, unmasked, false, mask);
	return rhashtable_lookup(&table->flows, &arg, flow_rht_params);
}

/*
 * Try the masks of @ma on @key: first the one in slot *@slot (if that slot
 * is valid), then all others in order.  Counts every mask tried in
 * *@n_mask_hit.  On a match stores the winning slot in *@slot and tells in
 * *@first whether it was the slot tried first.
 * Context: rcu_read_lock.
 */
static struct sw_flow *scan_masks(struct flow_table *table,
				  struct mask_array *ma,
				  const struct sw_flow_key *key,
				  u32 *n_mask_hit, u32 *slot, bool *first)
{
	struct sw_flow_mask *mask;
	struct sw_flow *flow;
	u32 hint = *slot;
	u32 i;

	*first = false;
	if (likely(hint < ma->max)) {
		mask = rcu_dereference(ma->masks[hint]);
		if (mask) {
			(*n_mask_hit)++;
			flow = masked_lookup(table, key, mask);
			if (flow) {
				*first = true;
				return flow;
			}
		}
	}

	for (i = 0; i < ma->max; i++) {
		if (i == hint)
			continue;
		mask = rcu_dereference(ma->masks[i]);
		if (!mask)
			break;
		(*n_mask_hit)++;
		flow = masked_lookup(table, key, mask);
		if (flow) {
			*slot = i;
			return flow;
		}
	}
	return NULL;
}

/**
 * ovs_flow_tbl_lookup_stats - packet-path lookup through the mask cache.
 * @table: the table.
 * @key: the packet's unmasked key.
 * @skb_hash: the packet's hash; 0 bypasses the mask cache.
 * @n_mask_hit: set to the number of masks tried.
 * @n_cache_hit: set to 1 when the mask remembered by the cache matched,
 *	else 0.
 *
 * With a hash and an enabled cache, the hash (mixed with the recirculation
 * id, so a packet before and after recirculation gets distinct entries)
 * selects up to %MC_PROBES entries of this CPU's cache.  An entry for this
 * hash names the mask slot to try first; without one, all masks are tried
 * and the least useful probed entry is taken over for the winner.  Entries
 * whose lookup fails are freed.  This is the in-tree datapath's scheme.
 * Context: rcu_read_lock, BH disabled (the cache is per CPU, unlocked).
 * Return: the matching flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup_stats(struct flow_table *table,
					  const struct sw_flow_key *key,
					  u32 skb_hash, u32 *n_mask_hit,
					  u32 *n_cache_hit)
{
	struct mask_cache *mc = rcu_dereference(table->mask_cache);
	struct mask_array *ma = rcu_dereference(table->mask_array);
	struct mask_cache_entry *entries, *victim = NULL;
	struct sw_flow *flow;
	u32 slot = 0;
	bool first;
	u32 h;
	int i;

	*n_mask_hit = 0;
	*n_cache_hit = 0;

	if (unlikely(!skb_hash || !mc->size))
		return scan_masks(table, ma, key, n_mask_hit, &slot, &first);

	if (key->recirc_id)
		skb_hash = jhash_1word(skb_hash, key->recirc_id);
	if (unlikely(!skb_hash))
		skb_hash = 1;	/* 0 marks a free entry */

	entries = mc->entries[smp_processor_id()];
	h = skb_hash;
	for (i = 0; i < MC_PROBES; i++, h >>= MC_PROBE_SHIFT) {
		struct mask_cache_entry *e = &entries[h & (mc->size - 1)];

		if (e->skb_hash == skb_hash) {
			slot = e->mask_index;
			flow = scan_masks(table, ma, key, n_mask_hit, &slot,
					  &first);
			if (flow) {
				e->mask_index = slot;
				*n_cache_hit = first;
			} else {
				e->skb_hash = 0;
			}
			return flow;
		}
		if (!victim || e->skb_hash < victim->skb_hash)
			victim = e;
	}

	flow = scan_masks(table, ma, key, n_mask_hit, &slot, &first);
	if (flow) {
		victim->skb_hash = skb_hash;
		victim->mask_index = slot;
	}
	return flow;
}

/**
 * ovs_flow_tbl_lookup - look a key up without the cache or statistics.
 * @table: the table.
 * @key: an unmasked key.
 *
 * Tries every mask in order.  The result stays valid as long as the
 * caller's rcu_read_lock or ovs_mutex is held.
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the matching flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup(struct flow_table *table,
				    const struct sw_flow_key *key)
{
	struct sw_flow *flow;
	u32 n_mask_hit = 0;
	u32 slot = 0;
	bool first;

	rcu_read_lock();
	flow = scan_masks(table, rcu_dereference(table->mask_array), key,
			  &n_mask_hit, &slot, &first);
	rcu_read_unlock();
	return flow;
}

/* Is @flow's unmasked key @match->key over [0, @match->range.end)? */
static bool flow_unmasked_key_equal(const struct sw_flow *flow,
				    const struct sw_flow_match *match)
{
	if (WARN_ON_ONCE(flow->id.ufid_len || !flow->id.unmasked_key))
		return false;
	return keys_equal(flow->id.unmasked_key, match->key, 0,
			  match->range.end);
}

/**
 * ovs_flow_tbl_lookup_exact - find the flow with exactly a key and mask.
 * @table: the table.
 * @match: @match->key unmasked and filled over @match->range;
 *	@match->mask the flow's mask, or NULL when only a key was given.
 *
 * With a mask, the table's equal mask is tried first: a flow under it with
 * the same masked key is the answer if it has a UFID, or if its unmasked
 * key equals @match->key.  Then, and always when there is no mask, as the
 * in-tree datapath does, every mask is tried for a flow without UFID whose
 * unmasked key equals @match->key (the key identifies such flows).
 * Context: ovs_mutex held.
 * Return: the flow or NULL.
 */
struct sw_flow *ovs_flow_tbl_lookup_exact(struct flow_table *table,
					  const struct sw_flow_match *match)
{
	struct sw_flow_mask *same = NULL;
	struct sw_flow *flow = NULL;
	struct mask_array *ma;
	int i;

	ASSERT_OVSL();

	rcu_read_lock();	/* for rhashtable_lookup() */
	if (match->mask) {
		same = flow_mask_find(table, match->mask);
		if (same) {
			flow = masked_lookup(table, match->key, same);
			if (flow && (flow->id.ufid_len ||
				     flow_unmasked_key_equal(flow, match)))
				goto out;
		}
	}

	ma = ovsl_dereference(table->mask_array);
	for (i = 0; i < ma->count; i++) {
		struct sw_flow_mask *mask = ovsl_dereference(ma->masks[i]);

		if (mask == same)
			continue;
		flow = masked_lookup(table, match->key, mask);
		if (flow && !flow->id.ufid_len &&
		    flow_unmasked_key_equal(flow, match))
			goto out;
	}
	flow = NULL;
out:
	rcu_read_unlock();
	return flow;
}

/**
 * ovs_flow_tbl_lookup_ufid - find a flow by its UFID.
 * @table: the table.
 * @ufid: the identifier; ufid_len must be 1..%MAX_UFID_LENGTH.
 *
 * Context: rcu_read_lock or ovs_mutex.
 * Return: the flow, or NULL (also for an empty or oversized identifier).
 */
struct sw_flow *ovs_flow_tbl_lookup_ufid(struct flow_table *table,
					 const struct sw_flow_id *ufid)
{
	if (!ufid->ufid_len || ufid->ufid_len > MAX_UFID_LENGTH)
		return NULL;
	return rhashtable_lookup_fast(&table->ufid_flows, ufid,
				      ufid_rht_params);
}

/**
 * ovs_flow_cmp - does a flow match a key exactly under its mask?
 * @flow: a flow in the table.
 * @match: @match->key unmasked; @match->mask the requested mask or NULL.
 *
 * Used when a new flow collides with an existing one, to decide whether the
 * request names that same flow.
 * Context: ovs_mutex held or rcu_read_lock.
 * Return: true when @match->key masked with flow->mask equals flow->key
 * and, if @match has a mask, that mask equals flow->mask (range and bits).
 */
bool ovs_flow_cmp(const struct sw_flow *flow, const struct sw_flow_match *match)
{
	const struct sw_flow_mask *mask = flow->mask;
	unsigned int n = (mask->range.end - mask->range.start) / sizeof(long);
	const unsigned long *k, *m, *f;

	if (match->mask && !masks_equal(mask, match->mask))
		return false;

	k = (const unsigned long *)((const u8 *)match->key + mask->range.start);
	m = (const unsigned long *)((const u8 *)&mask->key + mask->range.start);
	f = (const unsigned long *)((const u8 *)&flow->key + mask->range.start);
	while (n--)
		if ((*k++ & *m++) != *f++)
			return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Dumps                                                                */
/* ------------------------------------------------------------------ */

/**
 * ovs_flow_tbl_dump_next - iterate over the flows for a netlink dump.
 * @table: the table.
 * @pos: cursor, 0 to start a dump; updated past the returned flow.  The
 *	caller may keep the old value instead (when the flow did not fit in
 *	its message) and will get the same flow again.
 *
 * Flows are returned in insertion order.  The cursor is a (dump token, step)
 * pair; the table remembers, for the dump it served last, the list nodes
 * where step and step - 1 resume, and ovs_flow_tbl_remove() moves those
 * back when their flow goes, so a dump that runs alone sees every flow that
 * stays in the table exactly once and resumes in O(1).  When dumps
 * interleave, a dump that lost the remembered position falls back to
 * skipping step flows from the start, which may skip or repeat flows that
 * were removed meanwhile, like the in-tree datapath's bucket cursor.
 * Context: ovs_mutex held.
 * Return: the next flow, or NULL when the dump is complete.
 */
struct sw_flow *ovs_flow_tbl_dump_next(struct flow_table *table, u64 *pos)
{
	u32 token = upper_32_bits(*pos);
	u32 step = lower_32_bits(*pos);
	struct list_head *start;
	u32 i;

	ASSERT_OVSL();

	if (!token) {
		/* A new dump: give it a token of its own. */
		token = table->dump_token + 1;
		if (!token)
			token = 1;
	}

	if (token == table->dump_token && step == table->dump_step) {
		start = table->dump_cur;
	} else if (token == table->dump_token && step + 1 == table->dump_step) {
		start = table->dump_prev;
	} else {
		start = &table->flow_list;
		for (i = 0; i < step; i++) {
			start = start->next;
			if (start == &table->flow_list)
				return NULL;
		}
	}

	if (start->next == &table->flow_list)
		return NULL;

	table->dump_token = token;
	table->dump_prev = start;
	table->dump_cur = start->next;
	table->dump_step = step + 1;
	*pos = ((u64)token << 32) | (step + 1);
	return list_entry(start->next, struct sw_flow, list_node);
}
