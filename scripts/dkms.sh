#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# DKMS packaging of the tree (dkms.conf at the top).
#
#   scripts/dkms.sh add       copy the tree to /usr/src/NAME-VERSION, dkms add
#   scripts/dkms.sh build     dkms build for KVER
#   scripts/dkms.sh install   dkms install for KVER (into updates/dkms)
#   scripts/dkms.sh remove    dkms remove --all, drop the /usr/src copy
#   scripts/dkms.sh check     the whole cycle, proved in guests: after
#                             install a plain `modprobe openvswitch` loads the
#                             DKMS module (srcversion and taint checked),
#                             after remove it loads the kernel's again
#
# KVER defaults to the Debian 6.1 kernel whose headers the Makefile uses.
# `check` changes the host's /lib/modules while it runs, which every guest
# booted meanwhile would see, so it refuses to start while another guest runs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
name=$(sed -n 's/^PACKAGE_NAME="\(.*\)"$/\1/p' "$top/dkms.conf")
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$top/dkms.conf")
src=/usr/src/$name-$ver

if [ -z "${KVER:-}" ]; then
	kdir=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | sort -V | tail -n 1)
	KVER=${kdir#/usr/src/linux-headers-}
fi
[ -n "$KVER" ] || { echo "dkms.sh: no Debian 6.1 headers; run scripts/setup.sh" >&2; exit 1; }

need_dkms() {
	command -v dkms >/dev/null 2>&1 && return 0
	sh "$here/setup.sh" --dkms
}

do_add() {
	need_dkms
	do_remove quiet
	mkdir -p "$src"
	# The source files only: what git tracks, or the tree without builds.
	if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$top" ls-files -z | (cd "$top" && xargs -0 cp --parents -t "$src")
	else
		(cd "$top" && tar cf - --exclude=./build --exclude='*.o' \
			--exclude='*.ko' .) | (cd "$src" && tar xf -)
	fi
	dkms add -m "$name" -v "$ver"
}

do_remove() {
	if command -v dkms >/dev/null 2>&1 &&
	   dkms status -m "$name" -v "$ver" 2>/dev/null | grep -q .; then
		dkms remove -m "$name" -v "$ver" --all
	fi
	rm -rf "$src"
	[ "${1:-}" = quiet ] || echo "dkms.sh: $name $ver removed"
}

# guest_modprobe EXPECT: boot a guest that runs a plain modprobe and report
# which module it loaded; EXPECT is dkms or intree.
guest_modprobe() {
	out=$top/build/dkms-check/$1
	rm -rf "$out"
	mkdir -p "$out"
	cat > "$out/probe.sh" <<'PROBE'
#!/bin/sh
modprobe openvswitch || { echo "DKMSCHECK modprobe failed"; exit 1; }
echo "DKMSCHECK path $(modinfo -n openvswitch)"
echo "DKMSCHECK srcversion $(cat /sys/module/openvswitch/srcversion 2>/dev/null)"
echo "DKMSCHECK taint $(cat /sys/module/openvswitch/taint)"
PROBE
	OVS_MODULE=none GUEST_OUT=$out GUEST_TIMEOUT=300 \
		sh "$here/guest-run.sh" sh "$out/probe.sh" > "$out/console.log" 2>&1 || {
		tail -n 30 "$out/console.log" >&2
		return 1
	}
	grep '^DKMSCHECK' "$out/console.log"
}

do_check() {
	if pgrep -f qemu-system >/dev/null 2>&1; then
		echo "dkms.sh: another QEMU guest is running; it would see the" \
			"DKMS module in /lib/modules (try again when it is done)" >&2
		exit 1
	fi
	trap 'do_remove quiet' EXIT INT TERM
	do_add
	dkms build -m "$name" -v "$ver" -k "$KVER"
	dkms install -m "$name" -v "$ver" -k "$KVER"
	dkms status -m "$name" -v "$ver"
	ko=$(ls "/lib/modules/$KVER/updates/dkms/openvswitch.ko"* | head -n 1)
	want=$(modinfo -F srcversion "$ko")
	rc=0

	res=$(guest_modprobe dkms) || rc=1
	printf '%s\n' "$res"
	if printf '%s\n' "$res" | grep -qx "DKMSCHECK srcversion $want" &&
	   printf '%s\n' "$res" | grep -q '^DKMSCHECK path .*/updates/dkms/openvswitch.ko' &&
	   printf '%s\n' "$res" | grep -q '^DKMSCHECK taint .*O'; then
		echo "ok 1 - after dkms install, modprobe openvswitch loads $ko (srcversion $want)"
	else
		echo "not ok 1 - after dkms install, modprobe openvswitch loads $ko (srcversion $want)"
		rc=1
	fi

	do_remove
	trap - EXIT INT TERM
	res=$(guest_modprobe intree) || rc=1
	printf '%s\n' "$res"
	if printf '%s\n' "$res" | grep -q '^DKMSCHECK path .*/kernel/net/openvswitch/openvswitch.ko' &&
	   ! printf '%s\n' "$res" | grep -q '^DKMSCHECK taint .*O'; then
		echo "ok 2 - after dkms remove, modprobe openvswitch loads the in-tree module"
	else
		echo "not ok 2 - after dkms remove, modprobe openvswitch loads the in-tree module"
		rc=1
	fi
	return $rc
}

case ${1:-} in
add) do_add ;;
build) need_dkms; dkms build -m "$name" -v "$ver" -k "$KVER" ;;
install) need_dkms; dkms install -m "$name" -v "$ver" -k "$KVER" ;;
remove) do_remove ;;
check) do_check ;;
*) echo "usage: scripts/dkms.sh add|build|install|remove|check" >&2; exit 2 ;;
esac
