/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/rhashtable-types.h> (split out
 * of <linux/rhashtable.h> in 4.18): the types are in the full header.
 * compat/include is searched after the kernel's include directories.
 */
#ifndef OVS_COMPAT_LINUX_RHASHTABLE_TYPES_H
#define OVS_COMPAT_LINUX_RHASHTABLE_TYPES_H
#include <linux/rhashtable.h>
#endif
