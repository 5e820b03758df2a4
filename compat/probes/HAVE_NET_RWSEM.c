// SPDX-License-Identifier: GPL-2.0-only
/* net_rwsem protects the namespace list (4.17+). */
#include <net/net_namespace.h>

static void probe(void)
{
	down_read(&net_rwsem);
	up_read(&net_rwsem);
}
