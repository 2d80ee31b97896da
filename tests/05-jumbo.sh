#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 150
#
# MTU 9000 on both ends: full-size unfragmented pings both ways (v4 and v6),
# a short TCP run, and one byte more than fits is refused locally (DF).
source "$(dirname "$0")/lib.sh"

setup_pair
ip link set dev "$LOCAL_IF" mtu 9000 || fail "cannot set MTU 9000 on $LOCAL_IF"
rns ip link set dev "$REMOTE_IF" mtu 9000 || fail "cannot set MTU 9000 on $REMOTE_IF"
# A driver may reset the port for a new MTU: wait for the link again.
wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] && [ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
	fail "no carrier after the MTU change"
diag "carrier after the MTU change: $WAITED_MS ms"
[ "$(cat "/sys/class/net/$LOCAL_IF/mtu")" = 9000 ] || fail "MTU did not stick"

p() {
	local out
	out=$("$@" 2>&1) || { printf '%s\n' "$out"; fail "failed: $*"; }
	diag "$* : $(grep -E 'packets transmitted' <<< "$out")"
}
# 8972 + 8 ICMP + 20 IPv4 = 9000; 8952 + 8 ICMPv6 + 40 IPv6 = 9000.
p ping -M "do" -s 8972 -c 3 -i 0.2 -W 2 192.0.2.2
p rns ping -M "do" -s 8972 -c 3 -i 0.2 -W 2 192.0.2.1
p ping -6 -M "do" -s 8952 -c 3 -i 0.2 -W 2 2001:db8::2
p rns ping -6 -M "do" -s 8952 -c 3 -i 0.2 -W 2 2001:db8::1

# One byte too many with DF: the local stack refuses it (EMSGSIZE).
if out=$(ping -M "do" -s 8973 -c 1 -W 2 192.0.2.2 2>&1); then
	fail "ping -M do -s 8973 succeeded at MTU 9000"
fi
grep -qiE 'message too long|mtu' <<< "$out" ||
	{ printf '%s\n' "$out"; fail "ping -s 8973 did not fail with EMSGSIZE"; }
diag "8973 bytes refused: $(head -n 2 <<< "$out" | tail -n 1)"

rns iperf3 -s -D -1 >/dev/null 2>&1 || fail "cannot start the iperf3 server"
trap 'pkill -x iperf3' EXIT
json=$(iperf3 -c 192.0.2.2 -t 3 -J) || { printf '%s\n' "$json" | tail -n 20; fail "iperf3 at MTU 9000 failed"; }
read -r bytes mbit mss < <(python3 -c '
import json, sys
j = json.load(sys.stdin)
e = j["end"]["sum_received"]
print(e["bytes"], int(e["bits_per_second"] / 1e6),
      j["start"].get("tcp_mss_default", 0))' <<< "$json")
diag "iperf3 at MTU 9000: $bytes bytes, $mbit Mbit/s, MSS $mss"
[ "$bytes" -gt 1000000 ] || fail "iperf3 moved only $bytes bytes"
exit 0
