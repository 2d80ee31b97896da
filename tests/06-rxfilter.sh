#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 150
#
# The receive address filter: frames for a foreign unicast MAC or an
# unjoined multicast group must not reach the stack unless promiscuous /
# all-multicast mode is on or the group is joined. The far end sends raw
# frames of a private EtherType; here an AF_PACKET socket (which does not
# turn on promiscuous mode) counts what the driver passed up.
source "$(dirname "$0")/lib.sh"

ETHERTYPE=0x88b5
COUNT=20
FOREIGN=02:00:00:00:00:99
GROUP=01:00:5e:01:02:03
OTHER_GROUP=01:00:5e:01:02:04

setup_pair

# Receiver (root netns) that sends through the sender (remote netns) itself,
# so there is no race between the two: open the socket, send, drain for 1 s,
# print how many of our frames came in.
read -r -d '' PY <<'PYEOF'
import os, socket, struct, subprocess, sys, time
rx_if, tx_if, dst, ethertype, count = sys.argv[1:6]
ethertype, count = int(ethertype, 0), int(count)
tag = os.urandom(8)
rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ethertype))
rx.bind((rx_if, ethertype))
rx.settimeout(0.1)
sender = r'''
import socket, sys
tx_if, dst, ethertype, count, tag = sys.argv[1:6]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((tx_if, 0))
src = open("/sys/class/net/%s/address" % tx_if).read().strip()
hdr = bytes.fromhex(dst.replace(":", "") + src.replace(":", "")) + \
    int(ethertype).to_bytes(2, "big")
for i in range(int(count)):
    # 64 bytes on the wire: QEMU does not pad short frames.
    s.send(hdr + bytes.fromhex(tag) + i.to_bytes(4, "big") + bytes(38))
'''
subprocess.run(["ip", "netns", "exec", "remote", sys.executable, "-c", sender,
                tx_if, dst, str(ethertype), str(count), tag.hex()], check=True)
got = 0
end = time.monotonic() + 1.0
while time.monotonic() < end:
    try:
        frame, addr = rx.recvfrom(2048)
    except socket.timeout:
        continue
    if addr[2] != socket.PACKET_OUTGOING and frame[14:22] == tag:
        got += 1
print(got)
PYEOF

# frames DST: how many of COUNT frames to DST arrived on LOCAL_IF.
frames() { python3 -c "$PY" "$LOCAL_IF" "$REMOTE_IF" "$1" "$ETHERTYPE" "$COUNT"; }

# expect DST WANT(all|none) WHAT
expect() {
	local got
	got=$(frames "$1") || fail "$3: the frame exchange failed"
	diag "$3: $got/$COUNT frames to $1 received"
	case $2 in
	all) [ "$got" = "$COUNT" ] || fail "$3: $got of $COUNT frames to $1 received, want all" ;;
	none) [ "$got" = 0 ] || fail "$3: $got frames to $1 received, want none" ;;
	esac
}

own=$(cat "/sys/class/net/$LOCAL_IF/address")
expect "$own" all "own MAC (the receiver works)"
expect ff:ff:ff:ff:ff:ff all "broadcast"

expect "$FOREIGN" none "foreign unicast, promisc off"
ip link set dev "$LOCAL_IF" promisc on
expect "$FOREIGN" all "foreign unicast, promisc on"
ip link set dev "$LOCAL_IF" promisc off
expect "$FOREIGN" none "foreign unicast, promisc off again"

expect "$GROUP" none "multicast $GROUP, not joined"
ip maddr add "$GROUP" dev "$LOCAL_IF" || fail "ip maddr add $GROUP failed"
expect "$GROUP" all "multicast $GROUP, joined"
expect "$OTHER_GROUP" none "multicast $OTHER_GROUP, not joined (with $GROUP joined)"
ip maddr del "$GROUP" dev "$LOCAL_IF" || fail "ip maddr del $GROUP failed"
expect "$GROUP" none "multicast $GROUP, left"

ip link set dev "$LOCAL_IF" allmulticast on
expect "$OTHER_GROUP" all "unjoined $OTHER_GROUP, allmulticast on"
expect "$FOREIGN" none "foreign unicast, allmulticast on"
ip link set dev "$LOCAL_IF" allmulticast off
expect "$OTHER_GROUP" none "unjoined $OTHER_GROUP, allmulticast off"
exit 0
