#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Module unload with a live datapath: with br0, two ports, flows, cached
# datapath flows and committed conntrack entries in place, ovs-vswitchd is
# killed with SIGKILL (the datapath stays), then "rmmod openvswitch" must
# succeed and take every datapath and internal device with it, leave the
# veth ports unenslaved, log no kernel warning, and the module must load
# again and carry traffic.  Runs last: it unloads and reloads the module.
#
# With OVS_MODULE=intree the upstream behaviour is checked instead: its
# vports pin the module, so rmmod is refused until the orphaned datapath
# is deleted with ovs-dpctl.

. "$(dirname "$0")/lib.sh"

# ovs_netdevs: devices of kind openvswitch (ovs-system and internal ports).
ovs_netdevs() {
	ip -d -o link show 2>/dev/null | awk '/ openvswitch /' | wc -l
}

build_id() {
	od -An -tx1 -v -j16 /sys/module/openvswitch/notes/.note.gnu.build-id \
		2>/dev/null | tr -d ' \n'
}

bad_kernel_log() {
	dmesg | tail -n "+$((dmesg_lines + 1))" | grep -E \
		'WARNING:|BUG:|Oops|general protection|refcount_t|unregister_netdevice: waiting|list_(add|del) corruption|KASAN|UBSAN|leak'
}

dmesg_lines=$(dmesg | wc -l)
modpath=$(modinfo -n openvswitch 2>/dev/null)
bid=$(build_id)
info "module $modpath, build-id ${bid:-unknown}"

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2
fw_flows 1 | of_flows
check "ICMP ns1 -> ns2 through the firewall" ping_ok 1 10.1.1.2
check "TCP  ns1 -> ns2 through the firewall" tcp_ok 1 2 10.1.1.2
check "conntrack zone 1 holds committed entries" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=1 | grep -q 10.1.1.1"
check "datapath flows are cached" \
	sh -c "[ \$(ovs-appctl dpctl/dump-flows | wc -l) -gt 0 ]"
check "ovs-system and br0 exist as openvswitch devices" \
	[ "$(ovs_netdevs)" -ge 2 ]

# Kill the daemons the hard way: nothing gets cleaned up from userspace.
for d in ovs-vswitchd ovsdb-server; do
	pid=$(cat "$OVS_RUNDIR/$d.pid")
	kill -9 "$pid"
	wait_for 20 sh -c "! kill -0 $pid 2>/dev/null ||
		grep -q '^State:.*Z' /proc/$pid/status"
done
_ovs_started=
check "the datapath outlives ovs-vswitchd" [ -e /sys/class/net/ovs-system ]
check "p1 is still a datapath port" \
	sh -c "ip -o link show p1 | grep -q 'master ovs-system'"

if [ "${OVS_MODULE:-}" = intree ]; then
	# Upstream's vports each hold a reference on the module that owns
	# their type, its own included: the in-tree module cannot go while
	# the datapath has ports.  Ours does not pin itself.
	check_fail "in-tree: rmmod is refused while the datapath has ports" \
		rmmod openvswitch
	check "in-tree: ovs-dpctl del-dp removes the orphaned datapath" \
		ovs-dpctl del-dp ovs-system
fi
# Nothing holds the module now; allow a moment for deferred work.
wait_for 20 rmmod openvswitch
check "rmmod openvswitch succeeds" [ ! -e /sys/module/openvswitch ]
check "no openvswitch netdev remains" [ "$(ovs_netdevs)" -eq 0 ]
check_fail "ovs-system is gone" [ -e /sys/class/net/ovs-system ]
check_fail "br0 is gone" [ -e /sys/class/net/br0 ]
check "p1 and p2 remain, no longer enslaved" \
	sh -c "ip -o link show p1 && ip -o link show p2 &&
	       ! ip -o link show | grep -q 'master ovs-system'"
check_fail "no kernel warning during the unload" bad_kernel_log

check "modprobe openvswitch loads it again" modprobe openvswitch
check "the same module file was loaded ($modpath)" \
	[ "$(modinfo -n openvswitch)" = "$modpath" ]
if [ -n "$bid" ]; then
	check "the reloaded module has the same build-id" [ "$(build_id)" = "$bid" ]
fi

# A fresh OVS on the reloaded module passes traffic again.
rm -f "$OVS_RUNDIR"/* 2>/dev/null
ovs_start
ovs_add_br br0
ovs-vsctl --timeout=60 add-port br0 p1 -- set Interface p1 ofport_request=1 &&
ovs-vsctl --timeout=60 add-port br0 p2 -- set Interface p2 ofport_request=2
fw_flows 1 | of_flows
check "ICMP ns1 -> ns2 after the reload" ping_ok 1 10.1.1.2
check "TCP  ns1 -> ns2 after the reload" tcp_ok 1 2 10.1.1.2
check "ICMP ns2 -> ns1 still blocked after the reload" ping_blocked 2 10.1.1.1

check_fail "no kernel warning in the whole test" bad_kernel_log
check_vswitchd_log
done_testing
