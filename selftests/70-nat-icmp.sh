#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# ICMP errors related to an SNATed flow: ns1 sends UDP from port 33333 to a
# closed port of ns2 under nat(src=10.1.1.100:50000-50009) (IPv6:
# fd00::100, same ports).  ns2 answers with an ICMP port unreachable that
# quotes the translated header; ct(nat) must match it as +rel+dnat and
# restore both the outer destination and the quoted source address and
# port, so that ns1's kernel hands ECONNREFUSED to the sending socket.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

require_cmd tcpdump

# capture_start N: record the ICMP and ICMPv6 errors nsN sends or receives.
capture_start() {
	nsx "$1" tcpdump -U -ni eth0 -w "$T/ns$1.pcap" \
		'(icmp and icmp[0] == 3) or (icmp6 and ip6[40] == 1)' \
		2>"$T/tcpdump$1.err" &
	eval "_cap$1=\$!"
	wait_for 30 grep -q listening "$T/tcpdump$1.err"
}

# capture_stop N: stop nsN's capture and decode it into $T/nsN.txt.
capture_stop() {
	eval "kill \$_cap$1"
	eval "wait \$_cap$1" 2>/dev/null
	$PEER icmp-errors "$T/ns$1.pcap" >"$T/ns$1.txt" 2>&1
}

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }
ns_mac 1 2
neigh_to 2 10.1.1.100 1
neigh_to 2 fd00::100 1
# No rate limit may swallow one of the errors.
nsx 2 sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0

of_flows <<FLOWS && ok "install the UDP SNAT flows" ||
$(nd_flows)
table=0,priority=10,in_port=1,ip actions=ct(zone=5,nat,table=1)
table=0,priority=10,in_port=1,ipv6 actions=ct(zone=5,nat,table=1)
table=0,priority=10,in_port=2,ip actions=ct(zone=5,nat,table=2)
table=0,priority=10,in_port=2,ipv6 actions=ct(zone=5,nat,table=2)
table=0,priority=0 actions=drop
table=1,priority=100,udp,ct_state=+trk+new actions=ct(commit,zone=5,nat(src=10.1.1.100:50000-50009)),output:2
table=1,priority=100,udp6,ct_state=+trk+new actions=ct(commit,zone=5,nat(src=[fd00::100]:50000-50009)),output:2
table=1,priority=100,ct_state=+trk+est+snat actions=output:2
table=1,priority=0 actions=drop
table=2,priority=100,icmp,nw_dst=10.1.1.1,ct_state=+trk+rel+dnat actions=output:1
table=2,priority=100,icmp6,ipv6_dst=fd00::1,ct_state=+trk+rel+dnat actions=output:1
table=2,priority=100,ct_state=+trk+est+dnat actions=output:1
# Errors not recognised as related to the SNATed flow end here.
table=2,priority=50,icmp,icmp_type=3 actions=drop
table=2,priority=50,icmp6,icmp_type=1 actions=drop
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install the UDP SNAT flows"; done_testing; }

capture_start 1 && capture_start 2 ||
	{ not_ok "start tcpdump in ns1 and ns2"; done_testing; }
check "UDP 10.1.1.1:33333 -> 10.1.1.2:9 is refused by an ICMP error" \
	peer 1 udp-refused 10.1.1.2 9 33333
check "UDP [fd00::1]:33333 -> [fd00::2]:9 is refused by an ICMPv6 error" \
	peer 1 udp-refused fd00::2 9 33333
sleep 1
capture_stop 1
capture_stop 2

check "ns2 saw the datagram from 10.1.1.100:5000x and quoted it" \
	grep_in "$T/ns2.txt" '^v4 type=3 code=3 outer=10\.1\.1\.2>10\.1\.1\.100 inner=udp 10\.1\.1\.100:5000[0-9]>10\.1\.1\.2:9$'
check "ns1 got the error with the quoted header restored (IPv4)" \
	grep_in "$T/ns1.txt" '^v4 type=3 code=3 outer=10\.1\.1\.2>10\.1\.1\.1 inner=udp 10\.1\.1\.1:33333>10\.1\.1\.2:9$'
check "ns2 saw the datagram from [fd00::100]:5000x and quoted it" \
	grep_in "$T/ns2.txt" '^v6 type=1 code=4 outer=fd00::2>fd00::100 inner=udp fd00::100:5000[0-9]>fd00::2:9$'
check "ns1 got the error with the quoted header restored (IPv6)" \
	grep_in "$T/ns1.txt" '^v6 type=1 code=4 outer=fd00::2>fd00::1 inner=udp fd00::1:33333>fd00::2:9$'
check "ns1 received no untranslated error" \
	sh -c "! grep -E '100|inner=udp [^ ]*:5000' '$T/ns1.txt'"

check "conntrack zone 5 maps 10.1.1.1:33333 to 10.1.1.100:5000x" \
	ct_has 5 '^udp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=33333,dport=9\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.100,sport=9,dport=5000[0-9]\),.*SRC_NAT\|'
check "conntrack zone 5 maps [fd00::1]:33333 to [fd00::100]:5000x" \
	ct_has 5 '^udp,orig=\(src=fd00::1,dst=fd00::2,sport=33333,dport=9\),reply=\(src=fd00::2,dst=fd00::100,sport=9,dport=5000[0-9]\),.*SRC_NAT\|'
check_fail "the ICMP errors created no conntrack entry of their own" \
	grep -Eq '^icmp' "$T/ct-5.txt"
n=$(of_npackets "table=2 icmp +rel+trk+dnat nw_dst=10.1.1.1")
check "the ICMP error matched +rel+dnat, destination 10.1.1.1 ($n)" [ "$n" -ge 1 ]
n=$(of_npackets "table=2 icmp6 +rel+trk+dnat ipv6_dst=fd00::1")
check "the ICMPv6 error matched +rel+dnat, destination fd00::1 ($n)" [ "$n" -ge 1 ]
n=$(of_npackets "table=2 priority=50")
check "no error was left unrelated or untranslated ($n)" [ "$n" -eq 0 ]
check "a datapath flow forwards the IPv4 error as +rel+dnat" \
	dpflows_have 'ct_state\([^)]*\+rel[^)]*\+dnat\),.*eth_type\(0x0800\),.*actions:[0-9]+$'
check "a datapath flow forwards the IPv6 error as +rel+dnat" \
	dpflows_have 'ct_state\([^)]*\+rel[^)]*\+dnat\),.*eth_type\(0x86dd\),.*actions:[0-9]+$'

check_vswitchd_log
done_testing
