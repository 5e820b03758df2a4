#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Stage 1 of the test guest: the /init of the small initramfs that
# scripts/guest-run.sh builds.  It runs under busybox, loads the virtio,
# 9p and overlay modules listed in /mods/order, mounts the host's root
# filesystem read-only over virtio-9p (mount tag "host"), puts a tmpfs-backed
# overlayfs on top so the guest may write anywhere, and switches into it to
# run stage 2 (the script named by grun_stage2= on the kernel command line).
# Any failure drops to a message and a forced reboot, which ends QEMU
# (it runs with -no-reboot).

/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin /proc /sys /dev
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin

die() {
	echo "guest-init: $*" >&2
	echo "GUEST-EXIT-STATUS: 125"
	sync
	reboot -f
	sleep 60
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

for m in $(cat /mods/order); do
	insmod "/mods/$m" || die "insmod $m failed"
done

stage2=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	grun_stage2=*) stage2=${arg#grun_stage2=} ;;
	esac
done
[ -n "$stage2" ] || die "no grun_stage2= on the kernel command line"

mkdir -p /lower /rw /newroot
# cache=loose: the host tree is only read, and loose caching makes exec
# and page-cache reads several times faster than uncached 9p.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,multidevs=remap,msize=512000,cache=loose \
	host /lower || die "cannot mount the host root over 9p"
mount -t tmpfs -o mode=755 rw /rw || die "cannot mount tmpfs"
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work \
	overlay /newroot || die "cannot mount the overlay root"
[ -x "/newroot$stage2" ] || [ -f "/newroot$stage2" ] ||
	die "stage 2 script $stage2 not found in the host root"

mount --move /proc /newroot/proc
mount --move /sys /newroot/sys
mount --move /dev /newroot/dev
exec switch_root /newroot /bin/sh "$stage2"
