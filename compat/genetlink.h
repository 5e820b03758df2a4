/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Generic netlink families as the datapath declares them (5.10 on): a
 * struct genl_family carrying the family-wide attribute policy and an array
 * of struct genl_small_ops, registered with genl_register_family().
 *
 * Kernels without genl_small_ops (probe HAVE_GENL_SMALL_OPS) get our own
 * struct ovs_compat_genl_family under that name.  It holds what the
 * datapath initialises; ovs_compat_genl_register_family() builds the
 * kernel's own struct genl_family from it at registration: ops
 * copied into a struct genl_ops array (with the family policy on every op
 * where the kernel validates per op), multicast groups, and whichever
 * registration call the kernel has.  The genlmsg_ and genl_ calls that take
 * a family are mapped onto that kernel family.
 *
 * Included from compat.h after <net/genetlink.h>.
 */
#ifndef OVS_COMPAT_GENETLINK_H
#define OVS_COMPAT_GENETLINK_H

#include <linux/netlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>

/* Unprivileged-namespace admin check (4.7); else plain CAP_NET_ADMIN. */
#ifndef GENL_UNS_ADMIN_PERM
#define GENL_UNS_ADMIN_PERM GENL_ADMIN_PERM
#endif

#ifndef HAVE_GENL_DONT_VALIDATE
/* Strict validation (5.2) does not exist: nothing to opt out of. */
#define GENL_DONT_VALIDATE_STRICT	0x01
#define GENL_DONT_VALIDATE_DUMP		0x02
#endif

#ifndef HAVE_GENL_SMALL_OPS

#ifndef HAVE_GENL_INFO_EXTACK
/*
 * The request as the datapath's doit handlers see it: the kernel's
 * struct genl_info before 4.12 has no extended ack, so the handlers get
 * this one (under the kernel's name) from a trampoline that copies the
 * kernel's and adds a NULL extack.  Handlers must not keep it.
 */
struct ovs_compat_genl_info {
	u32 snd_seq;
	u32 snd_portid;
	struct nlmsghdr *nlhdr;
	struct genlmsghdr *genlhdr;
	void *userhdr;
	struct nlattr **attrs;
	struct netlink_ext_ack *extack;
	struct genl_info *kinfo;	/* the kernel's */
};
#define OVS_COMPAT_GENL_INFO struct ovs_compat_genl_info
#else
#define OVS_COMPAT_GENL_INFO struct genl_info
#endif

struct ovs_compat_genl_small_ops {
	int (*doit)(struct sk_buff *skb, OVS_COMPAT_GENL_INFO *info);
	int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb);
	u8 cmd;
	u8 internal_flags;
	u8 flags;
	u8 validate;
};

struct ovs_compat_genl_family {
	/* Initialised by the datapath, as in the current struct genl_family. */
	unsigned int hdrsize;
	char name[GENL_NAMSIZ];
	unsigned int version;
	unsigned int maxattr;
	const struct nla_policy *policy;
	bool netnsok;
	bool parallel_ops;
	const struct ovs_compat_genl_small_ops *small_ops;
	unsigned int n_small_ops;
	const struct genl_multicast_group *mcgrps;
	unsigned int n_mcgrps;
	struct module *module;

	/*
	 * Allocated by ovs_compat_genl_register_family(), the only time this
	 * structure is written (it may be __ro_after_init); the kernel writes
	 * to its own family at unregistration on some kernels.
	 */
	struct genl_family *kfamily;
	struct genl_ops *kops;
#ifdef HAVE_GENL_REGISTER_MC_GROUP
	/* Groups registered one by one, each with its own group id. */
	struct genl_multicast_group *kgrps;
#endif
};

int ovs_compat_genl_register_family(struct ovs_compat_genl_family *family);
int ovs_compat_genl_unregister_family(const struct ovs_compat_genl_family *family);

/* The kernel's multicast group id of group number @group of @family. */
static inline unsigned int
ovs_compat_genl_group_id(const struct ovs_compat_genl_family *family,
			 unsigned int group)
{
#ifdef HAVE_GENL_REGISTER_MC_GROUP
	return family->kgrps[group].id;
#else
	return family->kfamily->mcgrp_offset + group;
#endif
}

static inline void *
ovs_compat_genlmsg_put(struct sk_buff *skb, u32 portid, u32 seq,
		       struct ovs_compat_genl_family *family, int flags, u8 cmd)
{
	return genlmsg_put(skb, portid, seq, family->kfamily, flags, cmd);
}

#ifndef HAVE_GENL_INFO_EXTACK
static inline struct net *ovs_compat_genl_info_net(const OVS_COMPAT_GENL_INFO *info)
{
	return genl_info_net(info->kinfo);
}

static inline int ovs_compat_genlmsg_reply(struct sk_buff *skb,
					   OVS_COMPAT_GENL_INFO *info)
{
	return genlmsg_reply(skb, info->kinfo);
}
#endif

static inline void ovs_compat_genl_notify(struct ovs_compat_genl_family *family,
					  struct sk_buff *skb,
					  OVS_COMPAT_GENL_INFO *info, u32 group,
					  gfp_t flags)
{
#ifndef HAVE_GENL_INFO_EXTACK
	struct genl_info *kinfo = info->kinfo;
#else
	struct genl_info *kinfo = info;
#endif

#if defined(HAVE_GENL_NOTIFY_INFO)
	genl_notify(family->kfamily, skb, kinfo, group, flags);
#elif defined(HAVE_GENL_REGISTER_MC_GROUP)
	genl_notify(skb, genl_info_net(kinfo), kinfo->snd_portid,
		    ovs_compat_genl_group_id(family, group), kinfo->nlhdr, flags);
#else
	genl_notify(family->kfamily, skb, genl_info_net(kinfo),
		    kinfo->snd_portid, group, kinfo->nlhdr, flags);
#endif
}

static inline int ovs_compat_genl_has_listeners(struct ovs_compat_genl_family *family,
						struct net *net,
						unsigned int group)
{
	return netlink_has_listeners(net->genl_sock,
				     ovs_compat_genl_group_id(family, group));
}

static inline int ovs_compat_genl_set_err(struct ovs_compat_genl_family *family,
					  struct net *net, u32 portid,
					  u32 group, int code)
{
#ifdef HAVE_GENL_REGISTER_MC_GROUP
	/* What genl_set_err() does there; 3.10 does not have it. */
	return netlink_set_err(net->genl_sock, portid,
			       ovs_compat_genl_group_id(family, group), code);
#else
	return genl_set_err(family->kfamily, net, portid, group, code);
#endif
}

static inline int
ovs_compat_genlmsg_multicast_netns(struct ovs_compat_genl_family *family,
				   struct net *net, struct sk_buff *skb,
				   u32 portid, unsigned int group, gfp_t flags)
{
#ifdef HAVE_GENL_REGISTER_MC_GROUP
	return genlmsg_multicast_netns(net, skb, portid,
				       ovs_compat_genl_group_id(family, group),
				       flags);
#else
	return genlmsg_multicast_netns(family->kfamily, net, skb, portid,
				       group, flags);
#endif
}

/* Parse a request's attributes after the family header, as the kernel's. */
static inline int
ovs_compat_genlmsg_parse(const struct nlmsghdr *nlh,
			 const struct ovs_compat_genl_family *family,
			 struct nlattr *tb[], int maxtype,
			 const struct nla_policy *policy,
			 struct netlink_ext_ack *extack)
{
	return nlmsg_parse_deprecated(nlh, GENL_HDRLEN + family->hdrsize, tb,
				      maxtype, policy, extack);
}

#define genl_small_ops		ovs_compat_genl_small_ops
#define genl_family		ovs_compat_genl_family
#define genl_register_family	ovs_compat_genl_register_family
#define genl_unregister_family	ovs_compat_genl_unregister_family
#define genlmsg_put		ovs_compat_genlmsg_put
#define genl_notify		ovs_compat_genl_notify
#define genl_has_listeners	ovs_compat_genl_has_listeners
#define genl_set_err		ovs_compat_genl_set_err
#define genlmsg_multicast_netns	ovs_compat_genlmsg_multicast_netns
#define genlmsg_parse_deprecated ovs_compat_genlmsg_parse
#ifndef HAVE_GENL_INFO_EXTACK
#define genl_info		ovs_compat_genl_info
#define genl_info_net		ovs_compat_genl_info_net
#define genlmsg_reply		ovs_compat_genlmsg_reply
#endif

#endif /* !HAVE_GENL_SMALL_OPS */

#endif /* OVS_COMPAT_GENETLINK_H */
