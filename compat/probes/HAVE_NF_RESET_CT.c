// SPDX-License-Identifier: GPL-2.0-only
/* nf_reset_ct(): nf_reset() renamed (5.4+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	nf_reset_ct(skb);
}
