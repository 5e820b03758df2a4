#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build OVS 3.1 from Debian's openvswitch-source package once, for its kernel
# testsuite.  usage: scripts/ovs-build.sh DEST (DEST ends in /openvswitch)
set -eu
dest=$1

# Under TCG, ovs-vswitchd's first poll loops take over a second, so it logs
# "Unreasonably long ... poll interval" (timeval|WARN) and a coverage dump
# (coverage|INFO) on stderr at start-up.  The testsuite compares that stderr
# to a fixed list and would fail every test for slowness alone, whichever
# module is loaded.  Filter exactly those lines where the testsuite filters
# its other start-up chatter; its log scan (check_logs) already ignores them.
# The filters are written so that they do not themselves contain "|WARN|":
# check_logs greps every *.log of a test, and the testsuite's own log (which
# echoes the commands) is one of them.
tcg_filters() {
	for ts in "$dest/tests/system-kmod-testsuite" \
		  "$dest/tests/system-userspace-testsuite"; do
		grep -q '^/timeval\[|\]WARN\[|\]/d$' "$ts" && continue
		sed -i 's,^/ovs_numa|INFO|Discovered /d$,&\n/timeval[|]WARN[|]/d\n/coverage[|]INFO[|]/d,' "$ts"
	done
}

if [ -x "$dest/vswitchd/ovs-vswitchd" ] && [ -f "$dest/tests/atconfig" ]; then
	tcg_filters
	exit 0
fi
tarball=/usr/src/openvswitch/openvswitch.tar.gz
if [ ! -f "$tarball" ]; then
	echo "ovs-build: $tarball missing (scripts/setup.sh installs openvswitch-source)" >&2
	exit 1
fi
parent=$(dirname "$dest")
mkdir -p "$parent"
rm -rf "$dest"
tar -C "$parent" -xzf "$tarball"
cd "$dest"
echo "ovs-build: configuring OVS in $dest"
./configure --prefix=/usr --localstatedir=/var --sysconfdir=/etc \
	--disable-ssl PYTHON3=/usr/bin/python3 > ../configure.log 2>&1
echo "ovs-build: building (a few minutes)"
make -j"$(nproc)" > ../make.log 2>&1
tcg_filters
