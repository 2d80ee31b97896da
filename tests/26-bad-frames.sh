#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --raw-nic --timeout 300
#
# Bad frames from the far end: raw frames (AF_PACKET in the remote netns)
# sent to our MAC, N of each kind, each carrying a random tag. They leave
# through a virtio-net port on the same wire (scripts/vm --raw-nic),
# which sends what it is given: an igx port would pad runts. Here a
# packet socket (ETH_P_ALL) sees what the driver passed up and a UDP
# socket what reached an application. Each kind must be counted where
# Documentation/igx.rst says and never delivered wrongly:
#   runt         40 bytes: rmon-etherStatsUndersizePkts (RUC) and
#                rx_length_errors count it; QEMU pads it to 60 bytes and
#                passes it on, real hardware drops it
#   oversize     1600 bytes with MTU 1500: not passed up (real hardware
#                and QEMU's e1000e count it in rmon-etherStatsOversizePkts,
#                ROC, and rx_length_errors; QEMU's igb drops it without
#                counting); with MTU 9000 they arrive
#   bad IP csum  IPv4/UDP with a wrong header checksum: rx-csum-bad
#                (qstats) counts it, the stack drops it
#                (IpExtInCsumErrors, IpInHdrErrors), nothing at the socket
#   bad UDP csum rx-csum-bad, UdpInCsumErrors, nothing at the socket
#   VLAN 3001    not configured, rx-vlan-filter on: not passed up; with
#                the filter off they arrive
#   IP length    total length beyond the frame: passed up, dropped by
#                the stack (IpExtInTruncatedPkts), nothing at the socket
#   UDP length   beyond the IP payload: dropped by UDP (UdpInErrors)
#   IP trailer   total length short of the frame (trailing bytes): the
#                datagram arrives with exactly its own bytes
# and last the same good datagram must arrive N times. No report in dmesg.
source "$(dirname "$0")/lib.sh"

N=20
PORT=5002

setup_pair
IF=$LOCAL_IF
modprobe virtio_net 2> /dev/null
raw_if() {
	local d
	for d in /sys/class/net/*; do
		[ "$(cat "$d/address")" = 52:54:00:12:34:5f ] && echo "${d##*/}"
	done
}
wait_for '[ -n "$(raw_if)" ]' 10 || fail "no virtio-net port (scripts/vm --raw-nic)"
# a name of its own: the far end's port may have its name in the netns
RAW_IF=rawport
ip link set "$(raw_if)" name "$RAW_IF" || fail "cannot rename the virtio-net port"
ip link set "$RAW_IF" netns "$REMOTE_NS" || fail "cannot move $RAW_IF to netns $REMOTE_NS"
rns ip link set "$RAW_IF" mtu 9000 up	# to send frames over our MTU
diag "sender: $RAW_IF ($(basename "$(rns readlink "/sys/class/net/$RAW_IF/device/driver")")) in netns $REMOTE_NS"
ethtool -K "$IF" rx on rx-vlan-filter on > /dev/null ||
	fail "cannot turn on rx checksumming and the VLAN filter"

# The sender: send.py IF DST_MAC KIND N TAG
read -r -d '' SEND <<'PYEOF'
import socket, struct, sys
from igxframes import eth, if_mac, ipv4, raw_socket, udp
ifname, dst, kind, n, tag = sys.argv[1:6]
n, tag = int(n), bytes.fromhex(tag)
src = if_mac(ifname)

def udp_frame(i, ip_bad=False, udp_bad=False, ip_len_add=0, udp_len_add=0,
              trailer=b""):
    payload = tag + struct.pack("!I", i) + b"igx" * 20
    u = udp(40000 + i, 5002, payload, udp_bad, udp_len_add)
    return eth(dst, src, 0x0800) + \
        ipv4(socket.IPPROTO_UDP, u, i, ip_bad, ip_len_add) + trailer

s = raw_socket(ifname)
mark = lambda i: tag + struct.pack("!I", i)
for i in range(n):
    if kind == "runt":		# 40 bytes on the wire, no FCS
        f = eth(dst, src, 0x88b5) + mark(i) + bytes(14)
    elif kind == "oversize":	# 1600 bytes: over 1514 + 4 for a tag
        f = eth(dst, src, 0x88b5) + mark(i) + bytes(1574)
    elif kind == "vlan":	# tagged for a VLAN nobody configured
        f = eth(dst, src, 0x8100) + struct.pack("!HH", 3001, 0x88b5) + \
            mark(i) + bytes(40)
    elif kind == "ipcsum":
        f = udp_frame(i, ip_bad=True)
    elif kind == "udpcsum":
        f = udp_frame(i, udp_bad=True)
    elif kind == "iplen":
        f = udp_frame(i, ip_len_add=200)
    elif kind == "udplen":
        f = udp_frame(i, udp_len_add=100)
    elif kind == "trailer":
        f = udp_frame(i, trailer=b"\xee" * 30)
    elif kind == "good":
        f = udp_frame(i)
    s.send(f)
PYEOF

# The receiver: count tagged frames at a packet socket on IF and tagged
# datagrams (with their exact length) at a UDP socket, while the sender
# runs in the remote netns. Prints "FRAMES DATAGRAMS BADLEN".
read -r -d '' RECV <<'PYEOF'
import os, socket, subprocess, sys, time
rx_if, ns, tx_if, dst, kind, n, port, send = sys.argv[1:9]
tag = os.urandom(8)
pk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
pk.bind((rx_if, 3))
pk.setblocking(False)
us = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
us.bind(("192.0.2.1", int(port)))
us.setblocking(False)
subprocess.run(["ip", "netns", "exec", ns, sys.executable, "-c", send,
                tx_if, dst, kind, n, tag.hex()], check=True)
frames = dgrams = badlen = 0
want = len(tag) + 4 + 60
end = time.monotonic() + 1.5
while time.monotonic() < end:
    got = False
    try:
        f, a = pk.recvfrom(65536)
        got = True
        if a[2] != socket.PACKET_OUTGOING and tag in f:
            frames += 1
    except BlockingIOError:
        pass
    try:
        d = us.recv(65536)
        got = True
        if d.startswith(tag):
            dgrams += 1
            badlen += len(d) != want
    except BlockingIOError:
        pass
    if not got:
        time.sleep(0.01)
print(frames, dgrams, badlen)
PYEOF

own=$(cat "/sys/class/net/$IF/address")
# counters the cases look at: one "name=value" per line, names with "_".
# The rmon group first: igx reads the MAC's registers for it, and stats64
# (rx_length_errors, rx_errors) then shows what they counted.
ctrs() {
	{
		ethtool -S "$IF" --groups rmon |
			awk -F': ' '$1 ~ /etherStats(Under|Over)sizePkts/ { sub(/^ +/, "", $1); print $1 "=" $2 }'
		echo "rx_length_errors=$(cat "/sys/class/net/$IF/statistics/rx_length_errors")"
		echo "rx_errors=$(cat "/sys/class/net/$IF/statistics/rx_errors")"
		nl qtotal "$IF" | tr ' ' '\n' | grep -E '^rx-csum-(bad|unnecessary)='
		nstat -az | awk '$1 ~ /^(IpExtInCsumErrors|IpInHdrErrors|IpExtInTruncatedPkts|UdpInCsumErrors|UdpInErrors|UdpInDatagrams)$/ { print $1 "=" $2 }'
	} | tr '-' '_'
}
# send KIND: N frames of KIND; sets FRAMES (passed up), DGRAMS (at the UDP
# socket), BADLEN (of those, how many had the wrong length) and D_<name>
# (the change of each counter of ctrs)
send() {
	local before after out c v summary=
	before=$(ctrs)
	out=$(python3 -c "$RECV" "$IF" "$REMOTE_NS" "$RAW_IF" "$own" "$1" "$N" "$PORT" "$SEND") ||
		fail "$1: the frame exchange failed"
	read -r FRAMES DGRAMS BADLEN <<< "$out"
	# The in-tree drivers have no rmon group: their MAC counters reach
	# stats64 with the 2 s service work (late on the debug kernel).
	if [ "$IGX_DRIVER" != igx ]; then
		if debug_kernel; then sleep 6; else sleep 2.5; fi
	fi
	after=$(ctrs)
	for c in $(sed 's/=.*//' <<< "$after"); do
		v=$(($(sed -n "s/^$c=//p" <<< "$after") - $(sed -n "s/^$c=//p" <<< "$before")))
		printf -v "D_$c" '%s' "$v"
		[ "$v" = 0 ] || summary+=" $c+$v"
	done
	diag "$1: $FRAMES/$N frames passed up, $DGRAMS at the UDP socket ($BADLEN of the wrong length);$summary"
}
want() { # want WHAT ACTUAL EXPECTED
	[ "$2" = "$3" ] || fail "$1: $2, want $3"
}

nstat -n > /dev/null	# nstat keeps its own history: start it

send good
want "good: frames passed up" "$FRAMES" "$N"
want "good: datagrams" "$DGRAMS" "$N"
want "good: datagrams of the right length" "$BADLEN" 0
want "good: rx-csum-unnecessary" "$D_rx_csum_unnecessary" "$N"

send runt
want "runt: rmon-etherStatsUndersizePkts" "$D_rmon_etherStatsUndersizePkts" "$N"
want "runt: rx_length_errors" "$D_rx_length_errors" "$N"
want "runt: rx_errors" "$D_rx_errors" "$N"
# QEMU passes runts on (padded); real hardware drops them (RCTL.SBP off)
[ "$FRAMES" = 0 ] || [ "$FRAMES" = "$N" ] || fail "runt: $FRAMES of $N passed up"

send oversize
want "oversize: frames passed up" "$FRAMES" 0
# QEMU's igb drops them without counting; its e1000e counts each in ROC,
# as real hardware does: then rx_length_errors and rx_errors count them
# once each, else neither may
if [ "${D_rmon_etherStatsOversizePkts:-0}" = 0 ]; then
	want "oversize: rx_errors" "$D_rx_errors" 0
else
	want "oversize: rmon-etherStatsOversizePkts" "$D_rmon_etherStatsOversizePkts" "$N"
	want "oversize: rx_length_errors" "$D_rx_length_errors" "$N"
	want "oversize: rx_errors" "$D_rx_errors" "$N"
fi
# the same frames do arrive when they fit: the drop above is the MTU's
ip link set "$IF" mtu 9000
send oversize
want "oversize with MTU 9000: frames passed up" "$FRAMES" "$N"
ip link set "$IF" mtu 1500

send vlan
want "unknown VLAN with the filter on: frames passed up" "$FRAMES" 0
want "unknown VLAN: rx_errors" "$D_rx_errors" 0
# and do arrive with the filter off: the drop above is the filter's
ethtool -K "$IF" rx-vlan-filter off > /dev/null || fail "cannot turn off rx-vlan-filter"
send vlan
want "unknown VLAN with the filter off: frames passed up" "$FRAMES" "$N"
ethtool -K "$IF" rx-vlan-filter on > /dev/null

send ipcsum
want "bad IP checksum: datagrams" "$DGRAMS" 0
want "bad IP checksum: rx-csum-bad" "$D_rx_csum_bad" "$N"
want "bad IP checksum: IpExtInCsumErrors" "$D_IpExtInCsumErrors" "$N"
want "bad IP checksum: IpInHdrErrors" "$D_IpInHdrErrors" "$N"

send udpcsum
want "bad UDP checksum: datagrams" "$DGRAMS" 0
want "bad UDP checksum: rx-csum-bad" "$D_rx_csum_bad" "$N"
want "bad UDP checksum: UdpInCsumErrors" "$D_UdpInCsumErrors" "$N"

send iplen
want "IP total length beyond the frame: datagrams" "$DGRAMS" 0
want "IP total length beyond the frame: IpExtInTruncatedPkts" "$D_IpExtInTruncatedPkts" "$N"

send udplen
want "UDP length beyond the IP payload: datagrams" "$DGRAMS" 0
want "UDP length beyond the IP payload: UdpInErrors" "$D_UdpInErrors" "$N"

send trailer
want "IP trailer: datagrams" "$DGRAMS" "$N"
want "IP trailer: datagrams of the wrong length" "$BADLEN" 0

# and the port still works as before
send good
want "good after all that: datagrams" "$DGRAMS" "$N"
ping -c 2 -i 0.3 -W 2 192.0.2.2 > /dev/null || fail "no ping at the end"
exit 0
