#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Conntrack helpers through ct(commit,alg=...), which the datapath finds by
# name (OVS_CT_ATTR_HELPER):
#  - TFTP (alg=tftp): a read whose data comes from another server port gets
#    through a firewall that admits the server's side only as +rel;
#  - FTP (alg=ftp), passive mode: the data connection is +rel for its whole
#    life (every byte of a 300 KB RETR is counted on +est+rel flows) and
#    inherits the control connection's ct_label;
#  - FTP in active mode with the helper attached by a later commit: the
#    first ct() has no alg, the commit after recirculation has one.
# Each helper case has a negative control: without alg the data is dropped.

. "$(dirname "$0")/lib.sh"

LABEL=0x1234abcd00000000000000000000beef

# flows: replace br0's flows with stdin, counters zeroed (replace-flows
# keeps the counters of unchanged flows).  Once more after a failure: the
# management socket may refuse a connection when the guest is slow.
flows() {
	cat >"$T/flows.in"
	ovs-ofctl del-flows br0 && of_flows <"$T/flows.in" && return 0
	sleep 2
	ovs-ofctl del-flows br0 && of_flows <"$T/flows.in"
}

# of_nbytes MATCH: n_bytes summed like of_npackets.
of_nbytes() {
	ovs-ofctl -O OpenFlow13 dump-flows br0 | awk -v m="$1" '
		BEGIN { n = split(m, w, " ") }
		{
			for (i = 1; i <= n; i++)
				if (index($0, w[i]) == 0)
					next
			if (match($0, /n_bytes=[0-9]+/))
				s += substr($0, RSTART + 8, RLENGTH - 8)
		}
		END { print s + 0 }'
}

# of_sync: let the revalidator push datapath flow statistics to the
# OpenFlow counters (they lag behind under load).
of_sync() {
	ovs-appctl revalidator/wait >/dev/null 2>&1
}

# ct_lines ZONE ERE: dump-conntrack -m lines of ZONE matching ERE.
ct_lines() {
	ovs-appctl dpctl/dump-conntrack -m "zone=$1" | grep -Ec -e "$2"
}

ovs_start
ovs_add_br br0
ns_add 1 && ns_add 2 || { not_ok "create ns1 and ns2"; done_testing; }

# --- TFTP -------------------------------------------------------------------
# tftpd-hpa and atftpd are not part of the test setup: a small RFC 1350
# server (RRQ, octet) answers each read from a fresh socket, that is from
# another port than 69, as real servers do.  Client: curl tftp://.
cat >"$T/tftpd.py" <<'PY'
import os, socket, struct, sys
addr, root = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((addr, 69))
print("LISTENING", flush=True)
while True:
    pkt, peer = s.recvfrom(2048)
    if struct.unpack("!H", pkt[:2])[0] != 1:
        continue
    name = pkt[2:].split(b"\0")[0].decode()
    d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    d.bind((addr, 0))
    d.settimeout(1)
    print("RRQ %s from %s:%d, data from port %d" %
          (name, peer[0], peer[1], d.getsockname()[1]), flush=True)
    try:
        data = open(os.path.join(root, os.path.basename(name)), "rb").read()
    except OSError:
        d.sendto(struct.pack("!HH", 5, 1) + b"not found\0", peer)
        continue
    blk, off, done = 1, 0, False
    while not done:
        chunk = data[off:off + 512]
        for _ in range(4):
            d.sendto(struct.pack("!HH", 3, blk & 0xffff) + chunk, peer)
            try:
                r, p = d.recvfrom(2048)
            except socket.timeout:
                continue
            if p == peer and r[:2] == b"\0\4" and \
               struct.unpack("!H", r[2:4])[0] == blk & 0xffff:
                break
        else:
            print("transfer of %s aborted at block %d" % (name, blk),
                  flush=True)
            break
        off += 512
        blk += 1
        done = len(chunk) < 512
    else:
        print("sent %s, %d bytes" % (name, len(data)), flush=True)
    d.close()
PY

# tftp_get NAME: curl in ns1 reads data.bin from ns2 into $T/NAME.
tftp_get() {
	rm -f "$T/$1"
	nsx 1 timeout 30 curl -sS --max-time "${2:-20}" -o "$T/$1" \
		tftp://10.1.1.2/data.bin || return 1
	cmp "$T/tftproot/data.bin" "$T/$1"
}

# tftp_flows ALG: zone 1, only the client may open connections (to port
# 69); the server's data comes back as +rel only.
tftp_flows() {
	flows <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,udp,ct_state=-trk actions=ct(table=1,zone=1)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,udp,tp_dst=69,ct_state=+trk+new-rel actions=ct(commit,zone=1$1),output:2
table=1,priority=100,in_port=2,udp,ct_state=+trk+new+rel actions=ct(commit,zone=1),output:1
table=1,priority=100,in_port=2,udp,ct_state=+trk+est+rel actions=output:1
table=1,priority=100,in_port=1,udp,ct_state=+trk+est+rel actions=output:2
table=1,priority=100,in_port=1,udp,ct_state=+trk+est-rel actions=output:2
table=1,priority=100,in_port=2,udp,ct_state=+trk+est-rel actions=output:1
table=1,priority=50,in_port=2,udp,ct_state=+trk+new-rel actions=drop
table=1,priority=0 actions=drop
FLOWS
}

if ! command -v curl >/dev/null 2>&1; then
	skip "TFTP read through ct(commit,alg=tftp)" "curl not installed"
else
	mkdir -p "$T/tftproot"
	head -c 20000 /dev/urandom >"$T/tftproot/data.bin"
	ip netns exec ns2 python3 "$T/tftpd.py" 10.1.1.2 "$T/tftproot" \
		>"$T/tftpd.log" 2>&1 &
	if ! wait_for 90 grep -q LISTENING "$T/tftpd.log"; then
		not_ok "start the TFTP server in ns2"
		diag_file "$T/tftpd.log"
	else
		check "install TFTP flows with alg=tftp" tftp_flows ",alg=tftp"
		check "TFTP read of 20000 bytes through ct(commit,alg=tftp)" \
			tftp_get tftp.bin
		check "the data came from another server port than 69" \
			grep -Eq 'data from port ([0-9]{3,5})$' "$T/tftpd.log"
		of_sync
		n=$(of_npackets "table=1 in_port=2 +new+rel+trk")
		check "the first DATA block was +new+rel ($n packets)" [ "$n" -ge 1 ]
		n=$(of_npackets "table=1 in_port=2 +est+rel+trk")
		check "the other 39 DATA blocks were +est+rel ($n packets)" \
			[ "$n" -ge 39 ]
		n=$(of_npackets "table=1 in_port=1 +est+rel+trk")
		check "the client's 40 ACKs were +est+rel ($n packets)" [ "$n" -ge 40 ]
		n=$(of_npackets "table=1 in_port=2 +new-rel+trk actions=drop")
		check "nothing from the server was +new-rel ($n packets)" [ "$n" -eq 0 ]
		c=$(ct_lines 1 '^udp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=69\),.*helper=tftp')
		check "conntrack: the read request has helper=tftp ($c)" [ "$c" -ge 1 ]
		c=$(ct_lines 1 '^udp,orig=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,.*status=EXPECTED.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=69\)')
		check "conntrack: the data connection is expected, parent = the request ($c)" \
			[ "$c" -ge 1 ]
		check "the datapath commits with helper=tftp" \
			sh -c "ovs-appctl dpctl/dump-flows | grep -q 'ct(commit,zone=1,helper=tftp)'"

		# Negative control, last (the server may still retry its
		# DATA to this read's client afterwards).
		ct_flush
		check "install TFTP flows without alg" tftp_flows ""
		check_fail "TFTP read fails when the control flow has no alg" \
			tftp_get tftp-noalg.bin 6
		of_sync
		n=$(of_npackets "table=1 in_port=2 +new-rel+trk actions=drop")
		check "the server's data was +new-rel and dropped ($n packets)" \
			[ "$n" -ge 1 ]
		n=$(of_npackets "table=1 +rel+trk")
		check "without the helper nothing was +rel ($n packets)" [ "$n" -eq 0 ]
	fi
fi

# --- FTP ---------------------------------------------------------------------
python3 -c 'import pyftpdlib' 2>/dev/null || {
	skip "FTP helper cases" "python3-pyftpdlib not installed"
	check_vswitchd_log
	done_testing
}
command -v lftp >/dev/null 2>&1 || {
	skip "FTP helper cases" "lftp not installed"
	check_vswitchd_log
	done_testing
}

mkdir -p "$T/ftproot"
head -c 307200 /dev/urandom >"$T/ftproot/big.bin"
nsx 2 python3 -m pyftpdlib -i 10.1.1.2 -p 21 -d "$T/ftproot" -D \
	>"$T/ftpd.log" 2>&1 &
if ! wait_for 90 sh -c "ip netns exec ns2 ss -Hltn | grep -q '10.1.1.2:21 '"; then
	not_ok "start pyftpdlib in ns2"
	diag_file "$T/ftpd.log"
	check_vswitchd_log
	done_testing
fi

# ftp_get NAME passive|active [fail]: lftp in ns1 fetches big.bin into
# $T/NAME.bin; its protocol trace goes to $T/NAME.dbg.  With "fail" (a
# transfer expected to fail), shorter timeouts and no retry.
ftp_get() {
	_pasv=off
	[ "$2" = passive ] && _pasv=on
	_net="set net:timeout 10; set net:max-retries 2"
	_tmo=90
	[ "${3:-}" = fail ] && _net="set net:timeout 5; set net:max-retries 1" &&
		_tmo=30
	rm -f "$T/$1.bin"
	nsx 1 timeout "$_tmo" lftp -d -c "
		set cmd:fail-exit yes; set ftp:ssl-allow no
		set ftp:passive-mode $_pasv; set ftp:prefer-epsv no
		$_net
		set net:reconnect-interval-base 1
		open ftp://10.1.1.2; get big.bin -o $T/$1.bin" \
		>"$T/$1.out" 2>"$T/$1.dbg"
	_rc=$?
	if [ $_rc -ne 0 ] || ! cmp -s "$T/ftproot/big.bin" "$T/$1.bin"; then
		echo "lftp exit status $_rc"
		grep -e '^<---' -e '^--->' -e '^----' "$T/$1.dbg" | tail -n 30
		return 1
	fi
}

# --- passive FTP: +rel for the whole data connection, inherited ct_label -----
# Zone 2.  The control connection is committed with the helper and a label;
# the data connection is committed bare.  Its packets are forwarded only
# by +rel flows that also require the label.
flows <<FLOWS && ok "install passive FTP flows (alg=ftp, ct_label)" ||
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,tcp,ct_state=-trk actions=ct(table=1,zone=2)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,tcp,tp_dst=21,ct_state=+trk+new-rel actions=ct(commit,zone=2,alg=ftp,exec(set_field:$LABEL->ct_label)),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+new+rel actions=ct(commit,zone=2),output:2
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est+rel,ct_label=$LABEL actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est+rel,ct_label=$LABEL actions=output:1
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est-rel actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est-rel actions=output:1
table=1,priority=50,tcp,ct_state=+trk+rel actions=drop
table=1,priority=0 actions=drop
FLOWS
	not_ok "install passive FTP flows (alg=ftp, ct_label)"

check "passive FTP: RETR of 300 KB through ct(commit,alg=ftp)" \
	ftp_get pasv passive
check "lftp used PASV" grep -q '^---> PASV' "$T/pasv.dbg"
of_sync
b=$(of_nbytes "table=1 in_port=2 +est+rel+trk ct_label=$LABEL")
check "every data byte from the server was +est+rel with the label ($b bytes)" \
	[ "$b" -ge 307200 ]
n=$(of_npackets "table=1 in_port=2 +est+rel+trk ct_label=$LABEL")
check "+est+rel from the server for many packets, not only the first ($n)" \
	[ "$n" -ge 5 ]
n=$(of_npackets "table=1 in_port=1 +est+rel+trk ct_label=$LABEL")
check "the client's ACKs on the data connection were +est+rel ($n)" \
	[ "$n" -ge 5 ]
b=$(of_nbytes "table=1 in_port=2 +est-rel+trk")
check "the control connection alone was -rel (server: $b bytes)" \
	[ "$b" -lt 100000 ]
n=$(of_npackets "table=1 priority=50 +rel+trk actions=drop")
check "no +rel packet lacked the label ($n)" [ "$n" -eq 0 ]
n=$(of_npackets "table=1 in_port=1 +new+rel+trk")
check "the data connection started +new+rel ($n, more on SYN retransmits)" \
	[ "$n" -ge 1 ]

ovs-appctl dpctl/dump-conntrack -m zone=2 >"$T/ct2.txt"
check "conntrack: the control connection has helper=ftp and the label" \
	grep -Eq "^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\),.*labels=$LABEL.*helper=ftp" "$T/ct2.txt"
check "conntrack: the data connection inherited labels=$LABEL" \
	grep -Eq "^tcp,orig=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=[0-9]+\),.*status=EXPECTED.*labels=$LABEL.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\)" "$T/ct2.txt"

# --- active FTP, helper attached by the commit after recirculation -----------
# Zone 4.  table 0 tracks without alg; table 1 commits the control
# connection with or without alg=ftp.  The server opens the data
# connection (ns2 -> ns1), which only +rel admits.
active_flows() {
	flows <<FLOWS
table=0,priority=100,arp actions=NORMAL
table=0,priority=50,tcp,ct_state=-trk actions=ct(table=1,zone=4)
table=0,priority=0 actions=drop
table=1,priority=100,in_port=1,tcp,tp_dst=21,ct_state=+trk+new-rel actions=ct(commit,zone=4$1),output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+new+rel actions=ct(commit,zone=4),output:1
table=1,priority=100,in_port=1,tcp,ct_state=+trk+est actions=output:2
table=1,priority=100,in_port=2,tcp,ct_state=+trk+est actions=output:1
table=1,priority=50,in_port=2,tcp,ct_state=+trk+new-rel actions=drop
table=1,priority=0 actions=drop
FLOWS
}

ct_flush
check "install active FTP flows, commit without alg" active_flows ""
check_fail "active FTP fails when no commit attaches the helper" \
	ftp_get act-noalg active fail
of_sync
n=$(of_npackets "table=1 in_port=2 +new-rel+trk actions=drop")
check "the server's data connection was +new-rel and dropped ($n)" [ "$n" -ge 1 ]
c=$(ct_lines 4 'helper=ftp')
check "no connection has helper=ftp ($c)" [ "$c" -eq 0 ]

ct_flush
check "install active FTP flows, ct(commit,alg=ftp) after ct(table=1)" \
	active_flows ",alg=ftp"
check "active FTP: RETR of 300 KB with the helper attached at commit" \
	ftp_get act active
check "lftp used PORT" grep -q '^---> PORT 10,1,1,1,' "$T/act.dbg"
of_sync
n=$(of_npackets "table=1 in_port=2 +new+rel+trk")
check "the server's data connection was +new+rel ($n)" [ "$n" -ge 1 ]
n=$(of_npackets "table=1 in_port=2 +new-rel+trk actions=drop")
check "nothing from the server was +new-rel ($n)" [ "$n" -eq 0 ]
c=$(ct_lines 4 '^tcp,orig=\(src=10\.1\.1\.2,dst=10\.1\.1\.1,.*status=EXPECTED.*parent=\(src=10\.1\.1\.1,dst=10\.1\.1\.2,sport=[0-9]+,dport=21\)')
check "conntrack: the active data connection is expected, parent = control ($c)" \
	[ "$c" -ge 1 ]
ovs-appctl dpctl/dump-flows >"$T/dpflows.txt"
check "datapath: the first ct() has no helper, the commit has helper=ftp" \
	sh -c "grep -q 'actions:ct(zone=4),recirc(' '$T/dpflows.txt' &&
	       grep -q 'ct(commit,zone=4,helper=ftp)' '$T/dpflows.txt'"

check_vswitchd_log
done_testing
