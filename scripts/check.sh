#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the datapath selftests (selftests/[0-9]*.sh) in one QEMU guest and
# report them as TAP, ending with the line "N passed, N failed, N skipped".
# Builds nothing: "make check" has built openvswitch.ko already.
#
# usage: scripts/check.sh [TEST...]
#   TEST: a selftest name or path (e.g. 10-firewall or selftests/20-zones.sh);
#   default: every selftests/[0-9]*.sh, in name order.
#
# Environment:
#   OVS_MODULE=ours|intree  module under test (default ours: ./openvswitch.ko)
#   CHECK_TEST_TIMEOUT      seconds allowed per test (default 600: in make
#                           check three guests share two cores)
#   GUEST_TIMEOUT           seconds for the whole guest (default 240 plus
#                           400 per test)
#   CHECK_OUT               where the results, the console log and the logs
#                           of failed tests are kept (default: a fresh
#                           build/check-runs/DATE-PID, linked from
#                           build/check-last; the 10 newest runs are kept)
#   CHECK_HOOK              a script the guest runs with --guest-pre before
#                           the first test and --guest-post after the last
#                           (scripts/check-debug.sh: kmemleak, kernel log)
#   GUEST_KERNEL, GUEST_KVER, GUEST_MODROOT, OVS_KO, GUEST_APPEND
#                           passed on to scripts/guest-run.sh (another kernel
#                           and module: see scripts/check-debug.sh)
#
# Exit status: 0 when nothing failed, 1 otherwise.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

# ---------------------------------------------------------------------------
# In the guest: run each test, indent its TAP, record one result line each.
in_guest() {
	cd "$top" || exit 1
	res=$GUEST_OUT/results
	: >"$res"
	set -- $CHECK_TESTS
	[ -z "${CHECK_HOOK:-}" ] || sh "$CHECK_HOOK" --guest-pre
	echo "TAP version 13"
	echo "1..$#"
	i=0
	for t in "$@"; do
		i=$((i + 1))
		name=$(basename "$t" .sh)
		echo "# selftests: ovs: $name"
		start=$(date +%s)
		# Through a file, so that a stray process holding the test's
		# stdout cannot stall the run: tail stops when the test ends.
		log=/tmp/check-$name.log
		timeout -k 10 "$CHECK_TEST_TIMEOUT" sh "$t" >"$log" 2>&1 &
		pid=$!
		tail -n +1 -s 0.5 -f --pid="$pid" "$log" | sed -u 's/^/# /'
		wait "$pid"
		rc=$?
		secs=$(($(date +%s) - start))
		case $rc in
		0) echo "ok $i selftests: ovs: $name (${secs}s)"
		   echo "ok $name $secs" >>"$res" ;;
		4) echo "ok $i selftests: ovs: $name # SKIP"
		   echo "skip $name $secs" >>"$res" ;;
		124|137) echo "not ok $i selftests: ovs: $name # TIMEOUT ${secs}s"
		   echo "fail $name $secs" >>"$res" ;;
		*) echo "not ok $i selftests: ovs: $name # exit=$rc (${secs}s)"
		   echo "fail $name $secs" >>"$res" ;;
		esac
		case $rc in
		0|4) ;;
		*) mkdir -p "$GUEST_OUT/logs" && cp "$log" "$GUEST_OUT/logs/" ;;
		esac
		reset_guest
	done
	[ -z "${CHECK_HOOK:-}" ] || sh "$CHECK_HOOK" --guest-post
	echo "done" >>"$res"
	return 0
}

# Undo whatever a failed or timed-out test left behind.
reset_guest() {
	for p in $(pidof ovs-vswitchd ovsdb-server 2>/dev/null); do
		kill -9 "$p" 2>/dev/null
	done
	for ns in $(ip netns list 2>/dev/null | cut -d' ' -f1); do
		pids=$(ip netns pids "$ns" 2>/dev/null)
		[ -z "$pids" ] || kill -9 $pids 2>/dev/null
		ip netns del "$ns"
	done
	for dev in $(ip -o link show type veth 2>/dev/null |
			sed -n 's/^[0-9]*: \(p[0-9]*\)@.*/\1/p'); do
		ip link del "$dev"
	done
	if [ ! -d /sys/module/openvswitch ] && [ "$OVS_MODULE" != none ]; then
		echo "# check: reloading openvswitch"
		modprobe openvswitch
	fi
	if [ -e /sys/class/net/ovs-system ]; then
		ovs-dpctl del-dp ovs-system 2>/dev/null
	fi
	conntrack -F >/dev/null 2>&1
}

if [ "${1:-}" = --in-guest ]; then
	in_guest
	exit 0
fi

# ---------------------------------------------------------------------------
# On the host.
: "${OVS_MODULE:=ours}"
: "${CHECK_TEST_TIMEOUT:=600}"
export OVS_MODULE CHECK_TEST_TIMEOUT

tests=
if [ $# -eq 0 ]; then
	for t in "$top"/selftests/[0-9]*.sh; do
		tests="$tests selftests/$(basename "$t")"
	done
else
	for a in "$@"; do
		b=$(basename "$a" .sh)
		[ -f "$top/selftests/$b.sh" ] || {
			echo "check.sh: no selftest $a" >&2
			exit 2
		}
		tests="$tests selftests/$b.sh"
	done
fi
CHECK_TESTS=$tests
export CHECK_TESTS
: "${GUEST_TIMEOUT:=$((240 + 400 * $(echo $tests | wc -w)))}"
export GUEST_TIMEOUT

# A directory of its own for every run: several checks may run at once.
if [ -z "${CHECK_OUT:-}" ]; then
	runs=$top/build/check-runs
	mkdir -p "$runs"
	CHECK_OUT=$runs/$(date +%Y%m%d-%H%M%S)-$$
	ls -1d "$runs"/*/ 2>/dev/null | sort | head -n -9 |
		while read -r old; do rm -rf "$old"; done
	ln -sfn "$CHECK_OUT" "$top/build/check-last"
else
	rm -rf "$CHECK_OUT"
fi
mkdir -p "$CHECK_OUT"
start=$(date +%s)
cd "$top" || exit 2
GUEST_OUT=$CHECK_OUT GUEST_ENV="CHECK_TESTS CHECK_TEST_TIMEOUT CHECK_HOOK" \
	sh "$here/guest-run.sh" "sh scripts/check.sh --in-guest"
grc=$?
elapsed=$(($(date +%s) - start))

res=$CHECK_OUT/results
pass=0
fail=0
skip=0
# One result line per test run, in order (a test may be named twice).
i=0
for t in $tests; do
	i=$((i + 1))
	name=$(basename "$t" .sh)
	r=$(awk -v n="$i" 'NR == n && $1 != "done" { print $1, $2 }' "$res" \
		2>/dev/null)
	case $r in
	"ok $name") pass=$((pass + 1)) ;;
	"skip $name") skip=$((skip + 1)) ;;
	"fail $name") fail=$((fail + 1)) ;;
	*)
		fail=$((fail + 1))
		echo "not ok - selftests: ovs: $name # no result (guest status $grc)"
		;;
	esac
done
if [ "$grc" -ne 0 ]; then
	echo "# check: the guest ended with status $grc (see $CHECK_OUT/console.log)"
fi
# The failed checks again at the end, where a truncated CI log still
# shows them: each "not ok" line of a failed test with the diagnostics
# that follow it.
for l in "$CHECK_OUT"/logs/check-*.log; do
	[ -f "$l" ] || continue
	n=$(basename "$l" .log)
	echo "# check: failed in ${n#check-}:"
	awk '/^not ok/ { show = 1; shown++; print "#   " $0; next }
	     show && /^#/ && shown <= 5 && lines++ < 40 { print "#   " $0; next }
	     { show = 0 }' "$l"
done
[ "$fail" -eq 0 ] || echo "# check: logs of failed tests: $CHECK_OUT/logs/"
echo "# check: OVS_MODULE=$OVS_MODULE, ${elapsed}s in total, output in $CHECK_OUT"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] && [ "$grc" -eq 0 ]
