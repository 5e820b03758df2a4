// SPDX-License-Identifier: GPL-2.0-only
/* skb_put_zero() (4.13+). */
#include <linux/skbuff.h>

static void *probe(struct sk_buff *skb)
{
	return skb_put_zero(skb, 4);
}
