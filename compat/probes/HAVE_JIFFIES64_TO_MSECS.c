// SPDX-License-Identifier: GPL-2.0-only
/* jiffies64_to_msecs() (5.7+). */
#include <linux/jiffies.h>

static u64 probe(u64 j)
{
	return jiffies64_to_msecs(j);
}
