#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Zone-based conntrack timeout policies (ovs-vsctl add-zone-tp): ovs-vswitchd
# creates cttimeout policies and names them in the datapath's ct() action
# (OVS_CT_ATTR_TIMEOUT); connections committed in that zone get the
# policy's timeouts (seen with conntrack -L), others keep the defaults, and
# entries expire on the policy's schedule.

. "$(dirname "$0")/lib.sh"

if ! grep -q '^CONFIG_NF_CONNTRACK_TIMEOUT=y' "/boot/config-$(uname -r)" \
		2>/dev/null; then
	skip_all "kernel built without CONFIG_NF_CONNTRACK_TIMEOUT"
fi
command -v conntrack >/dev/null || skip_all "conntrack-tools not installed"
modprobe nfnetlink_cttimeout 2>/dev/null

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2

# ns1 opens connections to ns2: in zone 5 (with a policy) to ports below
# 9000, in zone 6 (no policy) to ports from 9000 on.
of_flows <<'FLOWS' && ok "install zone 5 / zone 6 firewall flows" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=60,in_port=1,tcp,tp_dst=9000,ct_state=-trk actions=ct(table=2,zone=6)
table=0,priority=60,in_port=1,udp,tp_dst=9000,ct_state=-trk actions=ct(table=2,zone=6)
table=0,priority=60,in_port=2,tcp,tp_src=9000,ct_state=-trk actions=ct(table=2,zone=6)
table=0,priority=50,in_port=1,ip,ct_state=-trk actions=ct(table=1,zone=5)
table=0,priority=50,in_port=2,ip,ct_state=-trk actions=ct(table=1,zone=5)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=5),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
table=2,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=6),output:2
table=2,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=2,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install zone 5 / zone 6 firewall flows"; done_testing; }

check "a Datapath record for the system datapath" \
	ovs-vsctl -- --id=@m create Datapath datapath_version=0 \
		-- set Open_vSwitch . datapaths:system=@m
check "add-zone-tp system zone=5 (udp_single=6 icmp_first=6 tcp_established=200)" \
	ovs-vsctl add-zone-tp system zone=5 udp_first=6 udp_single=6 \
		udp_multiple=6 icmp_first=6 icmp_reply=6 tcp_established=200
# ct_timeout PROTO PORT: remaining seconds of the entry to PORT (conntrack -L
# prints them after the protocol number).
ct_timeout() {
	conntrack -L -p "$1" --dport "$2" 2>/dev/null |
		awk 'NR == 1 { print $3 }'
}

# UDP without an answer: unreplied (udp_single) timeout.
udp_send() {
	printf 'x\n' | nsx 1 timeout 3 nc -u -w 1 10.1.1.2 "$1" >/dev/null 2>&1
}

udp_send 8001
udp_send 9000
t5=$(ct_timeout udp 8001)
t6=$(ct_timeout udp 9000)
info "UDP timeouts: zone 5 ${t5:-none}, zone 6 ${t6:-none}"
check "a UDP entry in zone 5 has the policy's 6 s timeout ($t5)" \
	[ -n "$t5" ] && [ "$t5" -le 6 ]
check "a UDP entry in zone 6 keeps the default (longer) timeout ($t6)" \
	[ -n "$t6" ] && [ "$t6" -gt 6 ]
check "the datapath ct() names the timeout policy" \
	sh -c "ovs-appctl dpctl/dump-flows |
		grep -q 'ct(commit,zone=5,timeout=ovs_tp_[0-9]*_udp4)'"

check "ICMP echo ns1 -> ns2 in zone 5" ping_ok 1 10.1.1.2 -c 1
ti=$(conntrack -L -p icmp 2>/dev/null | awk 'NR == 1 { print $3 }')
check "the ICMP entry has the policy's 6 s timeout ($ti)" \
	[ -n "$ti" ] && [ "$ti" -le 6 ]

# A long-lived TCP connection: established timeout 200 s in zone 5.
nsx 2 timeout 40 nc -l 10.1.1.2 8080 >/dev/null 2>&1 &
nsx 2 timeout 40 nc -l 10.1.1.2 9000 >/dev/null 2>&1 &
wait_for 5 sh -c "ip netns exec ns2 ss -Hltn | grep -q ':9000 '"
(sleep 30 | nsx 1 timeout 35 nc 10.1.1.2 8080 >/dev/null 2>&1 &)
(sleep 30 | nsx 1 timeout 35 nc 10.1.1.2 9000 >/dev/null 2>&1 &)
check "both TCP connections are established" \
	wait_for 10 sh -c "[ \$(conntrack -L -p tcp --state ESTABLISHED \
		2>/dev/null | grep -c 'dport=\(8080\|9000\) ') -ge 2 ]"
tt5=$(ct_timeout tcp 8080)
tt6=$(ct_timeout tcp 9000)
check "the established TCP entry in zone 5 has at most 200 s ($tt5)" \
	[ -n "$tt5" ] && [ "$tt5" -le 200 ] && [ "$tt5" -gt 100 ]
check "the established TCP entry in zone 6 keeps the default 5 days ($tt6)" \
	[ -n "$tt6" ] && [ "$tt6" -gt 400000 ]

check "the zone 5 UDP entry expires on the policy's schedule" \
	wait_for 20 sh -c "! conntrack -L -p udp --dport 8001 2>/dev/null |
		grep -q 8001"
check "the zone 6 UDP entry is still there" \
	sh -c "conntrack -L -p udp --dport 9000 2>/dev/null | grep -q 9000"

check_vswitchd_log
done_testing
