/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/bits.h> (4.19): BIT() and
 * GENMASK() are in <linux/bitops.h> there.
 */
#ifndef OVS_COMPAT_LINUX_BITS_H
#define OVS_COMPAT_LINUX_BITS_H
#include <linux/bitops.h>
#endif
