// SPDX-License-Identifier: GPL-2.0-only
/*
 * Registration of the datapath's generic netlink families on kernels
 * without struct genl_small_ops (see compat/genetlink.h).  Compiles to
 * nothing on kernels that have it.
 */

#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <net/genetlink.h>

#ifndef HAVE_GENL_SMALL_OPS

/*
 * The kernel's names: compat.h maps the datapath's onto ours, but here the
 * kernel's own registration calls are meant.
 */
#undef genl_family
#undef genl_register_family
#undef genl_unregister_family
#undef genl_info
#undef genl_info_net

#ifndef HAVE_GENL_INFO_EXTACK
/*
 * Families registered with ovs_compat_genl_register_family(), for the
 * doit trampoline to find a request's handler: the datapath has six.
 */
static const struct ovs_compat_genl_family __rcu *ovs_compat_genl_families[8];
static DEFINE_SPINLOCK(ovs_compat_genl_lock);

/*
 * The doit of every kernel op: find the datapath's handler by family id
 * and command, and call it with a struct ovs_compat_genl_info copied from
 * the kernel's.
 */
static int ovs_compat_genl_doit(struct sk_buff *skb, struct genl_info *kinfo)
{
	const struct ovs_compat_genl_small_ops *so = NULL;
	struct ovs_compat_genl_info info = {
		.snd_seq = kinfo->snd_seq,
		.snd_portid = kinfo->snd_portid,
		.nlhdr = kinfo->nlhdr,
		.genlhdr = kinfo->genlhdr,
		.userhdr = kinfo->userhdr,
		.attrs = kinfo->attrs,
		.extack = NULL,
		.kinfo = kinfo,
	};
	unsigned int i, j;

	rcu_read_lock();
	for (i = 0; i < ARRAY_SIZE(ovs_compat_genl_families) && !so; i++) {
		const struct ovs_compat_genl_family *f;

		f = rcu_dereference(ovs_compat_genl_families[i]);
		if (!f || f->kfamily->id != kinfo->nlhdr->nlmsg_type)
			continue;
		for (j = 0; j < f->n_small_ops; j++) {
			if (f->small_ops[j].cmd == kinfo->genlhdr->cmd) {
				so = &f->small_ops[j];
				break;
			}
		}
	}
	rcu_read_unlock();

	/* The kernel only calls us for commands we registered. */
	if (WARN_ON_ONCE(!so || !so->doit))
		return -EOPNOTSUPP;
	/* The small ops are static: valid after the RCU section. */
	return so->doit(skb, &info);
}

/* Make @family findable by the trampoline, or forget it (@add false). */
static int ovs_compat_genl_track(const struct ovs_compat_genl_family *family,
				 bool add)
{
	unsigned int i;
	int err = -ENOSPC;

	spin_lock(&ovs_compat_genl_lock);
	for (i = 0; i < ARRAY_SIZE(ovs_compat_genl_families); i++) {
		const struct ovs_compat_genl_family *f;

		f = rcu_dereference_protected(ovs_compat_genl_families[i],
					      lockdep_is_held(&ovs_compat_genl_lock));
		if (add ? !f : f == family) {
			rcu_assign_pointer(ovs_compat_genl_families[i],
					   add ? family : NULL);
			err = 0;
			break;
		}
	}
	spin_unlock(&ovs_compat_genl_lock);
	if (!add)
		synchronize_rcu();
	return err;
}
#endif /* !HAVE_GENL_INFO_EXTACK */

/* The kernel's struct genl_ops array for @family's small ops, or NULL. */
static struct genl_ops *
ovs_compat_genl_build_ops(const struct ovs_compat_genl_family *family)
{
	struct genl_ops *kops;
	unsigned int i;

	kops = kcalloc(family->n_small_ops, sizeof(*kops), GFP_KERNEL);
	if (!kops)
		return NULL;

	for (i = 0; i < family->n_small_ops; i++) {
		const struct ovs_compat_genl_small_ops *so = &family->small_ops[i];
		struct genl_ops *op = &kops[i];

		op->cmd = so->cmd;
		op->internal_flags = so->internal_flags;
		op->flags = so->flags;
#ifdef HAVE_GENL_INFO_EXTACK
		op->doit = so->doit;
#else
		op->doit = so->doit ? ovs_compat_genl_doit : NULL;
#endif
		op->dumpit = so->dumpit;
#ifdef HAVE_GENL_OPS_POLICY
		/* Before 5.2 the kernel validates with each op's policy. */
		op->policy = family->policy;
#endif
#ifdef HAVE_GENL_OPS_VALIDATE
		op->validate = so->validate;
#endif
	}
	return kops;
}

#ifdef HAVE_GENL_REGISTER_MC_GROUP
/*
 * Register multicast groups named as in @grps, into @kgrps (@n each), on
 * @kf: kernels before 3.13 register them one by one and give each its own
 * id.  On error the groups already registered stay linked into @kf until
 * it is unregistered, so @kgrps must outlive that.
 */
static int ovs_compat_genl_register_groups(struct genl_family *kf,
					   struct genl_multicast_group *kgrps,
					   const struct genl_multicast_group *grps,
					   unsigned int n)
{
	unsigned int i;
	int err;

	for (i = 0; i < n; i++) {
		strlcpy(kgrps[i].name, grps[i].name, sizeof(kgrps[i].name));
		err = genl_register_mc_group(kf, &kgrps[i]);
		if (err)
			return err;
	}
	return 0;
}
#endif

/* Free what ovs_compat_genl_register_family() allocated. */
static void ovs_compat_genl_free(struct genl_family *kf, struct genl_ops *kops,
				 struct genl_multicast_group *kgrps)
{
	kfree(kgrps);
	kfree(kops);
	kfree(kf);
}

/**
 * ovs_compat_genl_register_family - register a family declared new-style.
 * @family: the datapath's family: hdrsize, name, version, maxattr, policy,
 *	netnsok, parallel_ops, small_ops, mcgrps and module set.
 *
 * Builds the kernel's struct genl_family and its ops from @family, then
 * registers it with the kernel's registration call.  Multicast group
 * numbers used later with genl_notify() etc. are indexes into
 * @family->mcgrps, as with the current kernel API.  @family itself is
 * written only here, so it may live in __ro_after_init memory.
 *
 * Context: process context, may sleep (module init).
 * Return: 0, -ENOMEM, or the kernel's registration error (e.g. -EEXIST).
 */
int ovs_compat_genl_register_family(struct ovs_compat_genl_family *family)
{
	struct genl_multicast_group *kgrps = NULL;
	struct genl_family *kf;
	struct genl_ops *kops;
	int err;

	kf = kzalloc(sizeof(*kf), GFP_KERNEL);
	kops = ovs_compat_genl_build_ops(family);
	if (!kf || !kops) {
		ovs_compat_genl_free(kf, kops, NULL);
		return -ENOMEM;
	}
	kf->hdrsize = family->hdrsize;
	strlcpy(kf->name, family->name, sizeof(kf->name));
	kf->version = family->version;
	kf->maxattr = family->maxattr;
	kf->netnsok = family->netnsok;
	kf->parallel_ops = family->parallel_ops;
	kf->module = family->module;
#ifdef HAVE_GENL_FAMILY_POLICY
	kf->policy = family->policy;
#endif

#ifdef HAVE_GENL_REGISTER_MC_GROUP
	kgrps = kcalloc(family->n_mcgrps, sizeof(*kgrps), GFP_KERNEL);
	if (!kgrps) {
		ovs_compat_genl_free(kf, kops, NULL);
		return -ENOMEM;
	}
	family->kgrps = kgrps;
#endif
	/* Requests may arrive as soon as the kernel has the family. */
	family->kfamily = kf;
	family->kops = kops;
#ifndef HAVE_GENL_INFO_EXTACK
	err = ovs_compat_genl_track(family, true);
	if (err)
		goto err_free;
#endif

#if defined(HAVE_GENL_REGISTER_MC_GROUP)
	err = genl_register_family_with_ops(kf, kops, family->n_small_ops);
	if (!err) {
		err = ovs_compat_genl_register_groups(kf, kgrps, family->mcgrps,
						      family->n_mcgrps);
		/* Unregistering the family also drops its groups. */
		if (err)
			genl_unregister_family(kf);
	}
#elif defined(HAVE_GENL_REGISTER_FAMILY_WITH_OPS_GRPS)
	/* Sets kf->module to THIS_MODULE: this module, as it should be. */
	err = _genl_register_family_with_ops_grps(kf, kops,
						  family->n_small_ops,
						  family->mcgrps,
						  family->n_mcgrps);
#else
	kf->ops = kops;
	kf->n_ops = family->n_small_ops;
	kf->mcgrps = family->mcgrps;
	kf->n_mcgrps = family->n_mcgrps;
	err = genl_register_family(kf);
#endif
	if (!err)
		return 0;

#ifndef HAVE_GENL_INFO_EXTACK
	ovs_compat_genl_track(family, false);
err_free:
#endif
	family->kfamily = NULL;
	ovs_compat_genl_free(kf, kops, kgrps);
	return err;
}

/**
 * ovs_compat_genl_unregister_family - undo ovs_compat_genl_register_family().
 * @family: a family registered with it.
 *
 * Context: process context (module exit or failed init).
 * Return: 0, or the kernel's error if @family was not registered.
 */
int ovs_compat_genl_unregister_family(const struct ovs_compat_genl_family *family)
{
	int err = genl_unregister_family(family->kfamily);

	if (!err) {
#ifndef HAVE_GENL_INFO_EXTACK
		/* No request is in a handler once the kernel let go. */
		ovs_compat_genl_track(family, false);
#endif
#ifdef HAVE_GENL_REGISTER_MC_GROUP
		ovs_compat_genl_free(family->kfamily, family->kops,
				     family->kgrps);
#else
		ovs_compat_genl_free(family->kfamily, family->kops, NULL);
#endif
	}
	return err;
}

#endif /* !HAVE_GENL_SMALL_OPS */
