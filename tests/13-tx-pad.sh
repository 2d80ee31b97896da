#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 120
#
# Short frames are padded to the Ethernet minimum with zeros: QEMU sends
# what the driver gives it, so a 42-byte frame sent through an AF_PACKET
# socket must reach the far end as 60 bytes (plus FCS, stripped there)
# whose bytes 42..59 are all zero, not stale memory. Full-size frames of a
# non-zero pattern go through the same socket first, so the buffers a
# careless pad would leak from are dirty. Then short UDP datagrams with TX
# checksum offload: padding must not change their checksums.
source "$(dirname "$0")/lib.sh"

ETHERTYPE=0x88b5
COUNT=5

setup_pair

read -r -d '' PY <<'PYEOF'
import os, socket, subprocess, sys, time
tx_if, rx_if, dst, ethertype, count = sys.argv[1:6]
ethertype, count = int(ethertype, 0), int(count)
tag = os.urandom(4)
# The receiver in the remote netns: prints "len hex" per frame with our tag.
receiver = r'''
import socket, sys, time
rx_if, ethertype, tag, want = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3]), int(sys.argv[4])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ethertype))
s.bind((rx_if, ethertype))
s.settimeout(0.2)
print("ready", flush=True)
got, end = 0, time.monotonic() + 5
while got < want and time.monotonic() < end:
    try:
        f = s.recv(4096)
    except socket.timeout:
        continue
    if f[14:18] == tag:
        got += 1
        print(len(f), f.hex(), flush=True)
'''
r = subprocess.Popen(["ip", "netns", "exec", "remote", sys.executable, "-c",
                      receiver, rx_if, str(ethertype), tag.hex(), str(count)],
                     stdout=subprocess.PIPE, text=True)
assert r.stdout.readline().strip() == "ready"
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((tx_if, 0))
src = open("/sys/class/net/%s/address" % tx_if).read().strip()
hdr = bytes.fromhex(dst.replace(":", "") + src.replace(":", "")) + ethertype.to_bytes(2, "big")
for i in range(count):
    # Dirty buffers: full-size frames of 0xa5 (another tag: not counted).
    for _ in range(20):
        s.send(hdr + b"\xa5" * 1500)
    # 14 + 4 tag + 24 = 42 bytes, all non-zero.
    s.send(hdr + tag + bytes([0x11 + i]) * 24)
    time.sleep(0.05)
out, _ = r.communicate(timeout=10)
sys.stdout.write(out)
PYEOF

out=$(python3 -c "$PY" "$LOCAL_IF" "$REMOTE_IF" "$(rns cat "/sys/class/net/$REMOTE_IF/address")" \
	"$ETHERTYPE" "$COUNT") ||
	{ printf '%s\n' "$out"; fail "the frame exchange failed"; }
[ -n "$out" ] ||
	fail "the far end received none of $COUNT 42-byte frames (unpadded runts are counted in RUC, not delivered?)"
n=0
while read -r len hex; do
	n=$((n + 1))
	diag "frame $n: $len bytes: ${hex:0:84} | ${hex:84}"
	[ "$len" = 60 ] || fail "frame $n arrived with $len bytes, want 60 (42 padded to the minimum)"
	pad=${hex:84}
	[ "$pad" = "$(printf '0%.0s' {1..36})" ] || fail "frame $n: padding bytes 42..59 are not zero: $pad"
done <<< "$out"
[ "$n" = "$COUNT" ] ||
	fail "the far end received $n of $COUNT 42-byte frames (unpadded runts are counted in RUC, not delivered?)"

# Short frames with TX checksum offload: UDP datagrams of 0..17 payload
# bytes (IPv4 frames of 42..59 bytes, padded) from an ordinary socket, so
# the stack hands them over CHECKSUM_PARTIAL. Each must arrive with a valid
# checksum: the L4 length in the checksum must be the datagram's, not the
# padded frame's.
txc=$(ethtool -k "$LOCAL_IF" | awk '$1 == "tx-checksumming:" { print $2 }')
[ "$txc" = on ] || fail "tx-checksumming is '$txc' on $LOCAL_IF, want on (the default)"
udp_err() { rns awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) n[i] = $i; h = 1 }
		else for (i = 1; i <= NF; i++) if (n[i] == "InCsumErrors") print $i }' /proc/net/snmp; }
e0=$(udp_err)
got=$(python3 -c '
import socket, subprocess, sys, time
r = subprocess.Popen(["ip", "netns", "exec", "remote", sys.executable, "-c", """
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.0.2.2", 5003))
s.settimeout(1.5)
print("ready", flush=True)
got = set()
try:
    while len(got) < 18:
        got.add(len(s.recv(100)))
except socket.timeout:
    pass
print(" ".join(str(n) for n in sorted(got)))
"""], stdout=subprocess.PIPE, text=True)
assert r.stdout.readline().strip() == "ready"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for n in range(18):
    s.sendto(bytes([0x5a]) * n, ("192.0.2.2", 5003))
    time.sleep(0.01)
print(r.communicate(timeout=10)[0].strip())
') || fail "the short UDP exchange failed"
e1=$(udp_err)
diag "short UDP datagrams (payload 0..17 bytes) received, by size: ${got:-none}; remote UdpInCsumErrors +$((e1 - e0))"
[ "$e1" = "$e0" ] ||
	fail "$((e1 - e0)) short UDP datagrams arrived with a bad checksum (TX checksum offload of padded frames)"
[ "$got" = "$(seq -s ' ' 0 17)" ] ||
	fail "of the UDP payload sizes 0..17 only '${got:-none}' arrived"
exit 0
