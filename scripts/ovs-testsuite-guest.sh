#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs inside the guest: OVS 3.1's system testsuite (tests/system-traffic.at)
# as `make check-kernel` runs it (OVS_SUITE=kmod, the default), against
# whatever openvswitch module modprobe finds, or as `make
# check-system-userspace` runs it (OVS_SUITE=userspace, dpif-netdev).
# Arguments are autotest test numbers of that suite.  Prints the kernel,
# OVS and module identity (OVSINFO lines) and one line per test:
#   OVSTEST <num> <ok|FAILED|skipped|xfail> <title>
set -u
src=$1
shift
cd "$src" || exit 2
# Under TCG a single poll loop of an OVS utility can exceed 1 s, and the
# utility then logs "Unreasonably long ... poll interval", a coverage dump
# and poll_loop wakeup reasons on stderr, which fails any AT_CHECK expecting empty stderr.  The
# utilities run through wrappers that drop exactly those lines (built so
# that this script holds no literal "|WARN|": check_logs reads the logs).
# Daemons (ovs-ofctl monitor --detach) are not wrapped: their stderr is
# the test's log file long after the wrapper would have returned.
wrap=/tmp/ovs-tcg-wrap
mkdir -p "$wrap"
for u in ovs-ofctl ovs-appctl ovs-vsctl ovs-dpctl; do
	cat > "$wrap/$u" <<WRAP
#!/bin/sh
# A daemon (--detach) keeps writing to its stderr after this returns.
for a in "\$@"; do
	[ "\$a" != --detach ] || exec "$src/utilities/$u" "\$@"
done
err=\$(mktemp)
"$src/utilities/$u" "\$@" 2>"\$err"
rc=\$?
grep -v -e '[|]timeval[|]WARN[|]' -e '[|]coverage[|]INFO[|]' \\
	-e '[|]poll_loop[|]INFO[|]' "\$err" >&2
rm -f "\$err"
exit \$rc
WRAP
	chmod 755 "$wrap/$u"
done
ap="$wrap:utilities:vswitchd:ovsdb:vtep:tests:ipsec:"
# Everything is slow under TCG: give ovs-*ctl more time than the default.
export OVS_CTL_TIMEOUT=120
suite=system-${OVS_SUITE:-kmod}-testsuite
echo "OVSINFO kernel $(uname -r)"
echo "OVSINFO ovs $(vswitchd/ovs-vswitchd --version | head -n 1)"
if [ "${OVS_SUITE:-kmod}" = kmod ]; then
	echo "OVSINFO module $(modinfo -n openvswitch) srcversion $(modinfo -F srcversion openvswitch)"
fi
# dpif-netdev's internal ports are tap devices.
if [ "${OVS_SUITE:-kmod}" = userspace ]; then
	modprobe tun 2>/dev/null
	if [ ! -c /dev/net/tun ]; then
		mkdir -p /dev/net
		mknod /dev/net/tun c 10 200
	fi
fi
# One testsuite run per test, its verdict printed at once: a guest that
# runs out of time still reports the tests it finished.  The testsuite
# prints "  N: title    ok" (or FAILED, skipped, expected failure).
rc=0
: > /tmp/ovs-testsuite.out
for n in "$@"; do
	rm -rf "tests/$suite.dir/$n"
	sh "tests/$suite" -C tests AUTOTEST_PATH="$ap" -j1 "$n" \
		> /tmp/ovs-testsuite.one 2>&1 || rc=1
	cat /tmp/ovs-testsuite.one >> /tmp/ovs-testsuite.out
	sed -n 's/^ *\([0-9][0-9]*\): \(.*[^ ]\)  *\(ok\|FAILED\|skipped\|expected failure\)\( (.*)\)\{0,1\}$/OVSTEST \1 \3 \2/p' \
		/tmp/ovs-testsuite.one | sed 's/^\(OVSTEST [0-9]*\) expected failure /\1 xfail /'
	# Each run rewrites the suite's log: keep them all.
	cat "tests/$suite.log" >> /tmp/ovs-testsuite.log 2>/dev/null
done

tail -n 20 /tmp/ovs-testsuite.out
if [ -n "${OVS_RESULTS:-}" ] && [ -d "$OVS_RESULTS" ]; then
	cp /tmp/ovs-testsuite.log "$OVS_RESULTS/$suite.log" 2>/dev/null
	# Failed tests keep their directory: logs only (no sockets).
	for d in "tests/$suite.dir"/[0-9]*; do
		[ -d "$d" ] || continue
		mkdir -p "$OVS_RESULTS/$(basename "$d")"
		cp "$d"/*.log "$OVS_RESULTS/$(basename "$d")/" 2>/dev/null
	done
fi
for d in "tests/$suite.dir"/[0-9]*; do
	[ -d "$d" ] || continue
	echo "=== failed test dir $d"
	tail -n 60 "$d/$suite.log" 2>/dev/null
done
exit $rc
