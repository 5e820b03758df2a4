#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The kernel log of the whole run: no warning, oops, refcount or list
# corruption report, hung netdev unregistration, lockdep splat or RCU stall
# while the other selftests ran.  Runs last.

. "$(dirname "$0")/lib.sh"

dmesg >"$T/dmesg.txt"
for what in 'WARNING:' 'BUG:' 'Oops' 'general protection' 'refcount_t' \
	'list_add corruption' 'list_del corruption' \
	'unregister_netdevice: waiting' 'possible circular locking' \
	'rcu_sched self-detected stall' 'rcu: INFO' 'hung_task' \
	'Kernel panic' 'UBSAN' 'KASAN' 'kmemleak'; do
	check_fail "kernel log has no '$what'" grep -qF "$what" "$T/dmesg.txt"
done
if grep -qF -e 'WARNING:' -e 'BUG:' -e 'Oops' "$T/dmesg.txt"; then
	info "first report:"
	grep -m1 -A30 -F -e 'WARNING:' -e 'BUG:' -e 'Oops' "$T/dmesg.txt" |
		sed 's/^/#   /'
fi
taint=$(cat /proc/sys/kernel/tainted)
info "kernel taint flags: $taint (4096 = out-of-tree module, 8192 = unsigned)"
check "kernel not tainted by a warning or oops (taint $taint)" \
	[ $((taint & (128 | 512 | 16384))) -eq 0 ]
done_testing
