#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# SNAT of two tenants with the same private address: ns1 and ns2 are both
# 192.168.0.7, tracked in conntrack zones 1 and 2 and SNATed to 10.1.1.101
# and 10.1.1.102 on their way to the server ns3 (10.1.1.3).  Both reach the
# server from the same source port at the same time, each seen under its
# own address; the server can open nothing towards either tenant.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

ovs_start
ovs_add_br br0
for n in 1 2 3; do
	ns_add $n || { not_ok "create ns$n"; done_testing; }
done
ns_mac 1 2 3
# The tenants: 192.168.0.7 only, the "router" 192.168.0.1 is ns3's MAC.
for n in 1 2; do
	ip -n ns$n addr del 10.1.1.$n/24 dev eth0
	ip -n ns$n addr add 192.168.0.7/24 dev eth0
	neigh_to $n 192.168.0.1 3
	ip -n ns$n route add default via 192.168.0.1
done
neigh_to 3 10.1.1.101 1
neigh_to 3 10.1.1.102 2

of_flows <<'FLOWS' && ok "install the two-tenant SNAT flows" ||
# Tenants: track in their own zone (nat: translate known connections).
table=0,priority=10,in_port=1,ip actions=ct(zone=1,nat,table=1)
table=0,priority=10,in_port=2,ip actions=ct(zone=2,nat,table=1)
# Server side: the SNAT address says which zone the packet belongs to.
table=0,priority=10,in_port=3,ip,nw_dst=10.1.1.101 actions=ct(zone=1,nat,table=2)
table=0,priority=10,in_port=3,ip,nw_dst=10.1.1.102 actions=ct(zone=2,nat,table=2)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=1,nat(src=10.1.1.101)),output:3
table=1,priority=100,in_port=2,ip,ct_state=+trk+new actions=ct(commit,zone=2,nat(src=10.1.1.102)),output:3
table=1,priority=100,in_port=1,ip,nw_src=10.1.1.101,ct_state=+trk+est+snat actions=output:3
table=1,priority=100,in_port=2,ip,nw_src=10.1.1.102,ct_state=+trk+est+snat actions=output:3
table=1,priority=0 actions=drop
table=2,priority=100,ct_zone=1,ip,nw_dst=192.168.0.7,ct_state=+trk+est+dnat actions=output:1
table=2,priority=100,ct_zone=2,ip,nw_dst=192.168.0.7,ct_state=+trk+est+dnat actions=output:2
table=2,priority=90,ip,ct_state=+trk+new actions=drop
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install the two-tenant SNAT flows"; done_testing; }

check "ICMP tenant 1 (zone 1) -> server" ping_ok 1 10.1.1.3
check "ICMP tenant 2 (zone 2) -> server" ping_ok 2 10.1.1.3

peer_serve 3 10.1.1.3 5000 srv || { not_ok "start the TCP server"; done_testing; }
# Both tenants connect from 192.168.0.7:40000 and hold their connection.
for n in 1 2; do
	peer $n connect 10.1.1.3 5000 -p 40000 -H 60 -t 10 >"$T/cli$n.log" 2>&1 &
done
check "both tenants connected from port 40000" \
	wait_for 30 sh -c "grep -q '^OK' '$T/cli1.log' && grep -q '^OK' '$T/cli2.log'"
for n in 1 2; do
	check "tenant $n's socket is 192.168.0.7:40000" \
		grep_in "$T/cli$n.log" '^OK local=192\.168\.0\.7:40000 '
	check "the server answered tenant $n as 10.1.1.10$n:40000" \
		grep_in "$T/cli$n.log" "reply=srv 10\.1\.1\.10$n 40000\$"
	check "the server accepted 10.1.1.10$n port 40000" \
		grep_in "$T/serve-3.log" "^ACCEPT 10\.1\.1\.10$n 40000 10\.1\.1\.3 5000\$"
done
check "the server holds both connections at once" \
	sh -c "[ \$(ip netns exec ns3 ss -Htn state established \
		'( sport = :5000 )' | wc -l) -eq 2 ]"
for n in 1 2; do
	check "zone $n maps 192.168.0.7:40000 to 10.1.1.10$n:40000, established" \
		ct_has $n "^tcp,orig=\(src=192\.168\.0\.7,dst=10\.1\.1\.3,sport=40000,dport=5000\),reply=\(src=10\.1\.1\.3,dst=10\.1\.1\.10$n,sport=5000,dport=40000\),.*zone=$n,.*SRC_NAT\|.*state_orig=ESTABLISHED"
	check "zone $n maps the ICMP echo to 10.1.1.10$n" \
		ct_has $n "^icmp,orig=\(src=192\.168\.0\.7,dst=10\.1\.1\.3,.*reply=\(src=10\.1\.1\.3,dst=10\.1\.1\.10$n,"
	check_fail "zone $n holds nothing of the other tenant" \
		grep -q "dst=10\.1\.1\.10$((3 - n))," "$T/ct-$n.txt"
	nout=$(of_npackets "table=1 +est+trk+snat in_port=$n nw_src=10.1.1.10$n")
	check "tenant $n's packets matched +est+snat, source 10.1.1.10$n ($nout)" \
		[ "$nout" -ge 3 ]
	nin=$(of_npackets "table=2 +est+trk+dnat ct_zone=$n nw_dst=192.168.0.7")
	check "replies to tenant $n matched +est+dnat in zone $n ($nin)" \
		[ "$nin" -ge 3 ]
	check "datapath flow commits zone $n with nat(src=10.1.1.10$n)" \
		dpflows_have "ct\(commit,zone=$n,nat\(src=10\.1\.1\.10$n\)\)"
done
check "datapath flows undo the NAT with ct(zone=N,nat) in both zones" \
	sh -c "grep -q 'ct(zone=1,nat)' '$T/dpflows.txt' &&
	       grep -q 'ct(zone=2,nat)' '$T/dpflows.txt'"

# The server cannot open connections towards the tenants.
ndrop0=$(of_npackets "table=2 +new+trk actions=drop")
check "TCP server -> 10.1.1.101 (tenant 1) blocked" tcp_blocked 3 1 10.1.1.101 0.0.0.0
check "ICMP server -> 10.1.1.102 (tenant 2) blocked" ping_blocked 3 10.1.1.102
ndrop=$(($(of_npackets "table=2 +new+trk actions=drop") - ndrop0))
check "the server's new connections hit the +new drop flow ($ndrop)" \
	[ "$ndrop" -ge 3 ]
check_fail "conntrack committed nothing the server opened" \
	sh -c "ovs-appctl dpctl/dump-conntrack | grep -q 'orig=(src=10\.1\.1\.3,'"
check "the tenants' connections survived" \
	sh -c "[ \$(ip netns exec ns3 ss -Htn state established \
		'( sport = :5000 )' | wc -l) -eq 2 ]"

check_vswitchd_log
done_testing
