#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 420
#
# Repeated unload/load with the ports up and passing a ping each time: what
# one reload gets away with (leaks, stale state, a timer left running) tends
# to show after a few. The dmesg check after the script does the rest.
source "$(dirname "$0")/lib.sh"

CYCLES=${1:-20}

setup_pair
for i in $(seq 1 "$CYCLES"); do
	t0=$(now_ms)
	unload_driver || fail "cycle $i: rmmod failed"
	[ -z "$(nic_ifaces)" ] || fail "cycle $i: ports still there after rmmod"
	load_driver || fail "cycle $i: load failed"
	wait_for '[ "$(nic_ifaces | wc -l)" -ge 2 ]' 10 ||
		fail "cycle $i: ports did not come back"
	setup_pair -q
	ping -c 1 -W 3 192.0.2.2 > /dev/null ||
		ping -c 1 -W 3 192.0.2.2 > /dev/null || fail "cycle $i: no ping"
	diag "cycle $i: $(($(now_ms) - t0)) ms"
done
exit 0
