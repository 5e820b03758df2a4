#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Turn a scripts/bench.sh run directory into Documentation/performance.rst.

usage: scripts/bench-report.py RUNDIR OUTPUT.rst

Reads RUNDIR/results.txt (written in the guest by scripts/bench-guest.sh)
and RUNDIR/host.txt (scripts/bench.sh), writes the report and, next to it,
performance-rules.png (gnuplot) with throughput and connection rate against
the number of firewall rules.  Rows of earlier runs are kept from the
history table of the existing OUTPUT (or Documentation/performance.rst), so
that a change's before and after stay side by side.

Every figure is the median over the rounds of one guest boot; a ratio is
the median of the per-round ratios ours/in-tree (round r of ours against
round r of in-tree, measured one after the other), with their min-max.
"""

import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict

HIST_START = ".. bench-history-start"
HIST_END = ".. bench-history-end"


def load(rundir):
    res = defaultdict(lambda: defaultdict(dict))  # (test,param) -> var -> round -> value
    extra = defaultdict(lambda: defaultdict(dict))
    units = {}
    meta = defaultdict(list)
    with open(os.path.join(rundir, "results.txt")) as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            if w[0] == "res" and len(w) >= 7:
                _, test, param, var, rnd, val, unit = w[:7]
                key = (test, param)
                res[key][var][int(rnd)] = float(val)
                units[key] = unit
                kv = dict(x.split("=", 1) for x in w[7:] if "=" in x)
                extra[key][var][int(rnd)] = kv
            elif w[0] == "meta" and len(w) >= 2:
                meta[w[1]].append(" ".join(w[2:]))
    host = {}
    hp = os.path.join(rundir, "host.txt")
    if os.path.exists(hp):
        with open(hp) as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition(" ")
                host[k] = v
    # A run stopped part-way: keep only the rounds whose slots all ended,
    # so that every figure has its counterpart from the same round.
    done = defaultdict(set)
    for sl in meta.get("slot", []):
        m = re.match(r"r(\d+)-(\w+)", sl)
        if m:
            done[int(m.group(1))].add(m.group(2))
    need = {v for key in res for v in res[key]}
    complete = {r for r, vs in done.items() if need <= vs}
    dropped = set()
    for key in res:
        for v in res[key]:
            for r in list(res[key][v]):
                if r not in complete:
                    del res[key][v][r]
                    dropped.add(r)
    meta["complete_rounds"] = [str(len(complete))]
    meta["dropped_rounds"] = [" ".join(str(r) for r in sorted(dropped))]
    return res, extra, units, meta, host


def fmt(v):
    if v is None:
        return "n/a"
    a = abs(v)
    if a >= 1000:
        return "%.0f" % v
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    return "%.2f" % v


def spread(vals):
    """'median (min-max)' of a list."""
    if not vals:
        return "n/a", None
    m = statistics.median(vals)
    if len(vals) == 1:
        return fmt(m), m
    return "%s (%s-%s)" % (fmt(m), fmt(min(vals)), fmt(max(vals))), m


def ratio(byround_a, byround_b):
    """Per-round ratios b/a over the rounds both have: (median, min, max, n)."""
    rs = [byround_b[r] / byround_a[r] for r in sorted(byround_a)
          if r in byround_b and byround_a[r] > 0]
    if not rs:
        return None
    return statistics.median(rs), min(rs), max(rs), len(rs)


def normalised(key, var, res, extra):
    """Per-round value divided by the guest's host-CPU share (busy=)."""
    out = {}
    for r, v in res[key].get(var, {}).items():
        b = extra[key][var].get(r, {}).get("busy")
        try:
            b = float(b)
        except (TypeError, ValueError):
            continue
        if b > 0:
            out[r] = v / b
    return out


def ratio_norm(key, res, extra):
    return ratio(normalised(key, "intree", res, extra),
                 normalised(key, "ours", res, extra))


def cpu_ns(key, var, res, extra):
    """Median host-CPU nanoseconds per unit (packet, connection...)."""
    vals = [1e9 / v for v in normalised(key, var, res, extra).values() if v > 0]
    return statistics.median(vals) if vals else None


def ratio_text(rt):
    if rt is None:
        return "n/a", ""
    m, lo, hi, n = rt
    txt = "%.2fx (%.2f-%.2f)" % (m, lo, hi)
    if n < 2:
        verdict = "one round"
    elif lo >= 1.0:
        verdict = "faster"
    elif hi < 1.0:
        verdict = "slower"
    elif m >= 1.0:
        verdict = "par (noise)"
    else:
        verdict = "par? (noise)"
    return txt, verdict


def table(headers, rows, widths=None):
    out = [".. list-table::", "   :header-rows: 1"]
    if widths:
        out.append("   :widths: " + " ".join(str(w) for w in widths))
    out.append("")
    for r in [headers] + rows:
        for i, c in enumerate(r):
            out.append(("   * - " if i == 0 else "     - ") + (str(c) if c != "" else ""))
    out.append("")
    return out


ROWS = [
    # (test, param, label)
    ("iperf_fw", "-", "TCP throughput, stateful firewall (iperf3)"),
    ("iperf_snat", "-", "TCP throughput, SNAT (iperf3)"),
    ("crr", "-", "TCP connections/s, firewall (ab + nginx, 1 request each)"),
    ("pg_est", "1", "pktgen, +est, 1 flow"),
    ("pg_est", "10000", "pktgen, +est, 10k flows"),
    ("pg_est", "100000", "pktgen, +est, 100k flows"),
    ("pg_est", "1000000", "pktgen, +est, 1M flows"),
    ("pg_new", "100000", "pktgen, new connections committed (100k)"),
    ("pg_new", "1000000", "pktgen, new connections committed (1M)"),
    ("conn_tput", "1000", "TCP throughput with 1k tracked connections"),
    ("conn_tput", "100000", "TCP throughput with 100k tracked connections"),
    ("conn_tput", "1000000", "TCP throughput with 1M tracked connections"),
    ("upcall", "-", "upcalls handled/s (new megaflow per packet)"),
]

# Rows summarised in the history table (before/after of each change).
HIST_ROWS = [("iperf_fw", "-", "fw"), ("iperf_snat", "-", "snat"),
             ("crr", "-", "crr"), ("pg_est", "100000", "pktgen 100k"),
             ("pg_est", "1000000", "pktgen 1M"), ("upcall", "-", "upcalls")]


def short_kernel(meta):
    return meta.get("kernel", ["?"])[0]


def short_ovs(meta):
    v = meta.get("ovs", ["?"])[0]
    m = re.search(r"(\d+\.\d+\.\d+)", v)
    return "OVS " + (m.group(1) if m else v)


def plot(res, out_png, rundir):
    """Rules scaling plot with gnuplot; returns True when the PNG was made."""
    data = os.path.join(rundir, "rules.dat")
    variants = ["intree", "ours", "bridge"]
    ns = sorted({int(p) for (t, p) in res if t == "rules_tput"})
    if not ns:
        return False
    with open(data, "w") as f:
        for test in ("rules_tput", "rules_crr"):
            for v in variants:
                f.write("# %s %s\n" % (test, v))
                for n in ns:
                    vals = list(res[(test, str(n))][v].values())
                    if vals:
                        f.write("%d %g %g %g\n" % (n, statistics.median(vals),
                                                   min(vals), max(vals)))
                f.write("\n\n")
    title = {"intree": "OVS, in-tree module", "ours": "OVS, our module",
             "bridge": "Linux bridge + iptables"}
    plots = []
    for ti, ylabel in ((0, "TCP throughput (Mbit/s)"), (1, "TCP connections/s")):
        parts = []
        for vi, v in enumerate(variants):
            idx = ti * 3 + vi
            parts.append("'%s' index %d using 1:2:3:4 with yerrorlines lw 2 pt 7 "
                         "title '%s'" % (data, idx, title[v]))
        plots.append((ylabel, ", ".join(parts)))
    script = """
set terminal pngcairo size 1000,420 font ',10'
set output '%s'
set multiplot layout 1,2 title 'Stateful firewall against the number of rules (median, min-max; QEMU TCG: compare shapes, not absolutes)'
set logscale x
set xrange [0.7:%d]
set yrange [0:*]
set grid
set key bottom left
set xlabel 'allow rules in the firewall table'
set ylabel '%s'
plot %s
set ylabel '%s'
plot %s
unset multiplot
""" % (out_png, max(ns) * 1.5, plots[0][0], plots[0][1], plots[1][0], plots[1][1])
    try:
        subprocess.run(["gnuplot"], input=script.encode(), check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print("bench-report: gnuplot failed: %s" % e, file=sys.stderr)
        return False
    return True


def old_history(paths):
    for p in paths:
        if p and os.path.exists(p):
            with open(p) as f:
                txt = f.read()
            if HIST_START in txt and HIST_END in txt:
                body = txt.split(HIST_START, 1)[1].split(HIST_END, 1)[0]
                # Entries are "   * - " blocks after the header block.
                blocks = re.split(r"(?m)^(?=   \* - )", body)
                entries = [b for b in blocks if b.startswith("   * - ")]
                return entries[1:]  # drop the header row
    return []


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rundir, out = sys.argv[1], sys.argv[2]
    res, extra, units, meta, host = load(rundir)
    outdir = os.path.dirname(os.path.abspath(out))
    png_name = "performance-rules.png"
    have_png = plot(res, os.path.join(outdir, png_name), rundir)

    kernel = short_kernel(meta)
    ovs = short_ovs(meta)
    date = meta.get("date", ["?"])[0][:10]
    run_id = "%s, %s, %s" % (kernel, ovs, date)
    rounds = meta.get("rounds", ["?"])[0]
    quick = meta.get("quick", ["0"])[0] not in ("0", "")
    dirty = host.get("dirty", "0") not in ("0", "")

    L = []
    L += ["Performance: our datapath against the in-tree one",
          "=================================================", ""]
    L += [".. This file is generated by scripts/bench-report.py from a `make bench`",
          "   run; edit the script, not this file.", ""]
    if quick:
        L += [".. warning:: BENCH_QUICK run: fewer rounds, shorter runs, smaller "
              "sizes. Not for quoting.", ""]
    ncomplete = int(meta["complete_rounds"][0])
    if host.get("guest_status", "0") != "0" or ncomplete < int(rounds):
        L += [".. warning:: partial run: %d of %s rounds completed (guest status %s);"
              " the figures below come from the completed rounds only%s."
              % (ncomplete, rounds, host.get("guest_status", "?"),
                 (" (incomplete round %s left out)" % meta["dropped_rounds"][0])
                 if meta["dropped_rounds"][0] else ""), ""]
        if host.get("note"):
            L[-2] += " " + host["note"]
    if dirty:
        L += [".. warning:: the module was built from uncommitted changes to "
              "datapath/ or compat/.", ""]
    L += [
        "Every figure comes from one QEMU guest (TCG, no KVM) that loads the",
        "kernel's own ``openvswitch.ko`` and ours in turn, round after round",
        "(in-tree, ours, in-tree, ours, ...; the Linux-bridge comparison runs",
        "after each pair), with the same kernel, OVS userspace, namespaces and",
        "tools.  The host is shared and TCG is slow, so absolute numbers mean",
        "little: read the **ratio**, ours/in-tree, taken round by round (each",
        "round's ours figure against the in-tree figure measured just before",
        "it), and its spread.  Each cell is *median (min-max)* over the",
        "rounds.",
        "",
        "The host's other work takes CPU from the guest unevenly, so each",
        "figure is also divided by the host CPU the QEMU process used per",
        "second during that measurement (``scripts/bench-sampler.py``;",
        "the guest has one vCPU, and under TCG an idle vCPU sleeps, so CPU",
        "time is the guest's work): the column *per host CPU-second* is the",
        "ratio of those normalised figures, which the host's load affects",
        "much less than the wall-clock one.  The **verdict** is taken from",
        "it: *faster* or *slower* only when every round's ratio lies on that",
        "side of 1.0, otherwise *par* within the noise (*par?* when the",
        "median is below 1.0).",
        "",
        "Regenerate with ``make bench`` (its runtime is under *Run*; ``BENCH_QUICK=1``",
        "for a short development run, which writes its report to the run",
        "directory under ``build/bench/`` instead of here).",
        "",
        "Run",
        "---",
        "",
        "- kernel %s, %s, date %s (UTC), %d rounds of %s s per measurement,"
        % (kernel, meta.get("ovs", ["?"])[0], meta.get("date", ["?"])[0],
           int(meta["complete_rounds"][0]), meta.get("secs", ["?"])[0]),
        "  guest: %s vCPUs, %s MiB; host: %s CPUs, load average %s at start,"
        " %s at the end; runtime %s s"
        % (meta.get("cpus", ["?"])[0],
           int(meta.get("mem_kb", ["0"])[0]) // 1024 if meta.get("mem_kb") else "?",
           host.get("host_cpus", "?"), host.get("host_load_start", "?"),
           host.get("host_load_end", "?"), host.get("runtime", "?")),
        "- tree at commit %s (%s)%s" % (host.get("commit", "?"), host.get("subject", ""),
                                         ", with %s uncommitted changes to datapath/,"
                                         " compat/ or Kbuild" % host["dirty"]
                                         if dirty else ""),
        "- slot durations: " + ", ".join(meta.get("slot", [])),
    ]
    for m in meta.get("module", []):
        L.append("- module %s" % m)
    for k in ("iperf3", "ab", "nginx", "iptables"):
        if k in meta:
            L.append("- %s: %s" % (k, re.sub(r"\s*<\$Revision\$>", "", meta[k][0]).strip()))
    L.append("")

    # --- main table --------------------------------------------------------
    L += ["Side by side", "------------", ""]
    rows = []
    hist_cells = {}
    for test, param, label in ROWS:
        key = (test, param)
        if key not in res:
            continue
        a = res[key].get("intree", {})
        b = res[key].get("ours", {})
        sa, ma = spread(list(a.values()))
        sb, mb = spread(list(b.values()))
        rt = ratio(a, b)
        rtxt, verdict = ratio_text(rt)
        rn = ratio_norm(key, res, extra)
        rntxt, nverdict = ratio_text(rn)
        unit = units.get(key, "")
        if test == "pg_est":
            ca, cb = cpu_ns(key, "intree", res, extra), cpu_ns(key, "ours", res, extra)
            if ca and cb:
                unit += "; host-CPU ns/pkt %s / %s" % (fmt(ca), fmt(cb))
            elif ma and mb:
                unit += "; ns/pkt %s / %s" % (fmt(1e9 / ma), fmt(1e9 / mb))
        rows.append([label, unit, sa, sb, rtxt, rntxt, nverdict if rn else verdict,
                     run_id])
        hist_cells[(test, param)] = ("%.2fx" % rn[0]) if rn else (
            ("%.2fx" % rt[0]) if rt else "n/a")
    L += table(["measure", "unit", "in-tree", "ours", "ours/in-tree",
                "ours/in-tree per host CPU-second", "verdict", "kernel, OVS, date"], rows)

    # --- rules ---------------------------------------------------------------
    ns = sorted({int(p) for (t, p) in res if t == "rules_tput"})
    if ns:
        L += ["Scaling with rules", "------------------", ""]
        L += [
            "The firewall table with N allow rules for new connections from",
            "ns1 to ns2: N-1 that the traffic never matches (one TCP port each,",
            "as a security group lists them) and the general one.  The same",
            "policy on a Linux bridge is N ``iptables`` (legacy) ACCEPT rules",
            "for ``--ctstate NEW`` in FORWARD after one ``ESTABLISHED,RELATED``",
            "rule, with br_netfilter (conntrack zone 0 there, zone 1 in OVS).",
            "Established traffic (throughput) meets only the first iptables",
            "rule; every new connection walks the list.",
            "",
        ]
        if have_png:
            L += [".. image:: %s" % png_name, "   :alt: throughput and connection"
                  " rate against the number of rules", ""]
        rows = []
        for test, what in (("rules_tput", "Mbit/s"), ("rules_crr", "conn/s")):
            for n in ns:
                key = (test, str(n))
                a = res[key].get("intree", {})
                b = res[key].get("ours", {})
                c = res[key].get("bridge", {})
                rtxt, verdict = ratio_text(ratio(a, b))
                rn = ratio_norm(key, res, extra)
                rntxt, nverdict = ratio_text(rn)
                rb = ratio(normalised(key, "bridge", res, extra),
                           normalised(key, "ours", res, extra)) or ratio(c, b)
                rows.append(["%s, %d rules" % (what, n), spread(list(a.values()))[0],
                             spread(list(b.values()))[0], spread(list(c.values()))[0],
                             rtxt, rntxt, nverdict if rn else verdict,
                             ("%.2fx" % rb[0]) if rb else "n/a", run_id])
        L += table(["measure", "in-tree", "ours", "bridge + iptables", "ours/in-tree",
                    "per host CPU-second", "verdict", "ours/bridge per CPU-second",
                    "kernel, OVS, date"], rows)

    # --- connections -------------------------------------------------------
    ks = sorted({int(p) for (t, p) in res if t == "conn_mem"})
    if ks:
        L += ["Memory per tracked connection", "-----------------------------", ""]
        L += [
            "Slab bytes in use per connection committed by the pktgen warm-up",
            "(UDP, zone 1) that grows the table to N connections (from the",
            "previous size), from ``/proc/slabinfo`` before and after: the",
            "``nf_conntrack`` cache alone, and all caches (extensions such as",
            "labels or NAT, and anything else the module allocates per",
            "connection).  Throughput with that many connections tracked is in",
            "the table above.",
            "",
        ]
        rows = []
        for k in ks:
            key = ("conn_mem", str(k))
            a = res[key].get("intree", {})
            b = res[key].get("ours", {})
            aa = [float(extra[key]["intree"][r].get("all_slab", "nan")) for r in a]
            bb = [float(extra[key]["ours"][r].get("all_slab", "nan")) for r in b]
            rows.append(["%d connections" % k, spread(list(a.values()))[0],
                         spread(list(b.values()))[0], spread(aa)[0], spread(bb)[0],
                         run_id])
        L += table(["tracked", "nf_conntrack B/conn, in-tree", "ours",
                    "all slabs B/conn, in-tree", "ours", "kernel, OVS, date"], rows)

    # --- how -----------------------------------------------------------------
    L += ["How each row is measured", "------------------------", ""]
    L += [
        "Topology (``selftests/lib.sh``): bridge br0, namespaces ns1",
        "(10.1.1.1, port 1) and ns2 (10.1.1.2, port 2) on veth pairs;",
        "pktgen transmits on ``pg0``, whose peer ``pgp`` is datapath port 10,",
        "and the datapath forwards to port 11, whose veth peer is down (a",
        "cheap drop, so that the datapath is what is measured).",
        "",
        "- *Firewall*: ``ct(table=1,zone=1)`` for every IPv4 packet, then",
        "  ``+new`` from ns1 is ``ct(commit,zone=1)`` and forwarded, ``+est``",
        "  both ways forwarded, anything else dropped (``fw_flows`` of the",
        "  selftests, IPv4).",
        "- *SNAT*: ``ct(table=1,zone=2,nat)`` both ways, ``+new`` from ns1",
        "  committed with ``nat(src=10.1.1.101)``.",
        "- *iperf3*: one TCP stream ns1 to ns2, first second omitted, Mbit/s",
        "  at the receiver.",
        "- *Connections/s*: ``ab -c 8`` against nginx in ns2 (HTTP/1.0, one",
        "  request per connection): every connection is a new conntrack entry",
        "  and a megaflow hit after a warm-up; runs with more than 1% failed",
        "  requests are discarded.",
        "- *pktgen*: K distinct UDP 5-tuples (source addresses 10.4.0.1 on)",
        "  are committed by a first pass (the table grows from one size to",
        "  the next; the pass's rate is recorded as *new connections",
        "  committed*), then pktgen sends their reply direction (10.3.0.1 to",
        "  10.4.x.y) for the measurement time, so every measured packet is",
        "  ``+est``.  Rate = packets the datapath processed (its lookup",
        "  counters, two lookups per packet with the recirculation) divided by",
        "  pktgen's elapsed time; ns/pkt = 1e9 / rate, on one CPU.",
        "- *Upcalls*: a flow on one source MAC makes the source MAC part of",
        "  every megaflow; pktgen sends at most 10 kpps, each packet with a new",
        "  source MAC; upcalls handled/s = (missed - lost) / time.",
        "- Conntrack: ``hashsize`` 1048576, ``nf_conntrack_max`` 2000000,",
        "  flushed before every measurement.",
        "",
    ]

    warnings = []
    for w in meta.get("warning", []):
        # The upcall flood fills the datapath up to vswitchd's dynamic flow
        # limit and overflows the upcall queue by design: those warnings
        # alone are no datapath error.
        m = re.search(r"\((raw/\S+-vswitchd-errors\.txt)\)", w)
        if m:
            try:
                with open(os.path.join(rundir, m.group(1))) as f:
                    real = [x for x in f if "reached the dynamic limit" not in x
                            and "lost packet on handler" not in x]
            except OSError:
                real = ["?"]
            if not real:
                continue
            w = "%s (%d lines besides the upcall flood's flow-limit and lost-upcall" \
                " flood)" % (w, len(real))
        warnings.append(w)
    L += ["Run notes", "---------", ""]
    if warnings:
        for w in warnings:
            L.append("- %s" % w)
    else:
        L.append("- no warnings: every slot reached its peers, every warm-up"
                 " committed all its connections, no kernel warning.")
    L.append("")

    # --- history -------------------------------------------------------------
    L += ["History", "-------", ""]
    L += ["Ratios ours/in-tree of earlier full runs, newest first (medians of"
          " the per-round ratios).", ""]
    L.append(HIST_START)
    L.append("")
    hdr = ["run (kernel, OVS, date)", "commit"] + [h[2] for h in HIST_ROWS]
    old = old_history([out, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "Documentation", "performance.rst")])
    tbl = table(hdr, [])
    L += tbl[:-1]
    hist_id = "%s, %s, %s" % (kernel, ovs, meta.get("date", ["?"])[0])
    old = [e for e in old if hist_id not in e]
    if not quick:
        cells = [hist_id, host.get("commit", "?") + (" (dirty)" if dirty else "")]
        cells += [hist_cells.get((t, p), "n/a") for t, p, _ in HIST_ROWS]
        for i, c in enumerate(cells):
            L.append(("   * - " if i == 0 else "     - ") + c)
    for e in old:
        L += e.rstrip("\n").split("\n")
    L.append("")
    L.append(HIST_END)
    L.append("")

    with open(out + ".tmp", "w") as f:
        f.write("\n".join(L))
    os.replace(out + ".tmp", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
