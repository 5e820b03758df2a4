// SPDX-License-Identifier: GPL-2.0-only
/* IP_CT_UNTRACKED: "not tracked" is a ctinfo value, not a template (4.12+). */
#include <linux/netfilter/nf_conntrack_common.h>

static int probe(void)
{
	return IP_CT_UNTRACKED;
}
