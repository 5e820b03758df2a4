// SPDX-License-Identifier: GPL-2.0-only
/* __skb_dst_copy(): copy a dst reference word. */
#include <net/dst.h>

static void probe(struct sk_buff *skb, unsigned long refdst)
{
	__skb_dst_copy(skb, refdst);
}
