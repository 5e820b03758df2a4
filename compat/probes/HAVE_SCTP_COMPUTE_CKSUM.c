// SPDX-License-Identifier: GPL-2.0-only
/* sctp_compute_cksum() (3.11+). */
#include <linux/sctp.h>
#include <net/sctp/checksum.h>

static __le32 probe(const struct sk_buff *skb)
{
	return sctp_compute_cksum(skb, 0);
}
