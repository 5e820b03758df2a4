/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Conntrack helpers that OVS uses under their current kernel names.
 *
 * Kernels from 6.2 on export nf_ct_handle_fragments(), nf_ct_helper(),
 * nf_ct_add_helper() and nf_ct_skb_network_trim() (shared by OVS and
 * act_ct); older ones get our implementation from compat/nf_conntrack_ovs.c.
 * Each plain name is mapped to an ovs_compat_ symbol so that we never clash
 * with a kernel that exports the same name.  A few small inline facilities
 * that some targets lack are supplied here directly.  Which ones are needed
 * is decided only by the HAVE_* probe results (compat/probes/).
 */
#ifndef OVS_COMPAT_NF_CONNTRACK_OVS_H
#define OVS_COMPAT_NF_CONNTRACK_OVS_H

#include <linux/module.h>
#include <linux/netfilter.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_helper.h>
#include <net/netfilter/nf_conntrack_l4proto.h>
#include <net/netfilter/nf_conntrack_timeout.h>
#include <net/netfilter/ipv4/nf_defrag_ipv4.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

#include <net/netfilter/nf_conntrack_core.h>
#include <net/netfilter/nf_conntrack_expect.h>
#include <net/netfilter/nf_conntrack_zones.h>

#ifndef NF_CT_LABELS_MAX_SIZE
/*
 * Bytes of labels a conntrack entry can hold (3.16 named it): 128 bits.
 * <net/netfilter/nf_conntrack_labels.h>, which has no include guard on
 * these kernels, is left to the including file.
 */
#define NF_CT_LABELS_MAX_SIZE	16
#endif

#ifndef HAVE_NF_CT_DELETE
/* Remove @ct from the table now (3.12): by running its timeout early. */
static inline bool nf_ct_delete(struct nf_conn *ct, u32 portid, int report)
{
	return nf_ct_kill(ct);
}
#endif

#ifndef HAVE_NF_CT_ZONE_INIT
/*
 * Before 4.3 a zone was a bare u16 id, applying to both directions.  The
 * datapath's zone (id and directions, always both here) gets its own
 * structure, and the zone-taking calls are given its id.  All kernel
 * headers that name struct nf_conntrack_zone are included above, before
 * the name is taken over.
 */
struct ovs_compat_nf_conntrack_zone {
	u16 id;
	u8 flags;
	u8 dir;
};
#define nf_conntrack_zone ovs_compat_nf_conntrack_zone

#define NF_CT_DEFAULT_ZONE_ID	NF_CT_DEFAULT_ZONE
#define NF_CT_ZONE_DIR_ORIG	(1 << IP_CT_DIR_ORIGINAL)
#define NF_CT_ZONE_DIR_REPL	(1 << IP_CT_DIR_REPLY)
#define NF_CT_DEFAULT_ZONE_DIR	(NF_CT_ZONE_DIR_ORIG | NF_CT_ZONE_DIR_REPL)

static inline const struct nf_conntrack_zone *
nf_ct_zone_init(struct nf_conntrack_zone *zone, u16 id, u8 dir, u8 flags)
{
	zone->id = id;
	zone->flags = flags;
	zone->dir = dir;
	return zone;
}

/* The zone of @ct, valid until the end of the enclosing block. */
#define nf_ct_zone(CT) \
	(&(const struct nf_conntrack_zone){ .id = nf_ct_zone(CT), \
					   .dir = NF_CT_DEFAULT_ZONE_DIR })

static inline bool nf_ct_zone_equal_any(const struct nf_conn *a,
					const struct nf_conntrack_zone *b)
{
	return nf_ct_zone(a)->id == b->id;
}

#define nf_conntrack_find_get(NET, ZONE, TUPLE) \
	nf_conntrack_find_get((NET), (ZONE)->id, (TUPLE))
#define __nf_ct_expect_find(NET, ZONE, TUPLE) \
	__nf_ct_expect_find((NET), (ZONE)->id, (TUPLE))
#endif /* !HAVE_NF_CT_ZONE_INIT */

#ifndef HAVE_NF_CT_TMPL_ALLOC
/*
 * A conntrack template for @zone (4.3): before, a conntrack entry with an
 * all-zero tuple, marked as a template, from the conntrack cache.
 */
static inline struct nf_conn *
nf_ct_tmpl_alloc(struct net *net, const struct nf_conntrack_zone *zone,
		 gfp_t flags)
{
	struct nf_conntrack_tuple t;
	struct nf_conn *tmpl;

	memset(&t, 0, sizeof(t));
	tmpl = nf_conntrack_alloc(net, zone->id, &t, &t, flags);
	if (IS_ERR(tmpl))
		return NULL;
	__set_bit(IPS_TEMPLATE_BIT, &tmpl->status);
	return tmpl;
}

/* Free a template nf_ct_tmpl_alloc() made, whatever its use count. */
static inline void nf_ct_tmpl_free(struct nf_conn *tmpl)
{
	nf_conntrack_free(tmpl);
}
#endif /* !HAVE_NF_CT_TMPL_ALLOC */

#ifndef HAVE_NF_CONNLABELS_GET
/*
 * Reserve label bits 0..@bit in @net so that new entries get the labels
 * extension (4.3 exports this).  Before, xt_connlabel did the same
 * bookkeeping itself, under the xtables lock, which we cannot take: a
 * rule being added at the same moment may race with us.
 */
static inline int nf_connlabels_get(struct net *net, unsigned int bit)
{
#if IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)
	unsigned int words = BITS_TO_LONGS(bit + 1);

	if (bit >= 128)		/* the most xt_connlabel ever allowed */
		return -ERANGE;
	net->ct.labels_used++;
	if (words > net->ct.label_words)
		net->ct.label_words = words;
#endif
	return 0;
}

static inline void nf_connlabels_put(struct net *net)
{
#if IS_ENABLED(CONFIG_NF_CONNTRACK_LABELS)
	if (!--net->ct.labels_used)
		net->ct.label_words = 0;
#endif
}
#endif /* !HAVE_NF_CONNLABELS_GET */

#ifndef HAVE_NF_CT_SET
/* Attach @ct (a reference the caller gives up) and @info to @skb. */
static inline void nf_ct_set(struct sk_buff *skb, struct nf_conn *ct,
			     enum ip_conntrack_info info)
{
	skb->nfct = ct ? &ct->ct_general : NULL;
	skb->nfctinfo = info;
}
#endif

#ifndef HAVE_IP_CT_UNTRACKED
/*
 * Before 4.12 "untracked" was a shared template conntrack, not a ctinfo
 * value.  The datapath only passes it with no conntrack (ct_clear), which
 * there leaves the skb without one: OVS sees it untracked, and netfilter
 * would track it afresh if it later reached its hooks.
 */
#define IP_CT_UNTRACKED IP_CT_NEW
#endif

#ifndef HAVE_NF_CONNTRACK_HELPER_PUT
/* Drop the module reference nf_conntrack_helper_try_module_get() took. */
static inline void nf_conntrack_helper_put(struct nf_conntrack_helper *helper)
{
	module_put(helper->me);
}
#endif

#ifndef HAVE_NF_HOOK_STATE_NET
/*
 * The hook context the datapath hands nf_conntrack_in() (4.4 gave struct
 * nf_hook_state its namespace; before 4.1 there was no such struct).
 * Only the fields the nf_conntrack_in() mapping below reads.
 */
struct ovs_compat_nf_hook_state {
	unsigned int hook;
	u8 pf;
	struct net *net;
};
#define nf_hook_state ovs_compat_nf_hook_state
#endif

#ifndef HAVE_NF_CT_GET_TUPLEPR_NET
/* nf_ct_get_tuplepr() without the namespace argument of 4.3+. */
#define nf_ct_get_tuplepr(SKB, NHOFF, L3NUM, NET, TUPLE) \
	nf_ct_get_tuplepr((SKB), (NHOFF), (L3NUM), (TUPLE))
#endif

#ifndef HAVE_NF_CONNTRACK_IN_STATE
/* nf_conntrack_in() takes its hook context as a struct (4.19+). */
#define nf_conntrack_in(SKB, STATE) \
	nf_conntrack_in((STATE)->net, (STATE)->pf, (STATE)->hook, (SKB))
#endif

#ifndef HAVE_NF_CT_INVERT_TUPLE_2ARG
/* Invert a tuple, looking its protocol handlers up (4.19+ signature). */
#define nf_ct_invert_tuple(INVERSE, ORIG) nf_ct_invert_tuplepr((INVERSE), (ORIG))
#endif

#ifndef HAVE_NF_CT_SET_TIMEOUT
/* Never called without timeout-policy support (OVS_CT_TIMEOUT_SUPPORTED). */
static inline void nf_ct_destroy_timeout(struct nf_conn *ct)
{
}
#endif

#ifndef HAVE_NF_NAT_HELPER_TRY_MODULE_GET
/*
 * Before 5.2 NAT helpers (nf_nat_ftp, ...) were not reference-counted by
 * name: loading the module is all that can be done, and a NAT helper that
 * is missing or unloaded means its payload is not translated (the NAT of
 * the addresses still happens).  @proto and @family are unused.
 */
#include <linux/kmod.h>
static inline int nf_nat_helper_try_module_get(const char *name, u16 family,
					       u8 proto)
{
	request_module("nf_nat_%s", name);
	return 0;
}

static inline void nf_nat_helper_put(struct nf_conntrack_helper *helper)
{
}
#endif

#ifndef HAVE_NF_CT_HANDLE_FRAGMENTS
#define nf_ct_handle_fragments ovs_compat_nf_ct_handle_fragments
int nf_ct_handle_fragments(struct net *net, struct sk_buff *skb, u16 zone,
			   u8 family, u8 *proto, u16 *mru);
#endif

#ifndef HAVE_NF_CT_HELPER_FN
#define nf_ct_helper ovs_compat_nf_ct_helper
int nf_ct_helper(struct sk_buff *skb, struct nf_conn *ct,
		 enum ip_conntrack_info ctinfo, u16 proto);
#endif

#ifndef HAVE_NF_CT_ADD_HELPER
#define nf_ct_add_helper ovs_compat_nf_ct_add_helper
int nf_ct_add_helper(struct nf_conn *ct, const char *name, u8 family,
		     u8 proto, bool nat, struct nf_conntrack_helper **hp);
#endif

#ifndef HAVE_NF_CT_SKB_NETWORK_TRIM
#define nf_ct_skb_network_trim ovs_compat_nf_ct_skb_network_trim
int nf_ct_skb_network_trim(struct sk_buff *skb, int family);
#endif

#ifndef HAVE_NF_CT_SHARED
/* More than one reference to @ct (the use count's type varies). */
static inline bool nf_ct_shared(const struct nf_conn *ct)
{
#ifdef HAVE_NF_CONNTRACK_USE_REFCOUNT
	return refcount_read(&ct->ct_general.use) > 1;
#else
	return atomic_read(&ct->ct_general.use) > 1;
#endif
}
#endif

#ifndef HAVE_NF_CT_SET_TCP_BE_LIBERAL
/* Both: the caller has checked that @ct is a TCP connection. */
static inline void nf_ct_set_tcp_be_liberal(struct nf_conn *ct)
{
	ct->proto.tcp.seen[IP_CT_DIR_ORIGINAL].flags |= IP_CT_TCP_FLAG_BE_LIBERAL;
	ct->proto.tcp.seen[IP_CT_DIR_REPLY].flags |= IP_CT_TCP_FLAG_BE_LIBERAL;
}

static inline bool nf_conntrack_tcp_established(const struct nf_conn *ct)
{
	return ct->proto.tcp.state == TCP_CONNTRACK_ESTABLISHED &&
	       test_bit(IPS_ASSURED_BIT, &ct->status);
}
#endif

/*
 * Zone limits count connections with nf_conncount (4.18 on).  Kernels
 * whose nf_conncount takes the tuple from the caller get a counting call
 * that takes it from the skb's entry instead; kernels without nf_conncount
 * (or built without it) have no zone limits: OVS_CT_LIMIT_SUPPORTED is 0
 * and the ovs_ct_limit family is not registered, which is how ovs-vswitchd
 * learns that the datapath has none.
 */
#if IS_ENABLED(CONFIG_NETFILTER_CONNCOUNT) && \
	(defined(HAVE_NF_CONNCOUNT_COUNT_SKB) || \
	 defined(HAVE_NF_CONNCOUNT_COUNT_TUPLE))
#define OVS_CT_LIMIT_SUPPORTED	1
#include <net/netfilter/nf_conntrack_count.h>

#ifndef HAVE_NF_CONNCOUNT_COUNT_SKB
static inline unsigned int
nf_conncount_count_skb(struct net *net, const struct sk_buff *skb, u16 l3num,
		       struct nf_conncount_data *data, const u32 *key)
{
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct;

	/* Without a packet: only count (and collect expired entries). */
	ct = skb ? nf_ct_get(skb, &ctinfo) : NULL;
	if (!ct || nf_ct_is_template(ct))
		return nf_conncount_count(net, data, key, NULL, NULL);
	return nf_conncount_count(net, data, key,
				  &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple,
				  nf_ct_zone(ct));
}
#endif

/* A conncount tree for keys of @keylen bytes, for IPv4 and IPv6. */
static inline struct nf_conncount_data *
nf_conncount_init_inet(struct net *net, unsigned int keylen)
{
#ifdef HAVE_NF_CONNCOUNT_INIT_FAMILY
	return nf_conncount_init(net, NFPROTO_INET, keylen);
#else
	return nf_conncount_init(net, keylen);
#endif
}

static inline void nf_conncount_destroy_inet(struct net *net,
					     struct nf_conncount_data *data)
{
#ifdef HAVE_NF_CONNCOUNT_INIT_FAMILY
	nf_conncount_destroy(net, NFPROTO_INET, data);
#else
	nf_conncount_destroy(net, data);
#endif
}
#else
#define OVS_CT_LIMIT_SUPPORTED	0
#endif

/*
 * Timeout policies: nf_ct_set_timeout() attaches a cttimeout policy to a
 * template (5.2 on, and only with CONFIG_NF_CONNTRACK_TIMEOUT; without it
 * the kernel's inline stub would fail every time).
 */
#if IS_ENABLED(CONFIG_NF_CONNTRACK_TIMEOUT) && defined(HAVE_NF_CT_SET_TIMEOUT)
#define OVS_CT_TIMEOUT_SUPPORTED	1
#else
#define OVS_CT_TIMEOUT_SUPPORTED	0
#endif

#endif /* OVS_COMPAT_NF_CONNTRACK_OVS_H */
