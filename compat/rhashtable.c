// SPDX-License-Identifier: GPL-2.0-only
/*
 * A resizable RCU hash table for kernels without rhashtable (probe
 * HAVE_RHASHTABLE; before 3.17).  The interface and its limits are
 * described in compat/include/linux/rhashtable.h.
 */

#include <linux/jhash.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#ifndef HAVE_RHASHTABLE

#define RHT_MIN_SIZE	16U
#define RHT_MAX_SIZE	(1U << 24)

/**
 * struct ovs_compat_rht_buckets - one generation of the bucket array.
 * @size: number of buckets, a power of two.
 * @link: which of struct rhash_head's links chains this array's buckets.
 * @seed: hash seed of this array.
 * @buckets: chain heads.
 */
struct ovs_compat_rht_buckets {
	unsigned int size;
	unsigned int link;
	u32 seed;
	struct rhash_head __rcu *buckets[];
};

static struct ovs_compat_rht_buckets *rht_alloc(unsigned int size,
						unsigned int link)
{
	struct ovs_compat_rht_buckets *tbl;
	size_t bytes = sizeof(*tbl) + size * sizeof(tbl->buckets[0]);

	tbl = kzalloc(bytes, GFP_KERNEL | __GFP_NOWARN);
	if (!tbl)
		tbl = vzalloc(bytes);
	if (!tbl)
		return NULL;
	tbl->size = size;
	tbl->link = link;
	get_random_bytes(&tbl->seed, sizeof(tbl->seed));
	return tbl;
}

static void rht_free(struct ovs_compat_rht_buckets *tbl)
{
	if (is_vmalloc_addr(tbl))
		vfree(tbl);
	else
		kfree(tbl);
}

static void *rht_obj(const struct rhashtable *ht, const struct rhash_head *he)
{
	return (char *)he - ht->p.head_offset;
}

static u32 rht_key_hash(const struct rhashtable *ht, const void *key, u32 seed)
{
	if (ht->p.hashfn)
		return ht->p.hashfn(key, ht->p.key_len, seed);
	if (ht->p.key_len % sizeof(u32) == 0)
		return jhash2(key, ht->p.key_len / sizeof(u32), seed);
	return jhash(key, ht->p.key_len, seed);
}

/* Bucket of the entry @he in @tbl. */
static unsigned int rht_obj_bucket(const struct rhashtable *ht,
				   const struct ovs_compat_rht_buckets *tbl,
				   const struct rhash_head *he)
{
	const void *obj = rht_obj(ht, he);
	u32 hash;

	if (ht->p.obj_hashfn)
		hash = ht->p.obj_hashfn(obj, ht->p.key_len, tbl->seed);
	else
		hash = rht_key_hash(ht, (const char *)obj + ht->p.key_offset,
				    tbl->seed);
	return hash & (tbl->size - 1);
}

/* True when the entry @he has @key. */
static bool rht_match(struct rhashtable *ht, const void *key,
		      const struct rhash_head *he)
{
	const void *obj = rht_obj(ht, he);

	if (ht->p.obj_cmpfn) {
		struct rhashtable_compare_arg arg = { .ht = ht, .key = key };

		return !ht->p.obj_cmpfn(&arg, obj);
	}
	return !memcmp((const char *)obj + ht->p.key_offset, key,
		       ht->p.key_len);
}

/* Buckets for @nelems entries: about half full, within the limits. */
static unsigned int rht_size_for(const struct rhashtable *ht,
				 unsigned int nelems)
{
	unsigned int min = max_t(unsigned int, ht->p.min_size, RHT_MIN_SIZE);
	unsigned int max = ht->p.max_size ?: RHT_MAX_SIZE;
	unsigned int size;

	max = rounddown_pow_of_two(min_t(unsigned int, max, RHT_MAX_SIZE));
	min = roundup_pow_of_two(min_t(unsigned int, min, max));
	if (nelems >= max / 2)
		return max;
	size = roundup_pow_of_two(max(nelems * 2, 1U));
	return clamp(size, min, max);
}

/* Whether @nelems entries call for another array size than @tbl's. */
static bool rht_needs_resize(const struct rhashtable *ht,
			     const struct ovs_compat_rht_buckets *tbl,
			     unsigned int nelems)
{
	if (nelems > tbl->size / 4 * 3)
		return rht_size_for(ht, nelems) > tbl->size;
	if (ht->p.automatic_shrinking && nelems < tbl->size * 3 / 10)
		return rht_size_for(ht, nelems) < tbl->size;
	return false;
}

static void rht_resize_work(struct work_struct *work)
{
	struct rhashtable *ht = container_of(work, struct rhashtable,
					     resize_work);
	struct ovs_compat_rht_buckets *old, *new;
	unsigned int size, i;

	mutex_lock(&ht->resize_mutex);
	old = rcu_dereference_protected(ht->tbl,
					lockdep_is_held(&ht->resize_mutex));
	size = rht_size_for(ht, atomic_read(&ht->nelems));
	if (size == old->size)
		goto out;
	new = rht_alloc(size, !old->link);
	if (!new)
		goto out;	/* the chains just stay longer */

	/*
	 * Every entry gets linked into the new array through the other
	 * link, which no reader follows any more (see below).  Readers of
	 * @old keep walking its chains undisturbed.
	 */
	spin_lock_bh(&ht->lock);
	for (i = 0; i < old->size; i++) {
		struct rhash_head *he;

		for (he = rcu_dereference_protected(old->buckets[i], 1); he;
		     he = rcu_dereference_protected(he->next[old->link], 1)) {
			unsigned int b = rht_obj_bucket(ht, new, he);

			RCU_INIT_POINTER(he->next[new->link],
					 rcu_dereference_protected(new->buckets[b], 1));
			RCU_INIT_POINTER(new->buckets[b], he);
		}
	}
	rcu_assign_pointer(ht->tbl, new);
	spin_unlock_bh(&ht->lock);

	/* No reader is left in @old, so its link is free for the next one. */
	synchronize_rcu();
	rht_free(old);
out:
	mutex_unlock(&ht->resize_mutex);
}

/**
 * rhashtable_init - set up an empty table.
 * @ht: the table, uninitialised.
 * @params: how entries are hashed and compared; copied.
 *
 * Context: process context, may sleep.
 * Return: 0, -EINVAL (no key length and no hash functions), or -ENOMEM.
 */
int rhashtable_init(struct rhashtable *ht,
		    const struct rhashtable_params *params)
{
	struct ovs_compat_rht_buckets *tbl;

	if (!params->key_len && !(params->hashfn && params->obj_hashfn &&
				  params->obj_cmpfn))
		return -EINVAL;

	memset(ht, 0, sizeof(*ht));
	ht->p = *params;
	tbl = rht_alloc(rht_size_for(ht, params->nelem_hint), 0);
	if (!tbl)
		return -ENOMEM;
	RCU_INIT_POINTER(ht->tbl, tbl);
	atomic_set(&ht->nelems, 0);
	spin_lock_init(&ht->lock);
	mutex_init(&ht->resize_mutex);
	INIT_WORK(&ht->resize_work, rht_resize_work);
	return 0;
}

/**
 * ovs_compat_rht_lookup - find the entry with a key.
 * @ht: the table.
 * @key: the key, as hashed by the table's hash function.
 *
 * Context: rcu_read_lock() held (or the table's writers excluded).
 * Return: the entry (the structure containing its struct rhash_head),
 * or NULL.
 */
void *ovs_compat_rht_lookup(struct rhashtable *ht, const void *key)
{
	const struct ovs_compat_rht_buckets *tbl;
	struct rhash_head *he;
	unsigned int b;

	tbl = rcu_dereference_check(ht->tbl, lockdep_is_held(&ht->lock));
	b = rht_key_hash(ht, key, tbl->seed) & (tbl->size - 1);
	for (he = rcu_dereference_check(tbl->buckets[b], 1); he;
	     he = rcu_dereference_check(he->next[tbl->link], 1))
		if (rht_match(ht, key, he))
			return rht_obj(ht, he);
	return NULL;
}

/**
 * ovs_compat_rht_insert - add an entry.
 * @ht: the table.
 * @obj: the entry's struct rhash_head; the entry must be in no table.
 * @key: if not NULL, the entry's key: refuse the entry if one with the
 *	same key is in the table.
 *
 * Readers see the entry once this returns.  The array is resized later,
 * from a work item, when it has become too full.
 *
 * Context: any; takes a spinlock with bottom halves disabled.
 * Return: 0, or -EEXIST.
 */
int ovs_compat_rht_insert(struct rhashtable *ht, struct rhash_head *obj,
			  const void *key)
{
	struct ovs_compat_rht_buckets *tbl;
	struct rhash_head *he;
	unsigned int b;
	int n;

	spin_lock_bh(&ht->lock);
	tbl = rcu_dereference_protected(ht->tbl, lockdep_is_held(&ht->lock));
	b = rht_obj_bucket(ht, tbl, obj);
	if (key) {
		for (he = rcu_dereference_protected(tbl->buckets[b], 1); he;
		     he = rcu_dereference_protected(he->next[tbl->link], 1)) {
			if (rht_match(ht, key, he)) {
				spin_unlock_bh(&ht->lock);
				return -EEXIST;
			}
		}
	}
	RCU_INIT_POINTER(obj->next[tbl->link],
			 rcu_dereference_protected(tbl->buckets[b], 1));
	rcu_assign_pointer(tbl->buckets[b], obj);
	n = atomic_inc_return(&ht->nelems);
	if (rht_needs_resize(ht, tbl, n))
		schedule_work(&ht->resize_work);
	spin_unlock_bh(&ht->lock);
	return 0;
}

/**
 * ovs_compat_rht_remove - unlink an entry.
 * @ht: the table.
 * @obj: the entry's struct rhash_head.
 *
 * Readers may still find the entry until an RCU grace period has passed;
 * the caller frees it only after one.
 *
 * Context: any; takes a spinlock with bottom halves disabled.
 * Return: 0, or -ENOENT if @obj is not in @ht.
 */
int ovs_compat_rht_remove(struct rhashtable *ht, struct rhash_head *obj)
{
	struct ovs_compat_rht_buckets *tbl;
	struct rhash_head __rcu **pprev;
	struct rhash_head *he;
	int err = -ENOENT;

	spin_lock_bh(&ht->lock);
	tbl = rcu_dereference_protected(ht->tbl, lockdep_is_held(&ht->lock));
	pprev = &tbl->buckets[rht_obj_bucket(ht, tbl, obj)];
	while ((he = rcu_dereference_protected(*pprev, 1))) {
		if (he == obj) {
			RCU_INIT_POINTER(*pprev,
					 rcu_dereference_protected(he->next[tbl->link], 1));
			if (rht_needs_resize(ht, tbl,
					     atomic_dec_return(&ht->nelems)))
				schedule_work(&ht->resize_work);
			err = 0;
			break;
		}
		pprev = &he->next[tbl->link];
	}
	spin_unlock_bh(&ht->lock);
	return err;
}

/**
 * rhashtable_free_and_destroy - free a table and, first, its entries.
 * @ht: the table; no other user may be left.
 * @free_fn: called with each entry and @arg, may free it; NULL: none.
 * @arg: passed to @free_fn.
 *
 * Context: process context, may sleep (waits for a pending resize).
 */
void rhashtable_free_and_destroy(struct rhashtable *ht,
				 void (*free_fn)(void *ptr, void *arg),
				 void *arg)
{
	struct ovs_compat_rht_buckets *tbl;
	unsigned int i;

	cancel_work_sync(&ht->resize_work);
	tbl = rcu_dereference_protected(ht->tbl, 1);
	for (i = 0; free_fn && i < tbl->size; i++) {
		struct rhash_head *he, *next;

		for (he = rcu_dereference_protected(tbl->buckets[i], 1); he;
		     he = next) {
			next = rcu_dereference_protected(he->next[tbl->link], 1);
			free_fn(rht_obj(ht, he), arg);
		}
	}
	rht_free(tbl);
	RCU_INIT_POINTER(ht->tbl, NULL);
}

/**
 * rhashtable_destroy - free a table, leaving its entries alone.
 * @ht: the table; no other user may be left.
 *
 * Context: process context, may sleep (waits for a pending resize).
 */
void rhashtable_destroy(struct rhashtable *ht)
{
	rhashtable_free_and_destroy(ht, NULL, NULL);
}

#endif /* !HAVE_RHASHTABLE */
