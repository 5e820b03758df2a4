// SPDX-License-Identifier: GPL-2.0-only
/* mpls_hdr(), struct mpls_shim_hdr in <net/mpls.h>. */
#include <linux/skbuff.h>
#include <net/mpls.h>

static __be32 probe(const struct sk_buff *skb)
{
	return mpls_hdr(skb)->label_stack_entry;
}
