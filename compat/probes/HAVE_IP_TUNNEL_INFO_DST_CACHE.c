// SPDX-License-Identifier: GPL-2.0-only
/* A per-tunnel-info route cache in struct ip_tunnel_info (4.6+). */
#include <net/ip_tunnels.h>

static int probe(struct ip_tunnel_info *info)
{
	return dst_cache_init(&info->dst_cache, GFP_KERNEL);
}
