// SPDX-License-Identifier: GPL-2.0-only
/* skb_postpush_rcsum() (4.5+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	skb_postpush_rcsum(skb, skb->data, 4);
}
