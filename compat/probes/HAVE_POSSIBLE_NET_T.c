// SPDX-License-Identifier: GPL-2.0-only
/* possible_net_t (4.1+). */
#include <net/net_namespace.h>

static struct net *probe(possible_net_t *pnet)
{
	return read_pnet(pnet);
}
