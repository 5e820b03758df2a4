#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# ct_state=+inv: a TCP segment with both SYN and FIN set is invalid to
# conntrack (IPv4 via hping3, IPv6 via scapy).  It must be reported as +trk+inv after recirculation, counted
# on the +inv flow, never committed and never delivered, while a normal
# TCP connection through the same flows is not invalid.

. "$(dirname "$0")/lib.sh"

require_cmd hping3 nstat

# tcp_in N: TCP segments nsN's stack has received.
tcp_in() {
	nsx "$1" nstat -az TcpInSegs | awk '$1 == "TcpInSegs" { print $2 }'
}

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2

of_flows <<'FLOWS' && ok "install flows with a +inv counter" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=100,icmp6,icmp_type=135 actions=NORMAL
table=0,priority=100,icmp6,icmp_type=136 actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=50,ipv6,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=200,tcp,ct_state=+trk+inv actions=drop
table=1,priority=200,tcp6,ct_state=+trk+inv actions=drop
table=1,priority=190,ip,ct_state=+trk+inv actions=drop
table=1,priority=190,ipv6,ct_state=+trk+inv actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:2
table=1,priority=100,in_port=1,ipv6,ct_state=+trk+new actions=ct(commit,zone=1),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=1,ipv6,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=100,in_port=2,ipv6,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
FLOWS
	{ not_ok "install flows with a +inv counter"; done_testing; }

check "TCP ns1 -> ns2 works (IPv4)" tcp_ok 1 2 10.1.1.2
check "ICMP ns1 -> ns2 works (IPv6)" ping_ok 1 fd00::2
n=$(of_npackets "table=1 +inv+trk,tcp actions=drop")
check "a normal TCP connection is not +inv ($n segments)" [ "$n" -eq 0 ]

in0=$(tcp_in 2)
nsx 1 hping3 -q -c 3 -i u300000 -S -F -s 3333 -k -p 80 10.1.1.2 \
	>"$T/hping.out" 2>&1
sleep 1
n=$(of_npackets "table=1 +inv+trk,tcp actions=drop")
check "3 SYN+FIN segments counted on the ct_state=+trk+inv flow ($n)" \
	[ "$n" -eq 3 ]
in1=$(tcp_in 2)
check "no SYN+FIN segment reached ns2 (TcpInSegs $in0 -> $in1)" \
	[ "$in1" -eq "$in0" ]
check_fail "the invalid segments were not committed" \
	sh -c "ovs-appctl dpctl/dump-conntrack | grep -q 'sport=3333,'"
check "a datapath flow matches +inv after recirculation" \
	sh -c "ovs-appctl dpctl/dump-flows | grep 'recirc_id(0x' |
		grep -q 'ct_state(+inv+trk).*actions:drop'"

if python3 -c 'import scapy' 2>/dev/null; then
	in0=$(tcp_in 2)
	nsx 1 python3 -c '
import logging
logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import IPv6, TCP, send
send(IPv6(src="fd00::1", dst="fd00::2") /
     TCP(sport=4444, dport=80, flags="SF", seq=1000), count=2, verbose=0)
' >"$T/scapy.out" 2>&1
	sleep 1
	n=$(of_npackets "table=1 +inv+trk,tcp6 actions=drop")
	check "2 IPv6 SYN+FIN segments counted on the +inv flow ($n)" \
		[ "$n" -eq 2 ]
	in1=$(tcp_in 2)
	check "no IPv6 SYN+FIN segment reached ns2 (TcpInSegs $in0 -> $in1)" \
		[ "$in1" -eq "$in0" ]
else
	skip "IPv6 SYN+FIN counted as +inv" "python3-scapy not installed"
fi

check "TCP ns1 -> ns2 still works after the invalid segments" \
	tcp_ok 1 2 10.1.1.2

check_vswitchd_log
done_testing
