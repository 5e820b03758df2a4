#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Classic stateful firewall in conntrack zone 1: ns1 may open TCP, UDP and
# ICMP connections to ns2 over IPv4 and IPv6 and gets the replies; ns2 can
# open nothing towards ns1.

. "$(dirname "$0")/lib.sh"

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2
if fw_flows 1 | of_flows; then
	ok "install the zone-1 firewall flows"
else
	not_ok "install the zone-1 firewall flows"
	done_testing
fi

check "ICMP  ns1 -> ns2 (IPv4)" ping_ok 1 10.1.1.2
check "ICMP  ns1 -> ns2 (IPv6)" ping_ok 1 fd00::2
check "TCP   ns1 -> ns2 (IPv4)" tcp_ok 1 2 10.1.1.2
check "TCP   ns1 -> ns2 (IPv6)" tcp_ok 1 2 fd00::2
check "UDP   ns1 -> ns2 (IPv4)" udp_ok 1 2 10.1.1.2
check "UDP   ns1 -> ns2 (IPv6)" udp_ok 1 2 fd00::2

ct_dump zone=1 >"$T/ct.txt"
ovs-appctl dpctl/dump-flows >"$T/dpflows.txt"
for p in tcp udp icmp; do
	check "conntrack zone 1 holds $p 10.1.1.1 -> 10.1.1.2" \
		grep -q "^$p,orig=(src=10.1.1.1,dst=10.1.1.2,.*zone=1" "$T/ct.txt"
done
for p in tcp udp icmpv6; do
	check "conntrack zone 1 holds $p fd00::1 -> fd00::2" \
		grep -q "^$p,orig=(src=fd00::1,dst=fd00::2,.*zone=1" "$T/ct.txt"
done
check "datapath flows send IP through ct(zone=1) and recirculate" \
	grep -q 'actions:ct(zone=1),recirc(' "$T/dpflows.txt"
check "datapath flows commit in zone 1" \
	grep -q 'actions:ct(commit,zone=1),' "$T/dpflows.txt"
check "datapath flows match +est replies" \
	grep -q 'ct_state(-new+est+trk)' "$T/dpflows.txt"

check "ICMP  ns2 -> ns1 blocked (IPv4)" ping_blocked 2 10.1.1.1
check "ICMP  ns2 -> ns1 blocked (IPv6)" ping_blocked 2 fd00::1
check "TCP   ns2 -> ns1 blocked (IPv4)" tcp_blocked 2 1 10.1.1.1
check "TCP   ns2 -> ns1 blocked (IPv6)" tcp_blocked 2 1 fd00::1
check "UDP   ns2 -> ns1 blocked (IPv4)" udp_blocked 2 1 10.1.1.1
check "UDP   ns2 -> ns1 blocked (IPv6)" udp_blocked 2 1 fd00::1

n4=$(of_npackets "table=1 ip,in_port=2 +new actions=drop")
n6=$(of_npackets "table=1 ipv6,in_port=2 +new actions=drop")
check "ns2's new IPv4 connections hit the drop flow ($n4 packets)" [ "$n4" -ge 3 ]
check "ns2's new IPv6 connections hit the drop flow ($n6 packets)" [ "$n6" -ge 3 ]
ct_dump >"$T/ct.txt"
check_fail "conntrack holds nothing that ns2 opened" \
	grep -Eq 'orig=\(src=(10\.1\.1\.2|fd00::2),' "$T/ct.txt"
check_fail "conntrack holds nothing outside zone 1" \
	sh -c "grep -E '10\.1\.1\.|fd00::' '$T/ct.txt' | grep -v ',zone=1'"

check_vswitchd_log
done_testing
