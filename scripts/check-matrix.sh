#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The kernel matrix of `make check`: for each Debian kernel series other
# than the default 6.1 (whose run is `scripts/check.sh` itself), fetch the
# kernel (scripts/kernels.sh: downloaded and unpacked, never installed),
# build the module against its headers with W=1 in a private copy of the
# tracked sources, fail on any compiler warning, and run the whole selftest
# suite in a guest booted with that kernel.
#
# usage: scripts/check-matrix.sh [SERIES...]     (default: 5.10 6.12)
#
# Environment:
#   MATRIX_JOBS   series run at the same time (default 2: the guests spend
#                 much of their time waiting, so two share 2 cores well)
#   MATRIX_OUT    results (default build/matrix); per series: build.log,
#                 check.log and the module under src/
#   MATRIX_TESTS  selftests to run (default: all, as scripts/check.sh);
#                 "none": only the W=1 builds, no guest
#
# Prints one TAP line per series and build, and the usual last line
# "N passed, N failed, N skipped" summed over the series.  Exit status 0
# when every build was clean and every selftest passed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${MATRIX_JOBS:=2}"
: "${MATRIX_OUT:=$top/build/matrix}"
series=${*:-5.10 6.12}

# build SERIES: the module for that kernel, warnings counted.
build() {
	out=$MATRIX_OUT/$1
	kdir=$(sh "$here/kernels.sh" kdir "$1") || return 1
	rm -rf "$out/src"
	mkdir -p "$out/src"
	git -C "$top" ls-files -z |
		(cd "$top" && xargs -0 cp --parents -t "$out/src")
	# Debian's headers name their own compiler (gcc-10 for 5.10); gcc-12
	# builds them, CC= overrides.
	make -C "$out/src" CC=gcc KDIR="$kdir" W=1 module >"$out/build.log" 2>&1 ||
		return 1
	! grep -E 'warning:|error:' "$out/build.log" >/dev/null
}

# run SERIES: build, then the selftests in a guest with that kernel.
run() {
	out=$MATRIX_OUT/$1
	mkdir -p "$out"
	if ! build "$1"; then
		echo "build-failed" >"$out/status"
		return
	fi
	if [ "${MATRIX_TESTS:-}" = none ]; then
		echo "built" >"$out/status"
		return
	fi
	GUEST_SERIES=$1 OVS_KO=$out/src/openvswitch.ko CHECK_OUT=$out/run \
		sh "$here/check.sh" ${MATRIX_TESTS:-} >"$out/check.log" 2>&1
	echo "ran $?" >"$out/status"
}

mkdir -p "$MATRIX_OUT"
# Fetch first, one at a time (apt is not safe to run in parallel).
for s in $series; do
	rm -f "$MATRIX_OUT/$s/status"
	sh "$here/kernels.sh" fetch "$s" >/dev/null || echo "fetch-failed" >"$MATRIX_OUT/$s/status"
done

running=0
for s in $series; do
	[ ! -f "$MATRIX_OUT/$s/status" ] || continue
	run "$s" &
	running=$((running + 1))
	if [ "$running" -ge "$MATRIX_JOBS" ]; then
		wait
		running=0
	fi
done
wait

pass=0 fail=0 skip=0 rc=0 i=0
echo "TAP version 13"
for s in $series; do
	out=$MATRIX_OUT/$s
	st=$(cat "$out/status" 2>/dev/null || echo missing)
	i=$((i + 1))
	case $st in
	built)
		echo "ok $i - module builds against $s with W=1 and no warning"
		pass=$((pass + 1))
		;;
	ran*)
		echo "ok $i - module builds against $s with W=1 and no warning"
		sed 's/^/# '"$s"': /' "$out/check.log" | grep -E '^# [^:]*: (not ok|ok [0-9]|#   not ok)'
		last=$(tail -n 1 "$out/check.log")
		set -- $last
		pass=$((pass + ${1:-0}))
		fail=$((fail + ${3:-1}))
		skip=$((skip + ${5:-0}))
		i=$((i + 1))
		if [ "$st" = "ran 0" ]; then
			echo "ok $i - selftests with the $s kernel: $last"
		else
			echo "not ok $i - selftests with the $s kernel: $last (log: $out/check.log)"
			rc=1
		fi
		;;
	*)
		echo "not ok $i - module builds against $s with W=1 and no warning ($st)"
		grep -E 'warning:|error:' "$out/build.log" 2>/dev/null | head -n 20 | sed 's/^/#   /'
		fail=$((fail + 1))
		rc=1
		;;
	esac
done
echo "1..$i"
echo "# kernel matrix: $series"
echo "$pass passed, $fail failed, $skip skipped"
exit $rc
