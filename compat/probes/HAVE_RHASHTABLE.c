// SPDX-License-Identifier: GPL-2.0-only
/* The kernel's rhashtable with parameters passed by value (4.0+). */
#include <linux/rhashtable.h>

static const struct rhashtable_params params = { .key_len = 4 };

static void *probe(struct rhashtable *ht, const u32 *key)
{
	return rhashtable_lookup_fast(ht, key, params);
}
