#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the Debian 6.1 kernel in QEMU (TCG, no network device) over a
# read-only virtio-9p view of this machine's root filesystem with a tmpfs
# overlay, load the chosen openvswitch module and run one shell command in
# the guest.  The guest's console streams to stdout and this script exits
# with the guest command's exit status.
#
# usage: scripts/guest-run.sh 'shell command' [more words...]
#   Several arguments are quoted and joined into one command line; one
#   argument is used as is.  The guest runs it with /bin/sh -c in the
#   caller's current directory (the guest sees the host's files read-only,
#   writes go to a tmpfs overlay and vanish with the guest).
#
# Environment:
#   OVS_MODULE     ours (default): load $OVS_KO in place of the in-tree
#                  module and prove it was loaded; intree: the kernel's own
#                  openvswitch.ko; none: load nothing
#   OVS_KO         our module (default: <repo>/openvswitch.ko)
#   GUEST_TIMEOUT  seconds before QEMU is killed (default 900)
#   GUEST_MEM      MiB of guest memory (default 2048); GUEST_SMP vCPUs (2)
#   GUEST_SERIES   5.10, 6.1 or 6.12: boot that Debian kernel as fetched by
#                  scripts/kernels.sh (sets the three variables below)
#   GUEST_KVER     guest kernel release (default: newest /boot/vmlinuz-6.1.*)
#   GUEST_KERNEL   kernel image (default /boot/vmlinuz-$GUEST_KVER)
#   GUEST_MODROOT  directory holding lib/modules/$GUEST_KVER when that kernel
#                  is not installed on the host (e.g. a dpkg -x root)
#                  A kernel with virtio-pci, 9p and overlayfs built in (such
#                  as scripts/debug-kernel.sh builds) needs no modules
#                  directory at all: without one, the initramfs carries no
#                  modules and our module is indexed on its own.
#   GUEST_OUT      host directory the guest may write to (mounted at
#                  $GUEST_OUT in the guest too, via the run share); default:
#                  a fresh per-run directory, removed afterwards
#   GUEST_ENV      names of extra environment variables to pass in
#   GUEST_APPEND   extra kernel command line words
#   GUEST_CACHE    where the initramfs is cached (default <repo>/build/guest)
#
# Exit status: the command's, or 124 on timeout, 125 when the guest died
# without reporting a status (panic, boot failure), 126 when the module
# could not be loaded or proven, 2 on usage errors.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

if [ $# -eq 0 ]; then
	sed -n '/^# usage:/,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi

: "${OVS_MODULE:=ours}"
: "${OVS_KO:=$top/openvswitch.ko}"
: "${GUEST_TIMEOUT:=900}"
: "${GUEST_MEM:=2048}"
: "${GUEST_SMP:=2}"
: "${GUEST_CACHE:=$top/build/guest}"
: "${GUEST_MODROOT:=}"
: "${GUEST_ENV:=}"
: "${GUEST_APPEND:=}"

# Another Debian kernel series, fetched by scripts/kernels.sh.
if [ -n "${GUEST_SERIES:-}" ]; then
	GUEST_KVER=$(sh "$here/kernels.sh" kver "$GUEST_SERIES") &&
	GUEST_KERNEL=$(sh "$here/kernels.sh" image "$GUEST_SERIES") &&
	GUEST_MODROOT=$(sh "$here/kernels.sh" modroot "$GUEST_SERIES") || {
		echo "guest-run: cannot get the $GUEST_SERIES kernel" >&2
		exit 2
	}
fi
if [ -z "${GUEST_KVER:-}" ]; then
	GUEST_KVER=$(ls /boot | sed -n 's/^vmlinuz-\(6\.1\..*\)$/\1/p' |
		sort -V | tail -n1)
fi
[ -n "$GUEST_KVER" ] || { echo "guest-run: no /boot/vmlinuz-6.1.*" >&2; exit 2; }
: "${GUEST_KERNEL:=/boot/vmlinuz-$GUEST_KVER}"
moddir=${GUEST_MODROOT:+$GUEST_MODROOT}/lib/modules/$GUEST_KVER
[ -r "$GUEST_KERNEL" ] || { echo "guest-run: $GUEST_KERNEL unreadable" >&2; exit 2; }
if [ ! -d "$moddir" ]; then
	# Only a kernel of our own may come without modules; a Debian kernel
	# without its modules cannot mount the host root.
	if [ -n "$GUEST_MODROOT" ] || [ "$GUEST_KERNEL" = "/boot/vmlinuz-$GUEST_KVER" ]; then
		echo "guest-run: $moddir missing" >&2
		exit 2
	fi
	moddir=
fi
case "$OVS_MODULE" in
ours)
	OVS_KO=$(realpath "$OVS_KO" 2>/dev/null || echo "$OVS_KO")
	[ -f "$OVS_KO" ] || {
		echo "guest-run: OVS_MODULE=ours but $OVS_KO is missing" \
			"(build it, or use OVS_MODULE=intree)" >&2
		exit 2
	}
	;;
intree|none) ;;
*) echo "guest-run: OVS_MODULE must be ours, intree or none" >&2; exit 2 ;;
esac
command -v qemu-system-x86_64 >/dev/null ||
	{ echo "guest-run: qemu-system-x86_64 missing (make setup)" >&2; exit 2; }

# ---------------------------------------------------------------------------
# The initramfs: static busybox, the 9p/overlay module closure, our /init.
# Rebuilt whenever any input changes.
mkdir -p "$GUEST_CACHE"
initrd=$GUEST_CACHE/initramfs-$GUEST_KVER.cpio.gz
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "guest-run: $busybox missing (busybox-static)" >&2; exit 2; }

# modprobe answers "builtin NAME" for a driver built into the kernel; the
# list is then empty, which is fine.
modlist=
if [ -n "$moddir" ]; then
	deps=$(
		for m in virtio_pci 9pnet_virtio 9p overlay; do
			modprobe ${GUEST_MODROOT:+-d "$GUEST_MODROOT"} -S "$GUEST_KVER" \
				--show-depends "$m" || echo "unresolved $m"
		done
	)
	case "$deps" in
	*unresolved*)
		echo "guest-run: cannot resolve the 9p modules" >&2
		exit 2
		;;
	esac
	modlist=$(echo "$deps" | sed -n 's/^insmod \([^ ]*\).*/\1/p' |
		awk '!seen[$0]++')
fi

key=$( {
	echo "$GUEST_KVER"
	ls -lL --time-style=+%s $modlist "$busybox"
	cat "$here/guest-init.sh"
} | sha256sum | cut -d' ' -f1)

if [ ! -s "$initrd" ] || [ "$(cat "$initrd.key" 2>/dev/null)" != "$key" ]; then
	stage=$(mktemp -d "$GUEST_CACHE/initramfs.XXXXXX")
	mkdir -p "$stage/bin" "$stage/mods" "$stage/dev"
	: >"$stage/mods/order"
	cp "$busybox" "$stage/bin/busybox"
	cp "$here/guest-init.sh" "$stage/init"
	chmod 755 "$stage/init"
	for f in $modlist; do
		b=$(basename "$f")
		case "$b" in
		*.ko.xz) xz -dc "$f" >"$stage/mods/${b%.xz}"; b=${b%.xz} ;;
		*.ko.zst) zstd -qdc "$f" >"$stage/mods/${b%.zst}"; b=${b%.zst} ;;
		*.ko.gz) gzip -dc "$f" >"$stage/mods/${b%.gz}"; b=${b%.gz} ;;
		*) cp "$f" "$stage/mods/$b" ;;
		esac
		echo "$b" >>"$stage/mods/order"
	done
	(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 |
		gzip -1) >"$initrd.tmp.$$"
	mv "$initrd.tmp.$$" "$initrd"
	echo "$key" >"$initrd.key"
	rm -rf "$stage"
fi

# ---------------------------------------------------------------------------
# Boot the uncompressed image through its PVH entry point when it has one:
# that skips SeaBIOS's loader and the in-guest XZ decompression, which take
# ~10 s under TCG.  GUEST_NO_PVH=1 boots the bzImage as is.
boot_kernel=$GUEST_KERNEL
extract_vmlinux() {
	# $1: bzImage, $2: output ELF.  Find the payload by its magic.
	for fmt in 'xz:\xfd7zXZ\x00' 'zstd:\x28\xb5\x2f\xfd' 'gzip:\x1f\x8b\x08'; do
		off=$(LC_ALL=C grep -aboP "${fmt#*:}" "$1" 2>/dev/null |
			head -n1 | cut -d: -f1)
		[ -n "$off" ] || continue
		case "${fmt%%:*}" in
		xz) tail -c "+$((off + 1))" "$1" | xz -dcq --single-stream ;;
		zstd) tail -c "+$((off + 1))" "$1" | zstd -dcq ;;
		gzip) tail -c "+$((off + 1))" "$1" | gzip -dcq ;;
		esac >"$2" 2>/dev/null
		[ "$(head -c4 "$2" | od -An -c | tr -d ' ')" = '177ELF' ] && return 0
	done
	return 1
}
if [ -z "${GUEST_NO_PVH:-}" ]; then
	vmlinux=$GUEST_CACHE/vmlinux-$GUEST_KVER
	vkey=$(ls -lL --time-style=+%s "$GUEST_KERNEL")
	if [ ! -s "$vmlinux" ] || [ "$(cat "$vmlinux.key" 2>/dev/null)" != "$vkey" ]; then
		rm -f "$vmlinux" "$vmlinux.key"
		if extract_vmlinux "$GUEST_KERNEL" "$vmlinux.tmp.$$" &&
		   readelf -n "$vmlinux.tmp.$$" 2>/dev/null | grep -q '(0x00000012)'; then
			mv "$vmlinux.tmp.$$" "$vmlinux"
			echo "$vkey" >"$vmlinux.key"
		else
			rm -f "$vmlinux.tmp.$$"
			: >"$vmlinux"
			echo "$vkey" >"$vmlinux.key"
		fi
	fi
	[ -s "$vmlinux" ] && boot_kernel=$vmlinux
fi

# ---------------------------------------------------------------------------
# The per-run share: command, environment, exit status.
if [ -n "${GUEST_OUT:-}" ]; then
	mkdir -p "$GUEST_OUT"
	rundir=$(cd "$GUEST_OUT" && pwd)
	keep_rundir=1
else
	rundir=$(mktemp -d "${TMPDIR:-/tmp}/guest-run.XXXXXX")
	keep_rundir=0
fi
rm -f "$rundir/status" "$rundir/console.log"

if [ $# -eq 1 ]; then
	printf '%s\n' "$1" >"$rundir/cmd"
else
	for a in "$@"; do
		printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
	done >"$rundir/cmd"
	echo >>"$rundir/cmd"
fi

q() { printf "%s='%s'\n" "$1" "$(printf '%s' "$2" | sed "s/'/'\\\\''/g")"; }
{
	q OVS_MODULE "$OVS_MODULE"
	q OVS_KO "$OVS_KO"
	q KVER "$GUEST_KVER"
	q GUEST_MODROOT "$GUEST_MODROOT"
	q GRUN_CWD "$(pwd)"
	q GUEST_OUT "$rundir"
	for v in $GUEST_ENV; do
		eval "isset=\${$v+y}"
		[ -n "$isset" ] || continue
		eval "val=\$$v"
		q "$v" "$val"
	done
	echo "export OVS_MODULE OVS_KO KVER GUEST_OUT $GUEST_ENV"
} >"$rundir/env"

# For our module, run depmod here (natively, ~1 s; over 9p under TCG it
# takes minutes) on a tree that links the guest kernel's modules and adds
# updates/openvswitch.ko; the guest installs the resulting index files.
if [ "$OVS_MODULE" = ours ]; then
	mt=$rundir/modtree/lib/modules/$GUEST_KVER
	rm -rf "$rundir/modtree"
	mkdir -p "$mt/updates"
	for e in ${moddir:+"$moddir"/*}; do
		b=$(basename "$e")
		case "$b" in
		modules.order|modules.builtin|modules.builtin.modinfo) cp "$e" "$mt/" ;;
		modules.*|updates) ;;
		*) ln -s "$e" "$mt/$b" ;;
		esac
	done
	cp "$OVS_KO" "$mt/updates/openvswitch.ko"
	depmod -b "$rundir/modtree" "$GUEST_KVER" || {
		echo "guest-run: depmod failed" >&2
		exit 2
	}
	grep -q '^updates/openvswitch.ko:' "$mt/modules.dep" || {
		echo "guest-run: depmod did not index updates/openvswitch.ko" >&2
		exit 2
	}
fi

# ---------------------------------------------------------------------------
qemu_pid=
cleanup() {
	if [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null || true
		wait "$qemu_pid" 2>/dev/null || true
	fi
	[ "$keep_rundir" = 1 ] || rm -rf "$rundir"
}
trap cleanup EXIT
trap 'echo "guest-run: interrupted" >&2; exit 130' INT TERM HUP

start=$(date +%s)
# shellcheck disable=SC2086
qemu-system-x86_64 \
	-accel tcg -cpu max -smp "$GUEST_SMP" -m "$GUEST_MEM" \
	-no-user-config -nodefaults -display none -no-reboot \
	-chardev stdio,id=con,signal=off,logfile="$rundir/console.log" \
	-serial chardev:con -monitor none \
	-kernel "$boot_kernel" -initrd "$initrd" \
	-append "console=ttyS0 loglevel=4 panic=-1 oops=panic mitigations=off \
random.trust_cpu=on grun_stage2=$here/guest-stage2.sh $GUEST_APPEND" \
	-fsdev local,id=hostfs,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=hostfs,mount_tag=host \
	-fsdev local,id=runfs,path="$rundir",security_model=none \
	-device virtio-9p-pci,fsdev=runfs,mount_tag=grun \
	</dev/null &
qemu_pid=$!

timed_out=0
while kill -0 "$qemu_pid" 2>/dev/null; do
	if [ $(($(date +%s) - start)) -ge "$GUEST_TIMEOUT" ]; then
		echo "guest-run: TIMEOUT after $GUEST_TIMEOUT s, killing QEMU" >&2
		timed_out=1
		kill "$qemu_pid" 2>/dev/null || true
		sleep 2
		kill -9 "$qemu_pid" 2>/dev/null || true
		break
	fi
	sleep 1
done
wait "$qemu_pid" 2>/dev/null || true
qemu_pid=
elapsed=$(($(date +%s) - start))

status=
if [ -s "$rundir/status" ]; then
	status=$(tr -dc '0-9' <"$rundir/status")
elif [ -s "$rundir/console.log" ]; then
	status=$(tr -d '\r' <"$rundir/console.log" |
		sed -n 's/^GUEST-EXIT-STATUS: \([0-9]*\)$/\1/p' | tail -n1)
fi
if [ "$timed_out" = 1 ]; then
	status=124
elif [ -z "$status" ]; then
	echo "guest-run: guest ended without reporting a status" \
		"(kernel panic or boot failure?)" >&2
	status=125
fi
echo "guest-run: guest finished in $elapsed s with status $status" >&2
exit "$status"
