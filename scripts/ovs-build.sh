#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build OVS 3.1 from Debian's openvswitch-source package once, for its kernel
# testsuite.  usage: scripts/ovs-build.sh DEST (DEST ends in /openvswitch)
set -eu
dest=$1
[ -x "$dest/vswitchd/ovs-vswitchd" ] && [ -f "$dest/tests/atconfig" ] && exit 0
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
