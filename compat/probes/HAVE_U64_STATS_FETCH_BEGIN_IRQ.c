// SPDX-License-Identifier: GPL-2.0-only
/* u64_stats_fetch_begin_irq()/retry_irq() (3.15-6.2). */
#include <linux/u64_stats_sync.h>

static bool probe(const struct u64_stats_sync *s)
{
	return u64_stats_fetch_retry_irq(s, u64_stats_fetch_begin_irq(s));
}
