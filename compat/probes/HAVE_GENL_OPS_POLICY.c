// SPDX-License-Identifier: GPL-2.0-only
/* genl_ops.policy: the kernel validates each op with its own policy. */
#include <net/genetlink.h>

static const struct nla_policy probe_policy[2];
static const struct genl_ops probe_ops __maybe_unused = {
	.policy = probe_policy,
};
