#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 1200
#
# Reconfiguration storm under load: while iperf3 runs TCP both ways,
# change rings, channels, coalescing, RSS table and key, features, the
# MTU and promiscuity, 200 times in random order with MSI-X (50 in any
# other mode, fewer on the debug kernel: scaled). The seed is printed;
# IGX_SEED=N repeats a run (IGX_SEED=N IGX_STEPS=M tests/run 18: scripts/vm
# passes both into the guest).
# Every iperf3 session (back to back, 20 s each) must finish successfully,
# no counter of ip -s link may go backwards at any step (nor those of the
# netdev netlink device totals, read every 10 steps: ynl is slow here),
# stats64 and the qstats totals must agree at the end, and dmesg must be
# clean.
source "$(dirname "$0")/lib.sh"

if [ "$IGX_MODE" = msix ]; then STEPS=200; else STEPS=50; fi
STEPS=${IGX_STEPS:-$(scaled "$STEPS")}
seed=${IGX_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
RANDOM=$seed
diag "seed $seed"

setup_pair
IF=$LOCAL_IF
rns ip link set "$REMOTE_IF" mtu 9000	# the far end takes any of our MTUs

# counters [fast]: "name=value" lines: stats64 from sysfs and (unless
# "fast") the qstats totals
counters() {
	local f
	for f in rx_packets rx_bytes tx_packets tx_bytes rx_dropped tx_dropped \
		 rx_errors; do
		echo "stats64.$f=$(cat "/sys/class/net/$IF/statistics/$f")"
	done
	[ "${1:-}" = fast ] || nl qtotal "$IF" | tr ' ' '\n' | sed 's/^/qstats./'
}
max=$(ethtool -l "$IF" | awk '/^Pre-set/ { c = 1 } c && $1 == "Combined:" { print $2; exit }')
# pick WORD...: one of them in PICK. Not through $(...): a subshell
# reseeds RANDOM, and the seed would no longer repeat a run.
pick() { local a=("$@"); PICK=${a[RANDOM % ${#a[@]}]}; }
step() { # one random reconfiguration; prints what it did
	local k v a b
	case $((RANDOM % 8)) in
	0) pick 64 128 256 512 1024 4096; a=$PICK
	   pick 64 128 256 512 1024; b=$PICK
	   v="rx $a tx $b"
	   echo "-G $v"; ethtool -G "$IF" $v ;;
	1) v=$((1 + RANDOM % max))
	   # a user table would pin the queue count: reset it first
	   ethtool -X "$IF" default
	   echo "-L combined $v"; ethtool -L "$IF" combined "$v" ;;
	2) if [ $((RANDOM % 2)) = 0 ]; then
		v="adaptive-rx on adaptive-tx on"
	   else
		pick 0 10 50 200 1000; a=$PICK
		pick 0 50 500; b=$PICK
		v="adaptive-rx off adaptive-tx off rx-usecs $a tx-usecs $b"
	   fi
	   echo "-C $v"; ethtool -C "$IF" $v ;;
	3) v=$(ethtool -l "$IF" | awk '/^Current/ { c = 1 } c && $1 == "Combined:" { print $2; exit }')
	   v=$((1 + RANDOM % v))
	   echo "-X equal $v"; ethtool -X "$IF" equal "$v" ;;
	4) k=
	   for a in $(seq 40); do printf -v b '%02x:' $((RANDOM % 256)); k+=$b; done
	   echo "-X hkey"; ethtool -X "$IF" hkey "${k%:}" ;;
	5) pick rx tx tso gro rxhash rxvlan txvlan rx-vlan-filter sg; k=$PICK
	   pick on off; v=$PICK
	   # TSO needs scatter-gather and TX checksumming: turning it on
	   # turns them on too, or the core refuses the request as a whole
	   [ "$k $v" = "tso on" ] && k="sg on tx on tso"
	   echo "-K $k $v"
	   # shellcheck disable=SC2086 # k may hold several features
	   ethtool -K "$IF" $k "$v" > /dev/null ;;
	6) pick 1500 9000 4000 1280; v=$PICK
	   echo "mtu $v"; ip link set "$IF" mtu "$v" ;;
	7) pick on off; v=$PICK
	   echo "promisc $v"; ip link set "$IF" promisc "$v" ;;
	esac
}

# TCP both ways at once in back-to-back 20-second sessions until the
# steps are done; every session must complete.
traffic_start up 5201 20
traffic_start down 5202 20 -R
sleep 2
full=$(counters)
before=$full
t0=$SECONDS
for i in $(seq 1 $STEPS); do
	step > /tmp/step.out 2>&1 || fail "step $i: $(tr '\n' ' ' < /tmp/step.out) failed"
	what=$(cat /tmp/step.out)
	after=$(counters fast)
	monotonic "$before" "$after" "step $i (${what//$'\n'/ })" || fail "a counter went backwards"
	before=$after
	if [ $((i % 10)) = 0 ]; then
		after=$(counters)
		monotonic "$full" "$after" "steps $((i - 9))..$i (last: ${what//$'\n'/ })" ||
			fail "a counter went backwards"
		full=$after
	fi
	traffic_check up
	traffic_check down
	diag "step $i: ${what//$'\n'/ }"
done
diag "$STEPS steps in $((SECONDS - t0)) s"

# Back to a plain configuration, then let iperf3 finish.
ethtool -X "$IF" default
ethtool -K "$IF" rx on tx on tso on gro on sg on > /dev/null
ip link set "$IF" mtu 1500
ip link set "$IF" promisc off
traffic_stop up
traffic_stop down
ping -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null || fail "no traffic at the end"

# stats64 = base + every queue. Stray frames (ND, MLD) may land between
# the two reads: retry a few times.
agree() {
	local f a b
	c=$(counters)
	for f in rx_packets rx_bytes tx_packets tx_bytes; do
		a=$(sed -n "s/^stats64.$f=//p" <<< "$c")
		b=$(sed -n "s/^qstats.${f//_/-}=//p" <<< "$c")
		[ "$a" = "$b" ] || { mismatch="stats64 $f $a != qstats total $b"; return 1; }
	done
}
wait_for agree 10 || fail "$mismatch"
diag "stats64 = qstats totals: $(grep -E 'stats64.(rx|tx)_(packets|bytes)' <<< "$c" | tr '\n' ' ')"
exit 0
