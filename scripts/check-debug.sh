#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The debug run ("make check-debug"): build the debug kernel
# (scripts/debug-kernel.sh, cached), build openvswitch.ko against it in a
# copy of the tree (./openvswitch.ko, which "make check" uses, is left
# alone), then boot QEMU guests with that kernel, one after the other:
#   1. the KUnit suites, when the build produced any (a test module next to
#      openvswitch.ko, or suites inside it): KTAP from the kernel log,
#      summarised as "kunit: N passed, N failed, N skipped";
#   2. the selftests, through scripts/check.sh with the debug kernel and
#      module selected.
# Each guest clears kmemleak's boot-time suspects first and at the end scans
# twice and keeps the report.  The run fails on any test failure and on any
# KASAN, UBSAN, lockdep, debugobjects or kmemleak report, WARN or BUG in the
# kernel log of either guest; the offending excerpts are printed.
#
# usage: scripts/check-debug.sh [TEST...]
#   TEST: selftests to run (as for scripts/check.sh); default: all.
#
# Environment:
#   CHECK_DEBUG_OUT     results, console logs, kernel logs and kmemleak
#                       reports (default build/check-debug/DATE-PID, linked
#                       from build/check-debug-last; the 5 newest are kept)
#   CHECK_DEBUG_KUNIT   0: skip the KUnit guest
#   CHECK_DEBUG_SELFTESTS 0: skip the selftests guest
#   CHECK_TEST_TIMEOUT  seconds per selftest (default 900: the sanitizers
#                       and lockdep slow the guest down several times)
#   DEBUG_KERNEL_FRAGS  passed to scripts/debug-kernel.sh
#
# In the guest (through guest-run.sh / check.sh's CHECK_HOOK):
#   scripts/check-debug.sh --guest-pre | --guest-post | --guest-kunit
#
# Exit status: 0 when everything passed and the kernel reported nothing.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
kmemleak=/sys/kernel/debug/kmemleak

# ---------------------------------------------------------------------------
# In the guest.

# Forget what kmemleak suspects from boot: scan once, then clear the list.
guest_pre() {
	[ -w "$kmemleak" ] || { echo "# check-debug: no kmemleak in this kernel"; return 0; }
	echo scan >"$kmemleak" && echo clear >"$kmemleak"
	echo "# check-debug: kmemleak cleared after boot"
}

# Two scans a few seconds apart (an object must look unreferenced and
# unchanged in both), then keep the report and the whole kernel log.
guest_post() {
	if [ -w "$kmemleak" ]; then
		echo "# check-debug: scanning for leaks"
		echo scan >"$kmemleak"
		sleep 6
		echo scan >"$kmemleak"
		cat "$kmemleak" >"$GUEST_OUT/kmemleak.txt" 2>&1
		if [ -s "$GUEST_OUT/kmemleak.txt" ]; then
			echo "# check-debug: kmemleak reports $(grep -c '^unreferenced object' \
				"$GUEST_OUT/kmemleak.txt") object(s)"
		else
			echo "# check-debug: kmemleak reports nothing"
		fi
	fi
	dmesg >"$GUEST_OUT/dmesg.txt" 2>&1
}

# The KUnit guest boots with no datapath module loaded, so that kmemleak's
# slate is clean before our module's init: load openvswitch.ko (its own
# suites run then), then each KUnit test module (theirs run at load),
# unload everything in reverse and scan.  The kernel log keeps the KTAP.
guest_kunit() {
	guest_pre
	echo "# check-debug: insmod $OVS_KO"
	insmod "$OVS_KO" || echo "# check-debug: insmod $OVS_KO failed ($?)"
	loaded=
	for ko in ${KUNIT_KOS:-}; do
		echo "# check-debug: insmod $ko"
		if insmod "$ko"; then
			loaded="$(basename "$ko" .ko) $loaded"
		else
			echo "# check-debug: insmod $ko failed"
		fi
	done
	for m in $loaded openvswitch; do
		[ -d "/sys/module/$m" ] || continue
		rmmod "$m" || echo "rmmod $m" >>"$GUEST_OUT/rmmod-failed"
	done
	guest_post
}

case "${1:-}" in
--guest-pre) guest_pre; exit 0 ;;
--guest-post) guest_post; exit 0 ;;
--guest-kunit) guest_kunit; exit 0 ;;
esac

# ---------------------------------------------------------------------------
# On the host.

: "${CHECK_DEBUG_KUNIT:=1}"
: "${CHECK_DEBUG_SELFTESTS:=1}"
: "${CHECK_TEST_TIMEOUT:=900}"
export CHECK_TEST_TIMEOUT

if [ -z "${CHECK_DEBUG_OUT:-}" ]; then
	runs=$top/build/check-debug
	mkdir -p "$runs"
	CHECK_DEBUG_OUT=$runs/$(date +%Y%m%d-%H%M%S)-$$
	ls -1d "$runs"/*/ 2>/dev/null | sort | head -n -4 |
		while read -r old; do rm -rf "$old"; done
	ln -sfn "$CHECK_DEBUG_OUT" "$top/build/check-debug-last"
else
	rm -rf "$CHECK_DEBUG_OUT"
fi
mkdir -p "$CHECK_DEBUG_OUT"
out=$CHECK_DEBUG_OUT
t0=$(date +%s)

# 1. The kernel.
ts=$(date +%s)
env=$(sh "$here/debug-kernel.sh" env) || { echo "check-debug: no debug kernel" >&2; exit 2; }
GUEST_NO_PVH=${GUEST_NO_PVH:-}
eval "$env"
export GUEST_KERNEL GUEST_KVER GUEST_MODROOT
# Set by debug-kernel.sh when the kernel cannot boot through PVH (KASAN).
if [ -n "$GUEST_NO_PVH" ]; then
	export GUEST_NO_PVH
else
	unset GUEST_NO_PVH
fi
echo "# check-debug: kernel $GUEST_KVER ready after $(($(date +%s) - ts))s ($KDIR)"

# 2. The module, in a copy of the tree kept between runs (rsync keeps the
# timestamps, so an unchanged file is not rebuilt).  -g: KASAN and lockdep
# reports in our code resolve to file:line with scripts/faddr2line.
ts=$(date +%s)
mod=$top/build/debug-module
mkdir -p "$mod"
rsync -a --delete --exclude=/build/ --exclude=/.git/ --exclude=/.cache/ \
	--exclude=/compat/generated/ --exclude='*.o' --exclude='*.ko' \
	--exclude='*.mod' --exclude='*.mod.c' --exclude='.*.cmd' \
	--exclude='*.order' --exclude=Module.symvers --exclude='.*.d' \
	--filter='P /compat/generated/' --filter='P *.o' --filter='P *.ko' \
	--filter='P *.mod' --filter='P *.mod.c' --filter='P .*.cmd' \
	--filter='P *.order' --filter='P Module.symvers' --filter='P .*.d' \
	"$top/" "$mod/"
if ! make -C "$mod" KDIR="$KDIR" KCFLAGS=-g module >"$out/module-build.log" 2>&1; then
	tail -n 40 "$out/module-build.log" >&2
	echo "check-debug: the module does not build against $KDIR" >&2
	exit 1
fi
OVS_KO=$mod/openvswitch.ko
export OVS_KO
kunit_kos=
for m in $(sed 's/\.o$/.ko/' "$mod/modules.order" 2>/dev/null); do
	case "$m" in
	openvswitch.ko|*/openvswitch.ko) ;;
	*) kunit_kos="$kunit_kos $mod/${m#"$mod"/}" ;;
	esac
done
# -W: readelf truncates long section names otherwise.
kunit_inside=0
if readelf -W -S "$OVS_KO" 2>/dev/null | grep -q '\.kunit_test_suites'; then
	kunit_inside=1
fi
echo "# check-debug: module built in $(($(date +%s) - ts))s: $OVS_KO${kunit_kos:+ + KUnit:$kunit_kos}"

# scan_kernel_log NAME FILE...: print the kernel reports found in the
# first readable FILE (the whole dmesg the guest saved, or the console when
# the guest died first) and in a kmemleak report; returns 0 when there is
# one.  Only kernel lines (printk timestamps) count: userspace output on
# the console may quote the patterns.
BAD='BUG:|WARNING:|UBSAN:|kernel BUG at|Oops|general protection fault|possible circular locking|suspicious RCU usage|inconsistent lock state|possible recursive locking|ODEBUG:|refcount_t:|list_(add|del) corruption|unregister_netdevice: waiting|Kernel panic|rcu: INFO|new suspected memory leak'
scan_kernel_log() {
	name=$1
	shift
	rc=1
	scanned=0
	for f in "$@"; do
		[ -s "$f" ] || continue
		case "$f" in
		*kmemleak.txt)
			n=$(grep -c '^unreferenced object' "$f")
			ours=$(grep -c '\[openvswitch\]' "$f")
			echo "# check-debug: $name: kmemleak: $n unreferenced object(s)," \
				"$ours backtrace line(s) in openvswitch ($f):"
			head -n 80 "$f" | sed 's/^/#   /'
			rc=0
			continue
			;;
		esac
		[ "$scanned" = 0 ] || continue
		scanned=1
		tr -d '\r' <"$f" | grep -aE '^\[ *[0-9]+\.[0-9]+\]' |
			sed 's/^\[ *[0-9]*\.[0-9]*\] //' >"$f.kernel"
		if grep -aEq "$BAD" "$f.kernel"; then
			echo "# check-debug: $name: kernel reports in $f:"
			# Up to 5 excerpts of 40 lines, each starting at a report
			# line past the previous excerpt.
			awk -v re="$BAD" '
				{ line[NR] = $0 }
				END {
					shown = 0; until = 0
					for (i = 1; i <= NR && shown < 5; i++) {
						if (i <= until || line[i] !~ re) continue
						for (j = i; j <= NR && j < i + 40; j++)
							print "#   " line[j]
						print "#   ----"
						until = i + 39; shown++
					}
				}' "$f.kernel"
			rc=0
		fi
		rm -f "$f.kernel"
	done
	return $rc
}

# resolve_ours FILE...: file:line of every frame in our module that the
# reports in FILE name (sym+0xoff/0xsize [openvswitch]), via the kernel's
# scripts/faddr2line and the -g build of the module.  Inlined code is
# shown innermost first: "skbuff.h:2884 < udp.h:23 < ovs_kunit_ct.c:650".
resolve_ours() {
	f2l=$KDIR/source/scripts/faddr2line
	[ -x "$f2l" ] || return 0
	echo "# check-debug: our frames in these reports:"
	cat "$@" 2>/dev/null | tr -d '\r' | grep -a '\[openvswitch\]' |
		grep -aoE '[A-Za-z0-9_.]+\+0x[0-9a-f]+/0x[0-9a-f]+' |
		awk '!seen[$0]++' | head -n 40 | while read -r frame; do
			where=$("$f2l" "$OVS_KO" "$frame" 2>/dev/null |
				sed -n 's/^.* at //p' |
				sed -e "s|^$mod/||" -e 's|^.*/include/|include/|' |
				paste -sd'<' - | sed 's/</ < /g')
			echo "# check-debug:   $frame: ${where:-?}"
		done
}

fail=0
summary=

# 3. KUnit.
if [ "$CHECK_DEBUG_KUNIT" = 1 ] && { [ -n "$kunit_kos" ] || [ "$kunit_inside" = 1 ]; }; then
	ts=$(date +%s)
	KUNIT_KOS=$kunit_kos
	export KUNIT_KOS
	# loglevel=7: the KTAP (KERN_INFO) reaches the console too, so the
	# results up to a crash are kept even when the guest cannot save dmesg.
	GUEST_OUT=$out/kunit GUEST_ENV="KUNIT_KOS" GUEST_APPEND="loglevel=7" \
		GUEST_TIMEOUT=1800 OVS_MODULE=none \
		sh "$here/guest-run.sh" "sh scripts/check-debug.sh --guest-kunit" \
		>"$out/kunit.log" 2>&1
	grc=$?
	# KTAP: test-case lines are indented once; suites are not indented.
	klog=$out/kunit/dmesg.txt
	[ -s "$klog" ] || klog=$out/kunit/console.log
	tr -d '\r' <"$klog" 2>/dev/null | sed 's/^\[ *[0-9]*\.[0-9]*\] //' |
		awk '/^(    )?KTAP version|^(    )?# Subtest:|^(    )*(not )?ok [0-9]|^(    )*1\.\.[0-9]|^    # / { print }' \
		>"$out/kunit.ktap"
	kp=$(grep -Ec '^    ok [0-9]+ ' "$out/kunit.ktap")
	ks=$(grep -Ec '^    ok [0-9]+ .*# SKIP' "$out/kunit.ktap")
	kf=$(grep -Ec '^    not ok [0-9]+ ' "$out/kunit.ktap")
	suites=$(grep -Ec '^(not )?ok [0-9]+ ' "$out/kunit.ktap")
	kp=$((kp - ks))
	# One line per suite, in the order they ran.
	awk '/^    # Subtest: / { s = $3; if (!(s in seen)) { seen[s] = 1; order[++n] = s } }
	     /^    ok [0-9]+ / { if ($0 ~ /# SKIP/) k[s]++; else p[s]++ }
	     /^    not ok [0-9]+ / { f[s]++ }
	     END { for (i = 1; i <= n; i++)
			printf "# kunit: %s: %d passed, %d failed, %d skipped\n",
				order[i], p[order[i]], f[order[i]], k[order[i]] }' \
		"$out/kunit.ktap"
	grep -E '^    not ok|^not ok' "$out/kunit.ktap" | sed 's/^/# kunit: /'
	if [ "$grc" -ne 0 ]; then
		echo "# check-debug: the KUnit guest ended with status $grc (see $out/kunit.log)"
		fail=1
	fi
	if [ -s "$out/kunit/rmmod-failed" ]; then
		echo "# check-debug: unloading failed: $(cat "$out/kunit/rmmod-failed")"
		fail=1
	fi
	if [ $((kp + kf + ks)) -eq 0 ]; then
		echo "# check-debug: no KTAP test results in the kernel log"
		kf=$((kf + 1))
	fi
	[ "$kf" -eq 0 ] || fail=1
	if scan_kernel_log kunit "$out/kunit/dmesg.txt" "$out/kunit/console.log" \
		"$out/kunit/kmemleak.txt"; then
		fail=1
		resolve_ours "$out/kunit/dmesg.txt" "$out/kunit/console.log" \
			"$out/kunit/kmemleak.txt"
	fi
	echo "# check-debug: KUnit guest took $(($(date +%s) - ts))s"
	summary="kunit: $kp passed, $kf failed, $ks skipped ($suites suites)"
	echo "$summary"
elif [ "$CHECK_DEBUG_KUNIT" = 1 ]; then
	if grep -q '^CONFIG_KUNIT=y' "$KDIR/.config" 2>/dev/null; then
		echo "# check-debug: the kernel has CONFIG_KUNIT but the module no KUnit suite"
		fail=1
	else
		echo "# check-debug: no KUnit in this kernel, KUnit skipped"
	fi
fi

# 4. The selftests.
if [ "$CHECK_DEBUG_SELFTESTS" = 1 ]; then
	ts=$(date +%s)
	ntests=$#
	[ "$ntests" -gt 0 ] || ntests=$(ls "$top"/selftests/[0-9]*.sh | wc -l)
	: "${GUEST_TIMEOUT:=$((600 + 600 * ntests))}"
	export GUEST_TIMEOUT
	CHECK_OUT=$out/selftests CHECK_HOOK=$here/check-debug.sh \
		GUEST_APPEND="loglevel=5" OVS_MODULE=ours \
		sh "$here/check.sh" "$@" | tee "$out/selftests.log"
	src=$(tail -n1 "$out/selftests.log")
	case "$src" in
	*" 0 failed,"*) ;;
	*) fail=1 ;;
	esac
	grep -q '^# check: the guest ended with status' "$out/selftests.log" && fail=1
	if scan_kernel_log selftests "$out/selftests/dmesg.txt" \
		"$out/selftests/console.log" "$out/selftests/kmemleak.txt"; then
		fail=1
		resolve_ours "$out/selftests/dmesg.txt" "$out/selftests/console.log" \
			"$out/selftests/kmemleak.txt"
	fi
	echo "# check-debug: selftests guest took $(($(date +%s) - ts))s"
	summary="${summary:+$summary; }selftests: $src"
fi

if [ -z "$summary" ]; then
	echo "# check-debug: nothing run"
	fail=1
else
	echo "# check-debug: $summary"
fi
echo "# check-debug: $(($(date +%s) - t0))s in total, output in $out"
if [ "$fail" -ne 0 ]; then
	echo "check-debug: FAILED"
	exit 1
fi
echo "check-debug: passed"
exit 0
