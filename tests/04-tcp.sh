#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 180
# modes: all
#
# TCP both ways with iperf3 (5 s each), and the driver's byte counters agree
# with what iperf3 moved: never less (every payload byte crossed the wire),
# and at most 10% more plus a constant (Ethernet/IP/TCP headers are ~4.6% at
# MSS 1448; the control connection, ARP/ND/MLD add a little).
source "$(dirname "$0")/lib.sh"

DURATION=5
SLACK=$((256 * 1024))

setup_pair
rns iperf3 -s -D -1 --pidfile /run/iperf3-s.pid >/dev/null 2>&1 ||
	fail "cannot start the iperf3 server"
trap 'pkill -x iperf3' EXIT

stat_of() { # stat_of IF NS? FIELD
	if [ "$2" ]; then rns cat "/sys/class/net/$1/statistics/$3"
	else cat "/sys/class/net/$1/statistics/$3"; fi
}
counters() {
	echo "$(stat_of "$LOCAL_IF" "" tx_bytes) $(stat_of "$LOCAL_IF" "" rx_bytes)" \
		"$(stat_of "$REMOTE_IF" y tx_bytes) $(stat_of "$REMOTE_IF" y rx_bytes)"
}
# A driver may fold hardware counters in periodically: wait until they stop
# moving (bounded) before reading the final values.
settled_counters() {
	local a b
	a=$(counters)
	for _ in 1 2 3 4 5 6; do
		sleep 1
		b=$(counters)
		[ "$a" = "$b" ] && break
		a=$b
	done
	echo "$b"
}

# check WHAT DELTA BYTES_RECEIVED BYTES_SENT
check() {
	local max=$(($4 + $4 / 10 + SLACK))
	diag "$1: counter delta $2, iperf3 received $3 sent $4 (allowed $3..$max)"
	[ "$2" -ge "$3" ] || fail "$1: counter $2 < iperf3's $3 bytes"
	[ "$2" -le "$max" ] || fail "$1: counter $2 > $max (iperf3 sent $4)"
}

run() { # run LABEL [-R]
	local before after json sent recv b a
	before=$(settled_counters)
	json=$(iperf3 -c 192.0.2.2 -t "$DURATION" -J "${@:2}") ||
		{ printf '%s\n' "$json" | tail -n 20; fail "$1: iperf3 failed"; }
	after=$(settled_counters)
	read -r sent recv < <(python3 -c '
import json, sys
e = json.load(sys.stdin)["end"]
print(e["sum_sent"]["bytes"], e["sum_received"]["bytes"])' <<< "$json") ||
		fail "$1: cannot parse iperf3's JSON"
	diag "$1: $(python3 -c '
import json, sys
e = json.load(sys.stdin)["end"]
print("%.0f Mbit/s, %d retransmits" % (e["sum_received"]["bits_per_second"] / 1e6,
      e["sum_sent"].get("retransmits", -1)))' <<< "$json")"
	read -r -a b <<< "$before"
	read -r -a a <<< "$after"
	# b/a: local tx, local rx, remote tx, remote rx
	if [ "${2:-}" = -R ]; then
		check "$1 remote tx" $((a[2] - b[2])) "$recv" "$sent"
		check "$1 local rx" $((a[1] - b[1])) "$recv" "$sent"
	else
		check "$1 local tx" $((a[0] - b[0])) "$recv" "$sent"
		check "$1 remote rx" $((a[3] - b[3])) "$recv" "$sent"
	fi
}

run "local->remote"
# -1 makes the server exit after one test; start it again for the reverse.
wait_for '! pgrep -x iperf3 >/dev/null' 5
rns iperf3 -s -D -1 --pidfile /run/iperf3-s.pid >/dev/null 2>&1 ||
	fail "cannot restart the iperf3 server"
run "remote->local" -R
exit 0
