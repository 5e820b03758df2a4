/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/geneve.h> (no Geneve device,
 * before 3.18): the datapath only needs the critical bit of an option's
 * type to validate Geneve options userspace sends.
 */
#ifndef OVS_COMPAT_NET_GENEVE_H
#define OVS_COMPAT_NET_GENEVE_H

#define GENEVE_CRIT_OPT_TYPE	(1 << 7)
#endif
