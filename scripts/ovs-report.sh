#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Turns scripts/check-ovs.sh results into reStructuredText tables.
#
#   scripts/ovs-report.sh conformance [RESULTS] > Documentation/conformance.rst
#       in-tree and our module, test by test (columns intree, ours)
#   scripts/ovs-report.sh parity [RESULTS] > Documentation/parity.rst
#       the kernel datapaths against dpif-netdev (columns intree, ours,
#       userspace), conntrack tests only
#
# RESULTS (default build/check-ovs) holds one directory per column, as
# check-ovs.sh writes them; a column may be a directory of earlier runs
# merged with scripts/check-ovs.sh's layout (results, info, commit, date).
# Explanations of differences come from scripts/ovs-report-notes.txt
# ("kind|title|text", kind conformance or parity).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kind=${1:?usage: ovs-report.sh conformance|parity [RESULTS]}
res=${2:-$(dirname "$here")/build/check-ovs}
notes=$here/ovs-report-notes.txt

case $kind in
conformance) columns="intree ours"; filter='^(conntrack|datapath)' ;;
parity) columns="intree ours userspace"; filter='^conntrack' ;;
*) echo "ovs-report: conformance or parity" >&2; exit 2 ;;
esac
for c in $columns; do
	[ -s "$res/$c/results" ] || {
		echo "ovs-report: no results in $res/$c (run make check-ovs / check-parity)" >&2
		exit 1
	}
done

# verdict COLUMN TITLE
verdict() {
	awk -v t="$2" '{ v = $3; $1 = $2 = $3 = ""; sub(/^ +/, "");
		if ($0 == t) print v }' "$res/$1/results" | head -n 1
}

# All titles seen in any column, in the kmod suite's order where known.
titles=$(for c in $columns; do
		awk '{ n = $2; $1 = $2 = $3 = ""; sub(/^ +/, ""); print n "\t" $0 }' \
			"$res/$c/results"
	done | sort -t "$(printf '\t')" -k1,1n -u -k2 | awk -F '\t' '!seen[$2]++ { print $2 }' |
	grep -E "$filter")

label() {
	case $1 in
	intree) echo "in-tree" ;;
	ours) echo "ours" ;;
	userspace) echo "dpif-netdev" ;;
	esac
}

info_line() { # column key
	grep -h "^OVSINFO $2 " "$res/$1/info" 2>/dev/null | head -n 1 |
		sed "s/^OVSINFO $2 //"
}

if [ "$kind" = conformance ]; then
	echo "OVS testsuite conformance: our module against the in-tree one"
	echo "=============================================================="
	echo
	echo "Every test of OVS 3.1's \`\`tests/system-traffic.at\`\` whose title starts"
	echo "with \"conntrack\" or \"datapath\", run as \`\`make check-kernel\`\` runs it"
	echo "(system-kmod-testsuite) in a QEMU guest, once with the kernel's own"
	echo "\`\`openvswitch.ko\`\` and once with ours, same kernel, same OVS build."
	echo "Regenerate with \`\`make check-ovs\`\` (runs the tests, then this report)."
else
	echo "Parity with OVS's userspace conntrack (dpif-netdev)"
	echo "==================================================="
	echo
	echo "The \"conntrack\" tests of OVS 3.1's \`\`tests/system-traffic.at\`\` run against"
	echo "the kernel datapath (\`\`make check-kernel\`\`, in-tree module and ours) and"
	echo "against OVS's userspace datapath (\`\`make check-system-userspace\`\`,"
	echo "dpif-netdev with its own conntrack), in the same kind of QEMU guest."
	echo "Regenerate with \`\`make check-parity\`\`."
fi
echo
echo "Runs"
echo "----"
echo
for c in $columns; do
	k=$(info_line "$c" kernel)
	o=$(info_line "$c" ovs)
	m=$(info_line "$c" module)
	printf -- '- %s: %s, kernel %s, %s' "$(label "$c")" \
		"$(cat "$res/$c/date" 2>/dev/null || echo '?')" "${k:-?}" "${o:-?}"
	[ -z "$m" ] || printf ', module %s' "$m"
	[ "$c" != ours ] || printf ' (tree at commit %s)' "$(cat "$res/$c/commit" 2>/dev/null || echo '?')"
	echo
done
echo

echo "Summary"
echo "-------"
echo
total=$(printf '%s\n' "$titles" | grep -c .)
for c in $columns; do
	ok=0 failed=0 skipped=0 other=0
	for v in $(printf '%s\n' "$titles" | while IFS= read -r t; do
			r=$(verdict "$c" "$t"); echo "${r:-missing}"; done); do
		case $v in
		ok) ok=$((ok + 1)) ;;
		FAILED) failed=$((failed + 1)) ;;
		skipped) skipped=$((skipped + 1)) ;;
		*) other=$((other + 1)) ;;
		esac
	done
	printf -- '- %s: %d ok, %d failed, %d skipped' "$(label "$c")" \
		"$ok" "$failed" "$skipped"
	[ "$other" -eq 0 ] || printf ', %d other (xfail or not run)' "$other"
	echo " of $total"
done
diff=0
diffs=$(printf '%s\n' "$titles" | while IFS= read -r t; do
	first=
	same=1
	for c in $columns; do
		r=$(verdict "$c" "$t")
		[ -n "$first" ] || first=${r:-missing}
		[ "${r:-missing}" = "$first" ] || same=0
	done
	[ "$same" -eq 1 ] || printf '%s\n' "$t"
done)
[ -z "$diffs" ] || diff=$(printf '%s\n' "$diffs" | grep -c .)
echo "- tests whose verdicts differ between columns: $diff"
echo
echo "Test by test"
echo "------------"
echo
echo ".. list-table::"
echo "   :header-rows: 1"
echo
printf '   * - test\n'
for c in $columns; do printf '     - %s\n' "$(label "$c")"; done
printf '     - note\n'
printf '%s\n' "$titles" | while IFS= read -r t; do
	printf '   * - %s\n' "$(printf '%s' "$t" | sed 's/\*/\\*/g; s/`/\\`/g')"
	for c in $columns; do
		r=$(verdict "$c" "$t")
		printf '     - %s\n' "${r:-not run}"
	done
	n=$(awk -F '|' -v k="$kind" -v t="$t" '$1 == k && $2 == t { print $3 }' \
		"$notes" 2>/dev/null | head -n 1)
	printf '     - %s\n' "$n"
done
if [ -n "$diffs" ]; then
	echo
	echo "Differences"
	echo "-----------"
	echo
	printf '%s\n' "$diffs" | while IFS= read -r t; do
		n=$(awk -F '|' -v k="$kind" -v t="$t" '$1 == k && $2 == t { print $3 }' \
			"$notes" 2>/dev/null | head -n 1)
		printf -- '- **%s**: %s\n' "$t" "${n:-not yet explained}"
	done
fi
