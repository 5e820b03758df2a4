/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/ipv6_frag.h> (4.19): the IPv6
 * defragmentation users (IP6_DEFRAG_*) are in <net/ipv6.h> there.
 */
#ifndef OVS_COMPAT_NET_IPV6_FRAG_H
#define OVS_COMPAT_NET_IPV6_FRAG_H
#include <net/ipv6.h>
#endif
