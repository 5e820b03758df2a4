// SPDX-License-Identifier: GPL-2.0-only
/* skb_scrub_packet() (3.12+). */
#include <linux/skbuff.h>

static void probe(struct sk_buff *skb)
{
	skb_scrub_packet(skb, true);
}
