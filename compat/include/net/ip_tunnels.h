/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/ip_tunnels.h> (3.10): the tunnel
 * description types come from our <net/dst_metadata.h> stand-in.
 */
#ifndef OVS_COMPAT_NET_IP_TUNNELS_H
#define OVS_COMPAT_NET_IP_TUNNELS_H
#include <net/dst_metadata.h>
#endif
