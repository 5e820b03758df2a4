// SPDX-License-Identifier: GPL-2.0-only
/* metadata_dst_alloc() takes the metadata type (4.13+). */
#include <net/dst_metadata.h>

static struct metadata_dst *probe(void)
{
	return metadata_dst_alloc(0, METADATA_IP_TUNNEL, GFP_KERNEL);
}
