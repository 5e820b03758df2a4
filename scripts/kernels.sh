#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Debian kernels to build and boot-test the module against, downloaded (never
# installed) from Debian's mirrors into a scratch root per kernel series.
#
# usage: scripts/kernels.sh fetch SERIES     download and unpack (cached)
#        scripts/kernels.sh kdir SERIES      the headers tree (KDIR=) to build with
#        scripts/kernels.sh kver SERIES      the kernel release, e.g. 5.10.0-32-amd64
#        scripts/kernels.sh modroot SERIES   the root holding lib/modules/KVER
#        scripts/kernels.sh image SERIES     the bootable kernel image
#        scripts/kernels.sh list             the series this script knows
#   SERIES is 5.10 (bullseye), 6.1 (bookworm) or 6.12 (bookworm-backports).
#   kdir/kver/modroot/image fetch first when the series is not there yet
#   (progress goes to stderr, the path alone to stdout).
#
# Environment:
#   KERNELS_DIR      where everything goes (default <repo>/build/kernels)
#   KERNELS_REFRESH  1: update the package lists and fetch the newest ABI
#                    even when a series is already unpacked
#
# Layout: $KERNELS_DIR/SERIES/{apt/ (private APT sources list, lists and
# cache), debs/, root/ (dpkg -x of every package), kver}.  Package names are
# resolved with apt-cache on the private lists (the newest ABI of the series
# wins), so ABI bumps need no edit here.  After unpacking, the absolute paths
# Debian's packages hard-code are made to point into root/, 6.12's .ko.xz
# modules are decompressed, and depmod indexes root/lib/modules/KVER.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${KERNELS_DIR:=$top/build/kernels}"
: "${KERNELS_REFRESH:=0}"

die() { echo "kernels.sh: $*" >&2; exit 1; }
log() { echo "kernels.sh: $*" >&2; }

usage() {
	sed -n '/^# usage:/,/^# Environment/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

# series_suites SERIES: "URI suite" lines for the private sources list.
series_suites() {
	case "$1" in
	5.10)
		echo "http://deb.debian.org/debian bullseye"
		echo "http://deb.debian.org/debian bullseye-updates"
		echo "http://deb.debian.org/debian-security bullseye-security"
		;;
	6.1)
		echo "http://deb.debian.org/debian bookworm"
		echo "http://deb.debian.org/debian bookworm-updates"
		echo "http://deb.debian.org/debian-security bookworm-security"
		;;
	6.12)
		echo "http://deb.debian.org/debian bookworm-backports"
		;;
	*)
		die "unknown series '$1' (known: 5.10 6.1 6.12)"
		;;
	esac
}

series_dir() { echo "$KERNELS_DIR/$1"; }

# apt_run SERIES CMD ARGS...: apt-get/apt-cache on the series' private state
# only (not the host's sources, lists or package cache).
apt_run() {
	a=$(series_dir "$1")/apt
	shift
	"$@" -o Dir::Etc::SourceList="$a/sources.list" \
		-o Dir::Etc::SourceParts="$a/sources.list.d" \
		-o Dir::State::Lists="$a/lists" \
		-o Dir::Cache="$a/cache" \
		-o Dir::Cache::Archives="$a/cache/archives" \
		-o Dir::State::Status=/dev/null \
		-o APT::Architecture=amd64 \
		-o APT::Architectures::=amd64 \
		-o Acquire::Languages=none \
		-o APT::Sandbox::User=root
}

apt_update() {
	s=$1
	a=$(series_dir "$s")/apt
	mkdir -p "$a/lists/partial" "$a/cache/archives/partial" \
		"$a/sources.list.d"
	series_suites "$s" | while read -r uri suite; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]" \
			"$uri $suite main"
	done >"$a/sources.list"
	if [ "$KERNELS_REFRESH" = 1 ] || [ ! -f "$a/updated" ]; then
		log "$s: apt-get update ($(series_suites "$s" | awk '{print $2}' |
			tr '\n' ' '))"
		apt_run "$s" apt-get -q update >"$a/update.log" 2>&1 ||
			{ cat "$a/update.log" >&2; die "$s: apt-get update failed"; }
		touch "$a/updated"
	fi
}

# candidate SERIES PKG: the version apt would pick.
candidate() {
	apt_run "$1" apt-cache policy "$2" |
		sed -n 's/^ *Candidate: *//p' | grep -v '(none)' || true
}

# resolve SERIES: print "kver version pkg..." for the newest ABI.
resolve() {
	s=$1
	esc=$(echo "$s" | sed 's/\./\\./g')
	# linux-headers-5.10.0-32-amd64, -6.1.0-56-amd64, -6.12.38+deb12-amd64;
	# not the -rt-amd64 / -cloud-amd64 flavours.
	re="^linux-headers-$esc(\\.[0-9]+)?(-[0-9]+)?(\\+deb[0-9]+)?-amd64\$"
	hdr=$(apt_run "$s" apt-cache search --names-only "$re" |
		awk '{print $1}' | grep -E "$re" | sort -V | tail -n1)
	[ -n "$hdr" ] || die "$s: no headers package matches $re"
	kver=${hdr#linux-headers-}
	ver=$(candidate "$s" "$hdr")
	[ -n "$ver" ] || die "$s: no candidate version of $hdr"
	# The -common headers and linux-kbuild-* are exact-version dependencies.
	deps=$(apt_run "$s" apt-cache show "$hdr=$ver" |
		sed -n 's/^Depends: //p' | head -n1 | tr ',' '\n' |
		sed 's/^ *//; s/ .*//' |
		grep -E '^linux-(headers-.*-common|kbuild-.*)$' || true)
	echo "$deps" | grep -q -- '-common$' ||
		die "$s: $hdr $ver names no -common headers package"
	echo "$deps" | grep -q '^linux-kbuild-' ||
		die "$s: $hdr $ver names no linux-kbuild package"
	img=linux-image-$kver-unsigned
	[ "$(candidate "$s" "$img")" = "$ver" ] ||
		die "$s: $img has no version $ver"
	pkgs=
	for p in $hdr $deps $img; do
		v=$(candidate "$s" "$p")
		[ -n "$v" ] || die "$s: $p has no candidate"
		pkgs="$pkgs $p=$v"
	done
	echo "$kver $ver$pkgs"
}

# relink ROOT: make absolute symlinks inside ROOT point into ROOT
# (e.g. lib/modules/KVER/build -> /usr/src/linux-headers-KVER), as relative
# links so that the tree may be moved.
relink() {
	root=$1
	find "$root" -type l | while read -r l; do
		t=$(readlink "$l")
		case "$t" in
		/*)
			rel=$(realpath -m --relative-to="$(dirname "$l")" "$root$t")
			ln -sfn "$rel" "$l"
			;;
		esac
	done
}

# fix_paths ROOT KVER: repoint hard-coded /usr/src and /usr/lib paths.
fix_paths() {
	root=$1
	kver=$2
	kdir=$root/usr/src/linux-headers-$kver
	[ -f "$kdir/Makefile" ] || die "no $kdir/Makefile after unpacking"
	# include /usr/src/linux-headers-KVER-common/Makefile (and any other
	# absolute /usr/src or /usr/lib reference in the headers' Makefiles).
	for f in "$kdir/Makefile" "$kdir"/arch/*/Makefile; do
		[ -f "$f" ] || continue
		sed -i -e "s#\\([ =]\\)/usr/src/#\\1$root/usr/src/#g" \
			-e "s#\\([ =]\\)/usr/lib/linux-kbuild#\\1$root/usr/lib/linux-kbuild#g" \
			"$f"
	done
	relink "$root"
	# The headers' scripts/ and tools/ link into linux-kbuild-*: check
	# that every link of the headers tree now resolves.
	find "$kdir" -maxdepth 1 -type l | while read -r l; do
		[ -e "$l" ] || die "dangling link $l -> $(readlink "$l")"
	done
}

# unpack_modules ROOT KVER: plain .ko files and a modules.dep for them.
unpack_modules() {
	root=$1
	kver=$2
	md=$root/lib/modules/$kver
	[ -d "$md" ] || die "no $md after unpacking"
	n=$(find "$md" -name '*.ko.xz' | wc -l)
	if [ "$n" -gt 0 ]; then
		log "decompressing $n .ko.xz modules"
		find "$md" -name '*.ko.xz' -print0 | xargs -0 -r -n 64 xz -d -f
	fi
	n=$(find "$md" -name '*.ko.zst' | wc -l)
	if [ "$n" -gt 0 ]; then
		log "decompressing $n .ko.zst modules"
		find "$md" -name '*.ko.zst' -print0 |
			xargs -0 -r -n 64 zstd -q -d --rm -f
	fi
	sm=
	[ -f "$root/boot/System.map-$kver" ] && sm="-F $root/boot/System.map-$kver"
	# shellcheck disable=SC2086
	depmod -b "$root" $sm "$kver"
}

fetch() {
	s=$1
	d=$(series_dir "$s")
	series_suites "$s" >/dev/null
	if [ "$KERNELS_REFRESH" != 1 ] && [ -f "$d/stamp" ] && [ -f "$d/kver" ]; then
		return 0
	fi
	command -v apt-get >/dev/null || die "apt-get missing"
	command -v dpkg >/dev/null || die "dpkg missing"
	apt_update "$s"
	r=$(resolve "$s")
	# shellcheck disable=SC2086 # "kver version pkg=ver..." splits on purpose
	set -- $r
	kver=$1
	ver=$2
	shift 2
	want="$kver $ver $*"
	if [ -f "$d/stamp" ] && [ "$(cat "$d/stamp")" = "$want" ]; then
		echo "$kver" >"$d/kver"
		return 0
	fi
	log "$s: $kver ($ver): $*"
	mkdir -p "$d/debs"
	(
		cd "$d/debs"
		for p in "$@"; do
			n=${p%%=*}
			v=${p#*=}
			# apt-get download names files NAME_VERSION_ARCH.deb with
			# ':' in the version escaped as %3a.
			f=$(printf '%s_%s_' "$n" "$v" | sed 's/:/%3a/g')
			if ! ls "$f"*.deb >/dev/null 2>&1; then
				apt_run "$s" apt-get -q download "$p" >&2 ||
					die "$s: apt-get download $p failed"
			fi
		done
	)
	# Unpack afresh; the stamp is written last, so an interrupted run
	# starts over.
	rm -f "$d/stamp"
	rm -rf "$d/root"
	mkdir -p "$d/root"
	for p in "$@"; do
		n=${p%%=*}
		v=$(echo "${p#*=}" | sed 's/:/%3a/g')
		for f in "$d/debs/${n}_${v}_"*.deb; do
			[ -f "$f" ] || die "$s: $n $v was not downloaded"
			log "$s: unpacking $(basename "$f")"
			dpkg -x "$f" "$d/root"
		done
	done
	fix_paths "$d/root" "$kver"
	unpack_modules "$d/root" "$kver"
	# Keep only the packages of this ABI.
	(
		cd "$d/debs"
		for f in *.deb; do
			keep=
			for p in "$@"; do
				n=${p%%=*}
				v=$(echo "${p#*=}" | sed 's/:/%3a/g')
				case "$f" in "${n}_${v}_"*) keep=1 ;; esac
			done
			[ -n "$keep" ] || rm -f "$f"
		done
	)
	echo "$kver" >"$d/kver"
	echo "$want" >"$d/stamp"
	# Headers that ship a vmlinux (6.12) generate module BTF with pahole.
	if [ -f "$d/root/usr/src/linux-headers-$kver/vmlinux" ] &&
	   ! command -v pahole >/dev/null; then
		log "$s: note: building against it needs pahole (package dwarves)"
	fi
	log "$s: ready: KDIR=$d/root/usr/src/linux-headers-$kver"
}

kver_of() {
	s=$1
	d=$(series_dir "$s")
	if [ ! -f "$d/kver" ] || [ ! -f "$d/stamp" ]; then
		fetch "$s" >&2
	fi
	cat "$d/kver"
}

[ $# -ge 1 ] || usage
cmd=$1
shift
case "$cmd" in
list)
	echo "5.10 6.1 6.12"
	;;
fetch)
	[ $# -ge 1 ] || usage
	for s in "$@"; do
		fetch "$s"
	done
	;;
kdir|kver|modroot|image)
	[ $# -eq 1 ] || usage
	series_suites "$1" >/dev/null
	k=$(kver_of "$1")
	root=$(series_dir "$1")/root
	case "$cmd" in
	kdir) echo "$root/usr/src/linux-headers-$k" ;;
	kver) echo "$k" ;;
	modroot) echo "$root" ;;
	image) echo "$root/boot/vmlinuz-$k" ;;
	esac
	;;
*)
	usage
	;;
esac
