/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/timekeeping.h> (3.17): the
 * clock reads are in <linux/hrtimer.h>, and the nanosecond monotonic read
 * is made from ktime_get().
 */
#ifndef OVS_COMPAT_LINUX_TIMEKEEPING_H
#define OVS_COMPAT_LINUX_TIMEKEEPING_H
#include <linux/hrtimer.h>
#include <linux/ktime.h>

/* Monotonic time in nanoseconds. */
static inline u64 ktime_get_ns(void)
{
	return ktime_to_ns(ktime_get());
}
#endif
