/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/minmax.h> (5.10): min(), max(),
 * clamp() and friends are in <linux/kernel.h> there.
 */
#ifndef OVS_COMPAT_LINUX_MINMAX_H
#define OVS_COMPAT_LINUX_MINMAX_H
#include <linux/kernel.h>
#endif
