/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/erspan.h> (4.14): it cannot carry
 * ERSPAN tunnel metadata at all.  The datapath only needs the size of the
 * metadata userspace sends (the uAPI layout of 4.18 on) to validate it.
 */
#ifndef OVS_COMPAT_NET_ERSPAN_H
#define OVS_COMPAT_NET_ERSPAN_H
#include <linux/types.h>

struct erspan_md2 {
	__be32 timestamp;
	__be16 sgt;
	__u8 hwid_dir_ft_p;	/* bit fields, opaque here */
	__u8 o_gra_dir_hwid;
};

struct erspan_metadata {
	int version;
	union {
		__be32 index;		/* version 1 */
		struct erspan_md2 md2;	/* version 2 */
	} u;
};
#endif
