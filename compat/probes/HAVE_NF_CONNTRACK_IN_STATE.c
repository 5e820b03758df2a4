// SPDX-License-Identifier: GPL-2.0-only
/* nf_conntrack_in(skb, state): hook context as a struct (4.19+). */
#include <linux/netfilter.h>
#include <net/netfilter/nf_conntrack_core.h>

static unsigned int probe(struct sk_buff *skb, const struct nf_hook_state *state)
{
	return nf_conntrack_in(skb, state);
}
