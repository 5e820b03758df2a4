// SPDX-License-Identifier: GPL-2.0-only
/* skb->ignore_df (3.16+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	skb->ignore_df = 1;
}
