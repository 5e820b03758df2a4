/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/vxlan.h> (3.12): compat.h
 * supplies struct vxlan_metadata, all the datapath takes from it.
 */
#ifndef OVS_COMPAT_NET_VXLAN_H
#define OVS_COMPAT_NET_VXLAN_H
#endif
