#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Conntrack zones: the same 5-tuple committed in zones 1 and 2 is held as
# two separate entries, and state learnt in one zone does not show up when
# the reply direction is tracked in another.

. "$(dirname "$0")/lib.sh"

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2

# --- 1: one packet, two zones, two entries ---------------------------------
of_flows <<'FLOWS' && ok "install two-zone commit flows" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=10,in_port=1,ip actions=ct(commit,zone=1),ct(commit,zone=2),output:2
table=0,priority=10,in_port=2,ip actions=output:1
table=0,priority=0 actions=drop
FLOWS
	{ not_ok "install two-zone commit flows"; done_testing; }

check "UDP ns1:5555 -> ns2 passes while committed in zones 1 and 2" \
	udp_ok 1 2 10.1.1.2 5555
uport=$_port
check "ICMP ns1 -> ns2 passes while committed in zones 1 and 2" \
	ping_ok 1 10.1.1.2

ct_dump >"$T/ct.txt"
utuple="udp,orig=(src=10.1.1.1,dst=10.1.1.2,sport=5555,dport=$uport),"
for z in 1 2; do
	check "dump-conntrack zone=$z holds the UDP 5-tuple once" \
		sh -c "[ \$(ovs-appctl dpctl/dump-conntrack zone=$z |
			grep -cF '$utuple') -eq 1 ]"
done
check "the UDP 5-tuple is held twice, in zone 1 and in zone 2" \
	sh -c "[ \$(grep -F '$utuple' '$T/ct.txt' | grep -c ',zone=1') -eq 1 ] &&
	       [ \$(grep -F '$utuple' '$T/ct.txt' | grep -c ',zone=2') -eq 1 ] &&
	       [ \$(grep -cF '$utuple' '$T/ct.txt') -eq 2 ]"
check "both UDP entries are identical apart from the zone" \
	sh -c "[ \$(grep -F '$utuple' '$T/ct.txt' | sed 's/,zone=[0-9]*//' |
		sort -u | wc -l) -eq 1 ]"
check "ICMP echo committed in zone 1 and zone 2" \
	sh -c "grep '^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/ct.txt' |
		grep -q ',zone=1' &&
	       grep '^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/ct.txt' |
		grep -q ',zone=2'"
if command -v conntrack >/dev/null; then
	check "conntrack -L lists the UDP flow in zones 1 and 2" \
		sh -c "conntrack -L -p udp --sport 5555 --dport $uport 2>/dev/null |
			grep -c 'zone=[12] ' | grep -qx 2"
fi
check "datapath flow commits in both zones" \
	sh -c "ovs-appctl dpctl/dump-flows |
		grep -q 'ct(commit,zone=1),ct(commit,zone=2)'"

# --- 2: state does not leak across zones ------------------------------------
ct_flush
of_flows <<'FLOWS' && ok "install split-zone firewall flows" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,in_port=1,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=50,in_port=2,ip,ct_state=-trk actions=ct(table=1,zone=2)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=80,in_port=2,ip,ct_state=+trk actions=drop
table=1,priority=0 actions=drop
FLOWS
	not_ok "install split-zone firewall flows"

check_fail "ICMP replies tracked in zone 2 do not match zone 1's entry" \
	ping_ok 1 10.1.1.2
check_fail "UDP replies tracked in zone 2 do not match zone 1's entry" \
	udp_ok 1 2 10.1.1.2
check_fail "TCP handshake tracked in zone 2 does not complete" \
	tcp_ok 1 2 10.1.1.2
n_est=$(of_npackets "table=1 in_port=2 +est")
n_drop=$(of_npackets "table=1 priority=80,ct_state=+trk,ip,in_port=2")
check "no reply was +est in zone 2 ($n_est packets)" [ "$n_est" -eq 0 ]
check "replies were dropped as not established ($n_drop packets)" \
	[ "$n_drop" -ge 3 ]
check "zone 1 holds the ICMP and UDP connections of ns1" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=1 >'$T/z1.txt' &&
	       grep -q '^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/z1.txt' &&
	       grep -q '^udp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/z1.txt'"
check_fail "zone 2 committed nothing" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=2 | grep -q 10.1.1"

# Track replies in zone 1 too: now they are established.
ovs-ofctl -O OpenFlow13 --strict mod-flows br0 \
	"table=0,priority=50,in_port=2,ip,ct_state=-trk actions=ct(table=1,zone=1)"
check "ICMP works once both directions use zone 1" ping_ok 1 10.1.1.2
check "UDP works once both directions use zone 1" udp_ok 1 2 10.1.1.2
check "TCP works once both directions use zone 1" tcp_ok 1 2 10.1.1.2
n_est=$(of_npackets "table=1 in_port=2 +est")
check "replies are +est in zone 1 ($n_est packets)" [ "$n_est" -ge 3 ]

check_vswitchd_log
done_testing
