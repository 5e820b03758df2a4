#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# OVS 3.1's own system testsuite (tests/system-traffic.at) in the guest:
# as `make check-kernel` runs it (system-kmod-testsuite) against our module
# and/or the in-tree one booted from the same kernel, and as
# `make check-system-userspace` runs it (dpif-netdev, no kernel datapath).
#
# usage: scripts/check-ovs.sh
#   TESTS       a named set -- foundation (default), nat, conformance (every
#               test whose title starts with "conntrack" or "datapath"),
#               parity (the "conntrack" ones) -- or ';'-separated exact
#               titles or kmod autotest numbers
#   OVS_MODULE  ours (default), intree, userspace, both (intree + ours) or
#               all (intree + ours + userspace); one column each
#   JOBS        guests run at the same time (default 1), shared between the
#               columns; each column's tests are dealt round-robin to its
#               guests
#   OVS_SRC     a configured and built OVS 3.1 tree (default:
#               build/ovs/openvswitch, built from Debian's openvswitch-source)
#   RESULTS     directory for logs and results (default build/check-ovs)
#
# Writes RESULTS/<column>/results ("OVSTEST num verdict title" per test,
# numbers of that column's suite) and RESULTS/table.txt (one row per title);
# prints `N passed, N failed, N skipped` for the last column and exits
# non-zero if a test failed with our module.  scripts/ovs-report.sh turns
# the results into Documentation/conformance.rst and parity.rst.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

: "${OVS_MODULE:=ours}"
: "${OVS_SRC:=$top/build/ovs/openvswitch}"
: "${RESULTS:=$top/build/check-ovs}"
: "${TESTS:=foundation}"
: "${JOBS:=1}"

sh "$here/ovs-build.sh" "$OVS_SRC"

# suite_list SUITE: "num<TAB>title" for every test of the suite, titles
# without trailing blanks (some OVS titles have one).
suite_list() {
	sh "$OVS_SRC/tests/system-$1-testsuite" -l 2>/dev/null |
		sed -n 's/^ *\([0-9][0-9]*\): [^ ]* \(.*[^ ]\) *$/\1\t\2/p'
}
kmod_list=$(suite_list kmod)
user_list=$(suite_list userspace)

case $TESTS in
foundation)
	TESTS='datapath - ping between two ports;datapath - ping6 between two ports;conntrack - controller;conntrack - IPv4 ping;conntrack - IPv6 ping;conntrack - zones;conntrack - multiple zones;conntrack - ct_mark;conntrack - ct_label;conntrack - new connections;conntrack - ICMP related;conntrack - IPv4 fragmentation;conntrack - IPv6 fragmentation;conntrack - invalid' ;;
nat)
	# The 'conntrack - NAT' banner plus the NAT tests of 'conntrack'
	# (titles naming SNAT, DNAT, NAT or floating IP): from the .at source
	# for the banner, from the suite's list for tests whose AT_SETUP is
	# inside a macro (e.g. 'conntrack - FTP SNAT prerecirc seqadj').
	TESTS=$( {
		awk '/^AT_BANNER/ { nat = ($0 ~ /conntrack - NAT/) }
			/^AT_SETUP/ { t = $0; sub(/^AT_SETUP\(\[/, "", t);
				sub(/\]\).*$/, "", t); sub(/ +$/, "", t);
				if (nat && t !~ /\$/) print t }' \
			"$OVS_SRC/tests/system-traffic.at"
		printf '%s\n' "$kmod_list" | cut -f2 |
			grep -E '^conntrack.*(NAT|floating IP)'
		} | awk '!seen[$0]++' | paste -sd ';') ;;
conformance)
	TESTS=$(printf '%s\n' "$kmod_list" | cut -f2 |
		grep -E '^(conntrack|datapath)' | paste -sd ';') ;;
parity)
	TESTS=$(printf '%s\n' "$kmod_list" | cut -f2 | grep '^conntrack' |
		paste -sd ';') ;;
esac

# Resolve to titles (numbers are kmod numbers).
titles="$RESULTS/.titles.$$"
mkdir -p "$RESULTS"
: > "$titles"
old_ifs=$IFS
IFS=';'
for t in $TESTS; do
	IFS=$old_ifs
	t=$(echo "$t" | sed 's/^ *//; s/ *$//')
	[ -n "$t" ] || continue
	case $t in
	*[!0-9]*)
		if ! printf '%s\n' "$kmod_list" | cut -f2 | grep -qxF "$t" &&
		   ! printf '%s\n' "$user_list" | cut -f2 | grep -qxF "$t"; then
			echo "check-ovs: no test titled '$t'" >&2
			rm -f "$titles"
			exit 2
		fi ;;
	*)
		t=$(printf '%s\n' "$kmod_list" | awk -F '\t' -v n="$t" '$1 == n { print $2 }')
		[ -n "$t" ] || { echo "check-ovs: no test number $t" >&2; exit 2; } ;;
	esac
	printf '%s\n' "$t" >> "$titles"
	IFS=';'
done
IFS=$old_ifs
count=$(wc -l < "$titles")

case $OVS_MODULE in
both) columns="intree ours" ;;
all) columns="intree ours userspace" ;;
ours|intree|userspace) columns=$OVS_MODULE ;;
*) echo "check-ovs: OVS_MODULE must be ours, intree, userspace, both or all" >&2
   exit 2 ;;
esac

# nums_for COLUMN: the suite's numbers of the selected titles.
nums_for() {
	if [ "$1" = userspace ]; then l=$user_list; else l=$kmod_list; fi
	printf '%s\n' "$l" | awk -F '\t' 'NR == FNR { want[$0] = 1; next }
		($2 in want) { print $1 }' "$titles" -
}

ncol=$(echo $columns | wc -w)
per=$((JOBS / ncol))
[ "$per" -ge 1 ] || per=1

run_part() { # column part nums...
	c=$1 part=$2
	shift 2
	pout="$RESULTS/$c/part$part"
	mkdir -p "$pout"
	if [ "$c" = userspace ]; then
		mod=none suite=userspace
	else
		mod=$c suite=kmod
	fi
	set +e
	OVS_MODULE=$mod GUEST_OUT=$pout GUEST_ENV="OVS_RESULTS OVS_SUITE" \
	OVS_RESULTS=$pout OVS_SUITE=$suite GUEST_TIMEOUT=$(($# * 480 + 300)) \
		sh "$here/guest-run.sh" sh "$here/ovs-testsuite-guest.sh" "$OVS_SRC" "$@" \
		> "$pout/console.log" 2>&1
	echo $? > "$pout/rc"
}

pids=
for c in $columns; do
	rm -rf "${RESULTS:?}/$c"
	mkdir -p "$RESULTS/$c"
	nums=$(nums_for "$c")
	n=$(echo $nums | wc -w)
	echo "# check-ovs: $n tests, $c column, $per guest(s)"
	k=0
	while [ "$k" -lt "$per" ]; do
		part=$(echo $nums | tr ' ' '\n' | awk -v k="$k" -v p="$per" '(NR - 1) % p == k' | tr '\n' ' ')
		if [ -n "$part" ]; then
			run_part "$c" "$k" $part &
			pids="$pids $!"
		fi
		k=$((k + 1))
	done
done
for p in $pids; do
	wait "$p" || true
done

rc_ours=0
for c in $columns; do
	out="$RESULTS/$c"
	cat "$out"/part*/console.log > "$out/console.log"
	grep -h '^OVSTEST ' "$out"/part*/console.log | sed 's/ *$//' > "$out/results" || true
	for d in "$out"/part*; do
		rc=$(cat "$d/rc" 2>/dev/null || echo 1)
		if [ "$rc" -ne 0 ] && [ "$c" = ours ]; then
			rc_ours=$rc
		fi
		echo "# $c: guest exit status $rc (console: $d/console.log)"
	done
	# Guest identity for the report: kernel and OVS versions, module.
	grep -h '^OVSINFO ' "$out"/part*/console.log | sort -u > "$out/info" || true
	git -C "$top" rev-parse --short HEAD > "$out/commit" 2>/dev/null || true
	date -u +%Y-%m-%d > "$out/date"
done

# One row per title, one column per module.
{
	printf '%-66s' title
	for c in $columns; do printf ' %-9s' "$c"; done
	echo
	while IFS= read -r t; do
		printf '%-66s' "$t"
		for c in $columns; do
			r=$(awk -v t="$t" '{ v = $3; $1 = $2 = $3 = ""; sub(/^ +/, "");
				if ($0 == t) print v }' "$RESULTS/$c/results" | head -n 1)
			printf ' %-9s' "${r:-missing}"
		done
		echo
	done < "$titles"
} | tee "$RESULTS/table.txt"
rm -f "$titles"

last=$(echo $columns | awk '{ print $NF }')
p=$(awk '$3 == "ok"' "$RESULTS/$last/results" | wc -l)
s=$(awk '$3 == "skipped"' "$RESULTS/$last/results" | wc -l)
f=$((count - p - s))
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$rc_ours" -eq 0 ]
