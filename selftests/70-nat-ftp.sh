#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# FTP through NAT with the ftp helper (ct(commit,alg=ftp,nat(...))) in
# zone 7: lftp in ns1 fetches a listing and a file from pyftpdlib in ns2
# (10.1.1.2), in active and in passive mode, once SNATed to 10.1.1.100 and
# once through the virtual address 10.1.1.200 DNATed to ns2.  nf_nat_ftp
# rewrites PORT (SNAT) and the 227 reply (DNAT), which changes the payload
# length (sequence adjustment), and sets up the NAT of the expected data
# connections, which the flows commit with a bare ct(commit,nat).

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nat/nat-lib.sh"

require_cmd lftp
python3 -c 'import pyftpdlib' 2>/dev/null ||
	skip_all "python3-pyftpdlib not installed"

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }
ns_mac 1 2
neigh_to 2 10.1.1.100 1
neigh_to 1 10.1.1.200 2

of_flows <<FLOWS && ok "install the FTP NAT flows" ||
$(nd_flows)
table=0,priority=10,tcp actions=ct(zone=7,nat,table=1)
table=0,priority=0 actions=drop
# Control connections: SNAT towards ns2 itself, DNAT of the virtual address.
table=1,priority=100,in_port=1,tcp,nw_dst=10.1.1.2,tp_dst=21,ct_state=+trk+new-rel actions=ct(commit,zone=7,alg=ftp,nat(src=10.1.1.100)),output:2
table=1,priority=100,in_port=1,tcp,nw_dst=10.1.1.200,tp_dst=21,ct_state=+trk+new-rel actions=ct(commit,zone=7,alg=ftp,nat(dst=10.1.1.2)),output:2
# Data connections the helper expects: NAT them as it prepared.
table=1,priority=100,in_port=1,tcp,ct_state=+trk+new+rel actions=ct(commit,zone=7,nat),output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+new+rel actions=ct(commit,zone=7,nat),output:1
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est actions=output:1
table=1,priority=0 actions=drop
FLOWS
	{ not_ok "install the FTP NAT flows"; done_testing; }

mkdir -p "$T/ftproot"
echo "hello through NAT" >"$T/ftproot/hello.txt"
nsx 2 python3 -m pyftpdlib -i 10.1.1.2 -p 21 -d "$T/ftproot" -D \
	>"$T/ftpd.log" 2>&1 &
if ! wait_for 120 sh -c "ip netns exec ns2 ss -Hltn | grep -q '10.1.1.2:21 '"; then
	not_ok "start pyftpdlib in ns2"
	diag_file "$T/ftpd.log"
	done_testing
fi

# ftp_session NAME passive|active HOST: an lftp session from ns1 to HOST
# (list, fetch hello.txt); client output in $T/NAME.out, its protocol trace in
# $T/NAME.dbg, the server's log lines of this session in $T/NAME.srv.
ftp_session() {
	_pasv=off
	[ "$2" = passive ] && _pasv=on
	_n0=$(wc -l <"$T/ftpd.log")
	nsx 1 timeout 40 lftp -d -c "
		set cmd:fail-exit yes; set ftp:ssl-allow no
		set ftp:passive-mode $_pasv; set ftp:prefer-epsv no
		set net:timeout 8; set net:max-retries 2
		set net:reconnect-interval-base 1
		open ftp://$3; ls; cat hello.txt" >"$T/$1.out" 2>"$T/$1.dbg"
	_rc=$?
	sleep 1
	tail -n "+$((_n0 + 1))" "$T/ftpd.log" >"$T/$1.srv"
	if [ $_rc -ne 0 ] || ! grep -q 'hello\.txt$' "$T/$1.out" ||
	   ! grep -qx 'hello through NAT' "$T/$1.out"; then
		echo "lftp exit status $_rc, output:"
		cat "$T/$1.out"
		echo "--- trace:"
		grep -e '^<---' -e '^--->' -e '^----' "$T/$1.dbg" | tail -n 40
		echo "--- server:"
		tail -n 30 "$T/$1.srv"
		return 1
	fi
}

# --- through SNAT (10.1.1.1 -> 10.1.1.100) ------------------------------------
check "active FTP through SNAT: LIST and RETR" ftp_session snat-active active 10.1.1.2
# Megaflows idle out; under load the last check comes minutes later.
ovs-appctl dpctl/dump-flows >>"$T/dpflows.txt" 2>&1
check "the server saw the control connection from 10.1.1.100" \
	grep_in "$T/snat-active.srv" '10\.1\.1\.100:[0-9]+-\[\] FTP session opened'
check "PORT reached the server rewritten to 10,1,1,100 (twice)" \
	sh -c "[ \$(grep -c '<- PORT 10,1,1,100,' '$T/snat-active.srv') -eq 2 ]"
check "the server accepted both active data connections" \
	sh -c "[ \$(grep -c -- '-> 200 Active data connection established' \
		'$T/snat-active.srv') -eq 2 ]"
check "lftp sent PORT 10,1,1,1 and got the data from 10.1.1.2" \
	sh -c "grep -q '^---> PORT 10,1,1,1,' '$T/snat-active.dbg' &&
	       grep -q 'Accepted data connection from (10\.1\.1\.2)' '$T/snat-active.dbg'"

check "passive FTP through SNAT: LIST and RETR" ftp_session snat-passive passive 10.1.1.2
# Megaflows idle out; under load the last check comes minutes later.
ovs-appctl dpctl/dump-flows >>"$T/dpflows.txt" 2>&1
check "the server answered PASV with its own address" \
	grep_in "$T/snat-passive.srv" '-> 227 Entering passive mode \(10,1,1,2,'
check "the server accepted the passive data connections from 10.1.1.100" \
	sh -c "! grep -q 'foreign address' '$T/snat-passive.srv' &&
	       [ \$(grep -c -- '-> 226 Transfer complete' '$T/snat-passive.srv') -eq 2 ]"

check "conntrack: SNATed control connections with helper ftp and seqadj" \
	sh -c "[ \$(ovs-appctl dpctl/dump-conntrack -m zone=7 |
		grep -E '^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.100,' |
		grep 'helper=ftp' | grep -c 'SRC_NAT|SEQ_ADJUST') -ge 1 ]"
c=$(ct_count 7 '^tcp,orig=\(src=10\.1\.1\.2,dst=10\.1\.1\.100,.*\),reply=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,.*status=EXPECTED.*DST_NAT\|.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\)')
check "conntrack: 2 active data connections to 10.1.1.100 DNATed to ns1 ($c)" \
	[ "$c" -eq 2 ]
c=$(ct_count 7 '^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,.*\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.100,.*status=EXPECTED.*SRC_NAT\|.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\)')
check "conntrack: 2 passive data connections SNATed to 10.1.1.100 ($c)" \
	[ "$c" -eq 2 ]

# --- through DNAT (10.1.1.200 -> 10.1.1.2) --------------------------------------
check "active FTP through DNAT: LIST and RETR" ftp_session dnat-active active 10.1.1.200
# Megaflows idle out; under load the last check comes minutes later.
ovs-appctl dpctl/dump-flows >>"$T/dpflows.txt" 2>&1
check "the server saw the control connection from 10.1.1.1" \
	grep_in "$T/dnat-active.srv" '10\.1\.1\.1:[0-9]+-\[\] FTP session opened'
check "PORT reached the server unchanged, 10,1,1,1 (twice)" \
	sh -c "[ \$(grep -c '<- PORT 10,1,1,1,' '$T/dnat-active.srv') -eq 2 ]"
check "lftp got the active data connections from 10.1.1.200" \
	sh -c "[ \$(grep -c 'Accepted data connection from (10\.1\.1\.200)' \
		'$T/dnat-active.dbg') -eq 2 ]"

check "passive FTP through DNAT: LIST and RETR" ftp_session dnat-passive passive 10.1.1.200
# Megaflows idle out; under load the last check comes minutes later.
ovs-appctl dpctl/dump-flows >>"$T/dpflows.txt" 2>&1
check "the server answered PASV with 10,1,1,2" \
	grep_in "$T/dnat-passive.srv" '-> 227 Entering passive mode \(10,1,1,2,'
check "lftp got the 227 reply rewritten to 10,1,1,200 and connected there" \
	sh -c "grep -q '^<--- 227 Entering passive mode (10,1,1,200,' '$T/dnat-passive.dbg' &&
	       grep -q 'Connecting data socket to (10\.1\.1\.200)' '$T/dnat-passive.dbg'"

check "conntrack: DNATed control connections with helper ftp and seqadj" \
	sh -c "[ \$(ovs-appctl dpctl/dump-conntrack -m zone=7 |
		grep -E '^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.200,sport=[0-9]+,dport=21\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,' |
		grep 'helper=ftp' | grep -c 'DST_NAT|SEQ_ADJUST') -ge 1 ]"
c=$(ct_count 7 '^tcp,orig=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,.*\),reply=\(src=10\.1\.1\.1,dst=10\.1\.1\.200,.*status=EXPECTED.*SRC_NAT\|.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.200,sport=[0-9]+,dport=21\)')
check "conntrack: 2 active data connections from ns2 SNATed to 10.1.1.200 ($c)" \
	[ "$c" -eq 2 ]
c=$(ct_count 7 '^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.200,.*\),reply=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,.*status=EXPECTED.*DST_NAT\|.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.200,sport=[0-9]+,dport=21\)')
check "conntrack: 2 passive data connections to 10.1.1.200 DNATed to ns2 ($c)" \
	[ "$c" -eq 2 ]

n1=$(of_npackets "table=1 +new+rel+trk in_port=1")
n2=$(of_npackets "table=1 +new+rel+trk in_port=2")
check "4 passive data connections committed as +new+rel from ns1 ($n1)" \
	[ "$n1" -eq 4 ]
check "4 active data connections committed as +new+rel from ns2 ($n2)" \
	[ "$n2" -eq 4 ]
check "the datapath commits control connections with helper=ftp and NAT" \
	sh -c "grep -q 'ct(commit,zone=7,helper=ftp,nat(src=10.1.1.100))' '$T/dpflows.txt' &&
	       grep -q 'ct(commit,zone=7,helper=ftp,nat(dst=10.1.1.2))' '$T/dpflows.txt'"

check_vswitchd_log
done_testing
