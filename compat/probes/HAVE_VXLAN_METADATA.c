// SPDX-License-Identifier: GPL-2.0-only
/* struct vxlan_metadata: VXLAN extensions in tunnel metadata (4.0+). */
#include <net/vxlan.h>

static u32 probe(const struct vxlan_metadata *md)
{
	return md->gbp;
}
