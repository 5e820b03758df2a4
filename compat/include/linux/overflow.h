/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/overflow.h> (4.18): the
 * allocation-size helpers the datapath uses, saturating at SIZE_MAX so
 * that an overflowing size makes the allocation fail instead of wrapping.
 */
#ifndef OVS_COMPAT_LINUX_OVERFLOW_H
#define OVS_COMPAT_LINUX_OVERFLOW_H
#include <linux/kernel.h>
#include <linux/types.h>

/* @a * @b, or SIZE_MAX if the product does not fit in a size_t. */
static inline size_t ovs_compat_size_mul(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b)
		return SIZE_MAX;
	return a * b;
}

/* @a + @b, or SIZE_MAX if the sum does not fit in a size_t. */
static inline size_t ovs_compat_size_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		return SIZE_MAX;
	return a + b;
}

#define array_size(N, SIZE)	ovs_compat_size_mul((N), (SIZE))
/* Size of *@P with @N elements of its trailing array @MEMBER. */
#define struct_size(P, MEMBER, N)					\
	ovs_compat_size_add(sizeof(*(P)),				\
			    ovs_compat_size_mul((N), sizeof(*(P)->MEMBER)))
#endif
