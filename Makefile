# SPDX-License-Identifier: GPL-2.0
#
# igx: out-of-tree build and the project's entry points.
#
#   make            build igx.ko against KDIR
#   make W=1 C=1    the same with extra warnings and sparse
#   make lint       checkpatch --strict on every source file
#   make demo       set up the host, boot a guest, pass traffic, show ethtool
#   make check      set up the host, build with W=1 C=1, lint, run all tests
#
# Options for demo and check: TESTS="03-ping 04-tcp" (check only),
# TESTOPTS="--driver igb" (passed to tests/run).

# The running kernel's build tree if there is one, else the newest 6.12
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
	$(lastword $(sort $(wildcard /lib/modules/6.12*/build))))

CHECKPATCH ?= /usr/local/share/igx/checkpatch/checkpatch.pl
SRC = $(shell git ls-files -co --exclude-standard -- \
	'drivers/*.c' 'drivers/*.h' 'include/*.h' 2>/dev/null)

all: modules

modules:
	@test -n "$(KDIR)" || { echo "no kernel build tree: set KDIR" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean

lint:
	$(CHECKPATCH) --strict --no-tree --show-types --terse \
		--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG \
		-f $(SRC)

setup:
	scripts/setup-host

# A full rebuild with W=1 and sparse; any warning fails the target.
warnings: setup
	@mkdir -p build
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean >/dev/null
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=1 modules >build/warnings.log 2>&1; \
		rc=$$?; cat build/warnings.log; test $$rc = 0
	@! grep -E 'warning:|error:' build/warnings.log

demo: setup modules
	scripts/vm --nics 2 --timeout 300 -- scripts/demo-guest

check: setup warnings lint
	tests/run $(TESTOPTS) $(TESTS)

.PHONY: all modules clean lint setup warnings demo check
