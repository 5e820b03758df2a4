#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Host side of "make bench": boot one QEMU guest (no datapath module loaded
# at boot), run scripts/bench-guest.sh in it, which measures the in-tree
# openvswitch.ko and ours alternately round after round, then turn the
# results into Documentation/performance.rst (and the rule-scaling plot
# next to it) with scripts/bench-report.py.
#
# usage: scripts/bench.sh
#
# Environment:
#   BENCH_QUICK=1   2 rounds, 2-second runs, smaller sizes; the report goes to
#                   the run directory only, never to Documentation/
#   BENCH_ROUNDS    rounds (default 5; each round is one slot per module)
#   BENCH_SECS      seconds per measurement (default 3)
#   BENCH_RULES, BENCH_PG_SIZES, BENCH_CONN_SIZES
#                   rule counts, pktgen flow counts, tracked connection
#                   counts (space-separated) instead of the defaults
#   BENCH_TESTS     subset of "iperf crr rules pktgen upcall"
#   BENCH_OUT       run directory (default build/bench/DATE, linked from
#                   build/bench/last)
#   BENCH_DOC       where the report goes (default Documentation/
#                   performance.rst for a full run)
#   GUEST_MEM       guest MiB (default 3072: a million conntrack entries)
#   GUEST_SMP       guest vCPUs (default 1: on a shared host, one TCG vCPU
#                   thread's CPU time is the guest's work, and no vCPU waits
#                   for another that the host has descheduled)
#
# Builds nothing: "make bench" has built openvswitch.ko already.  The module
# is copied into the run directory first, so a rebuild during the run does
# not change what is measured.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

ko=$top/openvswitch.ko
[ -f "$ko" ] || { echo "bench: $ko missing (make module)" >&2; exit 2; }
quick=${BENCH_QUICK:-}
[ "$quick" = 0 ] && quick=

stamp=$(date -u +%Y%m%d-%H%M%S)
out=${BENCH_OUT:-$top/build/bench/$stamp}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cp "$ko" "$out/openvswitch.ko"
{
	echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "subject $(git log -1 --format=%s 2>/dev/null | cut -c1-100)"
	# Uncommitted changes to the module's sources make the run a draft.
	echo "dirty $(git status --porcelain -- datapath compat Kbuild 2>/dev/null | wc -l)"
	echo "host_load_start $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "host_cpus $(nproc)"
	echo "started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$out/host.txt"

if [ -n "$quick" ]; then
	timeout=${GUEST_TIMEOUT:-1800}
	doc=${BENCH_DOC:-$out/performance.rst}
else
	timeout=${GUEST_TIMEOUT:-5400}
	doc=${BENCH_DOC:-$top/Documentation/performance.rst}
fi

echo "bench: run directory $out"
start=$(date +%s)
rc=0
BENCH_QUICK=${quick:-0} GUEST_MEM=${GUEST_MEM:-3072} GUEST_SMP=${GUEST_SMP:-1} \
	GUEST_TIMEOUT=$timeout \
	OVS_MODULE=none GUEST_OUT=$out \
	GUEST_ENV="BENCH_QUICK BENCH_ROUNDS BENCH_TESTS BENCH_SECS BENCH_RULES BENCH_PG_SIZES BENCH_CONN_SIZES" \
	sh "$here/guest-run.sh" sh scripts/bench-guest.sh &
grpid=$!
trap 'kill $grpid 2>/dev/null; exit 130' INT TERM HUP
# The guest's share of the host CPU, published to it (bench-sampler.py).
qpid=
i=0
while [ -z "$qpid" ] && [ $i -lt 600 ] && kill -0 $grpid 2>/dev/null; do
	sleep 0.1
	qpid=$(pgrep -P $grpid qemu-system 2>/dev/null | head -n1)
	i=$((i + 1))
done
if [ -n "$qpid" ]; then
	python3 "$here/bench-sampler.py" "$qpid" "$out/cpu.txt" &
else
	echo "bench: QEMU process not found; no CPU figures" >&2
fi
wait $grpid || rc=$?
trap - INT TERM HUP
{
	echo "host_load_end $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "runtime $(($(date +%s) - start))"
	echo "guest_status $rc"
} >>"$out/host.txt"
rm -rf "$out/modtree"
mkdir -p "$top/build/bench"
ln -sfn "$out" "$top/build/bench/last"

if [ "$rc" != 0 ]; then
	# What was measured stays readable, but never replaces the document.
	python3 "$here/bench-report.py" "$out" "$out/performance.rst" || true
	echo "bench: the guest failed (status $rc); console: $out/console.log;" \
		"partial report: $out/performance.rst" >&2
	exit 1
fi
python3 "$here/bench-report.py" "$out" "$doc"
echo "bench: report in $doc ($(($(date +%s) - start)) s)"
