// SPDX-License-Identifier: GPL-2.0-only
/* struct genl_small_ops and genl_family.small_ops (5.10+). */
#include <net/genetlink.h>

static const struct genl_small_ops probe_ops[1];
static struct genl_family probe_family __maybe_unused = {
	.small_ops = probe_ops,
	.n_small_ops = 1,
};
