// SPDX-License-Identifier: GPL-2.0-only
/* struct netlink_ext_ack: error messages back to the requester (4.12+). */
#include <linux/netlink.h>

static const char *probe(struct netlink_ext_ack *extack)
{
	return extack->_msg;
}
