#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 600
# modes: one
#
# Hot-unplug under traffic: QEMU's device_del takes a port away through
# PCIe native hot-plug (pciehp, attention button: the slot goes down about
# 5 s later) while TCP runs both ways over it; igx's remove must finish
# with frames in flight. device_add puts an identical port back in the
# same slot: pciehp brings the slot up, igx probes it again, and the pair
# passes traffic. Each port is unplugged in turn (the far end, then the
# local one), twice (once on the debug kernel). The surviving port's
# counters may not go backwards across its peer's unplug. The dmesg check
# then looks for any report (KASAN, DMA-API leaks at remove, kmemleak).
source "$(dirname "$0")/lib.sh"

ROUNDS=$(scaled 2)
TMO=30
debug_kernel && TMO=120
# device_add needs a hot-plug capable slot: pciehp must own the root ports
grep -q pciehp /proc/interrupts 2> /dev/null ||
	[ -d /sys/bus/pci_express/drivers/pciehp ] ||
	skip "no pciehp: this kernel has no PCIe native hot-plug (CONFIG_HOTPLUG_PCI_PCIE)"
command -v iperf3 > /dev/null || skip "no iperf3"

setup_pair -q
t_start=$SECONDS
MODEL=${IGX_MODEL:-igb}

# bound: how many PCI functions the driver holds (in any netns)
bound() { find /sys/bus/pci/drivers/"$(drv_module)"/ -maxdepth 1 -name '0000:*' | wc -l; }

# unplug_replug K: device nicK (MAC 52:54:00:12:34:5K) away and back
unplug_replug() {
	local k=$1 mac pci t0 d before after
	mac=52:54:00:12:34:5$k
	pci=
	for d in /sys/bus/pci/drivers/"$(drv_module)"/0000:*; do
		[ -d "$d/net" ] || continue
		if [ "$(cat "$d"/net/*/address 2> /dev/null)" = "$mac" ]; then
			pci=${d##*/}
		fi
	done
	# a port in the remote netns: its netdev is not visible here
	if [ -z "$pci" ]; then
		[ "$(rns cat "/sys/class/net/$REMOTE_IF/address")" = "$mac" ] &&
			pci=$REMOTE_PCI
	fi
	[ -n "$pci" ] || fail "no port with MAC $mac"

	# the other port lives on: its counters may not go backwards
	if [ "$pci" = "$REMOTE_PCI" ]; then
		survivor() { all_counters "$LOCAL_IF"; }
	else
		survivor() { rns bash -c "source $IGX_TOP/tests/lib.sh; all_counters $REMOTE_IF"; }
	fi
	before=$(survivor)
	traffic_start bidir 5201 60 --bidir
	rx0=$(cat "/sys/class/net/$LOCAL_IF/statistics/rx_bytes")
	wait_for "[ \$(cat /sys/class/net/$LOCAL_IF/statistics/rx_bytes) -gt $((rx0 + 2000000)) ]" 20 ||
		fail "no TCP before the unplug of nic$k"
	t0=$(now_ms)
	receivers_pause		# see tests/lib.sh
	mon "device_del nic$k" > /dev/null || fail "device_del nic$k failed"
	# pciehp powers the slot off 5 s after the button; the debug
	# kernel's checkers make the removal that follows much slower
	if ! wait_for "[ ! -e /sys/bus/pci/devices/$pci ]" "$TMO"; then
		dmesg | tail -n 30
		ps -eo pid,stat,wchan:30,cmd | awk '$2 ~ /D/'
		fail "nic$k ($pci) still present $TMO s after device_del"
	fi
	receivers_resume
	diag "nic$k ($pci): gone $(($(now_ms) - t0)) ms after device_del, under TCP"
	traffic_kill bidir
	after=$(survivor)
	monotonic "$before" "$after" "the unplug of its peer" ||
		fail "a counter of the surviving port went backwards"
	[ "$(bound)" = 1 ] || fail "$(bound) ports bound to $(drv_module) after the unplug, want 1"

	t0=$(now_ms)
	mon "device_add $MODEL,id=nic$k,netdev=n$k,mac=$mac,bus=rp$k" > /dev/null ||
		fail "device_add nic$k failed"
	wait_for "[ -d /sys/bus/pci/devices/$pci/driver ] && [ -d /sys/bus/pci/devices/$pci/net ]" "$TMO" ||
		fail "nic$k ($pci) not bound again $TMO s after device_add"
	diag "nic$k ($pci): probed again $(($(now_ms) - t0)) ms after device_add as $(ls "/sys/bus/pci/devices/$pci/net")"
	[ "$(bound)" = 2 ] || fail "$(bound) ports bound to $(drv_module) after the replug, want 2"
	# a new device: in mode msi its disable-msix flag is set again
	_pair_reclaim
	_mode_after_load > /dev/null || fail "cannot put the new port in mode $IGX_MODE"
	setup_pair -q
	ping -c 2 -i 0.3 -W 3 192.0.2.2 > /dev/null || fail "no ping after the replug of nic$k"
	diag "nic$k: TCP after the replug: $(tcp_once 5203 3 --bidir)"
}

for r in $(seq 1 "$ROUNDS"); do
	unplug_replug 1
	unplug_replug 0
	diag "round $r: both ports unplugged under traffic and back, $((SECONDS - t_start)) s"
done
exit 0
