#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# check_pkt_len: OpenFlow's check_pkt_larger(N) becomes the datapath's
# check_pkt_len(size=N,gt(...),le(...)) (uAPI enum ovs_check_pkt_len_attr,
# in-tree since 5.2).  ovs-vswitchd must find the action supported, and
# each packet must take the branch its length asks for: IPv4 packets of
# at most 600 bytes (Ethernet header included) reach ns2, longer ones are
# dropped.  (OpenFlow counters cannot tell: OVS credits a megaflow's
# packets to the rules of both branches.)

. "$(dirname "$0")/lib.sh"

require_cmd nstat

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2

if grep -q 'Datapath supports check_pkt_len action' "$OVS_LOGDIR/ovs-vswitchd.log"; then
	ok "ovs-vswitchd finds check_pkt_len supported"
else
	not_ok "ovs-vswitchd finds check_pkt_len supported"
	diag_file "$OVS_LOGDIR/ovs-vswitchd.log" 40
fi

of_flows <<'FLOWS' && ok "install flows with check_pkt_larger(600)" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,in_port=1,ip actions=check_pkt_larger(600)->NXM_NX_REG0[0],resubmit(,1)
table=0,priority=50,in_port=2,ip actions=output:1
table=0,priority=0 actions=drop
table=1,priority=100,reg0=0x1/0x1,ip actions=drop
table=1,priority=50,ip actions=output:2
FLOWS
	{ not_ok "install flows with check_pkt_larger(600)"; done_testing; }

# echos N: ICMP echo requests nsN's stack has received.
echos() {
	nsx "$1" nstat -az IcmpInEchos | awk '$1 == "IcmpInEchos" { print $2 }'
}

# 14 (Ethernet) + 20 (IPv4) + 8 (ICMP) + payload.
e0=$(echos 2)
check "an echo request of 600 bytes with its headers passes" \
	ping_ok 1 10.1.1.2 -s 558
e1=$(echos 2)
check_fail "an echo request of 601 bytes is dropped" \
	nsx 1 ping -q -c 2 -i 0.3 -W 1 -s 559 10.1.1.2
e2=$(echos 2)
check "ns2 received the 600-byte requests ($e0 -> $e1) and none of 601 ($e1 -> $e2)" \
	[ "$e1" -gt "$e0" -a "$e2" -eq "$e1" ]
check "small packets still pass afterwards" ping_ok 1 10.1.1.2 -s 100

ovs-appctl dpctl/dump-flows >"$T/flows.out" 2>&1
if grep -q 'check_pkt_len(size=600,gt(' "$T/flows.out"; then
	ok "the datapath flow carries check_pkt_len(size=600,...)"
else
	not_ok "the datapath flow carries check_pkt_len(size=600,...)"
	diag_file "$T/flows.out" 20
fi

check_vswitchd_log
done_testing
