#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --model igb,e1000e --timeout 300
#
# The two families on one wire: an 82576 port (QEMU's igb) and an 82574L
# port (QEMU's e1000e), both driven by igx. Across the pair: TCP each
# way, then TCP with tx/rx checksumming and TSO off on both ends and on
# again (the receivers' rx-csum-unnecessary counts the verified packets
# only while rx-checksumming is on), MTU 9000 (the 82574L's limit) with
# the frames on the wire really jumbo, and a VLAN whose tag both MACs
# insert and strip. The header's --model wins over tests/run --model:
# the mix is the point.
source "$(dirname "$0")/lib.sh"

command -v iperf3 > /dev/null || skip "no iperf3"
setup_pair
trap 'pkill -x iperf3' EXIT

# The families, from the PCI device IDs: one of each
lid=$(cat "/sys/class/net/$LOCAL_IF/device/device")
rid=$(rns cat "/sys/class/net/$REMOTE_IF/device/device")
diag "local $LOCAL_IF: $lid ($(ethtool -i "$LOCAL_IF" | sed -n 's/^driver: //p')), remote $REMOTE_IF: $rid ($(rns ethtool -i "$REMOTE_IF" | sed -n 's/^driver: //p'))"
case "$lid $rid" in
"0x10c9 0x10d3" | "0x10d3 0x10c9") ;;
*) fail "want one 82576 (0x10c9) and one 82574L (0x10d3), have $lid and $rid" ;;
esac
for d in "$(ethtool -i "$LOCAL_IF")" "$(rns ethtool -i "$REMOTE_IF")"; do
	grep -qx 'driver: igx' <<< "$d" || fail "not driven by igx: $(head -n 1 <<< "$d")"
done

ctr() { # ctr local|remote NAME: a netdev statistic
	if [ "$1" = local ]; then
		cat "/sys/class/net/$LOCAL_IF/statistics/$2"
	else
		rns cat "/sys/class/net/$REMOTE_IF/statistics/$2"
	fi
}
csum_ok() { # csum_ok local|remote: the receive queues' verified packets
	if [ "$1" = local ]; then
		qsum "$(nl qstats "$LOCAL_IF")" rx rx-csum-unnecessary
	else
		qsum "$(nl qstats "$REMOTE_IF" "$REMOTE_NS")" rx rx-csum-unnecessary
	fi
}

# tcp WHAT: 3 s of TCP each way; each receiver must take 1 MB or more.
# Sets RX_AVG: mean bytes per frame the remote end received.
tcp() {
	local b0 b1 p0 p1 out
	b0=$(ctr remote rx_bytes)
	p0=$(ctr remote rx_packets)
	out=$(tcp_once 5201 3)
	b1=$(ctr remote rx_bytes)
	p1=$(ctr remote rx_packets)
	[ $((b1 - b0)) -gt 1000000 ] ||
		fail "$1: the 82574L/82576 far end received $((b1 - b0)) bytes in 3 s of TCP"
	RX_AVG=$(((b1 - b0) / (p1 - p0)))
	diag "$1, to the far end: $out"
	b0=$(ctr local rx_bytes)
	out=$(tcp_once 5202 3 -R)
	b1=$(ctr local rx_bytes)
	[ $((b1 - b0)) -gt 1000000 ] ||
		fail "$1: the near end received $((b1 - b0)) bytes in 3 s of TCP"
	diag "$1, from the far end: $out"
}

# both "ethtool -K args": on both ends, checked
both_k() {
	# shellcheck disable=SC2086
	ethtool -K "$LOCAL_IF" $1 || fail "ethtool -K $LOCAL_IF $1 failed"
	# shellcheck disable=SC2086
	rns ethtool -K "$REMOTE_IF" $1 || fail "ethtool -K $REMOTE_IF $1 failed"
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "no carrier after ethtool -K $1"
}

tcp "offloads on"

both_k "tx off rx off tso off"
c0=$(csum_ok local)
r0=$(csum_ok remote)
tcp "checksumming and TSO off"
c1=$(csum_ok local)
r1=$(csum_ok remote)
[ "$c1" = "$c0" ] && [ "$r1" = "$r0" ] ||
	fail "rx-checksumming off, yet rx-csum-unnecessary grew: near +$((c1 - c0)), far +$((r1 - r0))"
both_k "tx on rx on tso on"
tcp "checksumming and TSO on again"
c2=$(csum_ok local)
r2=$(csum_ok remote)
diag "rx-csum-unnecessary with rx-checksumming on: near +$((c2 - c1)), far +$((r2 - r1))"
[ $((c2 - c1)) -gt 100 ] && [ $((r2 - r1)) -gt 100 ] ||
	fail "rx-checksumming on, but rx-csum-unnecessary grew by only $((c2 - c1)) (near) and $((r2 - r1)) (far)"

# MTU 9000 on both: DF pings of the full size, TCP in jumbo frames
ip link set "$LOCAL_IF" mtu 9000 || fail "mtu 9000 on $LOCAL_IF"
rns ip link set "$REMOTE_IF" mtu 9000 || fail "mtu 9000 on $REMOTE_IF"
wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] &&
	[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 || fail "no carrier at MTU 9000"
ping -M "do" -s 8972 -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null || fail "no 9000-byte ping to the far end"
rns ping -M "do" -s 8972 -c 3 -i 0.2 -W 2 192.0.2.1 > /dev/null || fail "no 9000-byte ping from the far end"
tcp "MTU 9000"
diag "MTU 9000: the far end received $RX_AVG bytes per frame on average"
[ "$RX_AVG" -gt 4000 ] || fail "MTU 9000: frames of $RX_AVG bytes on average, not jumbo"
ip link set "$LOCAL_IF" mtu 1500
rns ip link set "$REMOTE_IF" mtu 1500

# VLAN 10 with the tag inserted and stripped by both MACs
both_k "rxvlan on txvlan on"
ip link add link "$LOCAL_IF" name vl10 type vlan id 10 || fail "cannot add vl10"
rns ip link add link "$REMOTE_IF" name vl10 type vlan id 10 || fail "cannot add the far vl10"
ip addr add 198.51.100.1/24 dev vl10
rns ip addr add 198.51.100.2/24 dev vl10
ip link set vl10 up
rns ip link set vl10 up
ping -c 3 -i 0.2 -W 2 198.51.100.2 > /dev/null || fail "no ping over VLAN 10"
rns iperf3 -s -D -1 -p 5203 > /dev/null 2>&1 || fail "cannot start the iperf3 server"
wait_for "rns ss -Hltn 'sport = :5203' | grep -q ." 10 || fail "no iperf3 server"
b0=$(ctr remote rx_bytes)
out=$(timeout 60 iperf3 -c 198.51.100.2 -p 5203 -t 3 -i 0 2>&1) ||
	fail "TCP over VLAN 10: $(tail -n 3 <<< "$out" | tr '\n' ' ')"
b1=$(ctr remote rx_bytes)
[ $((b1 - b0)) -gt 1000000 ] || fail "TCP over VLAN 10 moved $((b1 - b0)) bytes"
diag "VLAN 10: $(grep receiver <<< "$out" | tr -s ' ')"
exit 0
