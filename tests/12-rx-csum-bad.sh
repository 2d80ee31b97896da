#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 150
#
# Receive checksum offload against crafted frames: the far end sends raw
# IPv4 frames (AF_PACKET) to our MAC with a correct IP header checksum and a
# deliberately wrong TCP or UDP checksum, and the same frames with the right
# one. The hardware flags the bad ones: the RX queues count exactly them as
# rx-csum-bad (qstats) and the good ones as rx-csum-unnecessary; the stack
# drops the bad ones (TcpInCsumErrors/UdpInCsumErrors) and a bound UDP
# socket receives exactly the good datagrams.
source "$(dirname "$0")/lib.sh"

N=10	# frames of each kind
TCP_PORT=5001
UDP_PORT=5002

setup_pair
ethtool -K "$LOCAL_IF" rx on || fail "ethtool -K $LOCAL_IF rx on failed"

# The sender, run in the remote netns: send.py IF DST_MAC tcp|udp good|bad N PORT
read -r -d '' SEND <<'PYEOF'
import socket, sys
from igxframes import eth, if_mac, ipv4, raw_socket, tcp_psh, udp
ifname, dst, proto, kind, n, port = sys.argv[1:7]
n, port = int(n), int(port)
s = raw_socket(ifname)
hdr = eth(dst, if_mac(ifname), 0x0800)
for i in range(n):
    payload = ("%s-%s-%d " % (proto, kind, i)).encode() * 8
    bad = kind == "bad"
    if proto == "tcp":
        l4 = tcp_psh(40000 + i, port, 1000 + i, payload, bad)
        pnum = socket.IPPROTO_TCP
    else:
        l4 = udp(40000 + i, port, payload, bad)
        pnum = socket.IPPROTO_UDP
    s.send(hdr + ipv4(pnum, l4, 0x1000 + i))
PYEOF
own=$(cat "/sys/class/net/$LOCAL_IF/address")
send() { rns python3 -c "$SEND" "$REMOTE_IF" "$own" "$@" || fail "sending $* failed"; }

# The counters: qstats sums over the RX queues (igx exports them; the
# in-tree drivers have none, their runs check the rest).
qcheck=
if [ "$IGX_DRIVER" = igx ]; then
	qcheck=1
	s=$(nl qstats "$LOCAL_IF") || fail "qstats-get failed"
	for f in rx-csum-bad rx-csum-unnecessary; do
		has_qstat "$s" rx "$f" || fail "$LOCAL_IF reports no $f in qstats: $(tr '\n' ',' <<< "$s")"
	done
fi
# counters: "csum-bad csum-unnecessary TcpInCsumErrors UdpInCsumErrors"
counters() {
	local s bad=0 ok=0
	if [ -n "$qcheck" ]; then
		s=$(nl qstats "$LOCAL_IF") || fail "qstats-get failed"
		bad=$(qsum "$s" rx rx-csum-bad)
		ok=$(qsum "$s" rx rx-csum-unnecessary)
	fi
	echo "$bad $ok $(awk '/^Tcp:/ { if (!h) { for (i = 1; i <= NF; i++) n[i] = $i; h = 1 }
			else for (i = 1; i <= NF; i++) if (n[i] == "InCsumErrors") print $i }' /proc/net/snmp)" \
		"$(awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) n[i] = $i; h = 1 }
			else for (i = 1; i <= NF; i++) if (n[i] == "InCsumErrors") print $i }' /proc/net/snmp)"
}
# delta BEFORE AFTER -> "dbad dok dtcp dudp"
delta() {
	local -a a b
	read -r -a a <<< "$1"
	read -r -a b <<< "$2"
	echo "$((b[0] - a[0])) $((b[1] - a[1])) $((b[2] - a[2])) $((b[3] - a[3]))"
}
# expect LABEL DELTA BAD OK_MIN TCPERR UDPERR
expect() {
	local -a d
	read -r -a d <<< "$2"
	diag "$1: rx-csum-bad +${d[0]}, rx-csum-unnecessary +${d[1]}, TcpInCsumErrors +${d[2]}, UdpInCsumErrors +${d[3]}"
	if [ -n "$qcheck" ]; then
		[ "${d[0]}" = "$3" ] || fail "$1: rx-csum-bad rose by ${d[0]}, want $3"
		[ "${d[1]}" -ge "$4" ] || fail "$1: rx-csum-unnecessary rose by ${d[1]}, want >= $4"
		# A bad frame must not be counted as verified too.
		[ "$3" = 0 ] || [ "${d[1]}" -le 2 ] ||
			fail "$1: rx-csum-unnecessary rose by ${d[1]} while only bad frames came in"
	fi
	[ "${d[2]}" = "$5" ] || fail "$1: TcpInCsumErrors rose by ${d[2]}, want $5"
	[ "${d[3]}" = "$6" ] || fail "$1: UdpInCsumErrors rose by ${d[3]}, want $6"
}

# --- TCP, to a listening port ---
python3 -c '
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("192.0.2.1", int(sys.argv[1])))
s.listen()
time.sleep(600)' "$TCP_PORT" &
tcp_pid=$!
# Background jobs hold the console pipe open: end them with the script.
trap 'kill "$tcp_pid" 2>/dev/null' EXIT
wait_for "ss -Hltn 'sport = :$TCP_PORT' | grep -q LISTEN" 5 || fail "no TCP listener on $TCP_PORT"
c0=$(counters)
send tcp bad "$N" "$TCP_PORT"
sleep 1
c1=$(counters)
expect "TCP, $N bad checksums" "$(delta "$c0" "$c1")" "$N" 0 "$N" 0
send tcp good "$N" "$TCP_PORT"
sleep 1
c2=$(counters)
expect "TCP, $N good checksums" "$(delta "$c1" "$c2")" 0 "$N" 0 0

# --- UDP, to a bound socket that reports what it got ---
out=$(mktemp)
python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.0.2.1", int(sys.argv[1])))
s.settimeout(0.2)
open(sys.argv[2] + ".ready", "w").close()
end = time.monotonic() + 30
while time.monotonic() < end:
    try:
        d = s.recv(4096)
    except socket.timeout:
        if __import__("os").path.exists(sys.argv[2] + ".stop"):
            break
        continue
    print(d.split(b" ")[0].decode(), flush=True)
' "$UDP_PORT" "$out.ctl" > "$out" &
udp_pid=$!
wait_for "[ -e '$out.ctl.ready' ]" 5 || fail "the UDP receiver did not start"
c0=$(counters)
send udp bad "$N" "$UDP_PORT"
sleep 1
c1=$(counters)
expect "UDP, $N bad checksums" "$(delta "$c0" "$c1")" "$N" 0 0 "$N"
send udp good "$N" "$UDP_PORT"
sleep 1
c2=$(counters)
expect "UDP, $N good checksums" "$(delta "$c1" "$c2")" 0 "$N" 0 0
touch "$out.ctl.stop"
wait "$udp_pid"
got_bad=$(grep -c '^udp-bad-' "$out")
got_good=$(grep -c '^udp-good-' "$out")
diag "UDP socket received $got_good good and $got_bad bad datagrams"
[ "$got_bad" = 0 ] || fail "the UDP socket received $got_bad datagrams with a bad checksum"
[ "$got_good" = "$N" ] || fail "the UDP socket received $got_good of $N good datagrams"
exit 0
