/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/xarray.h> (4.20).  The datapath
 * uses xarrays only for zone limits, which compat/nf_conntrack_ovs.h
 * reports unsupported without HAVE_XARRAY, so nothing is needed here.
 */
#ifndef OVS_COMPAT_LINUX_XARRAY_H
#define OVS_COMPAT_LINUX_XARRAY_H
#endif
