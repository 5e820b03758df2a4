/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/netfilter/nf_conntrack_seqadj.h>
 * (3.13).  Before, TCP sequence adjustment after a helper changed a
 * payload's length was NAT's: its state is in the NAT extension, which
 * every NAT'd connection has, and NAT installs the adjusting function in
 * nf_nat_seq_adjust_hook.
 */
#ifndef OVS_COMPAT_NF_CONNTRACK_SEQADJ_H
#define OVS_COMPAT_NF_CONNTRACK_SEQADJ_H
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_nat.h>
#include <net/netfilter/nf_nat_helper.h>

/* The adjustment state: the NAT extension. */
static inline struct nf_conn_nat *nfct_seqadj(const struct nf_conn *ct)
{
	return nfct_nat(ct);
}

/* NAT adds its extension itself (nf_nat_setup_info()). */
static inline struct nf_conn_nat *nfct_seqadj_ext_add(struct nf_conn *ct)
{
	return nf_ct_nat_ext_add(ct);
}

/* Adjust @skb's TCP sequence numbers.  Return: 1, or 0 to drop it. */
static inline int nf_ct_seq_adjust(struct sk_buff *skb, struct nf_conn *ct,
				   enum ip_conntrack_info ctinfo,
				   unsigned int protoff)
{
	int (*adjust)(struct sk_buff *skb, struct nf_conn *ct,
		      enum ip_conntrack_info ctinfo, unsigned int protoff);
	int ret = 1;

	rcu_read_lock();
	adjust = rcu_dereference(nf_nat_seq_adjust_hook);
	if (adjust)
		ret = adjust(skb, ct, ctinfo, protoff);
	rcu_read_unlock();
	return ret;
}
#endif
