#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 300
# modes: one
#
# A device that vanishes without notice (debug kernel: fail_function).
# While TCP runs both ways, every register read of igx starts returning
# all ones, as from a device that fell off the bus, and the devices stop
# mastering the bus (their Bus Master Enable is cleared, as a dead device
# makes no DMA). igx must notice from its register reads, say so, detach
# both interfaces, and never hang: taking the ports down and unloading
# the module must finish promptly. When the devices are back (the reads
# and bus mastering restored), loading igx again gives working ports.
source "$(dirname "$0")/lib.sh"

FF=/sys/kernel/debug/fail_function
[ -d "$FF" ] || skip "no $FF: this kernel has no fail_function (CONFIG_FAIL_FUNCTION); run with --kernel debug"
command -v setpci > /dev/null || skip "no setpci (pciutils)"
grep -qw igx_bus_read /sys/kernel/debug/error_injection/list 2> /dev/null ||
	fail "igx_bus_read is not in the error-injection list"

setup_pair -q
pcis="$LOCAL_PCI $REMOTE_PCI"
vanish_off() {
	echo > "$FF/inject"
	for p in $pcis; do setpci -s "$p" COMMAND=0x4:0x4; done
}
trap vanish_off EXIT

traffic_start bidir 5201 60 --bidir
rx0=$(cat "/sys/class/net/$LOCAL_IF/statistics/rx_bytes")
wait_for "[ \$(cat /sys/class/net/$LOCAL_IF/statistics/rx_bytes) -gt $((rx0 + 2000000)) ]" 30 ||
	fail "no TCP before the devices vanish"

# every read of igx returns all ones from now on, and no more DMA
echo igx_bus_read > "$FF/inject" || fail "cannot inject igx_bus_read"
printf '%#x\n' -1 > "$FF/igx_bus_read/retval"
echo 100 > "$FF/probability"
echo 1 > "$FF/interval"
echo -1 > "$FF/times"
echo 0 > "$FF/verbose"
for p in $pcis; do setpci -s "$p" COMMAND=0x0:0x4; done
t0=$(now_ms)

# both notice (the next register read: the interrupt handler, the 2 s
# service work or a stats read) and detach: ethtool then finds no device
detached() { ! ethtool -i "$LOCAL_IF" > /dev/null 2>&1 &&
	! rns ethtool -i "$REMOTE_IF" > /dev/null 2>&1; }
wait_for detached 15 || fail "the interfaces are still attached 15 s after the devices vanished"
diag "both interfaces detached $(($(now_ms) - t0)) ms after the devices vanished"
for p in $pcis; do
	dmesg | grep -q "igx $p.*no longer responds" ||
		fail "igx did not say that $p no longer responds"
done
[ "$(carrier "$LOCAL_IF")" = 0 ] || fail "$LOCAL_IF keeps its carrier"
traffic_kill bidir

# nothing waits on the dead hardware
t0=$(now_ms)
timeout 30 ip link set "$LOCAL_IF" down || fail "ip link set down hung or failed on a vanished device"
rns timeout 30 ip link set "$REMOTE_IF" down || fail "ip link set down (far end) hung or failed"
diag "both ports down in $(($(now_ms) - t0)) ms"
t0=$(now_ms)
timeout 60 rmmod igx || fail "rmmod hung or failed with vanished devices"
diag "igx unloaded in $(($(now_ms) - t0)) ms"

# the devices come back: igx binds them again and they work
vanish_off
load_driver || fail "igx does not load again"
wait_for '[ "$(nic_ifaces | wc -l)" -ge 2 ]' 15 || fail "the ports did not come back"
setup_pair -q
diag "after the devices came back: $(tcp_once 5203 3 --bidir)"
exit 0
