#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# OVS 3.1's own kernel testsuite (tests/system-traffic.at, what
# `make check-kernel` runs) in the guest, against our module and/or the
# in-tree one booted from the same kernel.
#
# usage: scripts/check-ovs.sh
#   TESTS     ';'-separated test titles (exact) or autotest numbers;
#             default: the foundation conformance list below
#   OVS_MODULE  ours (default), intree, or both (two guest boots, one table)
#   OVS_SRC   a configured and built OVS 3.1 tree (default: build/ovs/openvswitch,
#             built from Debian's openvswitch-source on first use)
#   RESULTS   directory for logs and the result table (default build/check-ovs)
#   JOBS      guests run at the same time (default 1); with OVS_MODULE=both
#             they are shared between the two modules
#
# Prints one line per test and module, a table, and `N passed, N failed`
# for the last module run; exits non-zero if any selected test failed with
# our module.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

: "${OVS_MODULE:=ours}"
: "${OVS_SRC:=$top/build/ovs/openvswitch}"
: "${RESULTS:=$top/build/check-ovs}"
: "${TESTS:=}"
: "${JOBS:=1}"

if [ -z "$TESTS" ]; then
	TESTS='datapath - ping between two ports;datapath - ping6 between two ports;conntrack - controller;conntrack - IPv4 ping;conntrack - IPv6 ping;conntrack - zones;conntrack - multiple zones;conntrack - ct_mark;conntrack - ct_label;conntrack - new connections;conntrack - ICMP related;conntrack - IPv4 fragmentation;conntrack - IPv6 fragmentation;conntrack - invalid'
fi

sh "$here/ovs-build.sh" "$OVS_SRC"

list=$(sh "$OVS_SRC/tests/system-kmod-testsuite" -l 2>/dev/null |
	sed -n 's/^ *\([0-9][0-9]*\): [^ ]* \(.*\)$/\1\t\2/p')
nums=
old_ifs=$IFS
IFS=';'
for t in $TESTS; do
	IFS=$old_ifs
	t=$(echo "$t" | sed 's/^ *//; s/ *$//')
	[ -n "$t" ] || continue
	case $t in
	*[!0-9]*)
		n=$(printf '%s\n' "$list" | awk -F '\t' -v t="$t" '{ sub(/ +$/, "", $2) } $2 == t { print $1 }')
		if [ -z "$n" ]; then
			echo "check-ovs: no test titled '$t'" >&2
			exit 2
		fi ;;
	*) n=$t ;;
	esac
	nums="$nums $n"
	IFS=';'
done
IFS=$old_ifs
count=$(echo $nums | wc -w)

case $OVS_MODULE in
both) modules="intree ours" ;;
ours|intree) modules=$OVS_MODULE ;;
*) echo "check-ovs: OVS_MODULE must be ours, intree or both" >&2; exit 2 ;;
esac

mkdir -p "$RESULTS"

# JOBS guests run at once; each module's tests are dealt round-robin to
# JOBS / (number of modules) guests of that module, so that with
# OVS_MODULE=both the two columns come from guests of the same kernel
# running side by side.
nmod=$(echo $modules | wc -w)
per=$((JOBS / nmod))
[ "$per" -ge 1 ] || per=1

run_part() { # module part nums...
	m=$1 part=$2
	shift 2
	pout="$RESULTS/$m/part$part"
	mkdir -p "$pout"
	set +e
	OVS_MODULE=$m GUEST_OUT=$pout GUEST_ENV="OVS_RESULTS" OVS_RESULTS=$pout \
	GUEST_TIMEOUT=$(($# * 240 + 300)) \
		sh "$here/guest-run.sh" sh "$here/ovs-testsuite-guest.sh" "$OVS_SRC" "$@" \
		> "$pout/console.log" 2>&1
	echo $? > "$pout/rc"
}

pids=
for m in $modules; do
	rm -rf "${RESULTS:?}/$m"
	mkdir -p "$RESULTS/$m"
	echo "# check-ovs: $count tests against the $m module in $per guest(s)"
	k=0
	while [ "$k" -lt "$per" ]; do
		part=$(echo $nums | tr ' ' '\n' | awk -v k="$k" -v p="$per" '(NR - 1) % p == k' | tr '\n' ' ')
		if [ -n "$part" ]; then
			run_part "$m" "$k" $part &
			pids="$pids $!"
		fi
		k=$((k + 1))
	done
done
for p in $pids; do
	wait "$p" || true
done

rc_ours=0
for m in $modules; do
	out="$RESULTS/$m"
	cat "$out"/part*/console.log > "$out/console.log"
	grep -h '^OVSTEST ' "$out"/part*/console.log > "$out/results" || true
	cat "$out/results"
	for d in "$out"/part*; do
		rc=$(cat "$d/rc" 2>/dev/null || echo 1)
		if [ "$rc" -ne 0 ] && [ "$m" = ours ]; then
			rc_ours=$rc
		fi
		echo "# $m: guest exit status $rc (console: $d/console.log)"
	done
done

# One row per test, one column per module.
{
	printf '%-6s %-60s' num title
	for m in $modules; do printf ' %-8s' "$m"; done
	echo
	for n in $nums; do
		title=$(printf '%s\n' "$list" | awk -F '\t' -v n="$n" '$1 == n { print $2 }')
		printf '%-6s %-60s' "$n" "$title"
		for m in $modules; do
			r=$(awk -v n="$n" '$2 == n { print $3 }' "$RESULTS/$m/results")
			printf ' %-8s' "${r:-missing}"
		done
		echo
	done
} | tee "$RESULTS/table.txt"

last=$(echo $modules | awk '{ print $NF }')
p=$(awk '$3 == "ok"' "$RESULTS/$last/results" | wc -l)
s=$(awk '$3 == "skipped"' "$RESULTS/$last/results" | wc -l)
f=$((count - p - s))
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$rc_ours" -eq 0 ]
