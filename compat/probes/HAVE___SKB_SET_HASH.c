// SPDX-License-Identifier: GPL-2.0-only
/* __skb_set_hash() with software and L4 bits (3.18+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	__skb_set_hash(skb, 1, true, false);
}
