#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Publish a QEMU process's CPU time to the guest, for scripts/bench.sh.

usage: scripts/bench-sampler.py QEMU_PID FILE

Every 0.1 s until the process exits, FILE is replaced (atomically) by one
line: "HOST_SECONDS CPU_SECONDS LOAD1", the host's clock, the user+system
time the whole QEMU process has used, and the host's 1-minute load.  The
guest reads FILE through its run share before and after a measurement:
CPU seconds per wall second is how much host CPU the guest actually got,
which on a shared host varies from one measurement to the next.  Under TCG
an idle vCPU sleeps, so the CPU time is the guest's work.
"""

import os
import sys
import time


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    pid, out = int(sys.argv[1]), sys.argv[2]
    tck = os.sysconf("SC_CLK_TCK")
    tmp = out + ".tmp"
    while True:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open("/proc/loadavg") as f:
                load = f.read().split()[0]
        except (OSError, IndexError):
            break
        # Fields after the command name start at "state" (field 3):
        # utime and stime are fields 14 and 15.
        cpu = (int(fields[11]) + int(fields[12])) / tck
        with open(tmp, "w") as f:
            f.write("%.3f %.2f %s\n" % (time.time(), cpu, load))
        os.replace(tmp, out)
        time.sleep(0.1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
