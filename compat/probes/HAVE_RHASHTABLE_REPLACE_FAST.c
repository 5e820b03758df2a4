// SPDX-License-Identifier: GPL-2.0-only
/* rhashtable_replace_fast(): swap an object in place for RCU readers. */
#include <linux/rhashtable.h>

static const struct rhashtable_params params = { .key_len = 4 };

static int probe(struct rhashtable *ht, struct rhash_head *a,
		 struct rhash_head *b)
{
	return rhashtable_replace_fast(ht, a, b, params);
}
