/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <net/dst_metadata.h> (4.3): it has no
 * metadata dsts, so no tunnel device can hand tunnel metadata to the
 * datapath or take it from it.  The tunnel description types are supplied
 * for the datapath to compile; received packets never carry one
 * (skb_tunnel_info() is NULL), and no metadata dst can be made, so
 * set(tunnel()) actions are refused (OVS_TUNNEL_METADATA_SUPPORTED is 0).
 */
#ifndef OVS_COMPAT_NET_DST_METADATA_H
#define OVS_COMPAT_NET_DST_METADATA_H

#include <linux/in6.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/types.h>
#include <net/dst.h>

#define OVS_TUNNEL_METADATA_SUPPORTED	0

/* The outer headers of a tunnelled packet, as 4.3 describes them. */
struct ip_tunnel_key {
	__be64 tun_id;
	union {
		struct {
			__be32 src;
			__be32 dst;
		} ipv4;
		struct {
			struct in6_addr src;
			struct in6_addr dst;
		} ipv6;
	} u;
	__be16 tun_flags;	/* TUNNEL_* masks */
	u8 tos;
	u8 ttl;
	__be32 label;
	__be16 tp_src;
	__be16 tp_dst;
};

#define IP_TUNNEL_INFO_TX	0x01
#define IP_TUNNEL_INFO_IPV6	0x02

/* A tunnel description, followed by @options_len option bytes. */
struct ip_tunnel_info {
	struct ip_tunnel_key key;
	u8 options_len;
	u8 mode;
};

static inline unsigned short
ip_tunnel_info_af(const struct ip_tunnel_info *info)
{
	return info->mode & IP_TUNNEL_INFO_IPV6 ? AF_INET6 : AF_INET;
}

static inline void *ip_tunnel_info_opts(struct ip_tunnel_info *info)
{
	return info + 1;
}

static inline void ip_tunnel_info_opts_get(void *to,
					   const struct ip_tunnel_info *info)
{
	memcpy(to, info + 1, info->options_len);
}

struct metadata_dst {
	struct dst_entry dst;
	union {
		struct ip_tunnel_info tun_info;
	} u;
};

/* Nothing can carry one: never allocated. */
static inline struct metadata_dst *metadata_dst_alloc(u8 optslen, gfp_t flags)
{
	return NULL;
}

/* No device attaches tunnel metadata to received packets. */
static inline struct ip_tunnel_info *skb_tunnel_info(struct sk_buff *skb)
{
	return NULL;
}
#endif
