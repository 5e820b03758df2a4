// SPDX-License-Identifier: GPL-2.0-only
/* skb_ensure_writable() (3.19+). */
#include <linux/skbuff.h>

static int probe(struct sk_buff *skb)
{
	return skb_ensure_writable(skb, 14);
}
