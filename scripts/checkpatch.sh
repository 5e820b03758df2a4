#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the kernel's checkpatch.pl --strict over the module's sources, taken
# from Debian's linux-source-6.1 package (installed by scripts/setup.sh).
# usage: scripts/checkpatch.sh [FILE...]   (default: every .c/.h we own)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache=$top/build/checkpatch
tarball=$(ls /usr/src/linux-source-6.1*.tar.xz 2>/dev/null | tail -n1)
if [ ! -x "$cache/scripts/checkpatch.pl" ]; then
	[ -n "$tarball" ] || { echo "checkpatch: linux-source-6.1 is not installed" >&2; exit 1; }
	mkdir -p "$cache"
	src=$(basename "$tarball" .tar.xz)
	tar -C "$cache" --strip-components=1 -xJf "$tarball" \
		"$src/scripts/checkpatch.pl" "$src/scripts/spelling.txt" \
		"$src/scripts/const_structs.checkpatch"
fi
cd "$top"
if [ $# -eq 0 ]; then
	set -- $(git ls-files 'datapath/*.[ch]' 'compat/*.[ch]' 'compat/probes/*.c')
fi
perl "$cache/scripts/checkpatch.pl" --no-tree --strict --terse --show-types \
	--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f "$@"
