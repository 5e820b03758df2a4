// SPDX-License-Identifier: GPL-2.0-only
/* eth_type_vlan(): 802.1Q or 802.1ad TPID. */
#include <linux/if_vlan.h>

static bool probe(__be16 type)
{
	return eth_type_vlan(type);
}
