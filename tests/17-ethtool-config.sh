#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 300
# modes: iommu
#
# The ethtool tunables: every get returns sane values, every set changes
# what get returns and traffic flows afterwards, and bad values are refused
# and change nothing. Rings (-g/-G, also while down), channels (-l/-L,
# with the RSS table following the count unless the user set it), coalescing
# (-c/-C), RSS table and key (-x/-X), hash fields (-n/-N rx-flow-hash),
# features (-k/-K) and the MTU.  On the 82574 (2 queue pairs, no UDP hash
# types) the channel steps stop at 2 queues and UDP is hashed on addresses
# only, -N udp4 sdfn being refused.
source "$(dirname "$0")/lib.sh"

setup_pair
IF=$LOCAL_IF

traffic() { # traffic WHAT: a few pings must get through after WHAT
	wait_for '[ "$(carrier "$IF")" = 1 ]' 15 || fail "no carrier after $1"
	ping -c 3 -i 0.2 -W 2 192.0.2.2 > /dev/null ||
		ping -c 3 -i 0.5 -W 3 192.0.2.2 > /dev/null ||
		fail "no traffic after $1"
}
# refused WHAT CMD...: CMD must fail; its message is shown. ethtool 6.1
# exits 0 when the driver refuses -N rx-flow-hash, printing "Cannot
# change ...": that message counts as the refusal.
refused() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1) && ! grep -q '^Cannot change' <<< "$out"; then
		fail "$what was accepted: $*"
	fi
	diag "refused as it should: $what: $(tr '\n' ' ' <<< "$out" | cut -c1-150)"
}
# section VALUE: a value of the "Current hardware settings" part of -g/-l
cur() { # cur -g|-l FIELD
	ethtool "$1" "$IF" | awk -v f="$2:" '/^Current/ { c = 1 } c && $1 == f { print $2; exit }'
}
pre() { # pre -g|-l FIELD: a "Pre-set maximums" value
	ethtool "$1" "$IF" | awk -v f="$2:" '/^Pre-set/ { c = 1 } /^Current/ { c = 0 } c && $1 == f { print $2; exit }'
}
want() { # want WHAT GOT EXPECTED
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
nqueues() { find "/sys/class/net/$IF/queues" -maxdepth 1 -name 'rx-*' | wc -l; }
reta() { ethtool -x "$IF" | awk '/^ *[0-9]+:/ { for (i = 2; i <= NF; i++) print $i }' | sort -un | tr '\n' ' '; }
queues_upto() { seq 0 $(($1 - 1)) | tr '\n' ' '; } # "0 1 ... N-1 "
hkey() { ethtool -x "$IF" | awk '/^RSS hash key:/ { getline; print; exit }'; }

# --- rings ---
want "default RX ring" "$(cur -g RX)" 256
want "default TX ring" "$(cur -g TX)" 256
want "RX ring maximum" "$(pre -g RX)" 4096
want "TX ring maximum" "$(pre -g TX)" 4096
ethtool -G "$IF" rx 512 tx 1024 || fail "-G rx 512 tx 1024 failed"
want "RX ring after -G" "$(cur -g RX)" 512
want "TX ring after -G" "$(cur -g TX)" 1024
traffic "-G rx 512 tx 1024"
ethtool -G "$IF" rx 100 || fail "-G rx 100 failed"
want "RX ring rounded to a multiple of 8" "$(cur -g RX)" 104
traffic "-G rx 100"
ethtool -G "$IF" rx 4096 tx 64 || fail "-G rx 4096 tx 64 failed"
want "RX ring 4096" "$(cur -g RX)" 4096
want "TX ring 64" "$(cur -g TX)" 64
traffic "-G rx 4096 tx 64"
refused "-G rx 5000" ethtool -G "$IF" rx 5000
refused "-G rx 0" ethtool -G "$IF" rx 0
refused "-G tx 63" ethtool -G "$IF" tx 63
refused "-G rx-mini 1" ethtool -G "$IF" rx-mini 1
want "RX ring kept after refusals" "$(cur -g RX)" 4096
want "TX ring kept after refusals" "$(cur -g TX)" 64
ip link set "$IF" down
ethtool -G "$IF" rx 128 tx 128 || fail "-G while down failed"
want "RX ring set while down" "$(cur -g RX)" 128
ip link set "$IF" up
traffic "-G while down, then up"
want "RX ring after up" "$(cur -g RX)" 128
ethtool -G "$IF" rx 256 tx 256 || fail "-G back to 256 failed"
traffic "-G back to 256"
diag "rings: set, rounded, refused, while down: ok"

# --- channels ---
max=$(pre -l Combined)
cnt=$(cur -l Combined)
diag "channels: combined $cnt of $max, other $(cur -l Other)"
[ "$max" -ge 2 ] || fail "max combined channels $max, want >= 2 with MSI-X"
want "combined = online CPUs" "$cnt" "$(nproc)"
want "other vector" "$(cur -l Other)" 1
ethtool -L "$IF" combined 1 || fail "-L combined 1 failed"
want "channels after -L 1" "$(cur -l Combined)" 1
want "RX queues in sysfs after -L 1" "$(nqueues)" 1
want "RSS table follows -L 1" "$(reta)" "0 "
traffic "-L combined 1"
# 4 queue pairs, or all the MAC has when that is fewer (82574: 2)
big=$((max < 4 ? max : 4))
ethtool -L "$IF" combined $big || fail "-L combined $big failed"
want "channels after -L $big" "$(cur -l Combined)" $big
want "RX queues in sysfs after -L $big" "$(nqueues)" $big
want "RSS table follows -L $big" "$(reta)" "$(queues_upto $big)"
for q in $(seq 0 $((big - 1))); do
	grep -q " $IF-TxRx-$q\$" /proc/interrupts || fail "no IRQ $IF-TxRx-$q after -L $big"
done
grep -q " $IF-TxRx-$big\$" /proc/interrupts && fail "IRQ $IF-TxRx-$big after -L $big"
traffic "-L combined $big"
refused "-L combined 0" ethtool -L "$IF" combined 0
refused "-L combined 99" ethtool -L "$IF" combined 99
refused "-L combined $((max + 1))" ethtool -L "$IF" combined $((max + 1))
refused "-L other 0" ethtool -L "$IF" other 0
refused "-L rx 1" ethtool -L "$IF" rx 1
want "channels kept after refusals" "$(cur -l Combined)" $big
ethtool -L "$IF" combined "$max" || fail "-L combined $max failed"
want "channels at the maximum" "$(cur -l Combined)" "$max"
traffic "-L combined $max"
ethtool -L "$IF" combined 2 || fail "-L combined 2 failed"

# --- RSS table and key ---
ethtool -X "$IF" equal 1 || fail "-X equal 1 failed"
want "table after -X equal 1" "$(reta)" "0 "
ethtool -X "$IF" weight 0 1 || fail "-X weight 0 1 failed"
want "table after -X weight 0 1" "$(reta)" "1 "
traffic "-X weight 0 1"
refused "-L combined 1 with a user table on queue 1" ethtool -L "$IF" combined 1
want "channels kept with a user table" "$(cur -l Combined)" 2
mid=$((max < 3 ? max : 3))
ethtool -L "$IF" combined $mid || fail "-L combined $mid with a user table failed"
want "user table kept across -L $mid" "$(reta)" "1 "
refused "-X weight for a queue that does not exist" ethtool -X "$IF" weight 1 1 1 1 1
refused "-X equal $((mid + 2)) with $mid queues" ethtool -X "$IF" equal $((mid + 2))
want "table kept after refusals" "$(reta)" "1 "
ethtool -X "$IF" default || fail "-X default failed"
want "table after -X default" "$(reta)" "$(queues_upto $mid)"
ethtool -L "$IF" combined 2 || fail "-L combined 2 after -X default failed"
want "table follows -L again" "$(reta)" "0 1 "
key=$(python3 -c 'import os; print(":".join("%02x" % b for b in os.urandom(40)))')
ethtool -X "$IF" hkey "$key" || fail "-X hkey failed"
want "key after -X hkey" "$(hkey)" "$key"
traffic "-X hkey"
refused "a 39-byte key" ethtool -X "$IF" hkey "${key%:*}"
refused "a 41-byte key" ethtool -X "$IF" hkey "$key:00"
refused "-X hfunc xor" ethtool -X "$IF" hfunc xor
want "key kept after refusals" "$(hkey)" "$key"
ethtool -x "$IF" | grep -q '^ *toeplitz: on' || fail "-x does not show toeplitz on"
# A new key rehashes flows without a link flap or a lost frame: under TCP
# load, carrier changes and error counters stay as they were.
rns iperf3 -s -D -1 --pidfile /run/iperf3-s.pid > /dev/null 2>&1 || fail "no iperf3 server"
iperf3 -c 192.0.2.2 -t 6 -P 4 > /tmp/iperf-key.log 2>&1 &
sleep 2
cc0=$(cat "/sys/class/net/$IF/carrier_changes")
e0=$(cat "/sys/class/net/$IF/statistics/rx_errors") d0=$(cat "/sys/class/net/$IF/statistics/rx_dropped")
for _ in 1 2 3; do
	ethtool -X "$IF" hkey "$(python3 -c 'import os; print(":".join("%02x" % b for b in os.urandom(40)))')" ||
		fail "-X hkey under load failed"
done
want "carrier changes across 3 key updates under load" "$(cat "/sys/class/net/$IF/carrier_changes")" "$cc0"
want "rx_errors across key updates" "$(cat "/sys/class/net/$IF/statistics/rx_errors")" "$e0"
want "rx_dropped across key updates" "$(cat "/sys/class/net/$IF/statistics/rx_dropped")" "$d0"
wait $! || fail "iperf3 failed across key updates: $(tail -n 3 /tmp/iperf-key.log)"

# --- hash fields ---
fh() { ethtool -n "$IF" rx-flow-hash "$1" | grep -cE 'IP SA|IP DA|L4 bytes'; }
want "tcp4 hashed on 4 fields" "$(fh tcp4)" 4
want "tcp6 hashed on 4 fields" "$(fh tcp6)" 4
if [ "$IGX_MODEL" = e1000e ]; then
	# the 82574 has no UDP hash types: addresses only, ports refused
	want "udp4 hashed on addresses" "$(fh udp4)" 2
	want "udp6 hashed on addresses" "$(fh udp6)" 2
	refused "udp4 on ports (no UDP hash on the 82574)" ethtool -N "$IF" rx-flow-hash udp4 sdfn
	refused "tcp4 on addresses only" ethtool -N "$IF" rx-flow-hash tcp4 sd
	want "udp4 kept after refusals" "$(fh udp4)" 2
else
	want "udp4 hashed on 4 fields by default" "$(fh udp4)" 4
	ethtool -N "$IF" rx-flow-hash udp4 sd || fail "-N rx-flow-hash udp4 sd failed"
	want "udp4 on addresses after sd" "$(fh udp4)" 2
	want "udp6 unchanged by udp4 sd" "$(fh udp6)" 4
	traffic "-N udp4 sd"
	refused "tcp4 on addresses only" ethtool -N "$IF" rx-flow-hash tcp4 sd
	refused "udp4 on the source address only" ethtool -N "$IF" rx-flow-hash udp4 s
	refused "udp4 on the VLAN tag" ethtool -N "$IF" rx-flow-hash udp4 sdvfn
	want "udp4 kept after refusals" "$(fh udp4)" 2
	ethtool -N "$IF" rx-flow-hash udp4 sdfn || fail "-N udp4 sdfn failed"
	want "udp4 back on 4 fields" "$(fh udp4)" 4
fi

# --- link settings ---
lset() { ethtool "$IF" | grep -E "^\s*$1:" | head -n 1 | sed 's/.*: *//'; }
ethtool -s "$IF" advertise 0x008 || fail "-s advertise 100baseT/Full failed"
want "advertised after -s advertise 0x008" "$(ethtool "$IF" | sed -n 's/^\s*Advertised link modes: *//p')" "100baseT/Full"
traffic "-s advertise 100baseT/Full"
want "speed negotiated with 100baseT/Full advertised" "$(lset Speed)" "100Mb/s"
refused "-s speed 1000 autoneg off" ethtool -s "$IF" speed 1000 duplex full autoneg off
refused "-s advertise 1000baseT/Half" ethtool -s "$IF" advertise 0x010
refused "-s port fibre" ethtool -s "$IF" port fibre
refused "-s autoneg off with pause autoneg on" ethtool -s "$IF" speed 100 duplex full autoneg off
ethtool -A "$IF" autoneg off || fail "-A autoneg off failed"
ethtool -s "$IF" speed 100 duplex full autoneg off || fail "-s speed 100 duplex full autoneg off failed"
want "autoneg after forcing" "$(lset Auto-negotiation)" off
want "speed after forcing" "$(lset Speed)" "100Mb/s"
# (QEMU raises the link only after an autonegotiation: a forced port keeps
# the link it has, but would not get it back after a reset.)
traffic "-s speed 100 duplex full autoneg off"
ethtool -s "$IF" autoneg on advertise 0x02f || fail "-s autoneg on failed"
ethtool -A "$IF" autoneg on || fail "-A autoneg on failed"
traffic "-s autoneg on advertise all"
want "speed after autoneg again" "$(lset Speed)" "1000Mb/s"
ethtool -r "$IF" || fail "-r failed"
traffic "-r"

# --- coalescing ---
ethtool -C "$IF" adaptive-rx off adaptive-tx off rx-usecs 100 tx-usecs 200 ||
	fail "-C rx-usecs 100 tx-usecs 200 failed"
c=$(ethtool -c "$IF")
grep -q '^rx-usecs: *100$' <<< "$c" || fail "rx-usecs not 100: $c"
grep -q '^tx-usecs: *200$' <<< "$c" || fail "tx-usecs not 200: $c"
grep -q '^Adaptive RX: *off' <<< "$c" || fail "adaptive-rx not off: $c"
traffic "-C rx-usecs 100"
refused "-C rx-usecs 10000 (above the hardware's 8191)" ethtool -C "$IF" rx-usecs 10000
refused "-C rx-frames 8 (not supported)" ethtool -C "$IF" rx-frames 8
grep -q '^rx-usecs: *100$' <<< "$(ethtool -c "$IF")" || fail "rx-usecs changed by a refused set"
ethtool -C "$IF" adaptive-rx on adaptive-tx on || fail "-C adaptive on failed"
grep -q '^Adaptive RX: *on *TX: *on' <<< "$(ethtool -c "$IF")" || fail "adaptive not on"

# --- features and MTU ---
# short name for -K : the name -k shows
for f in rx:rx-checksumming tx:tx-checksumming tso:tcp-segmentation-offload \
	 gro:generic-receive-offload rxhash:receive-hashing \
	 rxvlan:rx-vlan-offload txvlan:tx-vlan-offload \
	 rx-vlan-filter:rx-vlan-filter; do
	for v in off on; do
		ethtool -K "$IF" "${f%%:*}" "$v" > /dev/null || fail "-K ${f%%:*} $v failed"
		ethtool -k "$IF" | grep -qE "^${f#*:}: $v" ||
			fail "-k does not show ${f#*:} $v"
		traffic "-K ${f%%:*} $v"
	done
done
refused "-K ntuple on" ethtool -K "$IF" ntuple on
ip link set "$IF" mtu 9000 && rns ip link set "$REMOTE_IF" mtu 9000 || fail "MTU 9000 refused"
ping -M do -s 8972 -c 2 -W 2 192.0.2.2 > /dev/null || fail "no 9000-byte frames after the MTU change"
maxmtu=$(ip -d link show "$IF" | sed -n 's/.* maxmtu \([0-9]*\).*/\1/p')
# the largest frame: 9242 bytes on the 82576, 9018 on the 82574
want "maximum MTU" "$maxmtu" "$([ "$IGX_MODEL" = e1000e ] && echo 9000 || echo 9216)"
refused "MTU $((maxmtu + 1))" ip link set "$IF" mtu $((maxmtu + 1))
refused "MTU 67" ip link set "$IF" mtu 67
ip link set "$IF" mtu 1500
diag "channels, RSS, hash fields, coalescing, features and MTU: ok"
exit 0
