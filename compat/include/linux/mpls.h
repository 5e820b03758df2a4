/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/mpls.h> (uAPI, 3.14): the
 * layout of a label stack entry (RFC 3032), host order.
 */
#ifndef OVS_COMPAT_LINUX_MPLS_H
#define OVS_COMPAT_LINUX_MPLS_H
#include <linux/types.h>

struct mpls_label {
	__be32 entry;
};

#define MPLS_LS_LABEL_MASK	0xFFFFF000
#define MPLS_LS_LABEL_SHIFT	12
#define MPLS_LS_TC_MASK		0x00000E00
#define MPLS_LS_TC_SHIFT	9
#define MPLS_LS_S_MASK		0x00000100
#define MPLS_LS_S_SHIFT		8
#define MPLS_LS_TTL_MASK	0x000000FF
#define MPLS_LS_TTL_SHIFT	0
#endif
