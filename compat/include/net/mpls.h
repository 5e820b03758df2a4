/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/mpls.h> (3.19): the size of a
 * label stack entry and the MPLS EtherType test.  compat.h adds
 * struct mpls_shim_hdr and mpls_hdr().
 */
#ifndef OVS_COMPAT_NET_MPLS_H
#define OVS_COMPAT_NET_MPLS_H
#include <asm/byteorder.h>
#include <linux/if_ether.h>
#include <linux/types.h>

#define MPLS_HLEN 4

/* Unicast or multicast MPLS. */
static inline bool eth_p_mpls(__be16 eth_type)
{
	return eth_type == htons(ETH_P_MPLS_UC) ||
	       eth_type == htons(ETH_P_MPLS_MC);
}
#endif
