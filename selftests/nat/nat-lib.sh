# SPDX-License-Identifier: GPL-2.0-only
#
# NAT helpers for selftests/70-nat-*.sh, sourced after selftests/lib.sh.
#
# Translated addresses belong to no namespace, so nobody answers ARP or
# neighbour solicitations for them: the NAT tests give each namespace a
# fixed MAC (ns_mac) and install static neighbour entries for translated
# addresses (neigh_to).  The end points are selftests/nat/peer.py, which
# logs how each side saw the other.

NAT_DIR=$(cd "$(dirname "$0")/nat" && pwd)
PEER="python3 $NAT_DIR/peer.py"

require_cmd python3 ss

# mac_of N: the fixed MAC of nsN's eth0.
mac_of() {
	printf '02:00:00:00:00:%02x\n' "$1"
}

# ns_mac N...: give every nsN's eth0 its fixed MAC.
ns_mac() {
	for _n in "$@"; do
		ip -n "ns$_n" link set eth0 address "$(mac_of "$_n")" || return 1
	done
}

# neigh_to N ADDR M: in nsN, ADDR resolves to nsM's MAC, permanently.
neigh_to() {
	ip -n "ns$1" neigh replace "$2" lladdr "$(mac_of "$3")" dev eth0 \
		nud permanent
}

# nd_flows: ARP and IPv6 neighbour discovery switched normally, ahead of
# any conntrack flow.  Pipe into of_flows together with a test's flows.
nd_flows() {
	cat <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=100,icmp6,icmp_type=135 actions=NORMAL
table=0,priority=100,icmp6,icmp_type=136 actions=NORMAL
FLOWS
}

# peer N ARGS...: run peer.py in nsN.
peer() {
	_pn=$1
	shift
	nsx "$_pn" $PEER "$@"
}

# peer_serve N ADDR PORTS TAG: a peer.py TCP server in nsN on ADDR, logging
# to $T/serve-N.log; returns once it listens.
peer_serve() {
	peer "$1" serve "$2" "$3" "$4" >"$T/serve-$1.log" 2>&1 &
	wait_for 30 grep -q LISTENING "$T/serve-$1.log" || {
		info "the server in ns$1 did not start:"
		diag_file "$T/serve-$1.log"
		return 1
	}
}

# grep_in FILE ERE: FILE has a line matching ERE; otherwise show FILE.
grep_in() {
	grep -Eq -e "$2" "$1" && return 0
	echo "no line matches: $2"
	echo "--- $1:"
	cat "$1"
	return 1
}

# ct_has ZONE ERE: dump-conntrack -m zone=ZONE has a line matching ERE
# (its status=... flags: match "SRC_NAT\|", not the always-set SRC_NAT_DONE).
ct_has() {
	ovs-appctl dpctl/dump-conntrack -m "zone=$1" >"$T/ct-$1.txt" 2>&1
	grep_in "$T/ct-$1.txt" "$2"
}

# ct_count ZONE ERE: number of dump-conntrack zone=ZONE lines matching ERE.
ct_count() {
	ovs-appctl dpctl/dump-conntrack -m "zone=$1" | grep -Ec -e "$2"
}

# dpflows_have ERE: a datapath flow matches ERE (fixed strings need \( ).
dpflows_have() {
	ovs-appctl dpctl/dump-flows >"$T/dpflows.txt" 2>&1
	grep_in "$T/dpflows.txt" "$1"
}

