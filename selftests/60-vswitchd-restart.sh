#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# ovs-vswitchd restart with live traffic.  The datapath, its cached flows
# and the conntrack entries live in the kernel: while ovs-vswitchd is dead
# (kill -9) established traffic keeps flowing on the cached flows; after it
# restarts (and the OpenFlow rules are reinstalled, as a controller would,
# with an "established only" policy) the same TCP connection and the same
# ping continue, so conntrack state survived; graceful "ovs-appctl exit"
# without --cleanup keeps the datapath as well.

. "$(dirname "$0")/lib.sh"

# Only established traffic may pass: proves state learnt before the restart.
est_only_flows() {
	cat <<'FLOWS'
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
FLOWS
}

# replies_since EPOCH: ping replies in $T/ping.out stamped after EPOCH.
replies_since() {
	awk -v t="$1" -F'[][]' '/bytes from/ && $2 + 0 > t { n++ } END { print n + 0 }' \
		"$T/ping.out"
}

# tcp_say WHO WORD: send WORD on the long-lived connection (WHO: cli|srv)
# and wait for the other end to print it.
tcp_say() {
	if [ "$1" = cli ]; then
		echo "$2" >&3
		wait_for 15 grep -qx "$2" "$T/srv.out"
	else
		echo "$2" >&4
		wait_for 15 grep -qx "$2" "$T/cli.out"
	fi
}

now() {
	date +%s.%N
}

ovs_start
ovs_add_br br0
ns_add 1
ns_add 2
fw_flows 1 | of_flows && ok "install the zone-1 firewall flows" ||
	{ not_ok "install the zone-1 firewall flows"; done_testing; }
check "ICMP ns1 -> ns2 before the restart" ping_ok 1 10.1.1.2

# A long-lived TCP connection, each side's stdin a FIFO we hold open.
mkfifo "$T/cli.in" "$T/srv.in"
nsx 2 nc -l 10.1.1.2 5001 <"$T/srv.in" >"$T/srv.out" 2>&1 &
exec 4>"$T/srv.in"
wait_for 10 sh -c "ip netns exec ns2 ss -Hltn | grep -q ':5001 '"
nsx 1 nc 10.1.1.2 5001 <"$T/cli.in" >"$T/cli.out" 2>&1 &
exec 3>"$T/cli.in"
check "long-lived TCP: ns1 -> ns2 data" tcp_say cli one
check "long-lived TCP: ns2 -> ns1 data" tcp_say srv ONE
sport=$(nsx 1 ss -Htn state established "dport = :5001" |
	awk '{ split($3, a, ":"); print a[length(a)] }')
check "conntrack zone 1 holds the TCP connection (sport $sport)" \
	sh -c "ovs-appctl dpctl/dump-conntrack zone=1 |
		grep -q 'sport=$sport,dport=5001'"

nsx 1 ping -D -i 0.2 -W 1 10.1.1.2 >"$T/ping.out" 2>&1 &
ping_pid=$!
sleep 2
dp_ifindex=$(cat /sys/class/net/ovs-system/ifindex)

for how in kill exit; do
	t0=$(now)
	if [ "$how" = kill ]; then
		kill -9 "$(cat "$OVS_RUNDIR/ovs-vswitchd.pid")"
	else
		ovs-appctl -t ovs-vswitchd exit
	fi
	pid=$(cat "$OVS_RUNDIR/ovs-vswitchd.pid" 2>/dev/null)
	wait_for 20 sh -c "! kill -0 $pid 2>/dev/null ||
		grep -q '^State:.*Z' /proc/$pid/status"
	rm -f "$OVS_RUNDIR/ovs-vswitchd.pid"
	check "[$how] datapath ovs-system survives ovs-vswitchd's end" \
		[ -e /sys/class/net/ovs-system ]
	if [ "$how" = kill ]; then
		sleep 3
		n=$(replies_since "$t0")
		check "[$how] cached datapath flows keep the ping going ($n replies)" \
			[ "$n" -ge 5 ]
	fi

	ovs_start_vswitchd
	check "[$how] ovs-vswitchd is back" ovs-appctl -t ovs-vswitchd version
	check "[$how] it reuses the same datapath" \
		[ "$(cat /sys/class/net/ovs-system/ifindex)" = "$dp_ifindex" ]
	ovs-vsctl --timeout=60 wait-until Interface p2 ofport=2
	est_only_flows | of_flows
	t1=$(now)
	check "[$how] the TCP connection carries data ns1 -> ns2" \
		tcp_say cli "two-$how"
	check "[$how] the TCP connection carries data ns2 -> ns1" \
		tcp_say srv "TWO-$how"
	sleep 2
	n=$(replies_since "$t1")
	check "[$how] the running ping is answered again ($n replies)" \
		[ "$n" -ge 5 ]
	check_fail "[$how] a new connection is refused by the est-only policy" \
		tcp_ok 1 2 10.1.1.2
	check "[$how] conntrack still holds the TCP connection" \
		sh -c "ovs-appctl dpctl/dump-conntrack zone=1 |
			grep -q 'sport=$sport,dport=5001'"
done

fw_flows 1 | of_flows
check "new connections work again with the full policy" tcp_ok 1 2 10.1.1.2
kill "$ping_pid" 2>/dev/null
exec 3>&- 4>&-

check_vswitchd_log
done_testing
