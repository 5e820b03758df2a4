/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one thing the rest of the module needs to know about the KUnit
 * suites in datapath/kunit/: when to run those that need the module's own
 * state.
 *
 * Suites registered with kunit_test_suites() run when the module is being
 * loaded, before its init function (MODULE_STATE_COMING on 6.1).  The
 * suites that only use the packet, codec and conntrack functions (flow
 * key, netlink codec, ct, compat) are fine with that.  The zone-limit
 * suite needs what dp_init() sets up -- the per-namespace ovs_net and the
 * ovs_ct_limit generic netlink family -- so it is run from the end of
 * dp_init() through ovs_kunit_run_live(), and its debugfs entries are
 * removed by ovs_kunit_exit_live() from dp_cleanup().
 *
 * Without CONFIG_KUNIT (e.g. Debian's kernels) both are empty inlines and
 * no test code is built into the module (see Kbuild).
 */
#ifndef OVS_KUNIT_H
#define OVS_KUNIT_H

#if IS_ENABLED(CONFIG_KUNIT)
void ovs_kunit_run_live(void);
void ovs_kunit_exit_live(void);
#else
static inline void ovs_kunit_run_live(void)
{
}

static inline void ovs_kunit_exit_live(void)
{
}
#endif

#endif /* OVS_KUNIT_H */
