#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 300
# modes: iommu
#
# Traffic with the offloads on and off: TCP and UDP both ways with
# everything on, then local's tx-checksumming/scatter-gather/TSO and
# rx-checksumming switched off and on, at MTU 1500 and 9000. Each run is
# short (2 s); every one must move data (TCP) or lose little (UDP, at a
# modest rate): at most 5% of the datagrams may go missing without a
# counter of the stack saying where (the sender's qdisc or socket buffer,
# the receiver's socket buffer: the debug kernel's receiver falls behind
# even 20 Mbit/s). Where the effect is visible it is checked: with TSO, frames
# larger than the MTU leave through the driver (packet taps see them before
# the hardware segments); with rx-checksumming the RX queues count
# checksum-verified packets (qstats rx-csum-unnecessary), without it not.
source "$(dirname "$0")/lib.sh"

T=2
UDP_RATE=20M
MAX_LOSS=5	# percent

setup_pair
rns iperf3 -s -D >/dev/null 2>&1 || fail "cannot start the iperf3 server"
trap 'pkill -x iperf3; pkill -x tcpdump' EXIT
sleep 0.3

feat() { ethtool -k "$LOCAL_IF" | awk -v f="$1:" '$1 == f { print $2 }'; }

# set_feat NAME on|off...: ethtool -K on LOCAL_IF, and check it took.
set_feat() {
	local out
	out=$(ethtool -K "$LOCAL_IF" "$@" 2>&1) || fail "ethtool -K $LOCAL_IF $* failed: $out"
	while [ $# -ge 2 ]; do
		case $1 in
		tx) f=tx-checksumming ;; rx) f=rx-checksumming ;; sg) f=scatter-gather ;;
		tso) f=tcp-segmentation-offload ;; *) f=$1 ;;
		esac
		[ "$(feat "$f")" = "$2" ] || fail "$f is $(feat "$f") after ethtool -K $1 $2"
		shift 2
	done
	# A driver may reset the port for a feature change.
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] && [ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "no carrier after ethtool -K $LOCAL_IF $*"
}

csum_ok() {
	local s
	s=$(nl qstats "$LOCAL_IF") || fail "qstats-get failed"
	qsum "$s" rx rx-csum-unnecessary
}
# The per-queue checksum counter is part of igx's interface; the in-tree
# drivers have no qstats (their runs check the rest).
check_csum=
if [ "$IGX_DRIVER" = igx ]; then
	s=$(nl qstats "$LOCAL_IF") || fail "qstats-get failed"
	has_qstat "$s" rx rx-csum-unnecessary ||
		fail "$LOCAL_IF reports no rx-csum-unnecessary in qstats: $(tr '\n' ',' <<< "$s")"
	check_csum=1
fi

# Outgoing frames larger than MTU + header that the packet taps saw while
# CMD ran (tcpdump sees what the stack hands the driver).
BIG=
with_big() {
	local mtu tmp rc
	mtu=$(cat "/sys/class/net/$LOCAL_IF/mtu")
	tmp=$(mktemp)
	tcpdump -p -Q out -i "$LOCAL_IF" -w /dev/null "greater $((mtu + 14 + 1))" 2> "$tmp" &
	local pid=$!
	sleep 0.5
	"$@"
	rc=$?
	sleep 0.2
	kill -INT "$pid"
	wait "$pid"
	BIG=$(awk '/packets captured/ { print $1 }' "$tmp")
	rm -f "$tmp"
	return "$rc"
}

# stack_drops to|from: datagrams the stack dropped and counted on the way
# of a UDP run: the sender's qdisc drops (its root qdisc sums its
# children) and UDP send buffer errors, the receiver's UDP input errors
# (receive buffer overruns among them).
snmp() { nstat -saz "$1" | awk -v n="$1" '$1 == n { v = $2 } END { print v + 0 }'; }
qdrops() {
	local v
	v=$(tc -s qdisc show dev "$1" root | sed -n 's/.*(dropped \([0-9]*\),.*/\1/p' | head -n 1)
	echo "${v:-0}"
}
stack_drops() {
	local s r
	if [ "$1" = to ]; then
		s=$(($(qdrops "$LOCAL_IF") + $(snmp UdpSndbufErrors)))
		r=$(rns bash -c "$(declare -f snmp); snmp UdpInErrors")
	else
		s=$(($(rns bash -c "$(declare -f qdrops); qdrops $REMOTE_IF") +
		     $(rns bash -c "$(declare -f snmp); snmp UdpSndbufErrors")))
		r=$(snmp UdpInErrors)
	fi
	echo $((s + r))
}

# run LABEL tcp|udp to|from [EXTRA...]: one iperf3 run, checked.
run() {
	local label=$1 proto=$2 dir=$3 json res d drops=0 args=(-t "$T" -J)
	shift 3
	[ "$proto" = udp ] && args+=(-u -b "$UDP_RATE")
	[ "$dir" = from ] && args+=(-R)
	args+=("$@")
	[ "$proto" = udp ] && drops=$(stack_drops "$dir")
	json=$(iperf3 -c 192.0.2.2 "${args[@]}") ||
		{ printf '%s\n' "$json" | tail -n 20; fail "$label: iperf3 ${args[*]} failed"; }
	[ "$proto" = udp ] && drops=$(($(stack_drops "$dir") - drops))
	res=$(python3 -c '
import json, sys
proto, maxloss, drops = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
j = json.load(sys.stdin)
if j.get("error") or "sum_sent" not in j.get("end", {}):
    print("bad iperf3 reports an error or no result: %s" % j.get("error", "no end.sum_sent"))
    sys.exit(0)
e = j["end"]
sent, recv = e["sum_sent"]["bytes"], e["sum_received"]["bytes"]
mbit = e["sum_received"]["bits_per_second"] / 1e6
if proto == "tcp":
    ok = recv > 1000000
    print("%s %.0f Mbit/s, %d bytes, %d retransmits" % ("ok" if ok else "bad",
          mbit, recv, e["sum_sent"].get("retransmits", -1)))
else:
    # datagrams: the lost count of iperf3, less what the stack counted
    n, lost = e["sum"]["packets"], e["sum"]["lost_packets"]
    silent = max(0, lost - drops)
    ok = recv > 0 and n > 0 and silent * 100 <= maxloss * n
    print("%s %.1f Mbit/s, %d of %d bytes, %d of %d datagrams lost, %d of them counted by the stack" %
          ("ok" if ok else "bad", mbit, recv, sent, lost, n, min(lost, drops)))
' "$proto" "$MAX_LOSS" "$drops" <<< "$json") || fail "$label: cannot parse iperf3's JSON"
	d="local->remote"
	[ "$dir" = from ] && d="remote->local"
	diag "$label, $proto $d: ${res#* }"
	[ "${res%% *}" = ok ] || fail "$label: $proto $d: ${res#* }"
}

for mtu in 1500 9000; do
	ip link set dev "$LOCAL_IF" mtu "$mtu" || fail "cannot set MTU $mtu on $LOCAL_IF"
	rns ip link set dev "$REMOTE_IF" mtu "$mtu" || fail "cannot set MTU $mtu on $REMOTE_IF"
	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] && [ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "no carrier after setting MTU $mtu"
	# Big UDP datagrams, unfragmented: 8000 + 28 fits MTU 9000.
	ulen=()
	[ "$mtu" = 9000 ] && ulen=(-l 8000)
	m="MTU $mtu"

	set_feat rx on tx on sg on tso on
	diag "$m: $(ethtool -k "$LOCAL_IF" | grep -E '^(rx-checksumming|tx-checksumming|scatter-gather|tcp-segmentation-offload|generic-receive-offload):' | tr -s '\n\t' '  ')"
	with_big run "$m, all on" tcp to
	diag "$m, all on: $BIG frames > MTU handed to the driver (TSO)"
	[ "${BIG:-0}" -gt 0 ] || fail "$m: TSO is on but no frame larger than the MTU went to the driver"
	c0=$([ -n "$check_csum" ] && csum_ok)
	run "$m, all on" tcp from
	run "$m, all on" udp to "${ulen[@]}"
	run "$m, all on" udp from "${ulen[@]}"
	if [ -n "$check_csum" ]; then
		c1=$(csum_ok)
		diag "$m, rx-checksumming on: rx-csum-unnecessary +$((c1 - c0))"
		[ $((c1 - c0)) -ge 1000 ] ||
			fail "$m: rx-checksumming on, but only $((c1 - c0)) packets counted rx-csum-unnecessary"
	fi

	set_feat tso off
	with_big run "$m, tso off" tcp to
	diag "$m, tso off: $BIG frames > MTU handed to the driver"
	[ "${BIG:-0}" = 0 ] || fail "$m: TSO is off but $BIG frames larger than the MTU went to the driver"

	set_feat tx off sg off
	[ "$(feat tcp-segmentation-offload)" = off ] || fail "TSO still on without tx-checksumming"
	run "$m, tx-csum/sg/tso off" tcp to
	run "$m, tx-csum/sg/tso off" udp to "${ulen[@]}"
	set_feat tx on sg on tso on

	set_feat rx off
	c0=$([ -n "$check_csum" ] && csum_ok)
	run "$m, rx-csum off" tcp from
	run "$m, rx-csum off" udp from "${ulen[@]}"
	if [ -n "$check_csum" ]; then
		c1=$(csum_ok)
		diag "$m, rx-checksumming off: rx-csum-unnecessary +$((c1 - c0))"
		[ "$c1" = "$c0" ] ||
			fail "$m: rx-checksumming off, yet $((c1 - c0)) packets counted rx-csum-unnecessary"
	fi
	set_feat rx on
done
exit 0
