# SPDX-License-Identifier: GPL-2.0
#
# igx: out-of-tree build and the project's entry points.
#
#   make            build igx.ko against KDIR
#   make W=1 C=1    the same with extra warnings and sparse
#   make lint       checkpatch --strict on every source file
#   make demo       set up the host, boot a guest, pass traffic, show ethtool
#   make check      set up the host and run the whole test suite

# The running kernel's build tree if there is one, else the newest 6.12
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
	$(lastword $(sort $(wildcard /lib/modules/6.12*/build))))

CHECKPATCH ?= /usr/local/share/igx/checkpatch/checkpatch.pl
SRC := $(shell git ls-files -co --exclude-standard -- \
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

.PHONY: all modules clean lint
