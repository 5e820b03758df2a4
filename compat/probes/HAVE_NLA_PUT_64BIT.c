// SPDX-License-Identifier: GPL-2.0-only
/* 64-bit attributes aligned by a pad attribute (4.7+). */
#include <net/netlink.h>

static int probe(struct sk_buff *skb)
{
	return nla_put_u64_64bit(skb, 1, 0, 2) ?:
	       nla_put_be64(skb, 1, 0, 2) ?:
	       nla_put_64bit(skb, 1, 0, NULL, 2) ?:
	       (int)nla_total_size_64bit(8);
}
