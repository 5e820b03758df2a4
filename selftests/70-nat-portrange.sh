#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# SNAT to a range of three ports, nat(src=10.1.1.100:40000-40002): three
# concurrent TCP connections from ns1 to ns2:5000 get those three ports and
# work; a fourth to the same server port finds no free tuple, is dropped at
# commit and never connects, while one to another server port (a different
# tuple) still gets a port of the range.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }
ns_mac 1 2
neigh_to 2 10.1.1.100 1

of_flows <<FLOWS && ok "install the port-range SNAT flows" ||
$(nd_flows)
table=0,priority=10,in_port=1,tcp actions=ct(zone=3,nat,table=1)
table=0,priority=10,in_port=2,tcp actions=ct(zone=3,nat,table=2)
table=0,priority=0 actions=drop
table=1,priority=100,tcp,ct_state=+trk+new actions=ct(commit,zone=3,nat(src=10.1.1.100:40000-40002)),output:2
table=1,priority=100,tcp,nw_src=10.1.1.100,ct_state=+trk+est+snat actions=output:2
table=1,priority=0 actions=drop
table=2,priority=100,tcp,nw_dst=10.1.1.1,ct_state=+trk+est+dnat actions=output:1
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install the port-range SNAT flows"; done_testing; }

peer_serve 2 10.1.1.2 5000,5001 srv || { not_ok "start the server"; done_testing; }

# Four connections, opened one after another (two unconfirmed connections
# racing for the last free port would both be offered it) and all held.
peer 1 many 10.1.1.2 5000 4 -t 6 -H 60 >"$T/many.log" 2>&1 &
check "four connection attempts made" \
	wait_for 60 grep -q HOLDING "$T/many.log"
for i in 1 2 3; do
	check "connection $i works, seen by the server from 10.1.1.100:4000x" \
		grep_in "$T/many.log" "^OK $i local=10\.1\.1\.1:[0-9]+ reply=srv 10\.1\.1\.100 4000[0-2]\$"
done
check "connection 4 does not connect (the range is exhausted)" \
	grep_in "$T/many.log" '^FAIL 4 '
check "the server accepted 10.1.1.100 ports 40000, 40001 and 40002" \
	sh -c "[ \"\$(awk '\$5 == 5000 { print \$2, \$3 }' '$T/serve-2.log' |
		sort | tr '\n' ' ')\" = \
		'10.1.1.100 40000 10.1.1.100 40001 10.1.1.100 40002 ' ]"
check "conntrack zone 3 holds three established mappings, one per port" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=3 >'$T/ct.txt' &&
	       [ \$(grep -E 'reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.100,sport=5000,dport=4000[0-2]\),.*ESTABLISHED' '$T/ct.txt' |
		sed 's/.*dport=\(4000[0-2]\)).*/\1/' | sort -u | wc -l) -eq 3 ] &&
	       [ \$(grep -c 'dport=5000)' '$T/ct.txt') -eq 3 ]"
n=$(of_npackets "table=1 +new+trk")
check "the fourth connection's SYNs reached the commit flow ($n packets)" \
	[ "$n" -ge 5 ]

check "another server port still gets a port of the range" \
	sh -c "ip netns exec ns1 $PEER connect 10.1.1.2 5001 -t 6 |
		grep -Eq 'reply=srv 10\.1\.1\.100 4000[0-2]\$'"
n=$(of_npackets "table=1 +est+trk+snat nw_src=10.1.1.100")
check "established packets matched +est+snat, source 10.1.1.100 ($n)" \
	[ "$n" -ge 6 ]
n=$(of_npackets "table=2 +est+trk+dnat nw_dst=10.1.1.1")
check "replies matched +est+dnat, destination 10.1.1.1 ($n)" [ "$n" -ge 6 ]
check "the datapath commits with nat(src=10.1.1.100:40000-40002)" \
	dpflows_have 'ct\(commit,zone=3,nat\(src=10\.1\.1\.100:40000-40002\)\)'

check_vswitchd_log
done_testing
