// SPDX-License-Identifier: GPL-2.0-only
/* genl_ops.validate: per-op opt-out of strict validation (5.2+). */
#include <net/genetlink.h>

static const struct genl_ops probe_ops __maybe_unused = {
	.validate = GENL_DONT_VALIDATE_STRICT,
};
