/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Force-included into every file of the module (see Kbuild).  The only place
 * that knows kernels differ: datapath code calls the current kernel's plain
 * names, and this header supplies them where the target kernel lacks them,
 * selected by the HAVE_* results of compat/probe.sh.  No version tests.
 */
#ifndef OVS_COMPAT_H
#define OVS_COMPAT_H

#include "compat_autoconf.h"

#include <linux/netdevice.h>
#include <net/netlink.h>
#include <net/genetlink.h>

#ifndef HAVE_NETDEVICE_TRACKER
/* Reference trackers (5.17+) compile away to nothing before they existed. */
struct ovs_compat_netdevice_tracker {};
#define netdevice_tracker struct ovs_compat_netdevice_tracker
#endif

#ifndef HAVE_NETDEV_HOLD
static inline void netdev_hold(struct net_device *dev,
			       netdevice_tracker *tracker, gfp_t gfp)
{
	dev_hold(dev);
}

static inline void netdev_put(struct net_device *dev,
			      netdevice_tracker *tracker)
{
	dev_put(dev);
}
#endif

#ifndef HAVE_NLA_STRSCPY
#define nla_strscpy nla_strlcpy
#endif

/*
 * Conntrack helpers shared by OVS and act_ct upstream since 6.2; older
 * kernels get our implementation in compat/nf_conntrack_ovs.c.  The
 * prototypes live in compat/nf_conntrack_ovs.h, included by conntrack.c.
 */

#endif /* OVS_COMPAT_H */
