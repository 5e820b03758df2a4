#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Everything `make check` runs, after setup and the module build:
#   selftests  the selftests in a guest with Debian's 6.1 kernel
#              (scripts/check.sh)
#   matrix     the kernel matrix: build with W=1 against Debian's 5.10 and
#              6.12 headers (scripts/check-matrix.sh); with CHECK_MATRIX=full
#              also the selftests in guests booted with those kernels (not
#              the default yet: CI must stay inside 45 minutes, and the
#              three-guest run has not been timed on a quiet machine)
#   dkms       the DKMS cycle: add/build, then install, modprobe, remove,
#              modprobe in a guest (scripts/dkms.sh check)
#   debug      KUnit and the selftests under KASAN, kmemleak, lockdep and
#              UBSAN in our own 6.1 debug kernel (scripts/check-debug.sh)
# selftests and matrix run at the same time (with CHECK_MATRIX=full, three
# guests); the others follow one after the other.  Each part's output is kept in
# build/check-all/PART.log and printed whole when the part ends; its
# summary lines are repeated at the end, then one line
# "N passed, N failed, N skipped" over all parts.
#
# usage: scripts/check-all.sh [PART...]
#   PART: selftests, matrix, dkms, debug (default: $CHECK_PARTS, or
#   "selftests matrix": the DKMS cycle under make check failed to build on
#   2026-11-22 (fixed in dkms.sh, not yet proved end to end under make), the
#   debug run is not timed yet)
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=$top/build/check-all
mkdir -p "$out"
parts=${*:-${CHECK_PARTS:-selftests matrix}}

cmd_of() {
	case $1 in
	selftests) echo "sh $here/check.sh" ;;
	matrix)
		if [ "${CHECK_MATRIX:-build}" = full ]; then
			echo "sh $here/check-matrix.sh"
		else
			echo "env MATRIX_TESTS=none sh $here/check-matrix.sh"
		fi
		;;
	dkms) echo "sh $here/dkms.sh check" ;;
	debug) echo "sh $here/check-debug.sh" ;;
	*) return 1 ;;
	esac
}

# run PART: the part's command, its output to build/check-all/PART.log,
# its wall time to PART.secs.
run() {
	start=$(date +%s)
	$(cmd_of "$1") >"$out/$1.log" 2>&1
	echo $(($(date +%s) - start)) >"$out/$1.secs"
}

# show PART: the part's whole log, framed.
show() {
	echo "# check-all: ---- $1 ($(cat "$out/$1.secs" 2>/dev/null)s) ----"
	cat "$out/$1.log"
}

for p in $parts; do
	cmd_of "$p" >/dev/null || { echo "check-all: unknown part $p" >&2; exit 2; }
	rm -f "$out/$p.log" "$out/$p.secs"
done

t0=$(date +%s)
together=
for p in $parts; do
	case $p in
	selftests | matrix)
		echo "# check-all: $p: $(cmd_of "$p") (in the background)"
		run "$p" &
		together="$together $p"
		;;
	esac
done
wait
for p in $together; do
	show "$p"
done
for p in $parts; do
	case " $together " in
	*" $p "*) continue ;;
	esac
	echo "# check-all: $p: $(cmd_of "$p")"
	run "$p"
	show "$p"
done

pass=0 fail=0 skip=0 rc=0
summary=
for p in $parts; do
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
# check-all: $p: $pp passed, $pf failed, $ps skipped ($(cat "$out/$p.secs" 2>/dev/null)s, log $out/$p.log)"
done
echo "$summary" | sed '/^$/d'
for p in $parts; do
	grep -E '^(# check: failed in|#   not ok|not ok)' "$out/$p.log" 2>/dev/null |
		head -n 20 | sed "s/^/# $p: /"
done
echo "# check-all: wall time $(($(date +%s) - t0))s"
echo "$pass passed, $fail failed, $skip skipped"
exit $rc
