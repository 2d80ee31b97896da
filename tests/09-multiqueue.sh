#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --smp 4 --timeout 300
# modes: iommu
#
# Multiqueue and RSS with 4 CPUs: one queue pair per CPU (at most what the
# MAC has: 2 on the 82574L), each queue linked
# to its NAPI and each NAPI to its own MSI-X vector (netdev netlink
# queue-get/napi-get against /proc/interrupts); 8 TCP flows spread over the
# RX queues (per-queue qstats), on both ports, and are processed on more
# than one CPU; after a burst of TCP SYNs from many source ports every RX
# queue has received and every queue vector has fired.
source "$(dirname "$0")/lib.sh"

DURATION=10
FLOWS=8
MIN_PKTS=1000	# a queue "carried flows": at least this many packets
SYNS=128	# P(one of 4 queues gets none of 128 hashed SYNs) ~ 1e-16

ncpu=$(nproc)
setup_pair

nq=$(find "/sys/class/net/$LOCAL_IF/queues" -maxdepth 1 -name 'rx-*' | wc -l)
ntq=$(find "/sys/class/net/$LOCAL_IF/queues" -maxdepth 1 -name 'tx-*' | wc -l)
diag "$ncpu CPUs, $LOCAL_IF has $nq RX and $ntq TX queues"
[ "$ncpu" -ge 4 ] || fail "the guest has $ncpu CPUs, the test needs 4 (# vm: --smp 4)"
# one pair per CPU, as far as the MAC has them (the 82574L has 2)
maxq=$(ethtool -l "$LOCAL_IF" | awk '$1 == "Combined:" { print $2; exit }')
wantq=$((ncpu < maxq ? ncpu : maxq))
[ "$nq" = "$wantq" ] || fail "$LOCAL_IF has $nq RX queues with $ncpu CPUs and $maxq queue pairs in the MAC, want $wantq"
[ "$ntq" = "$nq" ] || fail "$LOCAL_IF has $ntq TX queues and $nq RX queues, want pairs"
rnq=$(rns find "/sys/class/net/$REMOTE_IF/queues" -maxdepth 1 -name 'rx-*' | wc -l)
[ "$rnq" = "$nq" ] || fail "$REMOTE_IF has $rnq RX queues, $LOCAL_IF $nq"

# --- queues, NAPIs and IRQs as netdev netlink shows them ---
queues=$(nl queues "$LOCAL_IF") || fail "netdev netlink queue-get dump failed"
napis=$(nl napis "$LOCAL_IF") || fail "netdev netlink napi-get dump failed"
diag "queue-get: $(tr '\n' ',' <<< "$queues")"
diag "napi-get: $(tr '\n' ',' <<< "$napis")"
[ "$(grep -c '^rx ' <<< "$queues")" = "$nq" ] || fail "queue-get lists $(grep -c '^rx ' <<< "$queues") RX queues, sysfs $nq"
[ "$(grep -c '^tx ' <<< "$queues")" = "$ntq" ] || fail "queue-get lists $(grep -c '^tx ' <<< "$queues") TX queues, sysfs $ntq"
grep -q 'napi-id=none' <<< "$queues" &&
	fail "queues without a NAPI id: $(grep 'napi-id=none' <<< "$queues" | tr '\n' ',')"
grep -q 'irq=none' <<< "$napis" &&
	fail "NAPIs without an IRQ: $(grep 'irq=none' <<< "$napis" | tr '\n' ',')"

# irq_of NAME: the IRQ number /proc/interrupts lists under that action name.
irq_of() { awk -v n="$1" '$NF == n { sub(":", "", $1); print $1 }' /proc/interrupts; }
# irq_count IRQ [CPU]: its count, summed over the CPUs or on one CPU.
irq_count() {
	awk -v i="$1:" -v c="${2:--1}" -v n="$ncpu" '$1 == i {
		s = 0; for (k = 2; k < 2 + n; k++) if (c < 0 || k - 2 == c) s += $k
		print s }' /proc/interrupts
}

declare -A qirq
for t in rx tx; do
	for q in $(seq 0 $((nq - 1))); do
		napi=$(awk -v t=$t -v q="$q" '$1 == t && $2 == q { sub("napi-id=", "", $3); print $3 }' <<< "$queues")
		irq=$(awk -v id="$napi" '$1 == id { sub("irq=", "", $2); print $2 }' <<< "$napis")
		[ -n "$irq" ] || fail "$t queue $q: its NAPI $napi is not in the napi-get dump"
		want=$(irq_of "$LOCAL_IF-TxRx-$q")
		[ -n "$want" ] || fail "no IRQ named $LOCAL_IF-TxRx-$q in /proc/interrupts"
		[ "$irq" = "$want" ] ||
			fail "$t queue $q: NAPI $napi has IRQ $irq, /proc/interrupts has $LOCAL_IF-TxRx-$q on IRQ $want"
		qirq[$q]=$irq
	done
done
diag "queue IRQs: $(for q in "${!qirq[@]}"; do printf '%s->%s ' "$q" "${qirq[$q]}"; done)"

# --- snapshots ---
irq_snap() { # per queue IRQ: the total, then one count per CPU
	local q c
	for q in $(seq 0 $((nq - 1))); do
		printf '%s' "$(irq_count "${qirq[$q]}")"
		for c in $(seq 0 $((ncpu - 1))); do printf ' %s' "$(irq_count "${qirq[$q]}" "$c")"; done
		echo
	done
}
# Packets processed per CPU (first column, hex), one line per CPU.
softnet() { while read -r p _; do echo $((16#$p)); done < /proc/net/softnet_stat; }
rx_pkts() { cat "/sys/class/net/$LOCAL_IF/statistics/rx_packets"; }

start_server() {
	wait_for '! pgrep -x iperf3 >/dev/null' 5
	"$@" iperf3 -s -D -1 >/dev/null 2>&1 || fail "cannot start the iperf3 server"
	sleep 0.3
}
trap 'pkill -x iperf3' EXIT

# iperf WHO-CONNECTS TARGET: 8 parallel flows, print Mbit/s.
iperf() {
	local json
	json=$("${@:1:$#-1}" iperf3 -c "${*: -1}" -P "$FLOWS" -t "$DURATION" -J) ||
		{ printf '%s\n' "$json" | tail -n 20; fail "iperf3 -P $FLOWS to ${*: -1} failed"; }
	python3 -c '
import json, sys
e = json.load(sys.stdin)["end"]
print("%.0f Mbit/s in %d streams" % (e["sum_received"]["bits_per_second"] / 1e6, len(e["streams"])))' <<< "$json"
}

# spread LABEL BEFORE AFTER QUEUES: how many RX queues carried >= MIN_PKTS
# packets; at least half of them must have.
spread() {
	local q d n=0 line=""
	for q in $(seq 0 $(($4 - 1))); do
		d=$(($(qstat "$3" rx "$q" rx-packets) - $(qstat "$2" rx "$q" rx-packets)))
		line+=" rx$q:$d"
		[ "$d" -ge "$MIN_PKTS" ] && n=$((n + 1))
	done
	diag "$1: RX packets per queue:$line"
	[ $((2 * n)) -ge "$4" ] ||
		fail "$1: only $n of $4 RX queues received >= $MIN_PKTS packets (RSS does not spread $FLOWS flows)"
	SPREAD_SUM=0
	for q in $(seq 0 $(($4 - 1))); do
		SPREAD_SUM=$((SPREAD_SUM + $(qstat "$3" rx "$q" rx-packets) - $(qstat "$2" rx "$q" rx-packets)))
	done
}

q0=$(nl qstats "$LOCAL_IF") || fail "netdev netlink qstats-get failed"
diag "qstats at start: $(tr '\n' ',' <<< "$q0")"
has_qstat "$q0" rx rx-packets || fail "$LOCAL_IF reports no per-queue rx-packets in qstats"
has_qstat "$q0" tx tx-packets || fail "$LOCAL_IF reports no per-queue tx-packets in qstats"
[ "$(grep -c '^rx ' <<< "$q0")" = "$nq" ] || fail "qstats has $(grep -c '^rx ' <<< "$q0") RX queues, want $nq"
irq0=$(irq_snap)
sn0=$(softnet)
p0=$(rx_pkts)

# --- remote -> local: local's RSS ---
start_server
diag "remote->local: $(iperf rns 192.0.2.1)"
q1=$(nl qstats "$LOCAL_IF") || fail "qstats-get failed"
sn1=$(softnet)
p1=$(rx_pkts)
spread "remote->local, $LOCAL_IF" "$q0" "$q1" "$nq"
# The per-queue counters add up to the netdev's own RX count.
dev=$((p1 - p0))
diag "qstats RX sum $SPREAD_SUM, rx_packets delta $dev"
if [ "$SPREAD_SUM" -gt $((dev + 100)) ] || [ $((SPREAD_SUM * 100)) -lt $((dev * 98)) ]; then
	fail "per-queue rx-packets sum $SPREAD_SUM disagrees with rx_packets delta $dev"
fi

# Softirq work on more than one CPU.
mapfile -t a < <(echo "$sn0")
mapfile -t b < <(echo "$sn1")
busy=0 line=""
for c in "${!b[@]}"; do
	d=$((b[c] - a[c]))
	line+=" cpu$c:$d"
	[ "$d" -ge "$MIN_PKTS" ] && busy=$((busy + 1))
done
diag "softnet_stat processed per CPU:$line"
[ "$busy" -ge 2 ] || fail "packets were processed on $busy CPU(s) (>= $MIN_PKTS each), want > 1"

# --- local -> remote: the far port's RSS, local's TX queues ---
start_server rns
r0=$(rns "$IGX_TOP/tests/netdev-nl" qstats "$REMOTE_IF") || fail "qstats-get on $REMOTE_IF failed"
t0=$(nl qstats "$LOCAL_IF")
diag "local->remote: $(iperf 192.0.2.2)"
r1=$(rns "$IGX_TOP/tests/netdev-nl" qstats "$REMOTE_IF") || fail "qstats-get on $REMOTE_IF failed"
t1=$(nl qstats "$LOCAL_IF")
spread "local->remote, $REMOTE_IF" "$r0" "$r1" "$nq"
line=""
for q in $(seq 0 $((nq - 1))); do
	line+=" tx$q:$(($(qstat "$t1" tx "$q" tx-packets) - $(qstat "$t0" tx "$q" tx-packets)))"
done
diag "local->remote: $LOCAL_IF TX packets per queue:$line"
tsum=$(($(qsum "$t1" tx tx-packets) - $(qsum "$t0" tx tx-packets)))
[ "$tsum" -ge 10000 ] || fail "local->remote: $LOCAL_IF's TX queues count only $tsum packets"

# --- every RX queue and every vector: TCP SYNs from many source ports ---
# (to a closed port: each is answered by a RST, nothing stays open)
rns python3 -c '
import socket, sys
for i in range(int(sys.argv[1])):
    s = socket.socket()
    s.setblocking(False)
    try:
        s.connect(("192.0.2.1", 9))
    except BlockingIOError:
        pass
    s.close()
' "$SYNS" || fail "sending the SYNs failed"
sleep 1
q2=$(nl qstats "$LOCAL_IF")
line=""
for q in $(seq 0 $((nq - 1))); do
	d=$(($(qstat "$q2" rx "$q" rx-packets) - $(qstat "$q1" rx "$q" rx-packets)))
	line+=" rx$q:$d"
	[ "$d" -gt 0 ] || miss+=" $q"
done
diag "$SYNS SYNs from as many source ports, RX packets per queue:$line"
[ -z "${miss:-}" ] || fail "RX queue(s)$miss received none of $SYNS SYNs with different source ports"

irq1=$(irq_snap)
mapfile -t a < <(echo "$irq0")
mapfile -t b < <(echo "$irq1")
cpus=""
for q in $(seq 0 $((nq - 1))); do
	read -r -a x <<< "${a[q]}"
	read -r -a y <<< "${b[q]}"
	diag "$LOCAL_IF-TxRx-$q (IRQ ${qirq[$q]}): $((y[0] - x[0])) interrupts"
	[ "${y[0]}" -gt "${x[0]}" ] || fail "$LOCAL_IF-TxRx-$q (IRQ ${qirq[$q]}) never fired"
	for c in $(seq 1 "$ncpu"); do
		[ "${y[c]}" -gt "${x[c]}" ] && cpus+=" $((c - 1))"
	done
done
cpus=$(tr ' ' '\n' <<< "$cpus" | sort -un | tr '\n' ' ')
diag "queue interrupts of $LOCAL_IF handled on CPU(s): $cpus"
[ "$(wc -w <<< "$cpus")" -ge 2 ] || fail "all queue interrupts of $LOCAL_IF went to CPU $cpus"
exit 0
