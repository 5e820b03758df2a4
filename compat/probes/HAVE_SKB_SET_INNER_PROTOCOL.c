// SPDX-License-Identifier: GPL-2.0-only
/* skb_set_inner_protocol() (3.19+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	skb_set_inner_protocol(skb, 0);
}
