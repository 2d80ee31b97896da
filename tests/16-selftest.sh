#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 240
# modes: all
#
# ethtool -t: offline and online self-tests pass (every one of the five
# results reported and 0), and an offline test gives the port back as it
# was: up, carrier, the same IRQs in /proc/interrupts and the same
# interrupt mode, the MTU, traffic (ping, a large ping at the MTU, iperf3).
# Also: an offline test while iperf3 runs, tests on a port that is down,
# and in mode msi, again after switching to MSI-X and back with the
# disable-msix private flag.  At the end the driver is unloaded, so that
# DMA-API debug reports anything left mapped.
source "$(dirname "$0")/lib.sh"

NAMES=("register (offline)" "nvm checksum" "interrupt (offline)"
	"loopback (offline)" "link")
MTU=4000

setup_pair
rns iperf3 -s -D --pidfile /run/iperf3-s.pid >/dev/null 2>&1 ||
	fail "cannot start the iperf3 server"
trap 'pkill -x iperf3' EXIT

# Not the default MTU: the offline test must restore it, not reset it.
ip link set dev "$LOCAL_IF" mtu "$MTU" || fail "cannot set MTU $MTU on $LOCAL_IF"
rns ip link set dev "$REMOTE_IF" mtu "$MTU"
wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ]' 10 || fail "no carrier after the MTU change"

# The IRQ lines of LOCAL_IF, "irq name" per line (its own names only).
irq_names() {
	awk -v i="$LOCAL_IF" '{ for (f = 2; f <= NF; f++) {
		n = $f; sub(/,$/, "", n)
		if (n ~ ("^" i "(-TxRx-[0-9]+)?$")) print $1, n } }' /proc/interrupts | sort
}

# selftest offline|online [LABEL]: run ethtool -t on LOCAL_IF and check
# that it says PASS with all results present and 0.
selftest() {
	local mode=$1 label=${2:-$1} out rc res n=0 name val line
	out=$(ethtool -t "$LOCAL_IF" "$mode" 2>&1)
	rc=$?
	printf '%s\n' "$out" | sed "s/^/# $label: /"
	if [ "$rc" != 0 ] || ! grep -qx 'The test result is PASS' <<< "$out"; then
		dmesg | grep -E 'self-test' | tail -n 20 | sed 's/^/# dmesg: /'
		fail "$label: ethtool -t $LOCAL_IF $mode: exit status $rc, not PASS"
	fi
	res=$(sed -n '/^The test extra info:/,$p' <<< "$out" | tail -n +2)
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		name=${line%%$'\t'*}
		val=${line#*$'\t'}
		val=${val// /}
		name=${name%"${name##*[![:space:]]}"}
		[ "$name" = "${NAMES[n]}" ] ||
			fail "$label: result $n is '$name', want '${NAMES[n]}'"
		[ "$val" = 0 ] || fail "$label: '$name' = '$val', want 0"
		n=$((n + 1))
	done <<< "$res"
	[ "$n" = "${#NAMES[@]}" ] ||
		fail "$label: $n result lines, want ${#NAMES[@]} (did the test run?)"
}

# after_offline LABEL IRQS: the port is as it was before the offline test.
after_offline() {
	local label=$1 irqs=$2 now mtu
	[ -n "$(ip link show dev "$LOCAL_IF" up)" ] ||
		fail "$label: $LOCAL_IF is not up after the offline test"
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 10 ||
		fail "$label: no carrier within 10 s after the offline test"
	diag "$label: carrier back after ${WAITED_MS} ms"
	now=$(irq_names)
	[ "$now" = "$irqs" ] ||
		fail "$label: IRQs of $LOCAL_IF changed: before: ${irqs//$'\n'/; } after: ${now//$'\n'/; }"
	grep -q -- "$LOCAL_IF-test" /proc/interrupts &&
		fail "$label: the self-test's IRQ is still requested"
	mode_check "$LOCAL_PCI"
	mtu=$(cat "/sys/class/net/$LOCAL_IF/mtu")
	[ "$mtu" = "$MTU" ] || fail "$label: MTU is $mtu, want $MTU"
	ping -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null ||
		fail "$label: no ping to the peer after the offline test"
	# a frame of exactly the MTU: the receive length limit came back
	ping -c 2 -i 0.2 -W 2 -M "do" -s $((MTU - 28)) 192.0.2.2 > /dev/null ||
		fail "$label: no $MTU-byte ping after the offline test"
	ping -6 -c 2 -i 0.2 -W 2 2001:db8::2 > /dev/null ||
		fail "$label: no IPv6 ping after the offline test"
}

iperf_ok() { # LABEL: a short iperf3 run moves data
	local label=$1 json bps
	json=$(iperf3 -c 192.0.2.2 -t 2 -J) ||
		{ printf '%s\n' "$json" | tail -n 20; fail "$label: iperf3 failed"; }
	bps=$(python3 -c 'import json, sys
print(int(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]))' <<< "$json")
	[ "${bps:-0}" -gt 0 ] || fail "$label: iperf3 moved nothing"
	diag "$label: iperf3 $((bps / 1000000)) Mbit/s"
}

# full LABEL: online, offline, checks, traffic
full() {
	local label=$1 irqs t0
	irqs=$(irq_names)
	[ -n "$irqs" ] || fail "$label: no IRQ of $LOCAL_IF in /proc/interrupts"
	diag "$label: IRQs: ${irqs//$'\n'/; }"
	selftest online "$label online"
	t0=$(now_ms)
	selftest offline "$label offline"
	diag "$label: offline test took $(($(now_ms) - t0)) ms"
	after_offline "$label" "$irqs"
	iperf_ok "$label"
}

full "$IGX_MODE"

# Under load: the port stops under a running iperf3, which may pause but
# nothing may break; the test must still pass.
irqs=$(irq_names)
iperf3 -c 192.0.2.2 -t 8 > /run/iperf3-load.log 2>&1 &
ipid=$!
sleep 2
selftest offline "under load"
wait "$ipid"
diag "under load: iperf3 exit status $? (a pause is allowed): $(grep -E 'sender|receiver' /run/iperf3-load.log | tr -s ' ' | tr '\n' ';')"
after_offline "under load" "$irqs"
iperf_ok "after load"

# A port that is down: the tests own the device, and it stays down.
ip link set dev "$LOCAL_IF" down
selftest offline "port down"
selftest online "port down"
[ -z "$(ip link show dev "$LOCAL_IF" up)" ] ||
	fail "port down: the self-test brought $LOCAL_IF up"
ip link set dev "$LOCAL_IF" up
# IPv6 drops the addresses of a port that goes down
ip addr add 2001:db8::1/64 dev "$LOCAL_IF" nodad 2>/dev/null
after_offline "port up again" "$irqs"

# MSI mode: once more with MSI-X (disable-msix off), then MSI again.
if [ "$IGX_MODE" = msi ]; then
	ethtool --set-priv-flags "$LOCAL_IF" disable-msix off ||
		fail "cannot clear disable-msix"
	wait_for '[ "$(pci_irq_mode "$LOCAL_PCI")" = msix ]' 5 ||
		fail "disable-msix off: $LOCAL_PCI uses $(pci_irq_mode "$LOCAL_PCI")"
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ]' 10 || fail "no carrier after disable-msix off"
	IGX_MODE=msix full "msi->msix"
	ethtool --set-priv-flags "$LOCAL_IF" disable-msix on ||
		fail "cannot set disable-msix"
	wait_for '[ "$(pci_irq_mode "$LOCAL_PCI")" = msi ]' 5 ||
		fail "disable-msix on: $LOCAL_PCI uses $(pci_irq_mode "$LOCAL_PCI")"
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ]' 10 || fail "no carrier after disable-msix on"
	full "msix->msi"
fi

# Unload: DMA-API debug reports a mapping or allocation the self-test
# left behind when the device is released; guest-init's dmesg check (and
# kmemleak on the debug kernel) then fails the run.
pkill -x iperf3
wait_for '! pgrep -x iperf3 > /dev/null' 5
unload_driver || fail "cannot unload $(drv_module) after the self-tests"
dmesg_check || fail "the kernel complained during the self-tests"
exit 0
