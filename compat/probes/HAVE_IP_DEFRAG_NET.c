// SPDX-License-Identifier: GPL-2.0-only
/* ip_defrag() with per-namespace queues (4.3+). */
#include <net/ip.h>

static int probe(struct net *net, struct sk_buff *skb)
{
	return ip_defrag(net, skb, IP_DEFRAG_CONNTRACK_IN);
}
