#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# DKMS packaging of the tree (dkms.conf at the top).
#
#   scripts/dkms.sh add       copy the tree to /usr/src/NAME-VERSION, dkms add
#   scripts/dkms.sh build     dkms build for KVER
#   scripts/dkms.sh install   dkms install for KVER (into updates/dkms)
#   scripts/dkms.sh remove    dkms remove --all, drop the /usr/src copy
#   scripts/dkms.sh check     the whole cycle, proved in a guest: after
#                             install a plain `modprobe openvswitch` loads the
#                             DKMS module (srcversion and taint checked),
#                             after remove it loads the kernel's again; the
#                             host system is not changed (see do_check)
#
# KVER defaults to the Debian 6.1 kernel whose headers the Makefile uses.
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

# check: dkms add and build on this machine into a private DKMS tree under
# build/dkms (the system's /usr/src, /var/lib/dkms and /lib/modules stay
# untouched, so guests running meanwhile are not affected), then, in one
# guest, whose writes go to a throw-away overlay: dkms install, a plain
# `modprobe openvswitch` (must load the DKMS module: path, srcversion,
# out-of-tree taint), rmmod, dkms remove, modprobe again (must load the
# kernel's own module).  TAP output.
do_check() {
	need_dkms
	out=$top/build/dkms
	rm -rf "$out"
	mkdir -p "$out/src/$name-$ver" "$out/tree"
	git -C "$top" ls-files -z |
		(cd "$top" && xargs -0 cp --parents -t "$out/src/$name-$ver")
	opts="--sourcetree $out/src --dkmstree $out/tree -m $name -v $ver"
	dkms add $opts
	# A make of ours above (make check exports KDIR) must not leak into
	# the module build: the probes failed there with the kernel Makefile's
	# "multiple target patterns".
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u KDIR dkms build $opts -k "$KVER" || {
		cat "$out/tree/$name/$ver/build/make.log" >&2 2>/dev/null
		echo "not ok 1 - dkms build for $KVER"
		return 1
	}
	echo "ok 1 - dkms add and build for $KVER"
	ko=$(ls "$out/tree/$name/$ver/$KVER/x86_64/module/openvswitch.ko"* | head -n 1)
	want=$(modinfo -F srcversion "$ko")

	cat > "$out/guest.sh" <<GUEST
#!/bin/sh
probe() {
	modprobe openvswitch || { echo "DKMSCHECK \$1 modprobe failed"; return; }
	echo "DKMSCHECK \$1 path \$(modinfo -n openvswitch)"
	echo "DKMSCHECK \$1 srcversion \$(cat /sys/module/openvswitch/srcversion)"
	echo "DKMSCHECK \$1 taint \$(cat /sys/module/openvswitch/taint)"
	modprobe -r openvswitch
}
# dkms (bash) uses process substitution: /dev/fd must exist.
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd
dkms install $opts -k \$(uname -r) && echo "DKMSCHECK install ok"
dkms status $opts
probe dkms
dkms remove $opts --all && echo "DKMSCHECK remove ok"
probe intree
GUEST
	OVS_MODULE=none GUEST_OUT=$out GUEST_TIMEOUT=1500 \
		sh "$here/guest-run.sh" sh "$out/guest.sh" >"$out/console.log" 2>&1 || {
		tail -n 30 "$out/console.log" >&2
	}
	res=$(grep '^DKMSCHECK' "$out/console.log")
	printf '%s\n' "$res" | sed 's/^/# /'
	rc=0
	t() {
		if printf '%s\n' "$res" | grep -Eq "$2"; then
			echo "ok $1"
		else
			echo "not ok $1"
			rc=1
		fi
	}
	t "2 - dkms install in the guest" '^DKMSCHECK install ok$'
	t "3 - modprobe openvswitch then loads the DKMS module (updates/dkms, srcversion $want)" \
		"^DKMSCHECK dkms path .*/updates/dkms/openvswitch\.ko"
	t "4 - ... whose srcversion is the one dkms built" \
		"^DKMSCHECK dkms srcversion $want\$"
	t "5 - ... and taints the kernel as out-of-tree (O)" '^DKMSCHECK dkms taint .*O'
	t "6 - dkms remove in the guest" '^DKMSCHECK remove ok$'
	t "7 - modprobe openvswitch then loads the kernel's own module" \
		'^DKMSCHECK intree path .*/kernel/net/openvswitch/openvswitch\.ko'
	if printf '%s\n' "$res" | grep -q '^DKMSCHECK intree taint .*O'; then
		echo "not ok 8 - ... which is not out-of-tree"
		rc=1
	else
		echo "ok 8 - ... which is not out-of-tree"
	fi
	echo "1..8"
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
