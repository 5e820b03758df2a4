// SPDX-License-Identifier: GPL-2.0-only
/* struct nf_hook_state with hook, pf and the namespace (4.4+). */
#include <linux/netfilter.h>

static int probe(struct net *net)
{
	struct nf_hook_state state = {
		.hook = NF_INET_PRE_ROUTING,
		.pf = NFPROTO_IPV4,
		.net = net,
	};

	return state.hook;
}
