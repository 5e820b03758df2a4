# SPDX-License-Identifier: GPL-2.0-only
#
# Shared helpers for the datapath selftests.  Sourced by every
# selftests/*.sh; runs inside the test guest (scripts/guest-run.sh), as root,
# with an openvswitch module already loaded.
#
# Each test: sources this file, calls ovs_start, builds a topology with
# ovs_add_br / ns_add, installs flows with of_flows, asserts with check /
# check_fail / ok / not_ok, and ends with "done_testing" (TAP plan, exit
# status 0 = all passed, 1 = a failure, 4 = skipped).  Cleanup runs on exit.
#
# Topology used throughout: bridge br0 (datapath_type=system,
# fail-mode=secure); namespace nsN holds veth "eth0" with 10.1.1.N/24 and
# fd00::N/64; its peer "pN" is port N of br0 (OpenFlow port number N).

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C

TEST_NAME=$(basename "$0" .sh)
KSFT_SKIP=4

# OVS state lives on tmpfs: unix sockets cannot be bound on 9p.
T=$(mktemp -d "/tmp/st-$TEST_NAME.XXXXXX")
export OVS_RUNDIR=$T/ovs OVS_LOGDIR=$T/ovs OVS_DBDIR=$T/ovs OVS_SYSCONFDIR=$T/ovs
mkdir -p "$OVS_RUNDIR"
# Where logs of failed tests are kept (the host sees it when set).
LOG_OUT=${GUEST_OUT:+$GUEST_OUT/logs/$TEST_NAME}

_tap_n=0
_tap_fail=0
_namespaces=""
_diag_done=0

[ -n "${LIB_NO_TAP:-}" ] || echo "TAP version 13"

# --- TAP ---------------------------------------------------------------------

# ok DESCRIPTION / not_ok DESCRIPTION: record one result.
ok() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $*"
}

not_ok() {
	_tap_n=$((_tap_n + 1))
	_tap_fail=$((_tap_fail + 1))
	echo "not ok $_tap_n - $*"
}

# skip DESCRIPTION REASON: a skipped result (counts as passed in TAP).
skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $1 # SKIP $2"
}

# info MESSAGE: a TAP comment.
info() {
	echo "# $*"
}

# Print a file as TAP comments, at most $2 lines (default 60).
diag_file() {
	[ -s "$1" ] || return 0
	head -n "${2:-60}" "$1" | sed 's/^/#   /'
}

# check DESCRIPTION CMD...: ok when CMD succeeds; otherwise not ok with the
# command's output and the datapath state as diagnostics.
check() {
	_d=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		ok "$_d"
	else
		not_ok "$_d"
		info "command failed: $*"
		diag_file "$T/check.out"
		diag
	fi
}

# check_fail DESCRIPTION CMD...: ok when CMD fails.
check_fail() {
	_d=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		not_ok "$_d"
		info "command unexpectedly succeeded: $*"
		diag_file "$T/check.out"
		diag
	else
		ok "$_d"
	fi
}

# skip_all REASON: skip the whole test.
skip_all() {
	echo "1..0 # SKIP $*"
	exit $KSFT_SKIP
}

# Kernel reports that fail whichever test was running when they appeared.
KERNEL_BAD='WARNING:|BUG:|Oops|general protection|refcount_t:|list_(add|del) corruption|unregister_netdevice: waiting|possible circular locking|self-detected stall'
_dmesg_start=$(dmesg 2>/dev/null | wc -l)

# check_kernel_log: one result, not ok when the kernel logged a warning,
# oops or the like since this test started (the report is shown).
check_kernel_log() {
	dmesg | tail -n "+$((_dmesg_start + 1))" >"$T/dmesg.new"
	if grep -Eq "$KERNEL_BAD" "$T/dmesg.new"; then
		not_ok "no kernel warning or oops during $TEST_NAME"
		grep -E -m1 -A40 "$KERNEL_BAD" "$T/dmesg.new" >"$T/dmesg.bad"
		diag_file "$T/dmesg.bad" 40
	else
		ok "no kernel warning or oops during $TEST_NAME"
	fi
}

# done_testing: check the kernel log, print the plan and exit with the
# test's status.
done_testing() {
	check_kernel_log
	echo "1..$_tap_n"
	[ "$_tap_fail" -eq 0 ] && exit 0
	exit 1
}

# diag: dump OpenFlow tables, datapath flows and conntrack once per test.
diag() {
	[ "$_diag_done" -lt 2 ] || return 0
	_diag_done=$((_diag_done + 1))
	{
		echo "--- ovs-ofctl dump-flows br0"
		ovs-ofctl -O OpenFlow13 dump-flows br0
		echo "--- ovs-appctl dpctl/show -s"
		ovs-appctl dpctl/show -s
		echo "--- ovs-appctl dpctl/dump-flows"
		ovs-appctl dpctl/dump-flows
		echo "--- ovs-appctl dpctl/dump-conntrack"
		ovs-appctl dpctl/dump-conntrack
		echo "--- ovs-vswitchd.log (warnings)"
		grep -E '\|(WARN|ERR|EMER)\|' "$OVS_LOGDIR/ovs-vswitchd.log" |
			grep -v 'Unreasonably long' | tail -n 15
		echo "--- dmesg (tail)"
		dmesg | tail -n 15
	} >"$T/diag.out" 2>&1
	diag_file "$T/diag.out" 150
}

# --- waiting ------------------------------------------------------------------

# wait_for SECONDS CMD...: poll CMD every 0.2 s until it succeeds.
wait_for() {
	_deadline=$(($(date +%s) + $1))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$_deadline" ] || return 1
		sleep 0.2
	done
	return 0
}

# proc_alive PID: the process exists and is not a zombie.
proc_alive() {
	[ -r "/proc/$1/stat" ] || return 1
	_st=$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
	[ -n "$_st" ] && [ "$_st" != Z ]
}

# --- Open vSwitch ---------------------------------------------------------------

# ovs_start_db: create a fresh database and start ovsdb-server.
ovs_start_db() {
	ovsdb-tool create "$OVS_DBDIR/conf.db" \
		/usr/share/openvswitch/vswitch.ovsschema || return 1
	ovsdb-server "$OVS_DBDIR/conf.db" \
		--remote="punix:$OVS_RUNDIR/db.sock" \
		--pidfile --log-file --detach --no-chdir -vconsole:off \
		2>>"$T/daemons.out" || return 1
	ovs-vsctl --no-wait init
	# Keep datapath flows for a minute (default 10 s) so that assertions
	# on dpctl/dump-flows made after slow TCG traffic still see them.
	ovs-vsctl --no-wait set Open_vSwitch . other_config:max-idle=60000
}

# ovs_start_vswitchd: start ovs-vswitchd against the running ovsdb-server.
#
# OVS 3.1's count_cpu_cores() answers 0 until CLOCK_MONOTONIC passes 10 s
# (its refresh timer starts at 0), so a vswitchd started earlier in a fresh
# guest sizes its per-CPU upcall handlers for 0 CPUs and the datapath loses
# every upcall ("lookups: ... lost:N", no traffic).  Wait past that.
ovs_start_vswitchd() {
	while [ "$(cut -d. -f1 /proc/uptime)" -lt 12 ]; do
		sleep 0.5
	done
	ovs-vswitchd "unix:$OVS_RUNDIR/db.sock" \
		--pidfile --log-file --detach --no-chdir -vconsole:off \
		2>>"$T/daemons.out" || return 1
	wait_for 30 ovs-appctl -t ovs-vswitchd version
}

# ovs_start: ovsdb-server and ovs-vswitchd, both with state under $T.
# Also lengthens the conntrack timeouts of unreplied/short-lived entries so
# that TCG slowness does not expire what a test is about to look at.
ovs_start() {
	for _t in icmp_timeout icmpv6_timeout udp_timeout udp_timeout_stream; do
		sysctl -qw "net.netfilter.nf_conntrack_$_t=600" 2>/dev/null
	done
	if ! ovs_start_db || ! ovs_start_vswitchd; then
		echo "Bail out! cannot start Open vSwitch"
		diag_file "$T/daemons.out"
		diag_file "$OVS_LOGDIR/ovsdb-server.log"
		diag_file "$OVS_LOGDIR/ovs-vswitchd.log"
		exit 1
	fi
	_ovs_started=1
}

# ovs_add_br [BR]: a kernel-datapath bridge that forwards nothing until
# flows are installed.
ovs_add_br() {
	ovs-vsctl --timeout=60 add-br "${1:-br0}" \
		-- set Bridge "${1:-br0}" datapath_type=system fail-mode=secure \
		protocols=OpenFlow10,OpenFlow13,OpenFlow15
}

# ns_add N [MTU]: namespace nsN, veth eth0 <-> pN, pN = OpenFlow port N
# of br0, addresses 10.1.1.N/24 and fd00::N/64.
ns_add() {
	_ns=ns$1
	# A previous test's pair may still be on its way out (netns teardown
	# is asynchronous); deleting our end removes both at once.
	ip link del "p$1" 2>/dev/null
	ip netns add "$_ns" || return 1
	_namespaces="$_namespaces $_ns"
	ip link add "p$1" type veth peer name eth0 netns "$_ns" || return 1
	# No IPv6 chatter (router solicitations, MLD) from the bridge side.
	sysctl -qw "net.ipv6.conf.p$1.disable_ipv6=1"
	ip link set "p$1" up ${2:+mtu $2}
	ip -n "$_ns" link set lo up
	ip -n "$_ns" link set eth0 up ${2:+mtu $2}
	ip -n "$_ns" addr add "10.1.1.$1/24" dev eth0
	ip -n "$_ns" addr add "fd00::$1/64" dev eth0 nodad
	ovs-vsctl --timeout=60 add-port br0 "p$1" \
		-- set Interface "p$1" ofport_request="$1" || return 1
}

# nsx N CMD...: run CMD in namespace nsN.
nsx() {
	_ns=ns$1
	shift
	ip netns exec "$_ns" "$@"
}

# of_flows [BR]: replace all flows of BR (default br0) with those on stdin
# (ovs-ofctl syntax, one per line, OpenFlow 1.3).
of_flows() {
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' >"$T/flows.txt"
	ovs-ofctl -O OpenFlow13 replace-flows "${1:-br0}" "$T/flows.txt" || {
		info "ovs-ofctl rejected the flows:"
		diag_file "$T/flows.txt"
		return 1
	}
}

# of_add FLOW: add one flow to br0.
of_add() {
	ovs-ofctl -O OpenFlow13 add-flow br0 "$1"
}

# of_npackets MATCH: n_packets summed over br0's flows whose dump line
# contains every space-separated word of MATCH (e.g. "table=1 +inv").
of_npackets() {
	ovs-ofctl -O OpenFlow13 dump-flows br0 | awk -v m="$1" '
		BEGIN { n = split(m, w, " ") }
		{
			for (i = 1; i <= n; i++)
				if (index($0, w[i]) == 0)
					next
			if (match($0, /n_packets=[0-9]+/))
				s += substr($0, RSTART + 10, RLENGTH - 10)
		}
		END { print s + 0 }'
}

# ct_dump [ARGS]: ovs-appctl dpctl/dump-conntrack (e.g. zone=1).
ct_dump() {
	ovs-appctl dpctl/dump-conntrack "$@"
}

# ct_flush: empty the conntrack table of the datapath's namespace.
ct_flush() {
	ovs-appctl dpctl/flush-conntrack >/dev/null 2>&1 ||
		conntrack -F >/dev/null 2>&1
}

# --- traffic ---------------------------------------------------------------------

# ping_ok FROM ADDR [ARGS...]: at least one echo reply from ADDR.
ping_ok() {
	_from=$1
	_to=$2
	shift 2
	nsx "$_from" ping -q -c 3 -i 0.3 -W 3 "$@" "$_to"
}

# ping_blocked FROM ADDR: no reply at all.
ping_blocked() {
	! nsx "$1" ping -q -c 2 -i 0.3 -W 1 "$2"
}

# stop_bg PID: stop a background helper started as "nsx N cmd ... &" and
# wait for it. $! is then the subshell running nsx, whose child (ip netns
# exec, replaced by the command) would otherwise outlive it and keep its
# socket: a later listener on the same port would then lose datagrams to it.
# The subshell goes first, so that it does not report its child's death
# ("Terminated") into the helper's output file.
stop_bg() {
	_bg_kids=$(pgrep -P "$1")
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	[ -z "$_bg_kids" ] || kill $_bg_kids 2>/dev/null
}

_port=20000
next_port() {
	_port=$((_port + 1))
}

# tcp_ok FROM TO_N ADDR: a TCP connection from nsFROM to a listener in
# nsTO_N at ADDR carries data both ways.
tcp_ok() {
	next_port
	rm -f "$T/tcp.srv" "$T/tcp.cli"
	printf 'pong\n' | nsx "$2" timeout 60 nc -N -l "$3" "$_port" \
		>"$T/tcp.srv" 2>&1 &
	_srv=$!
	# Generous bounds: a loaded TCG host can take many seconds to start
	# nc, and a client that connects first only gets a RST.
	wait_for 30 sh -c "ip netns exec ns$2 ss -Hltn | grep -q ':$_port '"
	printf 'ping\n' | nsx "$1" timeout 30 nc -N -w 10 "$3" "$_port" \
		>"$T/tcp.cli" 2>&1
	wait "$_srv"
	grep -qx ping "$T/tcp.srv" && grep -qx pong "$T/tcp.cli" || {
		echo "server got: $(cat "$T/tcp.srv")"
		echo "client got: $(cat "$T/tcp.cli")"
		return 1
	}
}

# tcp_blocked FROM TO_N ADDR [LISTEN]: a connection attempt from nsFROM to
# ADDR gets nowhere and the listener in nsTO_N (on LISTEN, default ADDR;
# 0.0.0.0 when NAT would map ADDR to nsTO_N) sees nothing.
tcp_blocked() {
	next_port
	rm -f "$T/tcp.srv"
	nsx "$2" timeout 8 nc -l "${4:-$3}" "$_port" >"$T/tcp.srv" 2>&1 &
	_srv=$!
	wait_for 5 sh -c "ip netns exec ns$2 ss -Hltn | grep -q ':$_port '"
	if printf 'ping\n' | nsx "$1" timeout 5 nc -N -w 3 "$3" "$_port" \
			>/dev/null 2>&1; then
		stop_bg "$_srv"
		echo "connection to $3 port $_port succeeded"
		return 1
	fi
	stop_bg "$_srv"
	if [ -s "$T/tcp.srv" ]; then
		echo "listener received: $(cat "$T/tcp.srv")"
		return 1
	fi
	return 0
}

# udp_ok FROM TO_N ADDR [SPORT]: a datagram from nsFROM reaches a socket in
# nsTO_N at ADDR and that socket's answer comes back (the client ends on
# the first datagram received, -W 1).
udp_ok() {
	next_port
	rm -f "$T/udp.srv" "$T/udp.cli"
	printf 'pong\n' | nsx "$2" timeout 60 nc -u -l "$3" "$_port" \
		>"$T/udp.srv" 2>&1 &
	_srv=$!
	wait_for 30 sh -c "ip netns exec ns$2 ss -Hlun | grep -q ':$_port '"
	printf 'ping\n' >"$T/ping.in"
	nsx "$1" timeout 20 nc -u -W 1 ${4:+-p $4} "$3" "$_port" \
		<"$T/ping.in" >"$T/udp.cli" 2>&1
	# The server may answer before it has written what it received.
	if grep -qx pong "$T/udp.cli"; then
		wait_for 5 grep -qx ping "$T/udp.srv"
	fi
	stop_bg "$_srv"
	grep -qx ping "$T/udp.srv" && grep -qx pong "$T/udp.cli" || {
		echo "server got: $(cat "$T/udp.srv")"
		echo "client got: $(cat "$T/udp.cli")"
		return 1
	}
}

# udp_blocked FROM TO_N ADDR: the datagram never reaches the socket.
udp_blocked() {
	next_port
	rm -f "$T/udp.srv"
	nsx "$2" timeout 8 nc -u -l "$3" "$_port" >"$T/udp.srv" 2>&1 &
	_srv=$!
	wait_for 5 sh -c "ip netns exec ns$2 ss -Hlun | grep -q ':$_port '"
	printf 'ping\n' >"$T/ping.in"
	nsx "$1" timeout 3 nc -u -W 1 "$3" "$_port" <"$T/ping.in" \
		>/dev/null 2>&1
	stop_bg "$_srv"
	if [ -s "$T/udp.srv" ]; then
		echo "listener received: $(cat "$T/udp.srv")"
		return 1
	fi
	return 0
}

# --- cleanup --------------------------------------------------------------------

# ovs_stop: stop the daemons; with "cleanup" the datapath goes too.
ovs_stop() {
	ovs-appctl -t ovs-vswitchd exit --cleanup >/dev/null 2>&1
	ovs-appctl -t ovsdb-server exit >/dev/null 2>&1
	for _p in ovs-vswitchd ovsdb-server; do
		_pid=$(cat "$OVS_RUNDIR/$_p.pid" 2>/dev/null)
		[ -n "$_pid" ] || continue
		wait_for 10 sh -c "! kill -0 $_pid 2>/dev/null || \
			grep -q '^State:.*Z' /proc/$_pid/status" ||
			kill -9 "$_pid" 2>/dev/null
	done
}

# Scan the vswitchd log for the datapath rejecting what userspace asked:
# the most direct sign of a kernel ABI mismatch.
check_vswitchd_log() {
	_log=$OVS_LOGDIR/ovs-vswitchd.log
	[ -f "$_log" ] || return 0
	grep -E '\|(WARN|ERR|EMER)\|' "$_log" | grep -E \
	  '\|(dpif[a-z_]*|netlink[a-z_]*|odp_util|ofproto_dpif|ofproto_dpif_upcall|conntrack|ct_dpif)(\([a-z0-9_]+\))?\||failed to (put|execute|flow)' |
		grep -v -e 'Unreasonably long' -e 'left allocated when ofproto' \
		>"$T/dplog.out"
	if [ -s "$T/dplog.out" ]; then
		not_ok "ovs-vswitchd.log has no datapath errors"
		diag_file "$T/dplog.out" 30
	else
		ok "ovs-vswitchd.log has no datapath errors"
	fi
}

# sysctl_set NAME VALUE: set a sysctl for this test; the old value comes
# back when the test ends.
_sysctls=""
sysctl_set() {
	_old=$(sysctl -n "$1") || return 1
	_sysctls="$_sysctls $1=$_old"
	sysctl -qw "$1=$2"
}

_cleanup() {
	_rc=$?
	trap - EXIT
	for _s in $_sysctls; do
		sysctl -qw "$_s" 2>/dev/null
	done
	if [ "$_rc" -ne 0 ] && [ "$_rc" -ne "$KSFT_SKIP" ] && [ -n "$LOG_OUT" ]; then
		mkdir -p "$LOG_OUT" &&
			cp -r "$OVS_LOGDIR"/*.log "$T"/*.out "$T"/*.txt "$LOG_OUT/" \
				2>/dev/null
		dmesg >"$LOG_OUT/dmesg.txt" 2>/dev/null
	fi
	# Leftover helpers (listeners, pings) of this test.
	_kids=$(jobs -p 2>/dev/null)
	[ -z "$_kids" ] || kill $_kids 2>/dev/null
	[ -z "${_ovs_started:-}" ] || ovs_stop
	# Processes still running inside the namespaces (listeners, pings,
	# captures) would outlive the namespace and hold our stdout open.
	for _ns in $_namespaces; do
		_pids=$(ip netns pids "$_ns" 2>/dev/null)
		[ -z "$_pids" ] || kill -9 $_pids 2>/dev/null
		ip link del "p${_ns#ns}" 2>/dev/null
		ip netns del "$_ns" 2>/dev/null
	done
	ovs-dpctl del-dp ovs-system >/dev/null 2>&1
	conntrack -F >/dev/null 2>&1
	rm -rf "$T"
	exit "$_rc"
}
trap _cleanup EXIT
trap 'exit 130' INT TERM

# require_cmd CMD...: skip the test when a tool is missing.
require_cmd() {
	for _c in "$@"; do
		command -v "$_c" >/dev/null 2>&1 || skip_all "$_c not installed"
	done
}

require_cmd ovs-vswitchd ovsdb-server ovs-vsctl ovs-ofctl ovs-appctl ip nc
[ -d /sys/module/openvswitch ] || skip_all "openvswitch module not loaded"

# fw_flows [ZONE]: the classic stateful firewall (default zone 1): ns1 (port
# 1) may open TCP/UDP/ICMP connections to ns2 (port 2) over IPv4 and IPv6,
# replies return, and ns2 may open nothing.  ARP and ICMPv6 neighbour
# discovery bypass conntrack.  Pipe into of_flows.
fw_flows() {
	_z=${1:-1}
	cat <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=100,icmp6,icmp_type=135 actions=NORMAL
table=0,priority=100,icmp6,icmp_type=136 actions=NORMAL
table=0,priority=50,ip,ct_state=-trk actions=ct(table=1,zone=$_z)
table=0,priority=50,ipv6,ct_state=-trk actions=ct(table=1,zone=$_z)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,ip,ct_state=+trk+new actions=ct(commit,zone=$_z),output:2
table=1,priority=100,in_port=1,ipv6,ct_state=+trk+new actions=ct(commit,zone=$_z),output:2
table=1,priority=100,in_port=1,ip,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=1,ipv6,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,ip,ct_state=+trk+est actions=output:1
table=1,priority=100,in_port=2,ipv6,ct_state=+trk+est actions=output:1
table=1,priority=90,in_port=2,ip,ct_state=+trk+new actions=drop
table=1,priority=90,in_port=2,ipv6,ct_state=+trk+new actions=drop
table=1,priority=0 actions=drop
FLOWS
}
