#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# DNAT load balancing: connections to the virtual address 10.1.1.100:80
# are committed with nat(dst=10.1.1.2-10.1.1.3,hash) and spread over the
# backends ns2 and ns3, which see the clients' own addresses.
#
# nf_nat picks the address of a range from a hash of the connection's
# addresses and zone, not its ports (nf_nat_core.c: find_best_ips_proto),
# so that a client keeps its backend.  The client ns1 therefore connects
# from several addresses, each over several source ports: both backends
# must get connections, and every client address must stick to one.

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

CLIENTS="10.1.1.1 10.1.1.11 10.1.1.12 10.1.1.13 10.1.1.14 10.1.1.15 10.1.1.16 10.1.1.17"
NPORTS=5

ovs_start
ovs_add_br br0
for n in 1 2 3; do
	ns_add $n || { not_ok "create ns$n"; done_testing; }
done
ns_mac 1 2 3
for a in $CLIENTS; do
	[ "$a" = 10.1.1.1 ] || ip -n ns1 addr add "$a/24" dev eth0
done
# The virtual address has a virtual MAC; table 3 sets the backend's.
ip -n ns1 neigh replace 10.1.1.100 lladdr 02:00:00:00:01:00 dev eth0 \
	nud permanent

of_flows <<FLOWS && ok "install the load-balancer flows" ||
$(nd_flows)
table=0,priority=10,in_port=1,tcp,nw_dst=10.1.1.100,tp_dst=80 actions=ct(zone=4,nat,table=1)
table=0,priority=10,in_port=2,tcp actions=ct(zone=4,nat,table=2)
table=0,priority=10,in_port=3,tcp actions=ct(zone=4,nat,table=2)
table=0,priority=0 actions=drop
# New connections: pick a backend; known ones arrive translated already.
table=1,priority=100,tcp,ct_state=+trk+new actions=ct(commit,zone=4,nat(dst=10.1.1.2-10.1.1.3,hash),table=3)
table=1,priority=100,tcp,ct_state=+trk+est+dnat actions=goto_table:3
table=1,priority=0 actions=drop
table=3,priority=100,ip,nw_dst=10.1.1.2 actions=set_field:$(mac_of 2)->eth_dst,output:2
table=3,priority=100,ip,nw_dst=10.1.1.3 actions=set_field:$(mac_of 3)->eth_dst,output:3
table=3,priority=0 actions=drop
table=2,priority=100,tcp,nw_src=10.1.1.100,ct_state=+trk+est+snat actions=output:1
table=2,priority=0 actions=drop
FLOWS
	{ not_ok "install the load-balancer flows"; done_testing; }

peer_serve 2 10.1.1.2 80 backend2 || { not_ok "start backend ns2"; done_testing; }
peer_serve 3 10.1.1.3 80 backend3 || { not_ok "start backend ns3"; done_testing; }

total=$(($(echo $CLIENTS | wc -w) * NPORTS))
check "$total connections to 10.1.1.100:80 from $NPORTS ports of each client address" \
	peer 1 lb 10.1.1.100 80 41000 $NPORTS $CLIENTS -t 10
cp "$T/check.out" "$T/lb.txt"
n2=$(grep -c ' backend2 ' "$T/lb.txt")
n3=$(grep -c ' backend3 ' "$T/lb.txt")
info "backend2: $n2 connections, backend3: $n3 connections"
check "every connection was answered by a backend ($n2 + $n3 = $total)" \
	[ $((n2 + n3)) -eq "$total" ]
check "backend ns2 got connections ($n2)" [ "$n2" -ge 1 ]
check "backend ns3 got connections ($n3)" [ "$n3" -ge 1 ]
check "the backends saw each client's own address and source port" \
	sh -c "! awk '\$3 ~ /^backend/ && (\$4 != \$1 || \$5 != \$2)' \
		'$T/lb.txt' | grep -q ."
check "each client address kept one backend over all its source ports" \
	sh -c "[ \$(awk '{ print \$1, \$3 }' '$T/lb.txt' | sort -u | wc -l) \
		-eq $(echo $CLIENTS | wc -w) ]"
a2=$(grep -c '^ACCEPT ' "$T/serve-2.log")
a3=$(grep -c '^ACCEPT ' "$T/serve-3.log")
check "the backends' logs agree ($a2 + $a3 accepts)" \
	sh -c "[ $a2 -eq $n2 ] && [ $a3 -eq $n3 ]"

c2=$(ct_count 4 'orig=\(src=10\.1\.1\.[0-9]+,dst=10\.1\.1\.100,sport=410[0-9]{2},dport=80\),reply=\(src=10\.1\.1\.2,')
c3=$(ct_count 4 'orig=\(src=10\.1\.1\.[0-9]+,dst=10\.1\.1\.100,sport=410[0-9]{2},dport=80\),reply=\(src=10\.1\.1\.3,')
check "conntrack zone 4 maps $c2 connections to 10.1.1.2, $c3 to 10.1.1.3" \
	sh -c "[ $c2 -eq $n2 ] && [ $c3 -eq $n3 ]"
check "the mappings are DNAT, the reply goes back to the client's port" \
	ct_has 4 '^tcp,orig=\(src=10\.1\.1\.11,dst=10\.1\.1\.100,sport=41000,dport=80\),reply=\(src=10\.1\.1\.[23],dst=10\.1\.1\.11,sport=80,dport=41000\),.*status=.*DST_NAT\|'
n=$(of_npackets "table=1 +est+trk+dnat goto_table:3")
check "client packets of known connections matched +est+dnat ($n)" \
	[ "$n" -ge "$total" ]
n=$(of_npackets "table=2 +est+trk+snat nw_src=10.1.1.100")
check "backend replies matched +est+snat, source 10.1.1.100 ($n)" \
	[ "$n" -ge "$total" ]
check "the datapath commits with nat(dst=10.1.1.2-10.1.1.3,hash)" \
	dpflows_have 'ct\(commit,zone=4,nat\(dst=10\.1\.1\.2-10\.1\.1\.3,hash\)\),recirc\('

check_vswitchd_log
done_testing
