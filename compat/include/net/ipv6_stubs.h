/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/ipv6_stubs.h> (5.2): struct
 * ipv6_stub is declared in <net/addrconf.h> there.
 */
#ifndef OVS_COMPAT_NET_IPV6_STUBS_H
#define OVS_COMPAT_NET_IPV6_STUBS_H
#include <net/addrconf.h>
#endif
