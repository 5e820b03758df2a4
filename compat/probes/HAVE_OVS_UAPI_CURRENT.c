// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's <linux/openvswitch.h> has every attribute the datapath
 * implements: per-CPU upcall dispatch (OVS_DP_ATTR_PER_CPU_PIDS,
 * OVS_DP_F_DISPATCH_UPCALL_PER_CPU), OVS_DP_ATTR_IFINDEX and the IPv6
 * extension-header key (OVS_KEY_ATTR_IPV6_EXTHDRS) - the newest in 6.1.
 */
#include <linux/openvswitch.h>

static int probe(const struct ovs_key_ipv6_exthdrs *e)
{
	return OVS_DP_ATTR_PER_CPU_PIDS + OVS_DP_ATTR_IFINDEX +
	       OVS_KEY_ATTR_PACKET_TYPE + OVS_KEY_ATTR_ND_EXTENSIONS +
	       OVS_KEY_ATTR_IPV6_EXTHDRS + OVS_DP_F_DISPATCH_UPCALL_PER_CPU +
	       e->hdrs;
}
