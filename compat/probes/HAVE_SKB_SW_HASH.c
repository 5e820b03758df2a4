// SPDX-License-Identifier: GPL-2.0-only
/* skb->sw_hash: the hash was computed in software (3.18+). */
#include <linux/skbuff.h>

static bool probe(const struct sk_buff *skb)
{
	return skb->sw_hash;
}
