#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the project's own x86_64 test kernel from Debian's linux-source-6.1
# package: tinyconfig + kvm_guest.config + scripts/kconfig/ovs-test.config
# (+ scripts/kconfig/ovs-debug.config: KASAN, kmemleak, lockdep, UBSAN...),
# merged with the kernel's merge_config.sh.  Every option of our fragments
# must survive "make olddefconfig", or the build stops and names the options
# that were dropped.  Out-of-tree modules build against the result with
# "make KDIR=<build tree>"; scripts/guest-run.sh boots it with
# GUEST_KERNEL/GUEST_KVER/GUEST_MODROOT (see "env" below).
#
# usage: scripts/debug-kernel.sh [build]   build (cached), print a summary
#        scripts/debug-kernel.sh kdir      the build tree (KDIR=) alone
#        scripts/debug-kernel.sh image     the bzImage alone
#        scripts/debug-kernel.sh kver      the kernel release alone
#        scripts/debug-kernel.sh modroot   the root holding lib/modules/KVER
#        scripts/debug-kernel.sh env       shell assignments for guest-run.sh
#                                          (GUEST_KERNEL GUEST_KVER
#                                          GUEST_MODROOT, and GUEST_NO_PVH
#                                          when it must be set) and KDIR
#   Every command builds first when needed (progress goes to stderr, the
#   answer alone to stdout).
#
# Environment:
#   DEBUG_KERNEL_DIR   where everything goes (default <repo>/build/debug-kernel)
#   DEBUG_KERNEL_FRAGS fragments of scripts/kconfig/ to merge, in order
#                      (default "ovs-test ovs-debug"; "ovs-test" alone gives
#                      the test kernel without the sanitizers)
#   JOBS               parallel make jobs (default: nproc)
#   CCACHE_DIR         compiler cache (default $DEBUG_KERNEL_DIR/ccache, 5 GiB)
#
# Layout: $DEBUG_KERNEL_DIR/src-<package version>/ is the unpacked source
# (never modified: the kernel is built with O=), <hash>/ the build tree of
# one configuration, keyed by the package version, the fragments, the
# compiler and this script's build recipe; <hash>/modroot/lib/modules/KVER
# holds modules_install's output (modules.builtin lets modprobe accept the
# built-in drivers).  A finished build leaves <hash>/.built; a repeated run
# with nothing changed only checks that stamp.  Different configurations
# share the ccache.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${DEBUG_KERNEL_DIR:=$top/build/debug-kernel}"
: "${DEBUG_KERNEL_FRAGS:=ovs-test ovs-debug}"
: "${JOBS:=$(nproc)}"
: "${CCACHE_DIR:=$DEBUG_KERNEL_DIR/ccache}"
export CCACHE_DIR

# Bump when the build recipe below changes in a way that changes the output.
RECIPE=1

die() { echo "debug-kernel: $*" >&2; exit 1; }
log() { echo "debug-kernel: $*" >&2; }

usage() {
	sed -n '/^# usage:/,/^# Environment/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

cmd=${1:-build}
case "$cmd" in
build|kdir|image|kver|modroot|env) ;;
*) usage ;;
esac

# ---------------------------------------------------------------------------
# Tools and the source package, installed with apt when missing.
need_pkgs() {
	missing=
	for p in "$@"; do
		st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
		[ "$st" = installed ] || missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	[ "$(id -u)" = 0 ] || die "need root to install:$missing"
	log "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	apt-get install -y --no-install-recommends $missing >&2 || {
		apt-get update >&2
		apt-get install -y --no-install-recommends $missing >&2
	}
}
need_pkgs linux-source-6.1 ccache make gcc libc6-dev bc bison flex \
	libelf-dev libssl-dev cpio xz-utils kmod

tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || die "$tarball missing after installing linux-source-6.1"
pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.1)

frags=
for f in $DEBUG_KERNEL_FRAGS; do
	p=$here/kconfig/$f.config
	[ -r "$p" ] || die "no fragment $p"
	frags="$frags $p"
done

key=$( {
	echo "recipe $RECIPE"
	echo "linux-source-6.1 $pkgver"
	gcc --version | head -n1
	for p in $frags; do
		echo "fragment $(basename "$p")"
		cat "$p"
	done
} | sha256sum | cut -c1-16)

src=$DEBUG_KERNEL_DIR/src-$pkgver
out=$DEBUG_KERNEL_DIR/$key
mkdir -p "$DEBUG_KERNEL_DIR"

# One build per tree at a time; a second caller waits for the first.
exec 9>"$DEBUG_KERNEL_DIR/.lock-$key"
flock 9

# ---------------------------------------------------------------------------
# The source tree, unpacked once per package version.
if [ ! -f "$src/Makefile" ]; then
	log "unpacking $tarball ($pkgver)"
	tmp=$(mktemp -d "$DEBUG_KERNEL_DIR/src.XXXXXX")
	tar -xJf "$tarball" -C "$tmp"
	rm -rf "$src"
	mv "$tmp/linux-source-6.1" "$src"
	rmdir "$tmp"
fi

# The fixed build identity keeps init/version.o and friends identical from
# one build to the next, so that ccache hits.
kmake() {
	make -C "$src" O="$out" ARCH=x86_64 \
		CC="ccache gcc" HOSTCC="ccache gcc" \
		KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 2026" \
		KBUILD_BUILD_USER=ovs KBUILD_BUILD_HOST=debug-kernel \
		KBUILD_BUILD_VERSION=1 "$@"
}

# verify_config: every assignment of our fragments (the last one of each
# option wins, as in merge_config.sh) must be in the final .config.
verify_config() {
	bad=$(
		for p in $frags; do
			sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' \
				-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1 n/p' "$p"
		done | awk '{ want[$1] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
			END { for (i = 1; i <= n; i++) print order[i], want[order[i]] }' |
		while read -r opt val; do
			if [ "$val" = n ]; then
				have=$(sed -n "s/^$opt=//p" "$out/.config")
				[ -z "$have" ] || echo "$opt: wanted n, got $have"
			else
				have=$(sed -n "s/^$opt=//p" "$out/.config")
				[ "$have" = "$val" ] ||
					echo "$opt: wanted $val, got ${have:-n}"
			fi
		done
	)
	if [ -n "$bad" ]; then
		echo "debug-kernel: options of$frags did not survive olddefconfig:" >&2
		echo "$bad" | sed 's/^/debug-kernel:   /' >&2
		echo "debug-kernel: (a dependency is missing or the option has no prompt)" >&2
		return 1
	fi
	return 0
}

if [ ! -f "$out/.built" ] || [ ! -s "$out/arch/x86/boot/bzImage" ]; then
	command -v ccache >/dev/null || die "ccache missing"
	ccache -M 5G >/dev/null 2>&1 || true
	export CCACHE_BASEDIR="$DEBUG_KERNEL_DIR"
	export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
	mkdir -p "$out"
	start=$(date +%s)
	# An interrupted build resumes without configuring again.
	if [ ! -f "$out/.configured" ] || [ ! -f "$out/.config" ]; then
		log "configuring $out (fragments:$(for p in $frags; do printf ' %s' "$(basename "$p")"; done))"
		rm -f "$out/.configured"
		kmake -s tinyconfig >"$out/config.log" 2>&1 ||
			{ cat "$out/config.log" >&2; die "make tinyconfig failed"; }
		KCONFIG_CONFIG=$out/.config sh "$src/scripts/kconfig/merge_config.sh" -m \
			-O "$out" "$out/.config" "$src/kernel/configs/kvm_guest.config" \
			$frags >>"$out/config.log" 2>&1 ||
			{ cat "$out/config.log" >&2; die "merge_config.sh failed"; }
		kmake -s olddefconfig >>"$out/config.log" 2>&1 ||
			{ cat "$out/config.log" >&2; die "make olddefconfig failed"; }
		verify_config || die "configuration rejected (see $out/.config)"
		: >"$out/.configured"
	fi
	log "building with $JOBS jobs (log: $out/build.log)"
	ccache -z >/dev/null 2>&1 || true
	if ! kmake -j"$JOBS" bzImage modules >"$out/build.log" 2>&1; then
		grep -E -B2 -A8 'error|Error' "$out/build.log" | tail -n 60 >&2
		die "kernel build failed (log: $out/build.log)"
	fi
	rm -rf "$out/modroot"
	kmake -s INSTALL_MOD_PATH="$out/modroot" modules_install \
		>>"$out/build.log" 2>&1 || die "modules_install failed"
	kver=$(cat "$out/include/config/kernel.release")
	# The build and source links would make the modroot point back into
	# the build tree; nothing in the guest needs them.
	rm -f "$out/modroot/lib/modules/$kver/build" \
		"$out/modroot/lib/modules/$kver/source"
	secs=$(($(date +%s) - start))
	hits=$(ccache -s 2>/dev/null | sed -n 's/^ *Hits: *\([0-9]* \/ *[0-9]*\).*/\1/p' |
		head -n1)
	log "built $kver in ${secs}s (ccache hits: ${hits:-?} compilations)"
	echo "$key $kver ${secs}s" >"$out/.built"
fi

kver=$(cat "$out/include/config/kernel.release")
image=$out/arch/x86/boot/bzImage
modroot=$out/modroot
# With KASAN, 6.1's PVH entry code (xen_prepare_pvh) is instrumented and
# faults before the shadow memory exists: the guest must boot the bzImage.
no_pvh=
if grep -q '^CONFIG_KASAN=y' "$out/.config" &&
	grep -q '^CONFIG_PVH=y' "$out/.config"; then
	no_pvh=1
fi

case "$cmd" in
kdir) echo "$out" ;;
image) echo "$image" ;;
kver) echo "$kver" ;;
modroot) echo "$modroot" ;;
env)
	echo "KDIR='$out'"
	echo "GUEST_KERNEL='$image'"
	echo "GUEST_KVER='$kver'"
	echo "GUEST_MODROOT='$modroot'"
	[ -z "$no_pvh" ] || echo "GUEST_NO_PVH='1'"
	;;
build)
	echo "debug kernel $kver (fragments:$DEBUG_KERNEL_FRAGS, key $key)"
	echo "  bzImage: $image"
	echo "  KDIR:    $out   (make KDIR=$out)"
	echo "  modroot: $modroot   (GUEST_MODROOT)"
	echo "  boot:    GUEST_KERNEL=$image GUEST_KVER=$kver \\"
	echo "           GUEST_MODROOT=$modroot${no_pvh:+ GUEST_NO_PVH=1} \\"
	echo "           sh scripts/guest-run.sh CMD"
	;;
esac
