#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Conntrack zone limits through the ovs_ct_limit family, driven by
# ovs-appctl dpctl/ct-set-limits, ct-get-limits and ct-del-limits: a zone
# at its limit refuses new connections (with a kernel log line naming the
# zone) while its existing ones go on; the default limit covers zones
# without their own; counts are reported; deleting a limit lifts it.

. "$(dirname "$0")/lib.sh"

ovs_start
# Entries must outlive the test's slowest steps under emulation; counts are
# only exact while no entry has expired.
sysctl_set net.netfilter.nf_conntrack_udp_timeout 300
ovs_add_br br0
ns_add 1
ns_add 2

# Zone 1 firewall: ns1 may open connections to ns2, replies come back.
# ns2 may open UDP connections to ns1's port 7000, tracked in zone 2.
of_flows <<'FLOWS' && ok "install zone 1 / zone 2 firewall flows" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=60,in_port=2,udp,tp_dst=7000,ct_state=-trk actions=ct(table=3,zone=2)
table=0,priority=60,in_port=1,udp,tp_src=7000,ct_state=-trk actions=ct(table=3,zone=2)
table=0,priority=50,in_port=1,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=50,in_port=2,ip,ct_state=-trk actions=ct(table=2,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:2
table=1,priority=100,ip,ct_state=+trk+est actions=output:2
table=1,priority=0 actions=drop
table=2,priority=100,ip,ct_state=+trk+est actions=output:1
table=2,priority=0 actions=drop
table=3,priority=100,in_port=2,udp,ct_state=+trk+new actions=ct(commit,zone=2),output:1
table=3,priority=100,in_port=2,udp,ct_state=+trk+est actions=output:1
table=3,priority=100,in_port=1,udp,ct_state=+trk+est actions=output:2
table=3,priority=0 actions=drop
FLOWS
	{ not_ok "install zone 1 / zone 2 firewall flows"; done_testing; }

# udp_again PORT SPORT: the UDP 5-tuple of an earlier udp_ok once more.
udp_again() {
	_port=$(($1 - 1))
	udp_ok 1 2 10.1.1.2 "$2"
}

limits() {
	ovs-appctl dpctl/ct-get-limits "$@"
}

# Limits belong to the network namespace, not to the datapath: a run
# before this one (or a failed one) may have left some behind.
ovs-appctl dpctl/ct-del-limits zone=1,2 >/dev/null 2>&1
ovs-appctl dpctl/ct-set-limits default=0 >/dev/null 2>&1

check "ct-set-limits zone=1,limit=3 is accepted" \
	ovs-appctl dpctl/ct-set-limits zone=1,limit=3
check "ct-get-limits zone=1 reports limit 3, count 0" \
	sh -c "ovs-appctl dpctl/ct-get-limits zone=1 |
		grep -qx 'zone=1,limit=3,count=0'"

check "UDP connection 1 of 3 in zone 1" udp_ok 1 2 10.1.1.2 6001
p1=$_port
check "UDP connection 2 of 3 in zone 1" udp_ok 1 2 10.1.1.2 6002
check "UDP connection 3 of 3 in zone 1" udp_ok 1 2 10.1.1.2 6003
limits zone=1 >"$T/limits.txt" 2>&1
check "ct-get-limits zone=1 counts 3 connections" \
	grep -qx 'zone=1,limit=3,count=3' "$T/limits.txt"

dmesg_mark=$(dmesg | wc -l)
check_fail "a 4th UDP connection in zone 1 is refused" \
	udp_ok 1 2 10.1.1.2 6004
check "the kernel logged that zone 1 is over its limit" \
	sh -c "dmesg | tail -n +$((dmesg_mark + 1)) |
		grep -Eq 'zone:? 1 (is over its conntrack limit of 3|exceeds conntrack limit)'"
check "the refused connection left no conntrack entry" \
	sh -c "! ovs-appctl dpctl/dump-conntrack zone=1 | grep -q 'sport=6004,'"
check "connection 1 still passes at the limit (existing entry)" \
	udp_again "$p1" 6001
check "still 3 connections counted in zone 1" \
	sh -c "ovs-appctl dpctl/ct-get-limits zone=1 |
		grep -qx 'zone=1,limit=3,count=3'"

# Default limit: zone 2 has no limit of its own.
check "ct-set-limits default=1 is accepted" \
	ovs-appctl dpctl/ct-set-limits default=1
_port=6999
check "ns2 -> ns1 UDP connection 1 in zone 2 (default limit 1)" \
	udp_ok 2 1 10.1.1.1 7101
_port=6999
check_fail "a 2nd connection in zone 2 is refused by the default limit" \
	udp_ok 2 1 10.1.1.1 7102
limits zone=1,2 >"$T/limits.txt" 2>&1
check "ct-get-limits zone=1,2: default 1, zone 1 keeps 3, zone 2 inherits 1" \
	sh -c "grep -qx 'default limit=1' '$T/limits.txt' &&
	       grep -qx 'zone=1,limit=3,count=3' '$T/limits.txt' &&
	       grep -qx 'zone=2,limit=1,count=1' '$T/limits.txt'"
limits >"$T/limits.txt" 2>&1
check "ct-get-limits without zones lists the default and zone 1 only" \
	sh -c "[ \"\$(cat '$T/limits.txt')\" = \"\$(printf 'default limit=1\nzone=1,limit=3,count=3')\" ]"

# A limit of 0 makes one zone unlimited whatever the default.
check "ct-set-limits zone=2,limit=0 is accepted" \
	ovs-appctl dpctl/ct-set-limits zone=2,limit=0
_port=6999
check "zone 2 with limit 0 takes a 2nd connection despite default 1" \
	udp_ok 2 1 10.1.1.1 7103

check "ct-del-limits zone=1 is accepted" \
	ovs-appctl dpctl/ct-del-limits zone=1
check "zone 1 falls back to the default limit" \
	sh -c "ovs-appctl dpctl/ct-get-limits zone=1 |
		grep -qx 'zone=1,limit=1,count=3'"
check "ct-set-limits default=0 makes the default unlimited" \
	ovs-appctl dpctl/ct-set-limits default=0
check "ct-get-limits reports default limit=0" \
	sh -c "ovs-appctl dpctl/ct-get-limits | grep -qx 'default limit=0'"
check "a 4th UDP connection in zone 1 passes once the limit is gone" \
	udp_ok 1 2 10.1.1.2 6004

ovs-appctl dpctl/ct-del-limits zone=2 >/dev/null 2>&1

check_vswitchd_log
done_testing
