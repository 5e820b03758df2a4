#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# IP fragments through conntrack: pings larger than the 1500-byte MTU pass
# the zone-1 firewall (ct(table=1) reassembles, commit, output refragments)
# over IPv4 and IPv6, in both directions of an allowed connection, and
# fragmented new connections from ns2 are still dropped.

. "$(dirname "$0")/lib.sh"

# capture_start N: record the IP fragments namespace nsN receives.
capture_start() {
	nsx "$1" tcpdump -U -ni eth0 -w "$T/ns$1.pcap" \
		'(ip[6:2] & 0x3fff != 0) or (ip6 and ip6[6] == 44)' \
		2>"$T/tcpdump$1.err" &
	eval "_cap$1=\$!"
	wait_for 30 grep -q listening "$T/tcpdump$1.err"
}

# capture_stop N: stop nsN's capture.
capture_stop() {
	eval "kill \$_cap$1"
	eval "wait \$_cap$1" 2>/dev/null
}

# nfrags N FILTER: fragments nsN received that match a tcpdump FILTER.
nfrags() {
	tcpdump -nr "$T/ns$1.pcap" "$2" 2>/dev/null | wc -l
}

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2
check "veth MTU is 1500" sh -c "[ \$(cat /sys/class/net/p1/mtu) -eq 1500 ]"
if fw_flows 1 | of_flows; then
	ok "install the zone-1 firewall flows"
else
	not_ok "install the zone-1 firewall flows"
	done_testing
fi

# Unfragmented first: neighbours resolved, the path known to work.
check "ICMP ns1 -> ns2 (IPv4, small)" ping_ok 1 10.1.1.2
check "ICMP ns1 -> ns2 (IPv6, small)" ping_ok 1 fd00::2

require_cmd tcpdump
capture_start 1
capture_start 2
check "ICMP ns1 -> ns2 (IPv4, -s 3000, 3 fragments)" ping_ok 1 10.1.1.2 -s 3000
check "ICMP ns1 -> ns2 (IPv4, -s 8000, 6 fragments)" ping_ok 1 10.1.1.2 -s 8000
check "ICMP ns1 -> ns2 (IPv6, -s 3000, 3 fragments)" ping_ok 1 fd00::2 -s 3000
check "ICMP ns1 -> ns2 (IPv6, -s 8000, 6 fragments)" ping_ok 1 fd00::2 -s 8000
sleep 1
capture_stop 1
capture_stop 2
# 3 pings of 3 and 3 of 6 fragments each way: 27 fragments.
n=$(nfrags 2 'ip and src 10.1.1.1')
check "ns2 received the requests as fragments (IPv4, $n)" [ "$n" -ge 27 ]
n=$(nfrags 1 'ip and src 10.1.1.2')
check "ns1 received the replies as fragments (IPv4, $n)" [ "$n" -ge 27 ]
n=$(nfrags 2 'ip6 and src fd00::1')
check "ns2 received the requests as fragments (IPv6, $n)" [ "$n" -ge 27 ]
n=$(nfrags 1 'ip6 and src fd00::2')
check "ns1 received the replies as fragments (IPv6, $n)" [ "$n" -ge 27 ]

ovs-appctl dpctl/dump-flows >"$T/dpflows.txt"
check "datapath flows for IPv4 fragments send them to ct()" \
	sh -c "grep -E 'ipv4\\(.*frag=(first|later)' '$T/dpflows.txt' |
		grep -q 'actions:ct(zone=1),recirc('"
check "datapath flows for IPv6 fragments send them to ct()" \
	sh -c "grep -E 'ipv6\\(.*frag=(first|later)' '$T/dpflows.txt' |
		grep -q 'actions:ct(zone=1),recirc('"
check "conntrack zone 1 holds the ICMP connections" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=1 >'$T/ct.txt' &&
	       grep -q '^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/ct.txt' &&
	       grep -q '^icmpv6,orig=(src=fd00::1,dst=fd00::2,' '$T/ct.txt'"

check "fragmented ICMP ns2 -> ns1 blocked (IPv4)" \
	sh -c "! ip netns exec ns2 ping -q -c 2 -i 0.3 -W 1 -s 3000 10.1.1.1"
check "fragmented ICMP ns2 -> ns1 blocked (IPv6)" \
	sh -c "! ip netns exec ns2 ping -q -c 2 -i 0.3 -W 1 -s 3000 fd00::1"
n=$(of_npackets "table=1 in_port=2 +new actions=drop")
check "ns2's reassembled pings hit the drop flow ($n packets)" [ "$n" -ge 4 ]

check_vswitchd_log
done_testing
