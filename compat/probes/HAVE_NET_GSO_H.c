// SPDX-License-Identifier: GPL-2.0-only
/* <net/gso.h>: __skb_gso_segment() and SKB_GSO_CB moved there (6.4+). */
#include <linux/skbuff.h>
#include <net/gso.h>

static struct sk_buff *probe(struct sk_buff *skb)
{
	return __skb_gso_segment(skb, 0, false);
}
