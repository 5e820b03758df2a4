#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install everything "make demo" and "make check" need on a Debian 12 host.
# Idempotent and quick when all packages are already present.  Must run as
# root with the Debian mirrors reachable (only when something is missing).
#
# The host never runs Open vSwitch itself: every test runs inside a QEMU
# guest that boots the Debian 6.1 kernel over the host's root filesystem.
# The host's openvswitch-switch service is therefore kept from starting.

set -eu

PKGS="make gcc libc6-dev binutils cpio gzip xz-utils kmod
qemu-system-x86 linux-image-amd64 linux-headers-amd64
openvswitch-switch openvswitch-common busybox-static
iproute2 iputils-ping netcat-openbsd conntrack tcpdump hping3 ethtool
iperf3 python3 python3-scapy procps psmisc util-linux
python3-pyftpdlib lftp"

# Extra groups, only for the targets that need them:
#   --ovs-testsuite  make check-ovs: OVS's source for its kernel testsuite
#   --dev            make checkpatch / sparse / 6.12 builds
#   --dkms           scripts/dkms.sh (make check's DKMS cycle)
#   --matrix         make check's kernel matrix: pahole for module BTF with
#                    the 6.12 headers
#   --bench          make bench: HTTP server and client for the connection
#                    rate, iptables for the bridge comparison, gnuplot
for arg in "$@"; do
	case $arg in
	--ovs-testsuite) PKGS="$PKGS openvswitch-source python3-sortedcontainers" ;;
	--dev) PKGS="$PKGS linux-source-6.1 sparse dwarves" ;;
	--dkms) PKGS="$PKGS dkms" ;;
	--matrix) PKGS="$PKGS dwarves" ;;
	--bench) PKGS="$PKGS nginx-light apache2-utils iptables gnuplot-nox" ;;
	*) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
	esac
done

missing=""
for p in $PKGS; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing="$missing $p"
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "setup.sh: need root to install:$missing" >&2
		exit 1
	fi
	echo "setup.sh: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	# Keep maintainer scripts from starting services (ovs-vswitchd on
	# the host would try to load a datapath module it cannot use).
	prc=/usr/sbin/policy-rc.d
	own_prc=0
	if [ ! -e "$prc" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$prc"
		chmod 755 "$prc"
		own_prc=1
	fi
	trap 'if [ $own_prc = 1 ]; then rm -f "$prc"; fi' EXIT
	# Refresh the package lists only if the install fails with stale ones.
	if ! apt-get install -y --no-install-recommends $missing; then
		apt-get update
		apt-get install -y --no-install-recommends $missing
	fi
fi

# The host's OVS service must not matter: disable it where an init system
# can, and never fail because of it.
if [ -d /run/systemd/system ]; then
	systemctl disable --now openvswitch-switch ovs-vswitchd ovsdb-server \
		>/dev/null 2>&1 || true
elif [ -x /etc/init.d/openvswitch-switch ]; then
	/etc/init.d/openvswitch-switch stop >/dev/null 2>&1 || true
fi

# Sanity: a 6.1 guest kernel with its modules and headers must exist.
ver=$(ls /boot 2>/dev/null | sed -n 's/^vmlinuz-\(6\.1\.[^ ]*\)$/\1/p' |
	sort -V | tail -n1)
if [ -z "$ver" ] || [ ! -d "/lib/modules/$ver/kernel" ]; then
	echo "setup.sh: no Debian 6.1 kernel in /boot" >&2
	exit 1
fi
if [ ! -d "/usr/src/linux-headers-$ver" ]; then
	echo "setup.sh: headers for $ver missing (linux-headers-amd64 may" \
	     "point at a newer ABI; apt-get install linux-headers-$ver)" >&2
	exit 1
fi
[ -n "$missing" ] && echo "setup.sh: done (guest kernel $ver)"
exit 0
