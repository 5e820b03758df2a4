// SPDX-License-Identifier: GPL-2.0-only
/* skb_clear_tstamp() (5.18+; plain skb->tstamp = 0 before). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	skb_clear_tstamp(skb);
}
