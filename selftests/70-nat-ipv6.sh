#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# IPv6 NAT for TCP and ICMPv6 echo in zone 6: ns1 reaches ns2 (fd00::2)
# SNATed to fd00::100, and reaches the virtual address fd00::200 DNATed to
# ns2.  ns2 sees fd00::100 behind the SNAT and ns1's own address behind the
# DNAT; replies are translated back and ns2 can open nothing towards ns1.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }
ns_mac 1 2
neigh_to 2 fd00::100 1
neigh_to 1 fd00::200 2

of_flows <<FLOWS && ok "install the IPv6 SNAT and DNAT flows" ||
$(nd_flows)
table=0,priority=10,in_port=1,ipv6 actions=ct(zone=6,nat,table=1)
table=0,priority=10,in_port=2,ipv6 actions=ct(zone=6,nat,table=2)
table=0,priority=0 actions=drop
table=1,priority=100,ipv6,ipv6_dst=fd00::200,ct_state=+trk+new actions=ct(commit,zone=6,nat(dst=fd00::2)),output:2
table=1,priority=100,ipv6,ipv6_dst=fd00::2,ct_state=+trk+new actions=ct(commit,zone=6,nat(src=fd00::100)),output:2
table=1,priority=100,ipv6,ipv6_src=fd00::100,ct_state=+trk+est+snat actions=output:2
table=1,priority=100,ipv6,ipv6_dst=fd00::2,ct_state=+trk+est+dnat actions=output:2
table=1,priority=0 actions=drop
table=2,priority=100,ipv6,ipv6_dst=fd00::1,ct_state=+trk+est+dnat actions=output:1
table=2,priority=100,ipv6,ipv6_src=fd00::200,ct_state=+trk+est+snat actions=output:1
table=2,priority=90,ipv6,ct_state=+trk+new actions=drop
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install the IPv6 SNAT and DNAT flows"; done_testing; }

peer_serve 2 :: 5000 srv || { not_ok "start the TCP server"; done_testing; }

# --- SNAT: fd00::1 -> fd00::2 as fd00::100 ----------------------------------
check "ICMPv6 echo ns1 -> fd00::2 through SNAT" ping_ok 1 fd00::2
check "TCP ns1 -> [fd00::2]:5000 through SNAT" \
	sh -c "ip netns exec ns1 $PEER connect fd00::2 5000 -p 42000 >'$T/snat.log'"
check "the server saw the connection from [fd00::100]:42000" \
	grep_in "$T/snat.log" '^OK local=fd00::1:42000 reply=srv fd00::100 42000$'
check "conntrack zone 6 maps the TCP connection to fd00::100" \
	ct_has 6 '^tcp,orig=\(src=fd00::1,dst=fd00::2,sport=42000,dport=5000\),reply=\(src=fd00::2,dst=fd00::100,sport=5000,dport=42000\),.*SRC_NAT\|'
check "conntrack zone 6 maps the ICMPv6 echo to fd00::100" \
	ct_has 6 '^icmpv6,orig=\(src=fd00::1,dst=fd00::2,id=[0-9]+,type=128,code=0\),reply=\(src=fd00::2,dst=fd00::100,id=[0-9]+,type=129,code=0\),.*SRC_NAT\|'
n=$(of_npackets "table=1 +est+trk+snat ipv6_src=fd00::100")
check "ns1's packets matched +est+snat, source fd00::100 ($n)" [ "$n" -ge 4 ]
n=$(of_npackets "table=2 +est+trk+dnat ipv6_dst=fd00::1")
check "replies matched +est+dnat, destination fd00::1 ($n)" [ "$n" -ge 6 ]
check "the datapath commits with nat(src=fd00::100)" \
	dpflows_have 'ct\(commit,zone=6,nat\(src=fd00::100\)\)'

# --- DNAT: fd00::200 -> fd00::2 ----------------------------------------------
check "ICMPv6 echo ns1 -> fd00::200 through DNAT" ping_ok 1 fd00::200
check "TCP ns1 -> [fd00::200]:5000 through DNAT" \
	sh -c "ip netns exec ns1 $PEER connect fd00::200 5000 -p 42001 >'$T/dnat.log'"
check "the server saw ns1's own address [fd00::1]:42001" \
	grep_in "$T/dnat.log" '^OK local=fd00::1:42001 reply=srv fd00::1 42001$'
check "the server accepted on fd00::2 what ns1 sent to fd00::200" \
	grep_in "$T/serve-2.log" '^ACCEPT fd00::1 42001 fd00::2 5000$'
check "conntrack zone 6 maps the TCP connection to fd00::2" \
	ct_has 6 '^tcp,orig=\(src=fd00::1,dst=fd00::200,sport=42001,dport=5000\),reply=\(src=fd00::2,dst=fd00::1,sport=5000,dport=42001\),.*DST_NAT\|'
check "conntrack zone 6 maps the ICMPv6 echo to fd00::2" \
	ct_has 6 '^icmpv6,orig=\(src=fd00::1,dst=fd00::200,id=[0-9]+,type=128,code=0\),reply=\(src=fd00::2,dst=fd00::1,id=[0-9]+,type=129,code=0\),.*DST_NAT\|'
n=$(of_npackets "table=1 +est+trk+dnat ipv6_dst=fd00::2")
check "ns1's packets matched +est+dnat, destination fd00::2 ($n)" [ "$n" -ge 4 ]
n=$(of_npackets "table=2 +est+trk+snat ipv6_src=fd00::200")
check "replies matched +est+snat, source fd00::200 ($n)" [ "$n" -ge 6 ]
check "the datapath commits with nat(dst=fd00::2)" \
	dpflows_have 'ct\(commit,zone=6,nat\(dst=fd00::2\)\)'

# --- nothing in from ns2 -------------------------------------------------------
check "ICMPv6 ns2 -> ns1 blocked" ping_blocked 2 fd00::1
check "TCP ns2 -> ns1 blocked" tcp_blocked 2 1 fd00::1
n=$(of_npackets "table=2 +new+trk actions=drop")
check "ns2's new connections hit the +new drop flow ($n)" [ "$n" -ge 3 ]

check_vswitchd_log
done_testing
