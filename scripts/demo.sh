#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Demonstrate the datapath: boot a guest with our openvswitch.ko (or the
# in-tree one with OVS_MODULE=intree), start Open vSwitch, build br0 with
# namespaces ns1 and ns2, install the zone-1 stateful firewall and show it
# at work: the OpenFlow table, ping and TCP in both directions, the
# datapath's flows and its conntrack table.
#
# usage: scripts/demo.sh            (run by "make demo")
# Exit status: 0 when ns1 -> ns2 passes and new ns2 -> ns1 connections are
# blocked, non-zero otherwise.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

if [ "${1:-}" != --in-guest ]; then
	: "${GUEST_TIMEOUT:=600}"
	export GUEST_TIMEOUT
	cd "$top" || exit 2
	exec sh "$here/guest-run.sh" "sh scripts/demo.sh --in-guest"
fi

# ---------------------------------------------------------------------------
# In the guest.
cd "$top" || exit 1
LIB_NO_TAP=1
. "$top/selftests/lib.sh"

bad=0
banner() {
	echo
	echo "=== $*"
}

# expect pass|block DESCRIPTION CMD...: run CMD (a lib.sh traffic helper)
# and say whether the firewall did what it should.
expect() {
	_want=$1
	_what=$2
	shift 2
	if "$@" >"$T/expect.out" 2>&1; then
		_got=pass
	else
		_got=block
	fi
	if [ "$_got" = "$_want" ]; then
		printf '  %-44s %-7s (expected)\n' "$_what" "$_got"
	else
		printf '  %-44s %-7s UNEXPECTED, wanted %s\n' "$_what" "$_got" "$_want"
		sed 's/^/      /' "$T/expect.out"
		bad=$((bad + 1))
	fi
}

banner "openvswitch module"
modinfo -n openvswitch
printf 'taint: %s\n' "$(cat /sys/module/openvswitch/taint 2>/dev/null)"

banner "starting ovsdb-server and ovs-vswitchd (datapath_type=system)"
ovs_start
ovs_add_br br0
ns_add 1
ns_add 2
ovs-vsctl show
ovs-appctl dpctl/show

banner "zone-1 stateful firewall: ns1 (10.1.1.1, fd00::1) may open, ns2 may not"
if ! fw_flows 1 | of_flows; then
	echo "demo: installing the flows failed"
	exit 1
fi
ovs-ofctl -O OpenFlow13 dump-flows br0

banner "traffic"
expect pass  "ping    ns1 -> ns2 (IPv4)" ping_ok 1 10.1.1.2
expect pass  "ping    ns1 -> ns2 (IPv6)" ping_ok 1 fd00::2
expect pass  "TCP     ns1 -> ns2 (IPv4)" tcp_ok 1 2 10.1.1.2
expect pass  "TCP     ns1 -> ns2 (IPv6)" tcp_ok 1 2 fd00::2
expect pass  "UDP     ns1 -> ns2 (IPv4)" udp_ok 1 2 10.1.1.2
expect block "ping    ns2 -> ns1 (IPv4)" ping_ok 2 10.1.1.1
expect block "ping    ns2 -> ns1 (IPv6)" ping_ok 2 fd00::1
expect block "TCP     ns2 -> ns1 (IPv4)" tcp_ok 2 1 10.1.1.1
expect block "TCP     ns2 -> ns1 (IPv6)" tcp_ok 2 1 fd00::1

banner "ovs-appctl dpctl/dump-flows"
ovs-appctl dpctl/dump-flows
banner "ovs-appctl dpctl/dump-conntrack"
ovs-appctl dpctl/dump-conntrack
banner "OpenFlow counters"
ovs-ofctl -O OpenFlow13 dump-flows br0 | sed 's/cookie=0x0, duration=[^,]*, //'

echo
if [ "$bad" -eq 0 ]; then
	echo "demo: the firewall behaved as expected"
	exit 0
fi
echo "demo: $bad check(s) misbehaved"
exit 1
