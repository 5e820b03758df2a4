/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/overflow.h> (4.18; stable
 * kernels backported parts of it).  compat.h supplies what the datapath
 * uses from it when the kernel's lacks it.
 */
#ifndef OVS_COMPAT_LINUX_OVERFLOW_H
#define OVS_COMPAT_LINUX_OVERFLOW_H
#include <linux/kernel.h>
#endif
