#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 200
#
# Unload the driver while TCP traffic runs through it, load it again, and
# the ports work as before. The client losing its connection is expected.
source "$(dirname "$0")/lib.sh"

setup_pair
rns iperf3 -s -D >/dev/null 2>&1 || fail "cannot start the iperf3 server"
trap 'pkill -x iperf3' EXIT
iperf3 -c 192.0.2.2 -t 30 > /dev/null 2>&1 &
bg=$!
# Unload in the middle of the transfer, not during the handshake.
stat_tx() { cat "/sys/class/net/$LOCAL_IF/statistics/tx_bytes"; }
wait_for '[ "$(stat_tx)" -gt 5000000 ]' 20 || fail "the background iperf3 did not get going"
diag "unloading $(drv_module) with $(stat_tx) bytes sent"

# the receiver paused, TCP's frames in flight: see receivers_pause
receivers_pause
t0=$(now_ms)
unload_driver || fail "rmmod $(drv_module) failed"
diag "rmmod took $(($(now_ms) - t0)) ms"
receivers_resume
[ -z "$(nic_ifaces)" ] || fail "ports still there after rmmod"
[ -d "/sys/module/$(drv_module)" ] && fail "module still loaded after rmmod"

# Both ends of the old connection are gone; do not wait for TCP to notice.
kill "$bg" 2>/dev/null
wait "$bg" 2>/dev/null
pkill -x iperf3

t0=$(now_ms)
load_driver || fail "reloading $(drv_module) failed"
wait_for '[ "$(nic_ifaces | wc -l)" -ge 2 ]' 10 || fail "ports did not come back"
diag "reload took $(($(now_ms) - t0)) ms"
setup_pair
ping -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null || fail "no ping after the reload"
ping -6 -c 3 -i 0.2 -W 2 2001:db8::2 > /dev/null || fail "no IPv6 ping after the reload"

wait_for '! pgrep -x iperf3 >/dev/null' 5
rns iperf3 -s -D -1 >/dev/null 2>&1 || fail "cannot restart the iperf3 server"
json=$(iperf3 -c 192.0.2.2 -t 5 -J) || { printf '%s\n' "$json" | tail -n 20; fail "iperf3 after the reload failed"; }
bytes=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["end"]["sum_received"]["bytes"])' <<< "$json")
diag "iperf3 after the reload: $bytes bytes in 5 s"
[ "$bytes" -gt 1000000 ] || fail "iperf3 moved only $bytes bytes after the reload"
exit 0
