// SPDX-License-Identifier: GPL-2.0-only
/* struct reciprocal_value (3.14+). */
#include <linux/reciprocal_div.h>

static u32 probe(u32 a, u32 b)
{
	struct reciprocal_value r = reciprocal_value(b);

	return reciprocal_divide(a, r);
}
