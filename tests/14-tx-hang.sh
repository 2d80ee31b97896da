#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 180 --append iomem=relaxed
# modes: iommu
#
# TX hang detection and recovery. QEMU's transmitter never stalls by
# itself, so the test stalls it: it clears TCTL.EN (the transmit enable,
# register 0x400 bit 1) behind the driver's back through the BAR mapped
# from sysfs (resource0; iomem=relaxed lets root map a BAR a driver owns).
# Descriptors then pile up, the stack stops the queue, and after the
# watchdog timeout (5 s) the driver must: log the hang, count it in
# ethtool -S tx_timeouts, reset (ethtool -S resets), and pass traffic
# again, with no splat in dmesg and no counter going backwards.
source "$(dirname "$0")/lib.sh"

TCTL=0x400
TCTL_EN=0x2

setup_pair

# estat IF NAME: a counter from ethtool -S
estat() { ethtool -S "$1" | awk -v n="$2:" '$1 == n { print $2 }'; }

# reg_rmw PCI OFFSET CLEAR SET: read-modify-write a 32-bit register of the
# function's BAR 0; prints the value read.
reg_rmw() {
	python3 - "/sys/bus/pci/devices/$1/resource0" "$2" "$3" "$4" <<'EOF'
import mmap, os, sys
path, off, clr, st = sys.argv[1], *(int(a, 0) for a in sys.argv[2:5])
fd = os.open(path, os.O_RDWR | os.O_SYNC)
m = mmap.mmap(fd, 0x10000, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
regs = memoryview(m).cast("I")      # 32-bit accesses only
v = regs[off // 4]
print(hex(v))
if clr or st:
    regs[off // 4] = (v & ~clr) | st
regs.release()
m.close()
EOF
}

ping -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null || fail "no traffic before the hang"
timeouts0=$(estat "$LOCAL_IF" tx_timeouts)
resets0=$(estat "$LOCAL_IF" resets)
txp0=$(cat "/sys/class/net/$LOCAL_IF/statistics/tx_packets")
[ -n "$timeouts0" ] && [ -n "$resets0" ] ||
	fail "ethtool -S lacks tx_timeouts/resets"

tctl=$(reg_rmw "$LOCAL_PCI" $TCTL $TCTL_EN 0) || fail "cannot map BAR 0 of $LOCAL_PCI"
(( tctl & TCTL_EN )) || fail "TCTL.EN was not set before the test (TCTL=$tctl)"
diag "TCTL was $tctl, transmit disabled behind the driver's back"

# Fill the rings: UDP from every CPU until the queues stop. Nothing can
# leave, so the far end receives nothing.
rx_far0=$(rns cat "/sys/class/net/$REMOTE_IF/statistics/rx_packets")
for cpu in $(seq 0 $(($(nproc) - 1))); do
	taskset -c "$cpu" timeout 4 iperf3 -c 192.0.2.2 -u -b 200M -t 3 \
		--connect-timeout 500 > /dev/null 2>&1 &
	taskset -c "$cpu" timeout 4 ping -f -c 2000 -W 1 192.0.2.2 > /dev/null 2>&1 &
done
wait

wait_for '[ "$(estat "$LOCAL_IF" tx_timeouts)" -gt "$timeouts0" ]' 15 ||
	fail "no TX timeout counted 15 s after the transmitter stopped"
diag "tx_timeouts $timeouts0 -> $(estat "$LOCAL_IF" tx_timeouts) after ${WAITED_MS} ms"
dmesg | grep -q "$LOCAL_IF: TX queue [0-9]* hung" ||
	fail "the hang was not logged"
dmesg | grep -E "$LOCAL_IF: TX queue [0-9]* hung|NETDEV WATCHDOG" | tail -n 3 |
	sed 's/^/# dmesg: /'
wait_for '[ "$(estat "$LOCAL_IF" resets)" -gt "$resets0" ]' 15 ||
	fail "no reset after the TX timeout"

tctl=$(reg_rmw "$LOCAL_PCI" $TCTL 0 0)
(( tctl & TCTL_EN )) || fail "TCTL.EN still clear after the reset (TCTL=$tctl)"
wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ]' 15 || fail "no carrier after the reset"
ping -c 5 -i 0.2 -W 2 192.0.2.2 > /dev/null || fail "no traffic after the reset"
rx_far1=$(rns cat "/sys/class/net/$REMOTE_IF/statistics/rx_packets")
[ "$rx_far1" -gt "$rx_far0" ] || fail "the far end received nothing after the reset"
txp1=$(cat "/sys/class/net/$LOCAL_IF/statistics/tx_packets")
[ "$txp1" -ge "$txp0" ] || fail "tx_packets went backwards: $txp0 -> $txp1"
diag "recovered: resets $resets0 -> $(estat "$LOCAL_IF" resets), tx_packets $txp0 -> $txp1, far end rx +$((rx_far1 - rx_far0))"
exit 0
