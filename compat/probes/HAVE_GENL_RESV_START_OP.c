// SPDX-License-Identifier: GPL-2.0-only
/* genl_family.resv_start_op: strict validation above a given command (6.1). */
#include <net/genetlink.h>

static struct genl_family probe_family __maybe_unused = {
	.resv_start_op = 1,
};
