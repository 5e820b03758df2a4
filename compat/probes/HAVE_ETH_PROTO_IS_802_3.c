// SPDX-License-Identifier: GPL-2.0-only
/* eth_proto_is_802_3() (4.2+). */
#include <linux/etherdevice.h>

static bool probe(__be16 proto)
{
	return eth_proto_is_802_3(proto);
}
