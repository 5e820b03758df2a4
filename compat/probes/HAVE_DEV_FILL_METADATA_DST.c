// SPDX-License-Identifier: GPL-2.0-only
/* dev_fill_metadata_dst(): a device's egress tunnel metadata (4.3+). */
#include <linux/netdevice.h>

static int probe(struct net_device *dev, struct sk_buff *skb)
{
	return dev_fill_metadata_dst(dev, skb);
}
