// SPDX-License-Identifier: GPL-2.0-only
/*
 * ip_tunnel_key.tun_flags as a bitmap indexed by IP_TUNNEL_*_BIT (6.10+);
 * before, a __be16 of TUNNEL_* masks.
 */
#include <net/ip_tunnels.h>

static bool probe(const struct ip_tunnel_key *key)
{
	return test_bit(IP_TUNNEL_KEY_BIT, key->tun_flags);
}
