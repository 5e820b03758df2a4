// SPDX-License-Identifier: GPL-2.0-only
/* genl_family.policy: one attribute policy for the whole family (5.2+). */
#include <net/genetlink.h>

static const struct nla_policy probe_policy[2];
static struct genl_family probe_family __maybe_unused = {
	.policy = probe_policy,
};
