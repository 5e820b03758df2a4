# SPDX-License-Identifier: GPL-2.0-only
#
#   make              build openvswitch.ko against $(KDIR)
#   make demo         set up the machine, boot a guest, run the stateful firewall
#   make check        build and run every test in a guest
#   make check-ovs    run OVS's own kernel testsuite against our module
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

.PHONY: all module clean demo check check-ovs setup checkpatch sparse FORCE

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

check:
	sh scripts/setup.sh
	$(MAKE) module
	sh scripts/check.sh

check-ovs:
	sh scripts/setup.sh --ovs-testsuite
	$(MAKE) module
	TESTS="$(TESTS)" sh scripts/check-ovs.sh

checkpatch:
	sh scripts/setup.sh --dev
	sh scripts/checkpatch.sh

sparse: $(COMPAT_H)
	$(MAKE) -C "$(KDIR)" M="$(CURDIR)" C=2 modules

FORCE:
