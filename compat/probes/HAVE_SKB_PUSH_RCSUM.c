// SPDX-License-Identifier: GPL-2.0-only
/* skb_push_rcsum() (4.6+). */
#include <linux/skbuff.h>

static void *probe(struct sk_buff *skb)
{
	return skb_push_rcsum(skb, 4);
}
