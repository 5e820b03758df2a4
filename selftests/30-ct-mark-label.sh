#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# ct_mark and ct_label: set on commit through ct(commit,exec(set_field:...)),
# matched after recirculation (exact and masked), updated on an existing
# connection, and reported by dpctl/dump-conntrack.

. "$(dirname "$0")/lib.sh"

L1=0xabcdef0123456789fedcba9876543210
L2=0x5

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2

of_flows <<FLOWS && ok "install mark/label flows" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,icmp,ct_state=+trk+new actions=ct(commit,zone=1,exec(set_field:0x2a->ct_mark,set_field:$L1->ct_label)),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+new actions=ct(commit,zone=1,exec(set_field:0x2a->ct_mark,set_field:$L1->ct_label)),output:2
table=1,priority=100,in_port=1,udp,ct_state=+trk+new actions=ct(commit,zone=1,exec(set_field:0x2b->ct_mark,set_field:$L2->ct_label)),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est,ct_label=0x10/0x10 actions=output:2
table=1,priority=90,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est,ct_mark=0x2a,ct_label=$L1 actions=output:1
table=1,priority=90,in_port=2,ip,ct_state=+trk+est,ct_mark=0x2b actions=drop
table=1,priority=80,in_port=2,ip,ct_state=+trk actions=drop
table=1,priority=0 actions=drop
FLOWS
	{ not_ok "install mark/label flows"; done_testing; }

check "ICMP replies match ct_mark=0x2a,ct_label=L1" ping_ok 1 10.1.1.2
check "TCP replies match ct_mark=0x2a,ct_label=L1" tcp_ok 1 2 10.1.1.2
check_fail "UDP committed with ct_mark=0x2b gets no reply through" \
	udp_ok 1 2 10.1.1.2

n=$(of_npackets "table=1 in_port=2 ct_mark=0x2a")
check "the exact mark+label reply flow forwarded ($n packets)" [ "$n" -ge 4 ]
n=$(of_npackets "table=1 ct_label=0x10/0x10")
check "the masked label flow matched ns1's packets ($n packets)" [ "$n" -ge 3 ]
n=$(of_npackets "table=1 ct_mark=0x2b actions=drop")
check "the UDP reply hit the ct_mark=0x2b drop flow ($n packets)" [ "$n" -ge 1 ]
n=$(of_npackets "table=1 priority=80")
check "no reply fell through to the catch-all drop ($n packets)" [ "$n" -eq 0 ]

ct_dump zone=1 >"$T/ct.txt"
check "dump-conntrack: ICMP has mark=42 and labels=L1" \
	grep -q "^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,.*,mark=42,labels=$L1" "$T/ct.txt"
check "dump-conntrack: TCP has mark=42 and labels=L1" \
	grep -q "^tcp,orig=(src=10.1.1.1,dst=10.1.1.2,.*,mark=42,labels=$L1" "$T/ct.txt"
check "dump-conntrack: UDP has mark=43 and labels=0x5" \
	grep -q "^udp,orig=(src=10.1.1.1,dst=10.1.1.2,.*,mark=43,labels=0x5" "$T/ct.txt"
if command -v conntrack >/dev/null; then
	check "conntrack -L shows mark=42 and mark=43" \
		sh -c "conntrack -L 2>/dev/null >'$T/ctL.txt';
		       grep 'src=10.1.1.1 dst=10.1.1.2' '$T/ctL.txt' | grep -q 'mark=42' &&
		       grep 'src=10.1.1.1 dst=10.1.1.2' '$T/ctL.txt' | grep -q 'mark=43'"
fi
check "datapath flows set mark and labels in ct()" \
	sh -c "ovs-appctl dpctl/dump-flows | grep -q 'ct(commit,zone=1,mark=0x2a/0xffffffff,label=$L1)'"
check "datapath flows match ct_mark after recirculation" \
	sh -c "ovs-appctl dpctl/dump-flows | grep -q 'ct_mark(0x2a)'"

# An established connection gets a new mark from ns1's next packets; the
# reply flow accepts the old and the new mark.
of_flows <<FLOWS || not_ok "install re-marking flows"
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,icmp,ct_state=+trk+new actions=ct(commit,zone=1,exec(set_field:0x2a->ct_mark,set_field:$L1->ct_label)),output:2
table=1,priority=100,in_port=1,icmp,ct_state=+trk+est actions=ct(commit,zone=1,exec(set_field:0x2c->ct_mark)),output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est,ct_mark=0x2a actions=output:1
table=1,priority=100,in_port=2,ip,ct_state=+trk+est,ct_mark=0x2c,ct_label=$L1 actions=output:1
table=1,priority=0 actions=drop
FLOWS
check "ICMP works while its connection is re-marked" \
	nsx 1 ping -q -c 4 -i 0.3 -W 3 10.1.1.2
n=$(of_npackets "table=1 in_port=2 ct_mark=0x2c")
check "replies matched the new mark 0x2c ($n packets)" [ "$n" -ge 2 ]
check "dump-conntrack: the re-marked ICMP entry has mark=44, labels kept" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=1 |
		grep -q '^icmp,.*,mark=44,labels=$L1'"

check_vswitchd_log
done_testing
