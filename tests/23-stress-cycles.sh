#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 900
# modes: one
#
# Stress: 100 unload/load cycles of the module (fewer on the debug kernel),
# every second one with TCP running both ways when the module goes away,
# so that rmmod tears down rings with frames in flight in both
# directions (the receiving applications paused for the unload, so that
# the page_pool race of the 6.12.95 kernels stays out: see
# receivers_pause in tests/lib.sh; their frames return to the destroyed
# pools when they resume). After each load both ports must come back and pass traffic;
# at the end the memory the kernel holds for page_pool, slab and DMA must
# not have grown with the cycles (on the stock kernel: less than 4 MiB
# between the first and the last tenth of the cycles, one ring's pages
# are 1 MiB), and the dmesg check (KASAN, DMA-API, kmemleak on the debug
# kernel) does the rest. Counters start from zero with each load: there
# is nothing to compare across cycles.
source "$(dirname "$0")/lib.sh"

CYCLES=${IGX_CYCLES:-$(scaled 100)}
command -v iperf3 > /dev/null || skip "no iperf3"

# kB the kernel holds that it cannot give back on its own: unreclaimable
# slab, page tables aside, and what neither a file nor a process owns
# (page_pool pages, DMA buffers, vmalloc). Page cache and reclaimable
# slab are dropped first.
kmem_kb() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	awk '$1 == "MemTotal:" { t = $2 } $1 == "MemFree:" { f = $2 }
	     $1 == "Cached:" || $1 == "Buffers:" || $1 == "AnonPages:" ||
	     $1 == "Shmem:" || $1 == "SReclaimable:" || $1 == "KernelStack:" ||
	     $1 == "PageTables:" { u += $2 }
	     END { print t - f - u }' /proc/meminfo
}
# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

setup_pair -q
busy=0
t_start=$SECONDS
for i in $(seq 1 "$CYCLES"); do
	t0=$(now_ms)
	if [ $((i % 2)) = 0 ]; then
		traffic_start bidir 5201 30 --bidir
		# the sessions have started when both ports move data
		rx0=$(cat "/sys/class/net/$LOCAL_IF/statistics/rx_bytes")
		tx0=$(cat "/sys/class/net/$LOCAL_IF/statistics/tx_bytes")
		wait_for "[ \$(cat /sys/class/net/$LOCAL_IF/statistics/rx_bytes) -gt $((rx0 + 1000000)) ] &&
			[ \$(cat /sys/class/net/$LOCAL_IF/statistics/tx_bytes) -gt $((tx0 + 1000000)) ]" 20 ||
			fail "cycle $i: no TCP traffic both ways before the unload"
		traffic_check bidir
		busy=$((busy + 1))
	fi
	# receivers paused: see receivers_pause in tests/lib.sh
	[ $((i % 2)) = 0 ] && receivers_pause
	unload_driver || fail "cycle $i: rmmod failed"
	[ -z "$(nic_ifaces)" ] || fail "cycle $i: ports still there after rmmod"
	if [ $((i % 2)) = 0 ]; then
		receivers_resume
		traffic_kill bidir
	fi
	load_driver || fail "cycle $i: load failed"
	wait_for '[ "$(nic_ifaces | wc -l)" -ge 2 ]' 10 ||
		fail "cycle $i: ports did not come back"
	setup_pair -q
	ping -c 1 -W 3 192.0.2.2 > /dev/null ||
		ping -c 2 -W 3 192.0.2.2 > /dev/null || fail "cycle $i: no ping"
	# from the third cycle on, after the first loads settled
	[ "$i" -ge 3 ] && kmem_kb >> /tmp/kmem.samples
	[ $((i % 10)) = 0 ] || [ "$i" = "$CYCLES" ] &&
		diag "cycle $i: $(($(now_ms) - t0)) ms"
done

# A leak of a ring, a page pool or a vector per cycle is a steady climb:
# compare the median of the first and the last tenth of the samples
# (single samples swing by megabytes). On the debug kernel KASAN's
# quarantine and kmemleak's metadata grow on their own, and kmemleak
# itself checks for leaks: there the numbers are only shown.
if [ ! -s /tmp/kmem.samples ]; then
	# fewer than 3 cycles (make check's debug run has 2): no samples
	diag "$CYCLES cycles ($busy under TCP) in $((SECONDS - t_start)) s; too few for a memory trend"
else
	tenth=$(( (CYCLES - 2) / 10 > 0 ? (CYCLES - 2) / 10 : 1 ))
	first=$(head -n "$tenth" /tmp/kmem.samples | median)
	last=$(tail -n "$tenth" /tmp/kmem.samples | median)
	grow=$((last - first))
	diag "$CYCLES cycles ($busy under TCP) in $((SECONDS - t_start)) s; kernel memory (median of $tenth samples) $first kB at the start, $last kB at the end"
	if debug_kernel; then
		diag "debug kernel: memory growth not judged (KASAN quarantine), kmemleak decides"
	elif [ "$(wc -l < /tmp/kmem.samples)" -lt 20 ]; then
		# single samples swing by megabytes: a trend needs medians
		diag "fewer than 20 samples: memory growth not judged"
	else
		[ "$grow" -lt 4096 ] || fail "kernel memory grew by $grow kB over $((CYCLES - 2)) cycles"
	fi
fi
diag "TCP after the last cycle: $(tcp_once 5203 3)"
exit 0
