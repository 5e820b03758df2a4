// SPDX-License-Identifier: GPL-2.0-only
/* netlink_callback.extack: dumps can report errors with a message (4.20+). */
#include <linux/netlink.h>

static struct netlink_ext_ack *probe(struct netlink_callback *cb)
{
	return cb->extack;
}
