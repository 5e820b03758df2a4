/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/rhashtable.h> (3.17): a small
 * resizable hash table with the subset of the rhashtable interface the
 * datapath uses, implemented in compat/rhashtable.c.
 *
 * Readers walk a bucket chain under RCU and never miss an entry, even while
 * the table is resized: every entry has two chain links, and a resize links
 * all entries into a new bucket array through the link the current array
 * does not use, then publishes the new array.  Writers (insert, remove)
 * take a spinlock with bottom halves disabled; resizing runs from a work
 * item, and waits for an RCU grace period before the old array (and so
 * the link it used) can be reused.
 *
 * Differences from the kernel's rhashtable: the parameters passed to each
 * call are ignored (those given to rhashtable_init() are used), and
 * inserting does not fail for lack of memory or for long chains.
 */
#ifndef OVS_COMPAT_LINUX_RHASHTABLE_H
#define OVS_COMPAT_LINUX_RHASHTABLE_H

#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

/**
 * struct rhash_head - an entry's links, embedded in the entry.
 * @next: the next entry in its bucket, one link per bucket array
 *	generation (struct ovs_compat_rht_buckets.link).
 */
struct rhash_head {
	struct rhash_head __rcu *next[2];
};

struct rhashtable;

/**
 * struct rhashtable_compare_arg - argument of the compare callback.
 * @ht: the table.
 * @key: the key looked up.
 */
struct rhashtable_compare_arg {
	struct rhashtable *ht;
	const void *key;
};

typedef u32 (*rht_hashfn_t)(const void *data, u32 len, u32 seed);
typedef u32 (*rht_obj_hashfn_t)(const void *data, u32 len, u32 seed);
typedef int (*rht_obj_cmpfn_t)(struct rhashtable_compare_arg *arg,
			       const void *obj);

/**
 * struct rhashtable_params - how entries are hashed and compared.
 * @nelem_hint: expected number of entries, sizes the first bucket array.
 * @key_len: key length in bytes, for the default hash and compare.
 * @key_offset: offset of the key in an entry, for the default ones.
 * @head_offset: offset of the struct rhash_head in an entry.
 * @max_size: most buckets (0: a built-in limit).
 * @min_size: fewest buckets (0: a built-in minimum).
 * @automatic_shrinking: shrink the bucket array as entries go.
 * @hashfn: hash of a key (default: jhash of @key_len bytes).
 * @obj_hashfn: hash of an entry, equal to @hashfn of its key.
 * @obj_cmpfn: 0 when an entry has the key (default: memcmp).
 */
struct rhashtable_params {
	u16 nelem_hint;
	u16 key_len;
	u16 key_offset;
	u16 head_offset;
	unsigned int max_size;
	u16 min_size;
	bool automatic_shrinking;
	rht_hashfn_t hashfn;
	rht_obj_hashfn_t obj_hashfn;
	rht_obj_cmpfn_t obj_cmpfn;
};

struct ovs_compat_rht_buckets;

/**
 * struct rhashtable - the table.
 * @tbl: the current bucket array; replaced only by the resize work.
 * @p: parameters given to rhashtable_init().
 * @nelems: number of entries.
 * @lock: serialises inserts, removals and the switch to a new array.
 * @resize_mutex: serialises resizes.
 * @resize_work: grows or shrinks @tbl when its load leaves bounds.
 */
struct rhashtable {
	struct ovs_compat_rht_buckets __rcu *tbl;
	struct rhashtable_params p;
	atomic_t nelems;
	spinlock_t lock;
	struct mutex resize_mutex;
	struct work_struct resize_work;
};

#define rhashtable_init		ovs_compat_rhashtable_init
#define rhashtable_destroy	ovs_compat_rhashtable_destroy
#define rhashtable_free_and_destroy ovs_compat_rhashtable_free_and_destroy

int rhashtable_init(struct rhashtable *ht,
		    const struct rhashtable_params *params);
void rhashtable_destroy(struct rhashtable *ht);
void rhashtable_free_and_destroy(struct rhashtable *ht,
				 void (*free_fn)(void *ptr, void *arg),
				 void *arg);

void *ovs_compat_rht_lookup(struct rhashtable *ht, const void *key);
int ovs_compat_rht_insert(struct rhashtable *ht, struct rhash_head *obj,
			  const void *key);
int ovs_compat_rht_remove(struct rhashtable *ht, struct rhash_head *obj);

/* The entry with @key or NULL.  Caller holds rcu_read_lock(). */
static inline void *rhashtable_lookup(struct rhashtable *ht, const void *key,
				      const struct rhashtable_params params)
{
	return ovs_compat_rht_lookup(ht, key);
}

/* The entry with @key or NULL; takes rcu_read_lock() itself. */
static inline void *rhashtable_lookup_fast(struct rhashtable *ht,
					   const void *key,
					   const struct rhashtable_params params)
{
	void *obj;

	rcu_read_lock();
	obj = ovs_compat_rht_lookup(ht, key);
	rcu_read_unlock();
	return obj;
}

/* Add @obj without looking for an entry with the same key.  Returns 0. */
static inline int rhashtable_insert_fast(struct rhashtable *ht,
					 struct rhash_head *obj,
					 const struct rhashtable_params params)
{
	return ovs_compat_rht_insert(ht, obj, NULL);
}

/* Add @obj under @key unless an entry has that key (-EEXIST). */
static inline int rhashtable_lookup_insert_key(struct rhashtable *ht,
					       const void *key,
					       struct rhash_head *obj,
					       const struct rhashtable_params params)
{
	return ovs_compat_rht_insert(ht, obj, key);
}

/* Unlink @obj: 0, or -ENOENT if it is not in @ht. */
static inline int rhashtable_remove_fast(struct rhashtable *ht,
					 struct rhash_head *obj,
					 const struct rhashtable_params params)
{
	return ovs_compat_rht_remove(ht, obj);
}

#endif /* OVS_COMPAT_LINUX_RHASHTABLE_H */
