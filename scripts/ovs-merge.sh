#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Merge scripts/check-ovs.sh result directories, for a table that covers
# more tests than one run did (split runs, reruns of some rows).
#
#   scripts/ovs-merge.sh DEST SRC...
#
# For each column (intree, ours, userspace) found in a SRC, DEST/<column>/
# gets one result line per title: the one from the LAST SRC that ran it.
# DEST/<column>/commit lists the tree commit of each SRC with the number of
# its results kept, DEST/<column>/date the newest date, info the first
# SRC's OVSINFO lines.  DEST may itself be one of the SRCs (the first).
# Then run scripts/ovs-report.sh conformance|parity DEST.
set -eu

[ $# -ge 2 ] || {
	echo "usage: scripts/ovs-merge.sh DEST SRC..." >&2
	exit 2
}
dest=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for c in intree ours userspace; do
	n=0
	: >"$tmp/$c.all"
	for s in "$@"; do
		[ -s "$s/$c/results" ] || continue
		n=$((n + 1))
		# Prefix every line with its source's rank, keep the last.
		awk -v r="$n" -v src="$s" '{ print r "\t" src "\t" $0 }' \
			"$s/$c/results" >>"$tmp/$c.all"
		[ -f "$tmp/$c.info" ] || cp "$s/$c/info" "$tmp/$c.info" 2>/dev/null || :
		cat "$s/$c/date" >>"$tmp/$c.dates" 2>/dev/null || :
		cat "$s/$c/commit" >"$tmp/$c.commit.$n" 2>/dev/null ||
			echo '?' >"$tmp/$c.commit.$n"
		echo "$s" >"$tmp/$c.src.$n"
	done
	[ "$n" -gt 0 ] || continue
	# Title = fields 4.. of the result line (OVSTEST num verdict title).
	awk -F '\t' '{ split($3, f, " "); t = $3;
		sub(/^[^ ]+ +[^ ]+ +[^ ]+ +/, "", t);
		last[t] = $0; if (!(t in order)) { order[t] = ++k; keys[k] = t } }
		END { for (i = 1; i <= k; i++) print last[keys[i]] }' \
		"$tmp/$c.all" >"$tmp/$c.kept"
	mkdir -p "$dest/$c"
	cut -f3- "$tmp/$c.kept" >"$tmp/$c.results"
	mv "$tmp/$c.results" "$dest/$c/results"
	[ ! -f "$tmp/$c.info" ] || cp "$tmp/$c.info" "$dest/$c/info"
	sort -u "$tmp/$c.dates" 2>/dev/null | tail -n 1 >"$dest/$c/date"
	i=1
	: >"$tmp/$c.commits"
	while [ "$i" -le "$n" ]; do
		k=$(awk -F '\t' -v r="$i" '$1 == r' "$tmp/$c.kept" | grep -c . || :)
		[ "$k" -eq 0 ] ||
			printf '%s (%s tests)\n' "$(head -n 1 "$tmp/$c.commit.$i")" "$k" \
				>>"$tmp/$c.commits"
		i=$((i + 1))
	done
	paste -sd ';' "$tmp/$c.commits" | sed 's/;/; /g' >"$dest/$c/commit"
	echo "ovs-merge: $c: $(grep -c . "$dest/$c/results") results from $n runs"
done
