# SPDX-License-Identifier: GPL-2.0
#
# igx: out-of-tree build and the project's entry points.
#
#   make            build igx.ko against KDIR
#   make W=1 C=1    the same with extra warnings and sparse
#   make lint       checkpatch --strict on every source file
#   make demo       set up the host, boot a guest, pass traffic, show ethtool
#   make check      set up the host, build with W=1 C=1, lint, run all tests
#   make bench      set up the host, build, benchmark igx against the
#                   in-tree igb in one guest (Documentation/bench/;
#                   MODEL=e1000e: against e1000e, in bench/e1000e/)
#
# Options for bench: BENCHOPTS="--rounds 1 --duration 2 --results DIR"
# (see scripts/bench --help).
# Options for demo and check: TESTS="03-ping 04-tcp" (check only),
# TESTOPTS="--driver igb" (passed to tests/run), KERNEL=debug (build for
# and boot the debug kernel of ../shared/kernels), MODEL=e1000e (QEMU's
# 82574L instead of its 82576), FULL=1 (check: every test under the
# strict IOMMU too).

# KERNEL=debug builds and tests against the debug kernel of
# ../shared/kernels (installed by setup); its module is built in a copy
# of the sources under build/, so both builds can coexist.
KERNEL ?= stock
# The debug kernel's release; IGX_DEBUG_KVER for one built by
# scripts/build-debug-kernel from a newer linux-source-6.12
IGX_DEBUG_KVER ?= 6.12.95-igxdbg
export IGX_DEBUG_KVER
DEBUG_KVER := $(IGX_DEBUG_KVER)
DEBUG_OBJ := $(CURDIR)/build/$(DEBUG_KVER)

ifeq ($(KERNEL),debug)
KDIR := /lib/modules/$(DEBUG_KVER)/build
OBJ := $(DEBUG_OBJ)
SETUP_OPTS := --debug-kernel
TESTOPTS += --kernel debug
else
# The running kernel's build tree if there is one, else the newest
# Debian 6.12 headers
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
	$(lastword $(sort $(filter-out %igxdbg/build, \
		$(wildcard /lib/modules/6.12*/build)))))
OBJ := $(CURDIR)
endif


all: modules

modules:
	@test -n "$(KDIR)" || { echo "no kernel build tree: set KDIR" >&2; exit 1; }
ifneq ($(OBJ),$(CURDIR))
	@mkdir -p $(OBJ)
	cp -a Kbuild drivers include $(OBJ)/
endif
	$(MAKE) -C $(KDIR) M=$(OBJ) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf $(DEBUG_OBJ)

lint:
	scripts/lint

setup:
	scripts/setup-host $(SETUP_OPTS)

# A full rebuild with W=1 and sparse; any warning fails the target.
# It builds a copy under build/warnings, so that cleaning it for a full
# rebuild leaves the other builds (and build/<debug kernel>) alone.
WARN_OBJ := $(CURDIR)/build/warnings
warnings: setup
	@rm -rf $(WARN_OBJ) && mkdir -p $(WARN_OBJ)
	cp -a Kbuild drivers include $(WARN_OBJ)/
	$(MAKE) -C $(KDIR) M=$(WARN_OBJ) clean >/dev/null
	$(MAKE) -C $(KDIR) M=$(WARN_OBJ) W=1 C=1 modules >build/warnings.log 2>&1; \
		rc=$$?; cat build/warnings.log; test $$rc = 0
	@! grep -E 'warning:|error:' build/warnings.log

demo: setup modules
	scripts/vm --nics 2 --timeout 300 $(if $(MODEL),--model $(MODEL)) \
		-- scripts/demo-guest

# Without TESTS, what CI runs (75 to 80 minutes; see README.md), on the
# stock kernel first and on the first NIC model, MODEL (igb, QEMU's
# 82576, by default): every test with MSI-X, then again in the modes each
# test's header asks for (tests/run --all-modes: ping, TCP and the
# self-test in MSI, INTx and under the strict IOMMU; the tests that map
# DMA in unusual ways under the IOMMU). Then on the other model (e1000e,
# QEMU's 82574L, or igb with MODEL=e1000e) every test once with MSI-X,
# the self-test in MSI and INTx too, the stress tests at a twentieth of
# their counts (the tests that need the debug kernel run on the first
# model only, and 28-interop wires one port of each model anyway). Last,
# on the debug kernel and the first model, what CI's budget leaves room
# for: KUnit, fault injection (one allocation step in two), the
# vanishing device and two load cycles (one under TCP). FULL=1 adds the
# first model's whole suite under the IOMMU (about 15 minutes more).
# With KERNEL=debug: the whole suite on the debug kernel and the first
# model with MSI-X (the stress tests at a fifth of their counts), and the
# traffic tests and the self-test again under the strict IOMMU: about
# 2 h 20 min.
MODEL ?= igb
OTHER_MODEL := $(if $(filter e1000e,$(MODEL)),igb,e1000e)
ALL_TESTS := $(patsubst tests/%.sh,%,$(wildcard tests/[0-9][0-9]-*.sh))
DEBUG_ONLY := 21-kunit 22-faults 27-vanish
STRESS := 18-reconfig-load 23-stress-cycles 24-stress-flaps
OTHER_EXTRA := $(foreach t,$(filter-out $(DEBUG_ONLY) 28-interop,$(ALL_TESTS)), \
	$(t):msix:stock:$(OTHER_MODEL)$(if $(filter $(t),$(STRESS)),:20)) \
	16-selftest:msi:stock:$(OTHER_MODEL) 16-selftest:intx:stock:$(OTHER_MODEL)
DEBUG_EXTRA := 21-kunit:msix:debug 22-faults:msix:debug:-:2 27-vanish:msix:debug \
	23-stress-cycles:msix:debug:-:50
DEBUG_IOMMU := 03-ping 04-tcp 10-offloads 16-selftest
TESTOPTS += --model $(MODEL)
ifeq ($(KERNEL),debug)
CHECK_RUN := $(TESTOPTS) --extra "$(DEBUG_IOMMU:%=%:iommu:debug)"
check: setup warnings lint modules
else ifneq ($(TESTS),)
check: setup warnings lint modules
else
CHECK_RUN := $(TESTOPTS) --all-modes $(if $(FULL),--full) \
	--extra "$(OTHER_EXTRA) $(DEBUG_EXTRA)"
check: setup-debug warnings lint modules debug-modules
endif
	tests/run $(if $(TESTS),$(TESTOPTS) $(TESTS),$(CHECK_RUN))

# The debug kernel's packages and igx built for it (for make check's
# debug-kernel part)
setup-debug:
	scripts/setup-host --debug-kernel
debug-modules: setup-debug
	$(MAKE) KERNEL=debug modules

# Not a test: nothing fails on speed. About 10 minutes on 2 cores (plus
# the wait for the machine-wide guest lock); the table and the plot go to
# Documentation/bench/ unless BENCHOPTS says otherwise.
bench: setup modules
	scripts/bench $(if $(MODEL),--model $(MODEL)) $(BENCHOPTS)

.PHONY: all modules clean lint setup setup-debug debug-modules warnings demo \
	check bench
