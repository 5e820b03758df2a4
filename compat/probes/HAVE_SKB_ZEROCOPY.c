// SPDX-License-Identifier: GPL-2.0-only
/* skb_zerocopy(), skb_zerocopy_headlen() (3.14+). */
#include <linux/skbuff.h>

static int probe(struct sk_buff *to, struct sk_buff *from)
{
	return skb_zerocopy(to, from, from->len, skb_zerocopy_headlen(from));
}
