// SPDX-License-Identifier: GPL-2.0-only
/* skb->hash, skb->l4_hash and their accessors (3.14+). */
#include <linux/skbuff.h>

static u32 probe(struct sk_buff *skb)
{
	skb_clear_hash(skb);
	return skb->l4_hash ? skb_get_hash(skb) : skb_get_hash_raw(skb);
}
