/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the datapath's KUnit suites: packets built from
 * literal header bytes, netlink scratch buffers, byte-exact comparison,
 * and running the datapath's own key extraction and ct() on them.
 * Everything allocated here is tied to the running test and released when
 * it ends, also when an assertion aborts it.
 */
#ifndef OVS_KUNIT_UTIL_H
#define OVS_KUNIT_UTIL_H

#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/net_namespace.h>
#include <net/netlink.h>

#include "flow.h"

struct ovs_conntrack_info;

/* Frame addresses the suites use (locally administered MACs). */
#define OVS_KUNIT_MAC_DST	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 }
#define OVS_KUNIT_MAC_SRC	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 }
/* Port number of the pretend input vport. */
#define OVS_KUNIT_IN_PORT	7

/*
 * Initializer of a struct ethhdr from OVS_KUNIT_MAC_SRC to
 * OVS_KUNIT_MAC_DST with EtherType (or 802.3 length) @type, host order.
 */
#define OVS_KUNIT_ETH(type)						\
	{ .h_dest = OVS_KUNIT_MAC_DST, .h_source = OVS_KUNIT_MAC_SRC,	\
	  .h_proto = htons(type) }

struct sk_buff *ovs_kunit_skb(struct kunit *test, const void *data,
			      unsigned int len);
struct sk_buff *ovs_kunit_skb_cat(struct kunit *test, ...);
struct sk_buff *ovs_kunit_nlbuf(struct kunit *test, unsigned int size);
void ovs_kunit_skb_forget(struct kunit *test, struct sk_buff *skb);

int ovs_kunit_extract(struct sk_buff *skb, struct sw_flow_key *key);

bool ovs_kunit_memeq(struct kunit *test, const void *got, const void *want,
		     size_t len, const char *what, int line);
/* Expect @len bytes at @got to equal @want; dumps the first difference. */
#define OVS_KUNIT_EXPECT_MEMEQ(test, got, want, len)			\
	ovs_kunit_memeq(test, got, want, len, #got " == " #want, __LINE__)

bool ovs_kunit_nla_eq(struct kunit *test, const struct nlattr *got,
		      const struct nlattr *want, int line);
/* Expect two attributes (header, payload, padding) to be byte-identical. */
#define OVS_KUNIT_EXPECT_NLA_EQ(test, got, want)			\
	ovs_kunit_nla_eq(test, got, want, __LINE__)

struct sk_buff *ovs_kunit_ipv4(struct kunit *test, __be32 saddr,
			       __be32 daddr, u8 proto, const void *l4,
			       unsigned int l4len);
struct sk_buff *ovs_kunit_ipv6(struct kunit *test,
			       const struct in6_addr *saddr,
			       const struct in6_addr *daddr, u8 proto,
			       const void *l4, unsigned int l4len);
void ovs_kunit_tcp(struct tcphdr *th, u16 sport, u16 dport, u32 seq,
		   u32 ack, u8 flags);
void ovs_kunit_fill_csum(struct sk_buff *skb);
bool ovs_kunit_csum_ok(const struct sk_buff *skb);
void ovs_kunit_udp_datagram(u8 *buf, unsigned int len, const void *saddr,
			    const void *daddr, bool v6);
struct sk_buff *ovs_kunit_frag4(struct kunit *test, __be32 saddr,
				__be32 daddr, const u8 *datagram,
				unsigned int ofs, unsigned int len, bool more);
struct sk_buff *ovs_kunit_frag6(struct kunit *test,
				const struct in6_addr *saddr,
				const struct in6_addr *daddr,
				const u8 *datagram, unsigned int ofs,
				unsigned int len, bool more);

int ovs_kunit_copy_actions(struct kunit *test, struct net *net,
			   const struct nlattr *acts,
			   const struct sw_flow_key *key,
			   struct sw_flow_actions **sfa, bool log);
const struct ovs_conntrack_info *
ovs_kunit_ct_action(struct kunit *test, struct net *net,
		    const struct sw_flow_key *key, const struct nlattr *acts);
int ovs_kunit_ct_exec(struct net *net, struct sk_buff *skb,
		      struct sw_flow_key *key,
		      const struct ovs_conntrack_info *info);
void ovs_kunit_ct_flush_zone(struct net *net, u16 zone);
unsigned int ovs_kunit_ct_count_zone(struct net *net, u16 zone);

#endif /* OVS_KUNIT_UTIL_H */
