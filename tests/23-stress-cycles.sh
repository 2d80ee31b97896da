#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 900
# modes: one
#
# Stress: 100 unload/load cycles of the module (20 on the debug kernel),
# every second one with TCP running both ways when the module goes away,
# so that rmmod tears down rings with frames in flight in both
# directions. After each load both ports must come back and pass traffic;
# at the end the memory the kernel holds for page_pool, slab and DMA must
# not have grown with the cycles, and the dmesg check (KASAN, DMA-API,
# kmemleak on the debug kernel) does the rest.
source "$(dirname "$0")/lib.sh"

CYCLES=$(scaled 100)
command -v iperf3 > /dev/null || skip "no iperf3"

# kB of the kernel's own memory: slab, page tables aside, and what no
# user mapping holds (page_pool pages are counted here).
kmem_kb() {
	awk '$1 == "MemTotal:" { t = $2 } $1 == "MemFree:" { f = $2 }
	     $1 == "Cached:" || $1 == "Buffers:" || $1 == "AnonPages:" ||
	     $1 == "Shmem:" { u += $2 } $1 == "Slab:" { s = $2 }
	     END { print t - f - u, s }' /proc/meminfo
}

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
	unload_driver || fail "cycle $i: rmmod failed"
	[ -z "$(nic_ifaces)" ] || fail "cycle $i: ports still there after rmmod"
	[ $((i % 2)) = 0 ] && traffic_kill bidir
	load_driver || fail "cycle $i: load failed"
	wait_for '[ "$(nic_ifaces | wc -l)" -ge 2 ]' 10 ||
		fail "cycle $i: ports did not come back"
	setup_pair -q
	ping -c 1 -W 3 192.0.2.2 > /dev/null ||
		ping -c 2 -W 3 192.0.2.2 > /dev/null || fail "cycle $i: no ping"
	[ "$i" = 2 ] && read -r base_kmem base_slab < <(kmem_kb)
	[ $((i % 10)) = 0 ] || [ "$i" = "$CYCLES" ] &&
		diag "cycle $i: $(($(now_ms) - t0)) ms, kernel memory $(kmem_kb | awk '{ print $1 " kB, slab " $2 " kB" }')"
done

# A leak of one page or ring per cycle shows as a steady climb; allow
# for caches that grow on their own (dentries, netns, sockets): 8 MiB.
read -r kmem slab < <(kmem_kb)
grow=$((kmem - base_kmem))
diag "$CYCLES cycles ($busy under TCP) in $((SECONDS - t_start)) s; kernel memory +$grow kB, slab +$((slab - base_slab)) kB since cycle 2"
[ "$grow" -lt 8192 ] || fail "kernel memory grew by $grow kB over $((CYCLES - 2)) cycles"
iperf3_ok=$(rns iperf3 -s -1 -D -p 5203 > /dev/null 2>&1 && sleep 0.5 &&
	iperf3 -c 192.0.2.2 -p 5203 -t 3 -i 0 2>&1 | grep -c receiver)
[ "$iperf3_ok" = 1 ] || fail "no TCP after the last cycle"
exit 0
