// SPDX-License-Identifier: GPL-2.0-only
/* GENL_DONT_VALIDATE_STRICT/_DUMP flags exist (5.2+). */
#include <net/genetlink.h>

static int probe(void)
{
	return GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP;
}
