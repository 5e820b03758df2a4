# SPDX-License-Identifier: GPL-2.0-only
#
#   make              build openvswitch.ko against $(KDIR)
#   make demo         set up the machine, boot a guest, run the stateful firewall
#   make check        build and run every test in a guest
#   make check-ovs    OVS's own kernel testsuite, in-tree module and ours, every
#                     conntrack and datapath test -> Documentation/conformance.rst
#                     (TESTS=foundation|nat|'title;title' OVS_MODULE=ours|intree
#                     run a subset without rewriting the document)
#   make check-parity the conntrack tests against dpif-netdev too (kernel
#                     columns from check-ovs) -> Documentation/parity.rst
#   make check-debug  the KUnit suites and every selftest under KASAN,
#                     kmemleak, lockdep and UBSAN in our own debug kernel
#
# KDIR defaults to the newest Debian 6.1 headers tree that
# scripts/setup.sh installs.

KDIR ?= $(lastword $(sort $(wildcard /usr/src/linux-headers-6.1.*-amd64)))
ifeq ($(KDIR),)
KDIR := /lib/modules/$(shell uname -r)/build
endif
export KDIR

COMPAT_H := compat/generated/compat_autoconf.h
PROBES := $(wildcard compat/probes/*.c)

.PHONY: all module clean demo check check-ovs check-parity setup checkpatch sparse FORCE

all: module

# Regenerate the probe header when the probes change or KDIR differs from
# the tree the header was generated for.
ifneq ($(shell head -n1 $(COMPAT_H) 2>/dev/null),/* KDIR=$(KDIR) */)
$(COMPAT_H): FORCE
endif
$(COMPAT_H): compat/probe.sh $(PROBES)
	@sh compat/probe.sh "$(KDIR)" "$@"

module: $(COMPAT_H)
	$(MAKE) -C "$(KDIR)" M="$(CURDIR)" modules

clean:
	-$(MAKE) -C "$(KDIR)" M="$(CURDIR)" clean
	rm -rf compat/generated

setup:
	sh scripts/setup.sh

# setup installs the kernel headers, so the module is built by a fresh make
# that looks for KDIR again.
demo:
	sh scripts/setup.sh
	$(MAKE) module
	sh scripts/demo.sh

# The selftests with Debian's 6.1 kernel and the kernel matrix's W=1 builds
# (5.10, 6.12); see scripts/check-all.sh (CHECK_PARTS chooses parts,
# CHECK_MATRIX=full adds the matrix's guest selftests).
check:
	sh scripts/setup.sh --matrix --dkms
	$(MAKE) module
	sh scripts/check-all.sh

# Guests at once for the long runs: the 2-core machines manage 4.
JOBS ?= 4

check-ovs:
	sh scripts/setup.sh --ovs-testsuite
	$(MAKE) module
ifeq ($(TESTS)$(OVS_MODULE),)
	-TESTS=conformance OVS_MODULE=both JOBS=$(JOBS) sh scripts/check-ovs.sh
	sh scripts/ovs-report.sh conformance > Documentation/conformance.rst
else
	TESTS="$(or $(TESTS),foundation)" OVS_MODULE="$(or $(OVS_MODULE),ours)" \
		JOBS=$(JOBS) sh scripts/check-ovs.sh
endif

check-parity:
	sh scripts/setup.sh --ovs-testsuite
	$(MAKE) module
	test -s build/check-ovs/ours/results || $(MAKE) check-ovs
	-TESTS=parity OVS_MODULE=userspace JOBS=$(JOBS) sh scripts/check-ovs.sh
	sh scripts/ovs-report.sh parity > Documentation/parity.rst

checkpatch:
	sh scripts/setup.sh --dev
	sh scripts/checkpatch.sh

sparse: $(COMPAT_H)
	$(MAKE) -C "$(KDIR)" M="$(CURDIR)" C=2 modules

FORCE:

# The KUnit suites and the selftests in a guest booted with our own debug
# kernel (KASAN, kmemleak, lockdep, UBSAN; built once by
# scripts/debug-kernel.sh, then cached); see Documentation/testing.rst.
.PHONY: debug-kernel check-debug
debug-kernel:
	sh scripts/debug-kernel.sh

check-debug:
	sh scripts/setup.sh
	sh scripts/check-debug.sh

# make bench: our module against the in-tree one, interleaved in one guest
# boot -> Documentation/performance.rst (BENCH_QUICK=1: a short development
# run whose report stays in build/bench/last/).
.PHONY: bench
bench:
	sh scripts/setup.sh --bench
	$(MAKE) module
	sh scripts/bench.sh
