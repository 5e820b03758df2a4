#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Stage 2 of the test guest, PID 1 after switch_root into the overlay of the
# host's root filesystem (see scripts/guest-init.sh).  It mounts the usual
# pseudo filesystems, mounts the per-run 9p share (tag "grun", read-write)
# that holds the command, its environment and receives the exit status,
# loads the Open vSwitch datapath module chosen by OVS_MODULE, runs the
# command with /bin/sh -c, reports its status and powers the guest off.
#
# OVS_MODULE=ours    copy $OVS_KO to /lib/modules/$KVER/updates with the
#                    module index guest-run.sh built for it by depmod,
#                    modprobe openvswitch and prove the loaded module is ours
# OVS_MODULE=intree  modprobe the kernel's own openvswitch module
# OVS_MODULE=none    load no datapath module

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8 TERM=dumb
umask 022

finish() {
	echo "$1" >/run/grun/status 2>/dev/null
	echo "GUEST-EXIT-STATUS: $1"
	$bb sync
	$bb reboot -f
	sleep 60
}

# Dynamically linked tools are slow to start over 9p under TCG; set up with
# the static busybox (one binary, cached after its first use).
bb=/bin/busybox
$bb mount -t tmpfs -o mode=755,nosuid,nodev tmpfs /run
$bb mkdir -p /run/grun /run/lock /dev/pts /dev/shm
$bb mount -t 9p -o trans=virtio,version=9p2000.L,cache=none,msize=262144 grun /run/grun ||
	{ echo "guest: cannot mount the run share" >&2; finish 125; }
$bb mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp
$bb mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /dev/shm
$bb mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
$bb mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
$bb mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
$bb mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
# Userspace output on the serial console without carriage returns.
$bb stty -onlcr 2>/dev/null
$bb hostname ovs-guest
$bb ip link set lo up

. /run/grun/env
# The run share also appears at its host path, so that guest and host name
# the same files the same way.
if [ -n "${GUEST_OUT:-}" ]; then
	$bb mkdir -p "$GUEST_OUT" && $bb mount --bind /run/grun "$GUEST_OUT"
fi

# A different kernel's modules (GUEST_MODROOT) replace the host's tree.
if [ -n "${GUEST_MODROOT:-}" ] && [ -d "$GUEST_MODROOT/lib/modules/$KVER" ]; then
	$bb mkdir -p "/lib/modules/$KVER"
	$bb mount --bind "$GUEST_MODROOT/lib/modules/$KVER" "/lib/modules/$KVER"
fi

read -r up _ </proc/uptime
echo "guest: up after $up s, kernel $(uname -r)," \
	"OVS_MODULE=$OVS_MODULE"

load_ovs() {
	case "$OVS_MODULE" in
	ours)
		# guest-run.sh ran depmod on the host (depmod over 9p under
		# TCG takes minutes); install its index files with the module.
		# The copy in the run share is the one guest-run.sh indexed
		# (and the guest's /tmp hides the host's).
		mt=$GUEST_OUT/modtree/lib/modules/$KVER
		mkdir -p "/lib/modules/$KVER/updates"
		cp "$mt/updates/openvswitch.ko" \
			"/lib/modules/$KVER/updates/openvswitch.ko" || return 1
		cp "$mt"/modules.* "/lib/modules/$KVER/" || return 1
		modprobe openvswitch || return 1
		want_path="/lib/modules/$KVER/updates/openvswitch.ko"
		;;
	intree)
		modprobe openvswitch || return 1
		want_path=$(ls "/lib/modules/$KVER/kernel/net/openvswitch/"openvswitch.ko* |
			head -n1)
		;;
	none)
		return 0
		;;
	*)
		echo "guest: OVS_MODULE must be ours, intree or none" >&2
		return 1
		;;
	esac
	# Prove which file was loaded: the path modprobe resolves, the GNU
	# build ID of the loaded image against the file's, srcversion (only
	# present for modules with MODULE_VERSION()) and the out-of-tree taint.
	modpath=$(modinfo -n openvswitch 2>/dev/null)
	if [ "$modpath" != "$want_path" ]; then
		echo "guest: FATAL: modprobe resolves openvswitch to $modpath," \
			"expected $want_path" >&2
		return 1
	fi
	want_src=$(modinfo -F srcversion "$want_path" 2>/dev/null)
	have_src=$(cat /sys/module/openvswitch/srcversion 2>/dev/null)
	taint=$(cat /sys/module/openvswitch/taint 2>/dev/null)
	if [ -n "$want_src$have_src" ] && [ "$want_src" != "$have_src" ]; then
		echo "guest: FATAL: loaded openvswitch srcversion '$have_src'" \
			"differs from $want_path ('$want_src')" >&2
		return 1
	fi
	# The GNU build ID is unique per link: the strongest proof.
	case "$want_path" in
	*.xz) xz -dc "$want_path" >/tmp/ovs-want.ko ;;
	*.zst) zstd -qdc "$want_path" >/tmp/ovs-want.ko ;;
	*.gz) gzip -dc "$want_path" >/tmp/ovs-want.ko ;;
	*) cp "$want_path" /tmp/ovs-want.ko ;;
	esac
	want_bid=$(readelf -n /tmp/ovs-want.ko 2>/dev/null |
		sed -n 's/.*Build ID: *//p' | head -n1)
	rm -f /tmp/ovs-want.ko
	have_bid=$(od -An -tx1 -v -j16 \
		/sys/module/openvswitch/notes/.note.gnu.build-id 2>/dev/null |
		tr -d ' \n')
	if [ -n "$want_bid$have_bid" ] && [ "$want_bid" != "$have_bid" ]; then
		echo "guest: FATAL: loaded openvswitch build-id '$have_bid'" \
			"differs from $want_path ('$want_bid')" >&2
		return 1
	fi
	case "$taint" in
	*O*) oot=ours ;;
	*) oot=intree ;;
	esac
	if [ "$oot" != "$OVS_MODULE" ]; then
		echo "guest: FATAL: openvswitch taint '$taint' does not match" \
			"OVS_MODULE=$OVS_MODULE" >&2
		return 1
	fi
	echo "guest: loaded openvswitch from $modpath" \
		"(build-id ${have_bid:-none}, srcversion ${have_src:-none}," \
		"taint '${taint}')"
	return 0
}

if ! load_ovs; then
	dmesg | tail -n 30
	finish 126
fi
if [ "$OVS_MODULE" != none ]; then
	modprobe nf_conntrack_netlink ||
		echo "guest: warning: nf_conntrack_netlink did not load" >&2
fi

cd "${GRUN_CWD:-/}" 2>/dev/null || cd /
/bin/sh -c "$(cat /run/grun/cmd)" </dev/null
finish $?
