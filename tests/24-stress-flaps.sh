#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 600
# modes: one
#
# Stress: 50 link flaps (fewer on the debug kernel: scaled) under TCP in both
# directions. Each flap pulls the cable in QEMU (set_link off on both hub
# ports), waits for both ends to lose carrier, plugs it back and waits for
# carrier on both and for TCP to move data again in both directions. The
# iperf3 sessions (back to back, 20 s each) ride through the outages: every
# one of them must complete. No counter of either end (stats64, qstats,
# ethtool -S, the standard groups) may go backwards across the flaps.
source "$(dirname "$0")/lib.sh"

FLAPS=$(scaled 50)
command -v iperf3 > /dev/null || skip "no iperf3"

setup_pair -q
IF=$LOCAL_IF
sysctr() { cat "/sys/class/net/$IF/statistics/$1"; }
# every counter of both ends (all_counters: stats64, qstats, ethtool -S
# and the standard groups), "local." and "remote." prefixed
counters() {
	all_counters "$IF" | sed 's/^/local./'
	rns bash -c "source $IGX_TOP/tests/lib.sh; all_counters $REMOTE_IF" | sed 's/^/remote./'
}
both_carrier() {
	[ "$(carrier "$LOCAL_IF")" = "$1" ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = "$1" ]
}
hub() {
	mon "set_link n0 $1" > /dev/null || fail "set_link n0 $1 failed"
	mon "set_link n1 $1" > /dev/null || fail "set_link n1 $1 failed"
}

traffic_start bidir 5201 20 --bidir
sleep 2
t_start=$SECONDS
down_ms=0
up_ms=0
flow_ms=0
before=$(counters)
for i in $(seq 1 "$FLAPS"); do
	hub off
	wait_for 'both_carrier 0' 10 || fail "flap $i: carrier still $(carrier "$LOCAL_IF")/$(carrier "$REMOTE_IF" "$REMOTE_NS") 10 s after the cable pull"
	down_ms=$((down_ms + WAITED_MS))
	sleep 0.3
	hub on
	wait_for 'both_carrier 1' 15 || fail "flap $i: no carrier 15 s after the cable came back"
	up_ms=$((up_ms + WAITED_MS))
	# TCP resumes (after its retransmission timer) in both directions
	rx0=$(sysctr rx_bytes)
	tx0=$(sysctr tx_bytes)
	if ! wait_for "[ \$(sysctr rx_bytes) -gt $((rx0 + 200000)) ] && [ \$(sysctr tx_bytes) -gt $((tx0 + 200000)) ]" 20; then
		# an iperf3 session that gave up says so first
		traffic_check bidir
		fail "flap $i: TCP did not move 200 kB each way within 20 s of carrier (rx +$(($(sysctr rx_bytes) - rx0)), tx +$(($(sysctr tx_bytes) - tx0)) bytes; carrier $(carrier "$LOCAL_IF")/$(carrier "$REMOTE_IF" "$REMOTE_NS"); sockets: $(ss -Htin state established '( dport = :5201 or sport = :5201 )' | tr -s ' \n\t' ' ' | cut -c1-600))"
	fi
	flow_ms=$((flow_ms + WAITED_MS))
	traffic_check bidir
	# every 5th flap: reading them all costs seconds here
	if [ $((i % 5)) = 0 ] || [ "$i" = "$FLAPS" ]; then
		after=$(counters)
		monotonic "$before" "$after" "flaps $((i - 4))..$i" || fail "a counter went backwards"
		before=$after
	fi
	[ $((i % 10)) = 0 ] && diag "flap $i: $((SECONDS - t_start)) s"
done
diag "$FLAPS flaps in $((SECONDS - t_start)) s; mean carrier loss $((down_ms / FLAPS)) ms, carrier back $((up_ms / FLAPS)) ms, TCP flowing again $((flow_ms / FLAPS)) ms after that"
traffic_stop bidir
ping -c 3 -i 0.3 -W 2 192.0.2.2 > /dev/null || fail "no ping after the flaps"
exit 0
