// SPDX-License-Identifier: GPL-2.0-only
/* peernet2id_alloc(): ids of peer namespaces (4.0+). */
#include <net/net_namespace.h>

static int probe(struct net *net, struct net *peer)
{
	return peernet2id_alloc(net, peer);
}
