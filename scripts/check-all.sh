#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Everything `make check` is to run (not wired into it yet: parts 2-4 are
# being verified), after setup and the module build:
#   1. the selftests in a guest with Debian's 6.1 kernel  (scripts/check.sh)
#   2. the kernel matrix: build with W=1 against Debian's 5.10 and 6.12
#      headers, the selftests in guests booted with those kernels
#      (scripts/check-matrix.sh)
#   3. the DKMS cycle: add/build, then install, modprobe, remove, modprobe
#      in a guest (scripts/dkms.sh check)
#   4. the debug run: KUnit and the selftests under KASAN, kmemleak,
#      lockdep and UBSAN in our own 6.1 debug kernel (scripts/check-debug.sh)
# Each part's output is kept in build/check-all/PART.log and its summary
# lines are repeated at the end, then one line "N passed, N failed,
# N skipped" over all parts.
#
# usage: scripts/check-all.sh [PART...]   PART: selftests, matrix, dkms, debug
#                                          (default: all four, in that order)
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=$top/build/check-all
mkdir -p "$out"
parts=${*:-selftests matrix dkms debug}

pass=0 fail=0 skip=0 rc=0
summary=
for p in $parts; do
	case $p in
	selftests) cmd="sh $here/check.sh" ;;
	matrix) cmd="sh $here/check-matrix.sh" ;;
	dkms) cmd="sh $here/dkms.sh check" ;;
	debug) cmd="sh $here/check-debug.sh" ;;
	*) echo "check-all: unknown part $p" >&2; exit 2 ;;
	esac
	echo "# check-all: $p: $cmd"
	start=$(date +%s)
	$cmd 2>&1 | tee "$out/$p.log"
	secs=$(($(date +%s) - start))
	# The part's verdict: its own "N passed, N failed, N skipped" line, or
	# for TAP-only parts (dkms) its ok / not ok lines.
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$out/$p.log" | tail -n 1)
	if [ -n "$last" ]; then
		set -- $last
		pp=$1 pf=$3 ps=$5
	else
		pp=$(grep -c '^ok ' "$out/$p.log")
		pf=$(grep -c '^not ok ' "$out/$p.log")
		ps=0
		[ "$pp$pf" != 00 ] || pf=1
	fi
	pass=$((pass + pp)) fail=$((fail + pf)) skip=$((skip + ps))
	[ "$pf" -eq 0 ] || rc=1
	summary="$summary
# check-all: $p: $pp passed, $pf failed, $ps skipped (${secs}s, log $out/$p.log)"
done
echo "$summary" | sed '/^$/d'
for p in $parts; do
	grep -E '^(# check: failed in|#   not ok|not ok)' "$out/$p.log" 2>/dev/null |
		head -n 20 | sed "s/^/# $p: /"
done
echo "$pass passed, $fail failed, $skip skipped"
exit $rc
