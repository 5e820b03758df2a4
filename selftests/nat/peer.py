#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Socket end points for the NAT selftests (selftests/70-nat-*.sh).  Every
# mode prints one line per event on stdout, flushed, for the test to grep.
#
#   serve ADDR PORT[,PORT...] TAG
#       TCP server: per connection print "ACCEPT <peer addr> <peer port>
#       <local addr> <local port>", read one line, answer "<TAG> <peer addr> <peer port>"
#       (how this end saw the client), then wait for the client to close.
#   connect HOST PORT [-s SRC] [-p SPORT] [-H HOLD] [-t TIMEOUT]
#       TCP client: connect, send a line, print "OK local=<addr>:<port>
#       reply=<answer>", keep the connection HOLD seconds (default 0).
#       Prints "FAIL <error>" and exits 1 when anything goes wrong.
#   many HOST PORT N [-t TIMEOUT] [-H HOLD]
#       Open N connections one after another, each kept open: print "OK <i>
#       local=... reply=..." or "FAIL <i> <error>", then "HOLDING" and keep
#       them all HOLD seconds (default 60).
#   lb HOST PORT SPORT NPORTS SRC...
#       From every SRC address and every source port SPORT..SPORT+NPORTS-1
#       make one connection: print "<src> <sport> <answer>" or "<src>
#       <sport> FAIL <error>".  Exits 1 when a connection failed.
#   udp-refused HOST PORT SPORT [-t TIMEOUT]
#       Send one UDP datagram from SPORT and expect ECONNREFUSED (the kernel
#       matched an ICMP port unreachable to this socket): print "REFUSED"
#       and exit 0, else print what happened and exit 1.
#   icmp-errors PCAP
#       Print the ICMP/ICMPv6 errors in a tcpdump capture (Ethernet), one
#       line each: "<v4|v6> type=<t> code=<c> outer=<src>><dst>
#       inner=<proto> <src>:<sport>><dst>:<dport>".
import argparse
import ipaddress
import socket
import struct
import sys
import threading
import time


def out(*words):
    print(*words, flush=True)


def family(host):
    return socket.AF_INET6 if ':' in host else socket.AF_INET


def serve_conn(conn, peer, tag):
    try:
        f = conn.makefile('rb')
        f.readline()
        conn.sendall(('%s %s %d\n' % (tag, peer[0], peer[1])).encode())
        while conn.recv(1000):
            pass
    except OSError:
        pass
    conn.close()


def serve_port(lsock, tag):
    while True:
        conn, peer = lsock.accept()
        local = conn.getsockname()
        out('ACCEPT', peer[0], peer[1], local[0], local[1])
        threading.Thread(target=serve_conn, args=(conn, peer, tag),
                         daemon=True).start()


def cmd_serve(a):
    threads = []
    for port in a.ports.split(','):
        s = socket.socket(family(a.addr), socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((a.addr, int(port)))
        s.listen(128)
        t = threading.Thread(target=serve_port, args=(s, a.tag), daemon=True)
        t.start()
        threads.append(t)
    out('LISTENING')
    for t in threads:
        t.join()


def open_conn(host, port, src=None, sport=0, timeout=5.0):
    """Connect, exchange one line; return (socket, local address, answer)."""
    s = socket.socket(family(host), socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if src or sport:
        s.bind((src or '', sport))
    s.settimeout(timeout)
    try:
        s.connect((host, port))
        s.sendall(b'hello\n')
        answer = s.makefile('rb').readline().decode().strip()
        if not answer:
            raise ConnectionError('no answer')
    except Exception:
        s.close()
        raise
    return s, s.getsockname(), answer


def cmd_connect(a):
    try:
        s, local, answer = open_conn(a.host, a.port, a.src, a.sport,
                                     a.timeout)
    except Exception as e:
        out('FAIL', repr(e))
        return 1
    out('OK local=%s:%d reply=%s' % (local[0], local[1], answer))
    time.sleep(a.hold)
    s.close()
    return 0


def cmd_many(a):
    held = []
    for i in range(1, a.n + 1):
        try:
            s, local, answer = open_conn(a.host, a.port, timeout=a.timeout)
        except Exception as e:
            out('FAIL', i, repr(e))
            continue
        held.append(s)
        out('OK %d local=%s:%d reply=%s' % (i, local[0], local[1], answer))
    out('HOLDING')
    time.sleep(a.hold)
    return 0


def cmd_lb(a):
    rc = 0
    for src in a.srcs:
        for sport in range(a.sport, a.sport + a.nports):
            try:
                s, local, answer = open_conn(a.host, a.port, src, sport,
                                             a.timeout)
                # The server closes after our close: no TIME_WAIT here.
                s.close()
                out(src, sport, answer)
            except Exception as e:
                out(src, sport, 'FAIL', repr(e))
                rc = 1
    return rc


def cmd_udp_refused(a):
    s = socket.socket(family(a.host), socket.SOCK_DGRAM)
    s.bind(('', a.sport))
    s.connect((a.host, a.port))
    s.settimeout(a.timeout)
    s.send(b'ping')
    try:
        d = s.recv(100)
        out('ANSWER', d)
    except ConnectionRefusedError:
        out('REFUSED')
        return 0
    except socket.timeout:
        out('TIMEOUT')
    return 1


def ip_str(b):
    return str(ipaddress.ip_address(b))


def inner_l4(proto, b):
    names = {6: 'tcp', 17: 'udp'}
    if proto in names and len(b) >= 4:
        sp, dp = struct.unpack('!HH', b[:4])
        return names[proto], sp, dp
    return 'proto%d' % proto, 0, 0


def icmp_error(frame):
    """Describe an ICMP error inside an Ethernet frame, or return None."""
    etype = struct.unpack('!H', frame[12:14])[0]
    p = frame[14:]
    if etype == 0x0800 and len(p) >= 20 and p[9] == 1:
        hl = (p[0] & 15) * 4
        src, dst = ip_str(p[12:16]), ip_str(p[16:20])
        icmp = p[hl:]
        if len(icmp) < 8 + 20 or icmp[0] not in (3, 11, 12):
            return None
        ip = icmp[8:]
        ihl = (ip[0] & 15) * 4
        l4, sp, dp = inner_l4(ip[9], ip[ihl:])
        return 'v4 type=%d code=%d outer=%s>%s inner=%s %s:%d>%s:%d' % (
            icmp[0], icmp[1], src, dst, l4, ip_str(ip[12:16]), sp,
            ip_str(ip[16:20]), dp)
    if etype == 0x86dd and len(p) >= 40 and p[6] == 58:
        src, dst = ip_str(p[8:24]), ip_str(p[24:40])
        icmp = p[40:]
        if len(icmp) < 8 + 40 or icmp[0] >= 128:
            return None
        ip = icmp[8:]
        l4, sp, dp = inner_l4(ip[6], ip[40:])
        return 'v6 type=%d code=%d outer=%s>%s inner=%s %s:%d>%s:%d' % (
            icmp[0], icmp[1], src, dst, l4, ip_str(ip[8:24]), sp,
            ip_str(ip[24:40]), dp)
    return None


def cmd_icmp_errors(a):
    with open(a.pcap, 'rb') as f:
        data = f.read()
    magic = struct.unpack('<I', data[:4])[0]
    endian = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack(endian + 'I', data[off + 8:off + 12])[0]
        frame = data[off + 16:off + 16 + caplen]
        off += 16 + caplen
        line = icmp_error(frame)
        if line:
            out(line)
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='mode', required=True)
    p = sub.add_parser('serve')
    p.add_argument('addr')
    p.add_argument('ports')
    p.add_argument('tag')
    p.set_defaults(fn=cmd_serve)
    p = sub.add_parser('connect')
    p.add_argument('host')
    p.add_argument('port', type=int)
    p.add_argument('-s', dest='src')
    p.add_argument('-p', dest='sport', type=int, default=0)
    p.add_argument('-H', dest='hold', type=float, default=0)
    p.add_argument('-t', dest='timeout', type=float, default=5)
    p.set_defaults(fn=cmd_connect)
    p = sub.add_parser('many')
    p.add_argument('host')
    p.add_argument('port', type=int)
    p.add_argument('n', type=int)
    p.add_argument('-H', dest='hold', type=float, default=60)
    p.add_argument('-t', dest='timeout', type=float, default=5)
    p.set_defaults(fn=cmd_many)
    p = sub.add_parser('lb')
    p.add_argument('host')
    p.add_argument('port', type=int)
    p.add_argument('sport', type=int)
    p.add_argument('nports', type=int)
    p.add_argument('srcs', nargs='+')
    p.add_argument('-t', dest='timeout', type=float, default=5)
    p.set_defaults(fn=cmd_lb)
    p = sub.add_parser('udp-refused')
    p.add_argument('host')
    p.add_argument('port', type=int)
    p.add_argument('sport', type=int)
    p.add_argument('-t', dest='timeout', type=float, default=5)
    p.set_defaults(fn=cmd_udp_refused)
    p = sub.add_parser('icmp-errors')
    p.add_argument('pcap')
    p.set_defaults(fn=cmd_icmp_errors)
    a = ap.parse_args()
    sys.exit(a.fn(a))


if __name__ == '__main__':
    main()
