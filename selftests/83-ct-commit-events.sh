#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Commit variants and what the datapath tells netfilter:
#  - ct(commit,force) (datapath force_commit): a reply-direction packet
#    replaces the entry with one whose original direction is its own
#    (plain commit leaves it alone);
#  - OVS_CT_ATTR_EVENTMASK: ovs-vswitchd puts its default mask (NEW,
#    RELATED, DESTROY, MARK, LABEL) on every commit; OpenFlow cannot set
#    another one, but "dpif/set-dp-features br0 ct_eventmask false" makes
#    it commit without one.  conntrack -E shows no UPDATE for a masked TCP
#    connection (except a ct_mark change), all of them for an unmasked one;
#  - ct_clear: after ct() and ct_clear the packet is -trk again and a ct()
#    in another zone tracks it normally;
#  - original-direction tuple matches (ct_nw_src/dst, ct_ipv6_src/dst,
#    ct_nw_proto, ct_tp_src/dst) in both directions;
#  - liberal TCP window tracking once established: an out-of-window
#    segment (scapy) is +est, not +inv.

. "$(dirname "$0")/lib.sh"

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }

# flows: replace br0's flows with stdin, counters zeroed (replace-flows
# keeps the counters of unchanged flows).  Once more after a failure: the
# management socket may refuse a connection when the guest is slow.
flows() {
	cat >"$T/flows.in"
	ovs-ofctl del-flows br0 && of_flows <"$T/flows.in" && return 0
	sleep 2
	ovs-ofctl del-flows br0 && of_flows <"$T/flows.in"
}

# tcp_conn FROM TO_N ADDR: tcp_ok with room for slow upcalls under
# emulation: each test case below starts on flows not yet in the datapath.
tcp_conn() {
	next_port
	rm -f "$T/tcp.srv" "$T/tcp.cli"
	printf 'pong\n' | nsx "$2" timeout 40 nc -N -l "$3" "$_port" \
		>"$T/tcp.srv" 2>&1 &
	_srv=$!
	wait_for 90 sh -c "ip netns exec ns$2 ss -Hltn | grep -q ':$_port '"
	printf 'ping\n' | nsx "$1" timeout 35 nc -N -w 20 "$3" "$_port" \
		>"$T/tcp.cli" 2>&1
	wait "$_srv"
	grep -qx ping "$T/tcp.srv" && grep -qx pong "$T/tcp.cli" || {
		echo "server got: $(cat "$T/tcp.srv")"
		echo "client got: $(cat "$T/tcp.cli")"
		return 1
	}
}

# udp_echo_start N ADDR PORT...: a UDP echo server on each PORT in nsN,
# up for the whole test (no listener to wait for per exchange).
udp_echo_start() {
	_n=$1
	shift
	ip netns exec "ns$_n" python3 -c '
import select, socket, sys
socks = []
for port in sys.argv[2:]:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((sys.argv[1], int(port)))
    socks.append(s)
print("LISTENING", flush=True)
while True:
    for s in select.select(socks, [], [])[0]:
        d, a = s.recvfrom(2048)
        print("%d from %s:%d %r" % (s.getsockname()[1], a[0], a[1], d),
              flush=True)
        s.sendto(d, a)
' "$@" >"$T/echo-$_n.log" 2>&1 &
	wait_for 90 grep -q LISTENING "$T/echo-$_n.log"
}

# udp_echo FROM ADDR PORT SPORT: a datagram from nsFROM port SPORT to
# ADDR:PORT and its echo back.
udp_echo() {
	_msg="hello-$(date +%s%N)"
	printf '%s\n' "$_msg" >"$T/echo.in"
	nsx "$1" timeout 20 nc -u -W 1 -p "$4" "$2" "$3" <"$T/echo.in" \
		>"$T/echo.out" 2>&1
	grep -qx "$_msg" "$T/echo.out" || {
		echo "sent $_msg, got: $(cat "$T/echo.out")"
		return 1
	}
}

# of_sync: let the revalidator push datapath flow statistics to the
# OpenFlow counters (they lag behind under load).
of_sync() {
	ovs-appctl revalidator/wait >/dev/null 2>&1
}

# ct_tuples ZONE ERE: dump-conntrack lines of ZONE matching ERE.
ct_tuples() {
	ovs-appctl dpctl/dump-conntrack "zone=$1" | grep -Ec -e "$2"
}

# --- force_commit --------------------------------------------------------------
# fc_flows COMMIT: zone 5; ns1 opens UDP connections, ns2's packets are
# committed with ct(COMMIT,zone=5) (commit or commit,force).
fc_flows() {
	flows <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,udp,ct_state=-trk actions=ct(table=1,zone=5)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,udp,ct_state=+trk+new actions=ct(commit,zone=5),output:2
table=1,priority=110,in_port=1,udp,ct_state=+trk+est+rpl actions=output:2
table=1,priority=100,in_port=1,udp,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,udp,ct_state=+trk actions=ct($1,zone=5),output:1
table=1,priority=0 actions=drop
FLOWS
}

FC=7001
udp_echo_start 2 10.1.1.2 $FC 7002 || {
	not_ok "start a UDP echo server in ns2"
	diag_file "$T/echo-2.log"
}
fwd="^udp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=5001,dport=$FC\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,sport=$FC,dport=5001\)"
rev="^udp,orig=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,sport=$FC,dport=5001\),reply=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=5001,dport=$FC\)"

check "install flows committing ns2's packets with plain commit" fc_flows commit
check "UDP ns1:5001 -> ns2:$FC, the echo committed" udp_echo 1 10.1.1.2 $FC 5001
c1=$(ct_tuples 5 "$fwd")
c2=$(ct_tuples 5 "$rev")
check "plain commit of a reply leaves orig=ns1->ns2 ($c1 forward, $c2 reversed)" \
	test "$c1:$c2" = 1:0

check "install flows committing ns2's packets with force_commit" \
	fc_flows commit,force
check "the same UDP 5-tuple again, the echo force-committed" \
	udp_echo 1 10.1.1.2 $FC 5001
c1=$(ct_tuples 5 "$fwd")
c2=$(ct_tuples 5 "$rev")
check "force_commit replaced the entry: orig=ns2->ns1 ($c1 forward, $c2 reversed)" \
	test "$c1:$c2" = 0:1
check "the datapath executes ct(force_commit,zone=5)" \
	sh -c "ovs-appctl dpctl/dump-flows | grep -q 'ct(force_commit,zone=5)'"
check "the same UDP 5-tuple a third time" udp_echo 1 10.1.1.2 $FC 5001
of_sync
n=$(of_npackets "table=1 in_port=1 +est+rpl+trk")
check "ns1's packets are now the reply direction, +est+rpl ($n)" [ "$n" -ge 1 ]
c1=$(ct_tuples 5 "$fwd")
c2=$(ct_tuples 5 "$rev")
check "force_commit in the original direction changes nothing ($c1 forward, $c2 reversed)" \
	test "$c1:$c2" = 0:1

# --- event masks ------------------------------------------------------------------
# ev_flows [EXEC]: zone 6, every TCP packet committed (so that the cached
# events of each packet are delivered); ns2's with exec(EXEC) when given.
ev_flows() {
	flows <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,tcp,ct_state=-trk actions=ct(table=1,zone=6)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,tcp,ct_state=+trk+new actions=ct(commit,zone=6),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est actions=ct(commit,zone=6),output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est actions=ct(commit,zone=6${1:+,exec($1)}),output:1
table=1,priority=0 actions=drop
FLOWS
}

# events KIND PORT: conntrack -E lines of KIND (NEW, UPDATE, DESTROY) for
# the connection to PORT.
events() {
	grep -F "[$1]" "$T/events.txt" | grep -c " dport=$2 "
}

# eventmask_rt: the run-time value of the ct_eventmask datapath feature.
eventmask_rt() {
	ovs-appctl dpif/set-dp-features br0 ct_eventmask |
		sed -n 's/.*\[run time\]:\([a-z]*\),.*/\1/p'
}

ct_flush
if ! command -v conntrack >/dev/null 2>&1; then
	skip "conntrack events with and without OVS's eventmask" \
		"conntrack (conntrack-tools) not installed"
else
	check "ovs-vswitchd found eventmask support in the datapath" \
		sh -c "ovs-appctl dpif/show-dp-features br0 |
			grep -qx 'Conntrack eventmask: Yes'"
	check "install per-packet commit flows" ev_flows
	conntrack -E -e NEW,UPDATE,DESTROY -p tcp -o timestamp \
		>"$T/events.txt" 2>"$T/events.err" &
	evpid=$!
	sleep 1
	check "conntrack -E is listening" proc_alive "$evpid"

	check "TCP connection A, committed with OVS's eventmask" \
		tcp_conn 1 2 10.1.1.2
	pa=$_port
	check "dpif/set-dp-features br0 ct_eventmask false" \
		sh -c "ovs-appctl dpif/set-dp-features br0 ct_eventmask false &&
		       [ \"\$(ovs-appctl dpif/set-dp-features br0 ct_eventmask |
			sed -n 's/.*\[run time\]:\([a-z]*\),.*/\1/p')\" = false ]"
	check "TCP connection B, committed without eventmask" \
		tcp_conn 1 2 10.1.1.2
	pb=$_port
	ovs-appctl dpif/set-dp-features br0 ct_eventmask true >/dev/null
	check "ct_eventmask back on (run time: $(eventmask_rt))" \
		[ "$(eventmask_rt)" = true ]
	check "install flows setting ct_mark=42 from ns2's packets" \
		ev_flows "set_field:42->ct_mark"
	check "TCP connection C, eventmask and a ct_mark change" \
		tcp_conn 1 2 10.1.1.2
	pc=$_port
	sleep 1
	ovs-appctl dpctl/flush-conntrack zone=6 >/dev/null
	sleep 2
	kill "$evpid" 2>/dev/null
	wait "$evpid" 2>/dev/null

	ev_fail=$_tap_fail
	info "events: $(wc -l <"$T/events.txt") lines;" \
		"A: $(events NEW "$pa") NEW, $(events UPDATE "$pa") UPDATE," \
		"$(events DESTROY "$pa") DESTROY;" \
		"B: $(events NEW "$pb")/$(events UPDATE "$pb")/$(events DESTROY "$pb");" \
		"C: $(events NEW "$pc")/$(events UPDATE "$pc")/$(events DESTROY "$pc")"
	check "A (eventmask): one NEW event" [ "$(events NEW "$pa")" -eq 1 ]
	check "A (eventmask): no UPDATE event" [ "$(events UPDATE "$pa")" -eq 0 ]
	check "A (eventmask): one DESTROY event on flush" \
		[ "$(events DESTROY "$pa")" -eq 1 ]
	check "B (no eventmask): one NEW event" [ "$(events NEW "$pb")" -eq 1 ]
	check "B (no eventmask): UPDATE events for the TCP states ($(events UPDATE "$pb"))" \
		sh -c "[ $(events UPDATE "$pb") -ge 2 ] &&
		       grep -F '[UPDATE]' '$T/events.txt' | grep ' dport=$pb ' |
			grep -q ESTABLISHED"
	check "B (no eventmask): one DESTROY event on flush" \
		[ "$(events DESTROY "$pb")" -eq 1 ]
	check "C (eventmask): one NEW event" [ "$(events NEW "$pc")" -eq 1 ]
	check "C (eventmask): the ct_mark change is the one UPDATE event" \
		sh -c "[ $(events UPDATE "$pc") -eq 1 ] &&
		       grep -F '[UPDATE]' '$T/events.txt' | grep ' dport=$pc ' |
			grep -q 'mark=42'"
	[ "$_tap_fail" -eq "$ev_fail" ] || diag_file "$T/events.txt" 40
fi

# --- ct_clear ---------------------------------------------------------------------
ct_flush
flows <<'FLOWS' && ok "install ct_clear flows (zone 7, ct_clear, zone 8)" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=7)
table=0,priority=0 actions=drop
table=1,priority=100,ip,ct_state=+trk,ct_zone=7 actions=ct_clear,resubmit(,2)
table=1,priority=0 actions=drop
table=2,priority=100,ip,ct_state=-trk actions=ct(table=3,zone=8)
table=2,priority=90,ip,ct_state=+trk actions=drop
table=2,priority=0 actions=drop
table=3,priority=100,in_port=1,ip,ct_state=+trk+new,ct_zone=8 actions=ct(commit,zone=8),output:2
table=3,priority=100,in_port=1,ip,ct_state=+trk+est,ct_zone=8 actions=output:2
table=3,priority=100,in_port=2,ip,ct_state=+trk+est,ct_zone=8 actions=output:1
table=3,priority=0 actions=drop
FLOWS
	not_ok "install ct_clear flows (zone 7, ct_clear, zone 8)"

check "ICMP through ct(zone=7), ct_clear, ct(zone=8)" ping_ok 1 10.1.1.2
check "TCP through ct(zone=7), ct_clear, ct(zone=8)" tcp_conn 1 2 10.1.1.2
of_sync
n=$(of_npackets "table=2 -trk")
check "after ct_clear the packets matched ct_state=-trk ($n)" [ "$n" -ge 10 ]
n=$(of_npackets "table=2 +trk actions=drop")
check "none was still +trk after ct_clear ($n)" [ "$n" -eq 0 ]
n=$(of_npackets "table=3 in_port=2 +est+trk ct_zone=8")
check "replies are +est in zone 8 ($n)" [ "$n" -ge 4 ]
check "zone 8 holds the ICMP and TCP connections" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=8 >'$T/z8.txt' &&
	       grep -q '^icmp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/z8.txt' &&
	       grep -q '^tcp,orig=(src=10.1.1.1,dst=10.1.1.2,' '$T/z8.txt'"
check_fail "zone 7 committed nothing" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=7 | grep -q 10.1.1"
check "the datapath executes ct_clear then ct(zone=8)" \
	sh -c "ovs-appctl dpctl/dump-flows | grep -q 'ct_clear,ct(zone=8)'"

# --- original-direction tuple matches -------------------------------------------
ct_flush
PT=30001
PU=7002
P6=30201
m4="ct_nw_src=10.1.1.1,ct_nw_dst=10.1.1.2"
m6="ct_ipv6_src=fd00::1,ct_ipv6_dst=fd00::2"
flows <<FLOWS && ok "install original-tuple flows (zone 9)" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=100,icmp6,icmp_type=135 actions=NORMAL
table=0,priority=100,icmp6,icmp_type=136 actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=9)
table=0,priority=50,ipv6,ct_state=-trk actions=ct(table=1,zone=9)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=9),output:2
table=1,priority=100,in_port=1,ipv6,ct_state=+trk+new actions=ct(commit,zone=9),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est,$m4,ct_nw_proto=6,ct_tp_dst=$PT actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est,$m4,ct_nw_proto=6,ct_tp_dst=$PT actions=output:1
table=1,priority=100,in_port=1,udp,ct_state=+trk+est,$m4,ct_nw_proto=17,ct_tp_src=5555,ct_tp_dst=$PU actions=output:2
table=1,priority=100,in_port=2,udp,ct_state=+trk+est,$m4,ct_nw_proto=17,ct_tp_src=5555,ct_tp_dst=$PU actions=output:1
table=1,priority=100,in_port=1,icmp,ct_state=+trk+est,$m4,ct_nw_proto=1,ct_tp_src=8,ct_tp_dst=0 actions=output:2
table=1,priority=100,in_port=2,icmp,ct_state=+trk+est,$m4,ct_nw_proto=1,ct_tp_src=8,ct_tp_dst=0 actions=output:1
table=1,priority=100,in_port=1,tcp6,ct_state=+trk+est,$m6,ct_nw_proto=6,ct_tp_dst=$P6 actions=output:2
table=1,priority=100,in_port=2,tcp6,ct_state=+trk+est,$m6,ct_nw_proto=6,ct_tp_dst=$P6 actions=output:1
table=1,priority=90,ip,ct_state=+trk+est actions=drop
table=1,priority=90,ipv6,ct_state=+trk+est actions=drop
table=1,priority=0 actions=drop
FLOWS
	not_ok "install original-tuple flows (zone 9)"

_port=$((PT - 1))
check "TCP to port $PT passes flows matching the original tuple" \
	tcp_conn 1 2 10.1.1.2
check "UDP 5555 -> $PU passes flows matching the original tuple" \
	udp_echo 1 10.1.1.2 $PU 5555
check "ICMP echo passes flows matching ct_tp_src=8,ct_tp_dst=0" \
	ping_ok 1 10.1.1.2
_port=$((P6 - 1))
check "IPv6 TCP to port $P6 passes flows matching ct_ipv6_src/dst" \
	tcp_conn 1 2 fd00::2
of_sync
n=$(of_npackets "table=1 in_port=2 tcp, ct_nw_src=10.1.1.1 ct_tp_dst=$PT")
check "TCP replies: ct_nw_src = the client, ct_tp_dst = the server port ($n)" \
	[ "$n" -ge 2 ]
n=$(of_npackets "table=1 in_port=1 tcp, ct_nw_src=10.1.1.1 ct_tp_dst=$PT")
check "TCP from the client matched its own tuple ($n)" [ "$n" -ge 2 ]
n=$(of_npackets "table=1 in_port=2 udp ct_tp_src=5555")
check "the UDP reply matched ct_tp_src=5555,ct_tp_dst=$PU ($n)" [ "$n" -ge 1 ]
n=$(of_npackets "table=1 in_port=2 icmp ct_nw_proto=1")
check "echo replies matched the request's type 8 code 0 ($n)" [ "$n" -ge 3 ]
n=$(of_npackets "table=1 in_port=2 tcp6 ct_ipv6_src=fd00::1")
check "IPv6 TCP replies: ct_ipv6_src = the client ($n)" [ "$n" -ge 2 ]
n=$(of_npackets "table=1 in_port=1 tcp6 ct_ipv6_src=fd00::1")
check "IPv6 TCP from the client matched its own tuple ($n)" [ "$n" -ge 2 ]
n=$(of_npackets "table=1 priority=90 +est+trk actions=drop")
check "no established packet missed the tuple flows ($n)" [ "$n" -eq 0 ]
check "the datapath matches ct_tuple4 and ct_tuple6" \
	sh -c "ovs-appctl dpctl/dump-flows >'$T/dp9.txt' &&
	       grep -q 'ct_tuple4(src=10.1.1.1,dst=10.1.1.2' '$T/dp9.txt' &&
	       grep -q 'ct_tuple6(src=fd00::1,dst=fd00::2' '$T/dp9.txt'"

# --- liberal window tracking -------------------------------------------------------
if ! python3 -c 'import scapy' 2>/dev/null; then
	skip "out-of-window segment is not +inv" "python3-scapy not installed"
else
	ct_flush
	flows <<'FLOWS' && ok "install flows counting +inv (zone 10)" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,tcp,ct_state=-trk actions=ct(table=1,zone=10)
table=0,priority=0 actions=drop
table=1,priority=200,tcp,ct_state=+trk+inv actions=drop
table=1,priority=150,in_port=1,tcp,nw_tos=32,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+new actions=ct(commit,zone=10),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
FLOWS
		not_ok "install flows counting +inv (zone 10)"

	# In ns1: connect, learn the next sequence number from a capture,
	# inject two segments (TOS 0x20, to count them apart) 512 MB ahead of
	# it, then send more data on the connection.
	cat >"$T/oow.py" <<'PY'
import logging, socket, sys, time
logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import AsyncSniffer, IP, TCP, Raw, send
port = int(sys.argv[1])
sn = AsyncSniffer(iface="eth0", store=True,
                  lfilter=lambda p: TCP in p and p[TCP].dport == port)
sn.start()
time.sleep(2)
s = socket.create_connection(("10.1.1.2", port), timeout=10)
s.sendall(b"before\n")
time.sleep(2)
pkts = sn.stop()
t = [p for p in pkts if p[IP].src == "10.1.1.1"][-1][TCP]
nxt = (t.seq + len(t.payload)) & 0xffffffff
seq = (nxt + 0x20000000) & 0xffffffff
print("next seq %d, ack %d: injecting seq %d" % (nxt, t.ack, seq), flush=True)
send(IP(src="10.1.1.1", dst="10.1.1.2", tos=0x20) /
     TCP(sport=t.sport, dport=port, flags="PA", seq=seq, ack=t.ack,
         window=t.window) / Raw(b"out of window\n"), count=2, verbose=0)
time.sleep(1)
s.sendall(b"after\n")
time.sleep(1)
s.close()
print("done", flush=True)
PY
	next_port
	nsx 2 timeout 90 nc -l 10.1.1.2 "$_port" >"$T/oow.srv" 2>&1 &
	wait_for 90 sh -c "ip netns exec ns2 ss -Hltn | grep -q ':$_port '"
	check "an established connection with out-of-window segments injected" \
		sh -c "ip netns exec ns1 timeout 150 python3 '$T/oow.py' $_port \
			>'$T/oow.out' 2>&1 && grep -qx done '$T/oow.out' ||
			{ cat '$T/oow.out'; false; }"
	info "$(head -n 1 "$T/oow.out")"
	sleep 1
	of_sync
	n=$(of_npackets "table=1 +inv+trk")
	check "no segment was +inv ($n)" [ "$n" -eq 0 ]
	n=$(of_npackets "table=1 nw_tos=32 +est+trk")
	check "both out-of-window segments were +est ($n)" [ "$n" -eq 2 ]
	check "the connection carried data before and after them" \
		sh -c "grep -qx before '$T/oow.srv' && grep -qx after '$T/oow.srv'"
fi

check_vswitchd_log
done_testing
