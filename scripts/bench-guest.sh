#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# In-guest side of "make bench" (scripts/bench.sh boots the guest with
# OVS_MODULE=none and runs this).  One guest boot measures the kernel's own
# openvswitch.ko and ours alternately, round after round (in-tree, ours,
# bridge, in-tree, ours, bridge, ...), so that both modules see the same
# kernel, the same userspace and the same host load; only the ratio of the
# two is meaningful under TCG.  "bridge" is the same firewall policy as
# iptables rules on a Linux bridge (br_netfilter), for the rule-scaling
# comparison only.
#
# Every slot (one module in one round) runs every measurement once:
#   iperf_fw      iperf3 TCP through the stateful firewall (ct in zone 1,
#                 recirculation, commit of +new)
#   iperf_snat    iperf3 TCP through SNAT (ct(nat) in zone 2)
#   crr           short TCP connections per second (ab, HTTP/1.0, one
#                 request per connection, nginx) through the firewall
#   rules_tput N  iperf3 through the firewall with N allow rules
#   rules_crr N   connections per second with N allow rules
#   pg_est K      pktgen into a veth whose peer is a datapath port, K
#                 distinct UDP 5-tuples committed first (pg_new K: the
#                 commit pass itself), measured as the reply direction of
#                 those connections: every packet is +est
#   conn_tput K   iperf3 through the firewall with K tracked connections
#   conn_mem K    slab bytes per tracked connection
#   upcall        upcalls handled per second: pktgen packets with a new
#                 source MAC each, a flow table that makes the MAC part of
#                 every megaflow
#
# Results go to $GUEST_OUT/results.txt as lines
#   res TEST PARAM VARIANT ROUND VALUE UNIT [key=value...]
#   meta KEY VALUE...
# and raw tool output to $GUEST_OUT/raw/.  scripts/bench-report.py turns
# them into Documentation/performance.rst.
#
# Environment: BENCH_QUICK=1 (2 rounds, shorter runs, smaller sizes),
# BENCH_ROUNDS, BENCH_TESTS (space-separated subset of: iperf crr rules
# pktgen upcall), BENCH_SECS (seconds per measurement), BENCH_RULES,
# BENCH_PG_SIZES, BENCH_CONN_SIZES (the sizes, space-separated).

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
OUT=${GUEST_OUT:?run me through scripts/bench.sh}
RES=$OUT/results.txt
RAW=$OUT/raw
mkdir -p "$RAW"

QUICK=${BENCH_QUICK:-0}
[ "$QUICK" = 0 ] && QUICK=
if [ -n "$QUICK" ]; then
	ROUNDS=${BENCH_ROUNDS:-2}
	SECS=${BENCH_SECS:-2}
	RULES="1 100 1000"
	PG_SIZES="1 10000 100000"
	CONN_SIZES="1000 100000"
else
	ROUNDS=${BENCH_ROUNDS:-5}
	SECS=${BENCH_SECS:-3}
	RULES="1 100 1000 10000"
	PG_SIZES="1 10000 100000 1000000"
	CONN_SIZES="1000 100000 1000000"
fi
RULES=${BENCH_RULES:-$RULES}
PG_SIZES=${BENCH_PG_SIZES:-$PG_SIZES}
CONN_SIZES=${BENCH_CONN_SIZES:-$CONN_SIZES}
TESTS=${BENCH_TESTS:-iperf crr rules pktgen upcall}

# res TEST PARAM VALUE UNIT [key=value...]: one figure of the current slot,
# with the host CPU share of the last cpu_begin/cpu_end window.
res() {
	_t=$1 _p=$2
	shift 2
	echo "res $_t $_p $variant $round $* ${busy:+busy=$busy hload=$hload}" >>"$RES"
}

# cpu_begin / cpu_end: around a measurement; cpu_end sets $busy, the host
# CPU seconds the QEMU process used per second of host time (bench.sh's
# sampler; empty without it), and $hload, the host load at the end.
cpu_read() {
	cat "$OUT/cpu.txt" 2>/dev/null
}
cpu_begin() {
	_cpu0=$(cpu_read)
	busy= hload=
}
cpu_end() {
	_cpu1=$(cpu_read)
	busy= hload=
	[ -n "$_cpu0" ] && [ -n "$_cpu1" ] || return 0
	set -- $_cpu0 $_cpu1
	busy=$(awk -v w0="$1" -v c0="$2" -v w1="$4" -v c1="$5" \
		'BEGIN { if (w1 - w0 >= 0.5) printf "%.3f", (c1 - c0) / (w1 - w0) }')
	hload=$6
}
meta() {
	echo "meta $*" >>"$RES"
}
log() {
	echo "bench: $(cut -d' ' -f1 /proc/uptime)s $*"
}
has_test() {
	case " $TESTS " in *" $1 "*) return 0 ;; esac
	return 1
}

# ---------------------------------------------------------------------------
# The two modules.  Ours is the copy bench.sh put in the run directory (a
# rebuild on the host during the run must not change what is measured).
OURS_KO=/tmp/bench-ours.ko
cp "$OUT/openvswitch.ko" "$OURS_KO" || { echo "bench: no module copy"; exit 1; }
INTREE_KO=$(ls "/lib/modules/$(uname -r)/kernel/net/openvswitch/"openvswitch.ko* |
	head -n1)

build_id_file() {
	case "$1" in
	*.xz) xz -dc "$1" >/tmp/bid.ko ;;
	*.zst) zstd -qdc "$1" >/tmp/bid.ko ;;
	*) cp "$1" /tmp/bid.ko ;;
	esac
	readelf -n /tmp/bid.ko 2>/dev/null | sed -n 's/.*Build ID: *//p' | head -n1
	rm -f /tmp/bid.ko
}
build_id_loaded() {
	od -An -tx1 -v -j16 /sys/module/openvswitch/notes/.note.gnu.build-id \
		2>/dev/null | tr -d ' \n'
}
BID_INTREE=$(build_id_file "$INTREE_KO")
BID_OURS=$(build_id_file "$OURS_KO")

# load_module intree|ours: load it and prove it is the one loaded, the way
# scripts/guest-stage2.sh does: GNU build ID of the loaded image against the
# file's, and the out-of-tree taint.
load_module() {
	if [ -d /sys/module/openvswitch ]; then
		echo "bench: an openvswitch module is still loaded"
		return 1
	fi
	case $1 in
	intree)
		modprobe openvswitch || return 1
		want=$BID_INTREE
		;;
	ours)
		for d in $(modinfo -F depends "$OURS_KO" | tr , ' '); do
			modprobe "$d" || return 1
		done
		insmod "$OURS_KO" || return 1
		want=$BID_OURS
		;;
	esac
	have=$(build_id_loaded)
	taint=$(cat /sys/module/openvswitch/taint)
	case $taint in *O*) kind=ours ;; *) kind=intree ;; esac
	if [ -z "$want" ] || [ "$have" != "$want" ] || [ "$kind" != "$1" ]; then
		echo "bench: FATAL: loaded openvswitch (build-id $have, taint" \
			"'$taint') is not the $1 module ($want)"
		return 1
	fi
	modprobe nf_conntrack_netlink
	return 0
}

unload_module() {
	ovs-appctl -t ovs-vswitchd exit --cleanup >/dev/null 2>&1
	pid=$(cat "$OVS_RUNDIR/ovs-vswitchd.pid" 2>/dev/null)
	[ -z "$pid" ] || wait_for 30 sh -c "! kill -0 $pid 2>/dev/null" ||
		kill -9 "$pid" 2>/dev/null
	ovs-dpctl del-dp ovs-system >/dev/null 2>&1
	i=0
	while [ -d /sys/module/openvswitch ]; do
		rmmod openvswitch 2>/dev/null && break
		i=$((i + 1))
		[ $i -lt 50 ] || { echo "bench: cannot unload openvswitch"; return 1; }
		sleep 0.2
	done
	return 0
}

# ---------------------------------------------------------------------------
# Bring the in-tree module up first: selftests/lib.sh wants one loaded.
modprobe nf_conntrack
# pktgen fills the veth peer's backlog faster than the datapath drains it:
# room for all of it, so that a warm-up commits every connection at once.
sysctl -qw net.core.netdev_max_backlog=1000000
# Room for a million connections plus the ones the TCP tests leave behind.
echo 1048576 >/sys/module/nf_conntrack/parameters/hashsize
sysctl -qw net.netfilter.nf_conntrack_max=2000000
load_module intree || exit 1
LIB_NO_TAP=1
. "$top/selftests/lib.sh"
require_cmd iperf3 ab nginx

conntrack_timeouts() {
	# UDP entries committed by the pktgen warm-up must outlive the run.
	for t in udp_timeout udp_timeout_stream icmp_timeout; do
		sysctl -qw "net.netfilter.nf_conntrack_$t=3600"
	done
}
conntrack_timeouts

meta kernel "$(uname -r)"
meta ovs "$(ovs-vswitchd --version | head -n1)"
meta date "$(date -u +%Y-%m-%dT%H:%MZ)"
meta cpus "$(nproc)"
meta mem_kb "$(sed -n 's/^MemTotal: *\([0-9]*\).*/\1/p' /proc/meminfo)"
meta rounds "$ROUNDS"
meta secs "$SECS"
meta quick "${QUICK:-0}"
meta module intree "$INTREE_KO" "build-id=$BID_INTREE"
meta module ours "$OUT/openvswitch.ko" "build-id=$BID_OURS" \
	"srcversion=$(modinfo -F srcversion "$OURS_KO")"
meta iperf3 "$(iperf3 --version | head -n1)"
meta ab "$(ab -V | head -n1)"
meta nginx "$(nginx -v 2>&1)"
meta iptables "$(iptables-legacy --version)"

log "setup: OVS"
ovs_start
ovs_add_br br0 || exit 1
log "setup: namespaces and servers"
ns_add 1 && ns_add 2 || exit 1
for n in 1 2; do
	ip -n "ns$n" link set eth0 address "02:00:00:00:00:0$n"
	# Many short connections from one client.
	ip netns exec "ns$n" sysctl -qw net.ipv4.tcp_tw_reuse=1 \
		net.ipv4.ip_local_port_range="1024 65535"
done
# SNAT: the translated source is answered with ns1's MAC.
ip -n ns2 neigh replace 10.1.1.101 lladdr 02:00:00:00:00:01 dev eth0 nud permanent

# pktgen's port: it transmits on pg0, whose peer pgp is datapath port 10.
# The datapath forwards to port 11 (pgs), whose peer stays down: output is
# a cheap drop, so that what is measured is the datapath.
ip link add pg0 type veth peer name pgp
ip link add pgs type veth peer name pgsx
for d in pg0 pgp pgs pgsx; do
	sysctl -qw "net.ipv6.conf.$d.disable_ipv6=1"
done
ip link set pg0 up
ip link set pgp up
ip link set pgs up
ovs-vsctl --timeout=60 add-port br0 pgp -- set Interface pgp ofport_request=10 \
	-- add-port br0 pgs -- set Interface pgs ofport_request=11 || exit 1

# Servers in ns2, kept for the whole run (they do not care which datapath
# or bridge carries their traffic).
nsx 2 iperf3 -s -D -B 10.1.1.2 -p 5201 --logfile "$T/iperf3-srv.log" || exit 1
mkdir -p "$T/nginx"
cat >"$T/nginx/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $T/nginx;
	proxy_temp_path $T/nginx;
	fastcgi_temp_path $T/nginx;
	uwsgi_temp_path $T/nginx;
	scgi_temp_path $T/nginx;
	server {
		listen 10.1.1.2:8080 backlog=4096;
		location / { return 200 "ok\n"; }
	}
}
EOF
nsx 2 nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" ||
	{ cat "$T/nginx/error.log"; exit 1; }
wait_for 10 sh -c "ip netns exec ns2 ss -Hltn | grep -q ':8080 '" || exit 1

# ---------------------------------------------------------------------------
# Flow tables.

# fw_table [N]: the stateful firewall of selftests/lib.sh's fw_flows in
# zone 1 (IPv4), with N allow rules for ns1 -> ns2 new connections: N-1
# that the traffic never matches (one TCP port each, as a security group
# lists them) and the general one; plus pktgen's ports 10 -> 11, which may
# open connections.
fw_table() {
	n=${1:-1}
	{
		cat <<'FLOWS'
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=90,in_port=2,ip,ct_state=+trk+new actions=drop
table=1,priority=100,in_port=10,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:11
table=1,priority=100,in_port=10,ip,ct_state=+trk+est actions=output:11
table=1,priority=0 actions=drop
FLOWS
		i=1
		while [ $i -lt "$n" ]; do
			echo "table=1,priority=110,in_port=1,tcp,nw_src=10.1.1.1,nw_dst=10.1.1.2,tp_dst=$((30000 + i)),ct_state=+trk+new actions=ct(commit,zone=1),output:2"
			i=$((i + 1))
		done
	} >"$T/flows.txt"
	ovs-ofctl -O OpenFlow13 del-flows br0 2>>"$T/ofctl.err" &&
		ovs-ofctl -O OpenFlow13 add-flows br0 "$T/flows.txt" 2>>"$T/ofctl.err" &&
		[ "$(ovs-ofctl -O OpenFlow13 dump-aggregate br0 2>>"$T/ofctl.err" |
			sed -n 's/.*flow_count=\([0-9]*\).*/\1/p')" -eq $((n + 9)) ]
}

# snat_table: ns1's connections to ns2 leave with source 10.1.1.101.
snat_table() {
	of_flows <<'FLOWS'
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,in_port=1,ip actions=ct(table=1,zone=2,nat)
table=0,priority=50,in_port=2,ip actions=ct(table=1,zone=2,nat)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=2,nat(src=10.1.1.101)),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
FLOWS
}

# upcall_table: the firewall for pktgen's port, behind a flow on one source
# MAC: every megaflow then matches the whole source MAC, and a packet with
# a source MAC not seen before is an upcall.
upcall_table() {
	of_flows <<'FLOWS'
table=0,priority=200,in_port=10,dl_src=02:ff:00:00:00:00 actions=drop
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=10,ip,ct_state=+trk+new actions=ct(commit,zone=1),output:11
table=1,priority=100,in_port=10,ip,ct_state=+trk+est actions=output:11
table=1,priority=0 actions=drop
FLOWS
}

flush_ct() {
	conntrack -F >/dev/null 2>&1
	# Entries on their way out (flush is synchronous, but be sure).
	wait_for 20 sh -c '[ "$(cat /proc/sys/net/netfilter/nf_conntrack_count)" -lt 10 ]'
}

# ---------------------------------------------------------------------------
# Measurements.  Each prints its figure; a failed run records nothing.
# $slot names the raw output files.

# iperf TAG: iperf3 ns1 -> ns2 for $SECS seconds; $val: Mbit/s at the
# receiver.
iperf() {
	f=$RAW/$slot-$1.iperf
	cpu_begin
	nsx 1 timeout $((SECS + 30)) iperf3 -c 10.1.1.2 -p 5201 -t "$SECS" -O 1 \
		-f m >"$f" 2>&1 || return 1
	cpu_end
	val=$(awk '/receiver/ { for (i = 1; i < NF; i++) if ($(i + 1) == "Mbits/sec") v = $i }
		END { if (v == "") exit 1; print v }' "$f")
}

# crr TAG: $val: connections per second, one HTTP/1.0 request each, 8 at
# a time.
crr() {
	f=$RAW/$slot-$1.ab
	cpu_begin
	nsx 1 timeout $((SECS + 30)) ab -q -r -c 8 -t "$SECS" -n 10000000 \
		http://10.1.1.2:8080/ >"$f" 2>&1 || return 1
	cpu_end
	fails=$(sed -n 's/^Failed requests: *\([0-9]*\).*/\1/p' "$f")
	done_n=$(sed -n 's/^Complete requests: *\([0-9]*\).*/\1/p' "$f")
	[ -n "$done_n" ] && [ "$done_n" -gt 0 ] || return 1
	# More than 1% failures: not a measurement of the firewall.
	[ $((${fails:-0} * 100)) -le "$done_n" ] || return 1
	val=$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$f")
	[ -n "$val" ]
}

# dp_lookups: hit+missed+lost of the datapath.
dp_stats() {
	ovs-dpctl show 2>/dev/null | sed -n \
		's/.*lookups: hit:\([0-9]*\) missed:\([0-9]*\) lost:\([0-9]*\).*/\1 \2 \3/p'
}

ip4() {
	printf '%d.%d.%d.%d' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) \
		$(($1 >> 8 & 255)) $(($1 & 255))
}

PG=/proc/net/pktgen
pgset() {
	echo "$1" >"$PG/pg0" || { echo "bench: pktgen rejected '$1'"; return 1; }
}

# pg_setup SRC_FIRST SRC_LAST DST_FIRST DST_LAST SPORT DPORT COUNT [MACS]
pg_setup() {
	echo rem_device_all >"$PG/kpktgend_0"
	echo add_device pg0 >"$PG/kpktgend_0"
	pgset "clone_skb 0" && pgset "pkt_size 64" && pgset "burst 1" &&
	pgset "delay 0" && pgset "count $7" &&
	pgset "dst_mac 02:00:00:00:00:99" &&
	pgset "src_min $(ip4 "$1")" && pgset "src_max $(ip4 "$2")" &&
	pgset "dst_min $(ip4 "$3")" && pgset "dst_max $(ip4 "$4")" &&
	pgset "udp_src_min $5" && pgset "udp_src_max $5" &&
	pgset "udp_dst_min $6" && pgset "udp_dst_max $6" &&
	pgset "src_mac_count ${8:-0}" && pgset "src_mac 02:10:00:00:00:00"
}

# pg_run SECONDS: run pktgen (0: until COUNT is sent), leave its figures in
# $pg_usec $pg_sent, and the datapath's lookups in $dp_n $dp_missed $dp_lost.
pg_run() {
	set -- "$1" $(dp_stats)
	echo start >"$PG/pgctrl" &
	pgpid=$!
	if [ "$1" -gt 0 ]; then
		sleep "$1"
		echo stop >"$PG/pgctrl"
	fi
	wait "$pgpid"
	sleep 0.3
	set -- "$@" $(dp_stats)
	dp_n=$(($5 + $6 - $2 - $3))
	dp_missed=$(($6 - $3))
	dp_lost=$(($7 - $4))
	_pgr=$(sed -n 's/.*Result: OK: \([0-9]*\)(.*usec, \([0-9]*\) (.*/\1 \2/p' "$PG/pg0")
	pg_usec=${_pgr% *}
	pg_sent=${_pgr#* }
	[ -n "$_pgr" ] && [ "$pg_usec" -gt 0 ]
}

ct_count() {
	cat /proc/sys/net/netfilter/nf_conntrack_count
}

# slab_bytes: bytes in use in the nf_conntrack cache and in all caches.
slab_bytes() {
	awk 'NR > 2 { b = $2 * $4; all += b; if ($1 == "nf_conntrack") ct += b }
		END { printf "%d %d\n", ct, all }' /proc/slabinfo
}

# pg_warm K PREV: commit UDP connections 10.4.0.(PREV+1) .. 10.4.0.K (as
# numbers counted from 10.4.0.0) -> 10.3.0.1:1000->2000, on top of the PREV
# already committed.  Records pg_new (commit rate) and conn_mem (slab bytes
# per connection added); fails unless all K - PREV are there.
pg_warm() {
	_prev=$2
	# TCP entries of earlier measurements would expire during the pass
	# and spoil the count.
	conntrack -D -p tcp >/dev/null 2>&1
	set -- $(($1 - $2)) $(slab_bytes) "$(ct_count)"
	pg_setup $((0x0a040001 + _prev)) $((0x0a040000 + _prev + $1)) $((0x0a030001)) \
		$((0x0a030001)) 1000 2000 "$1" || return 1
	cpu_begin
	pg_run 0 || return 1
	cpu_end
	# Packets the backlog dropped left gaps: send the range again (the
	# commit rate recorded is the first pass's).
	pass_n=$dp_n pass_usec=$pg_usec pass_sent=$pg_sent
	pass=1
	while [ $(($(ct_count) - $4)) -lt "$1" ] && [ $pass -lt 4 ]; do
		pg_run 0 || return 1
		pass=$((pass + 1))
	done
	dp_n=$pass_n pg_usec=$pass_usec pg_sent=$pass_sent
	have=$(ct_count)
	set -- "$@" $(slab_bytes)
	n=$((have - $4))
	if [ "$n" -lt "$1" ]; then
		echo "bench: warm-up committed $n of $1 connections"
		return 1
	fi
	res pg_new "$((_prev + $1))" \
		"$(awk -v n="$dp_n" -v u="$pg_usec" 'BEGIN { printf "%.0f", n / 2 / u * 1e6 }')" pps \
		"sent=$pg_sent" "usec=$pg_usec" "passes=$pass"
	busy=
	[ $((_prev + $1)) -lt 1000 ] || res conn_mem "$((_prev + $1))" \
		"$(awk -v d="$(($5 - $2))" -v n="$n" 'BEGIN { printf "%.1f", d / n }')" \
		B/conn "all_slab=$(awk -v d="$(($6 - $3))" -v n="$n" 'BEGIN { printf "%.1f", d / n }')" \
		"conns=$n"
	return 0
}

# pg_est K: the reply direction of the K warmed connections for $SECS s.
pg_est() {
	pg_setup $((0x0a030001)) $((0x0a030001)) $((0x0a040001)) \
		$((0x0a040000 + $1)) 2000 1000 0 || return 1
	cpu_begin
	pg_run "$SECS" || return 1
	cpu_end
	pps=$(awk -v n="$dp_n" -v u="$pg_usec" 'BEGIN { printf "%.0f", n / 2 / u * 1e6 }')
	res pg_est "$1" "$pps" pps \
		"sent=$pg_sent" "usec=$pg_usec" "dp_lookups=$dp_n" "missed=$dp_missed" \
		"lost=$dp_lost" "ns_per_pkt=$(awk -v p="$pps" 'BEGIN { printf "%.0f", 1e9 / p }')"
}

# ---------------------------------------------------------------------------
run_iperf() {
	fw_table 1 || return 1
	flush_ct
	iperf fw && res iperf_fw - "$val" Mbit/s
	snat_table || return 1
	flush_ct
	iperf snat && res iperf_snat - "$val" Mbit/s
	# The SNAT connection must really have been translated.
	grep -q 'src=10.1.1.2 dst=10.1.1.101' /proc/net/nf_conntrack 2>/dev/null ||
		conntrack -L 2>/dev/null | grep -q 'dst=10.1.1.101' ||
		meta warning "$slot: no SNAT entry seen after iperf_snat"
}

run_crr() {
	fw_table 1 || return 1
	flush_ct
	# Warm the megaflows (first connections are upcalls).
	nsx 1 ab -q -n 20 -c 2 http://10.1.1.2:8080/ >/dev/null 2>&1
	flush_ct
	crr crr && res crr - "$val" conn/s
}

run_rules() {
	for n in $RULES; do
		log "$slot: $n rules"
		if [ "$variant" = bridge ]; then
			ipt_table "$n" || { meta warning "$slot: iptables $n failed"; continue; }
		else
			fw_table "$n" || { meta warning "$slot: $n flows failed"; continue; }
		fi
		flush_ct
		nsx 1 ab -q -n 20 -c 2 http://10.1.1.2:8080/ >/dev/null 2>&1
		flush_ct
		iperf "rules$n" && res rules_tput "$n" "$val" Mbit/s
		flush_ct
		crr "rules$n" && res rules_crr "$n" "$val" conn/s
	done
}

run_pktgen() {
	fw_table 1 || return 1
	# The table grows from one size to the next: each warm-up commits only
	# the connections the next size adds.
	flush_ct
	prev=0
	for k in $(echo $PG_SIZES $CONN_SIZES | tr ' ' '\n' | sort -nu); do
		log "$slot: $k connections"
		pg_warm "$k" "$prev" || { meta warning "$slot: warm-up of $k failed"; break; }
		prev=$k
		case " $PG_SIZES " in *" $k "*) pg_est "$k" ;; esac
		case " $CONN_SIZES " in *" $k "*)
			iperf "conn$k" && res conn_tput "$k" "$val" Mbit/s
			;;
		esac
	done
	flush_ct
}

run_upcall() {
	upcall_table || return 1
	flush_ct
	ovs-dpctl del-flows ovs-system 2>/dev/null
	# One source MAC per packet for the whole run, offered at 10 kpps at most.
	pg_setup $((0x0a050001)) $((0x0a050001)) $((0x0a030001)) $((0x0a030001)) \
		1000 2000 0 100000000 || return 1
	pgset "delay 100000" || return 1
	cpu_begin
	pg_run "$SECS" || return 1
	cpu_end
	res upcall - \
		"$(awk -v m="$dp_missed" -v l="$dp_lost" -v u="$pg_usec" \
			'BEGIN { printf "%.0f", (m - l) / u * 1e6 }')" upcalls/s \
		"offered=$pg_sent" "usec=$pg_usec" "missed=$dp_missed" "lost=$dp_lost"
	ovs-appctl upcall/show >"$RAW/$slot-upcall-show.txt" 2>&1
	ovs-dpctl del-flows ovs-system 2>/dev/null
}

# --- the Linux bridge with iptables ------------------------------------------

# ipt_table N: the same policy as fw_table N as iptables rules (legacy
# iptables: a linear rule list, as the seeds' comparison has it).
ipt_table() {
	n=$1
	{
		echo '*filter'
		echo ':INPUT ACCEPT [0:0]'
		echo ':FORWARD DROP [0:0]'
		echo ':OUTPUT ACCEPT [0:0]'
		echo '-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'
		i=1
		while [ $i -lt "$n" ]; do
			echo "-A FORWARD -s 10.1.1.1/32 -d 10.1.1.2/32 -p tcp -m tcp --dport $((30000 + i)) -m conntrack --ctstate NEW -j ACCEPT"
			i=$((i + 1))
		done
		echo '-A FORWARD -s 10.1.1.1/32 -d 10.1.1.2/32 -m conntrack --ctstate NEW -j ACCEPT'
		echo 'COMMIT'
	} >"$T/ipt.txt"
	iptables-legacy-restore <"$T/ipt.txt" &&
		[ "$(iptables-legacy -S FORWARD | grep -c '^-A')" -eq $((n + 1)) ]
}

bridge_up() {
	modprobe br_netfilter || return 1
	sysctl -qw net.bridge.bridge-nf-call-iptables=1
	ip link add lbr0 type bridge || return 1
	ip link set p1 master lbr0 && ip link set p2 master lbr0 &&
		ip link set lbr0 up
}

bridge_down() {
	iptables-legacy -F
	iptables-legacy -P FORWARD ACCEPT
	ip link set p1 nomaster
	ip link set p2 nomaster
	ip link del lbr0
	flush_ct
	rmmod iptable_filter xt_conntrack xt_tcp br_netfilter 2>/dev/null
	return 0
}

# ---------------------------------------------------------------------------
KERNEL_WARN_SEEN=0
check_dmesg() {
	if dmesg | tail -n "+$((_dmesg_start + 1))" | grep -Eq "$KERNEL_BAD"; then
		if [ "$KERNEL_WARN_SEEN" = 0 ]; then
			meta warning "kernel warning/oops during $1 (see raw/dmesg.txt)"
			dmesg >"$RAW/dmesg.txt"
		fi
		KERNEL_WARN_SEEN=1
	fi
}

# vswitchd_errors SLOT LINE: datapath errors ovs-vswitchd logged since line
# LINE of its log (the datapath refusing a flow would make the figures
# those of the slow path).  The upcall flood's flow limit and lost upcalls
# are expected.
vswitchd_errors() {
	_log=$OVS_LOGDIR/ovs-vswitchd.log
	tail -n "+$(($2 + 1))" "$_log" | grep -E '\|(WARN|ERR|EMER)\|' | grep -E \
	  '\|(dpif[a-z_]*|netlink[a-z_]*|odp_util|ofproto_dpif|ofproto_dpif_upcall|conntrack|ct_dpif)(\([a-z0-9_]+\))?\||failed to (put|execute|flow)' |
		grep -v -e 'Unreasonably long' -e 'left allocated when ofproto' \
			-e 'reached the dynamic limit' -e 'lost packet on handler' \
		>"$RAW/$1-vswitchd-errors.txt"
	if [ -s "$RAW/$1-vswitchd-errors.txt" ]; then
		meta warning "$1: ovs-vswitchd logged $(wc -l <"$RAW/$1-vswitchd-errors.txt")" \
			"datapath errors (raw/$1-vswitchd-errors.txt)"
	else
		rm -f "$RAW/$1-vswitchd-errors.txt"
	fi
}

run_slot() {
	variant=$1
	round=$2
	slot=r$round-$variant
	log "slot $slot"
	start=$(date +%s)
	if [ "$variant" = bridge ]; then
		# p1 and p2 leave the datapath for the Linux bridge.
		unload_module || exit 1
		loaded=none
		bridge_up || { meta warning "$slot: bridge setup failed"; bridge_down; return 0; }
		nsx 1 ping -c 1 -W 5 -q 10.1.1.2 >/dev/null ||
			meta warning "$slot: ns1 cannot reach ns2 over the bridge"
		has_test rules && run_rules
		bridge_down
	else
		if [ "$variant" != "$loaded" ]; then
			unload_module || exit 1
			load_module "$variant" || exit 1
			loaded=$variant
			conntrack_timeouts
			ovs_start_vswitchd || { echo "bench: vswitchd did not start"; exit 1; }
			wait_for 60 sh -c 'ovs-ofctl show br0 | grep -q "(pgs)"' ||
				{ echo "bench: br0 did not come back"; exit 1; }
		fi
		logline=$(wc -l <"$OVS_LOGDIR/ovs-vswitchd.log")
		fw_table 1 && nsx 1 ping -c 1 -W 5 -q 10.1.1.2 >/dev/null ||
			meta warning "$slot: ns1 cannot reach ns2"
		has_test iperf && run_iperf
		has_test crr && run_crr
		has_test rules && run_rules
		has_test pktgen && run_pktgen
		has_test upcall && run_upcall
		ovs-appctl dpctl/show -s >"$RAW/$slot-dpctl-show.txt" 2>&1
		vswitchd_errors "$slot" "$logline"
	fi
	check_dmesg "$slot"
	meta slot "$slot" "$(($(date +%s) - start))s"
}

modprobe pktgen || exit 1
loaded=intree
log "rounds=$ROUNDS secs=$SECS tests='$TESTS'"
bench_round=1
while [ $bench_round -le "$ROUNDS" ]; do
	run_slot intree $bench_round
	run_slot ours $bench_round
	has_test rules && run_slot bridge $bench_round
	bench_round=$((bench_round + 1))
done
unload_module
meta end "$(date -u +%Y-%m-%dT%H:%MZ)"
log "done"
exit 0
