#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 300
#
# Counters mean what Documentation/igx.rst says:
# - the names ethtool -S, ethtool -S --all-groups, ethtool -I -a and the
#   netdev netlink qstats print are exactly the names the .rst tables list;
# - after a known transfer (N ICMP echoes of a fixed size), the MAC's
#   eth-mac and rmon counters and stats64 on both ends agree with it, and
#   the stats64 totals equal the qstats device totals;
# - no counter of any interface goes backwards across down/up, -L, -G,
#   a switch to MSI and back.
source "$(dirname "$0")/lib.sh"

N=300
SIZE=1000			# ICMP payload
FRAME=$((SIZE + 8 + 20 + 14))	# + ICMP, IPv4, Ethernet headers: 1042
SLACK=30			# stray frames (ND, MLD, ARP) on top of N
DOC=$IGX_TOP/Documentation/igx.rst

setup_pair
IF=$LOCAL_IF

# --- names ---
# doc_names TABLE: the first column of the table after ".. igx-stats: TABLE"
doc_names() {
	awk -v t="$1" '$0 == ".. igx-stats: " t { on = 1; next }
		on && /^=+( |$)/ { n++; if (n == 3) exit; next }
		on && n == 2 && /^[^ ]/ { print $1 }' "$DOC" | sort
}
# same_names WHAT DOC_TABLE PRINTED_NAMES
same_names() {
	local doc
	doc=$(doc_names "$2")
	[ -n "$doc" ] || fail "$DOC has no table marked '.. igx-stats: $2'"
	if [ "$doc" != "$(sort <<< "$3")" ]; then
		diff <(echo "$doc") <(sort <<< "$3") | sed 's/^/# /'
		fail "$1: the names printed differ from the .rst table '$2' (< doc, > printed)"
	fi
	diag "$1: $(wc -l <<< "$doc") names, as documented"
}
same_names "ethtool -S" ethtool-S \
	"$(ethtool -S "$IF" | awk -F: 'NR > 1 { sub(/^ +/, "", $1); print $1 }')"
groups=$(ethtool -S "$IF" --all-groups | awk -F: 'NR > 1 { print $1 }')
for g in eth-mac eth-ctrl rmon; do
	same_names "ethtool -S --all-groups, $g" "$g" \
		"$(grep -E "^(rx-|tx-)?$g-" <<< "$groups")"
done
[ "$(grep -cvE '^(rx-|tx-)?(eth-mac|eth-ctrl|rmon)-' <<< "$groups")" = 0 ] ||
	fail "--all-groups printed a group the .rst does not cover: $(grep -vE '^(rx-|tx-)?(eth-mac|eth-ctrl|rmon)-' <<< "$groups" | tr '\n' ' ')"
pause=$(ethtool -I -a "$IF") || fail "ethtool -I -a failed"
same_names "ethtool -I -a" pause \
	"$(awk -F: '/^Statistics:/ { on = 1; next } on && NF == 2 { sub(/^[ \t]+/, "", $1); print $1 }' <<< "$pause")"
q=$(nl qstats "$IF") || fail "qstats dump failed"
same_names "qstats" qstats \
	"$(tr ' ' '\n' <<< "$q" | sed -n 's/=.*//p' | sort -u)"

# --- a known transfer ---
std() { # std IF [NS]: "name=value" of the standard groups
	${2:+ip netns exec "$2"} ethtool -S "$1" --all-groups |
		awk -F': ' 'NR > 1 { print $1 "=" $2 }'
}
val() { sed -n "s/^$2=//p" <<< "$1"; }
delta() { echo $(($(val "$2" "$3") - $(val "$1" "$3"))); }
# in_range WHAT VALUE LOW HIGH
in_range() {
	[ "$2" -ge "$3" ] && [ "$2" -le "$4" ] ||
		fail "$1: $2, want $3..$4"
	diag "$1: $2 (want $3..$4)"
}
snap() {
	std "$IF"
	std "$REMOTE_IF" "$REMOTE_NS" | sed 's/^/far./'
	for f in tx_packets tx_bytes rx_packets rx_bytes; do
		echo "s64.$f=$(cat "/sys/class/net/$IF/statistics/$f")"
	done
}
# The MAC counters are read on demand; give stray frames a moment.
sleep 1
a=$(snap)
ping -q -c $N -i 0.005 -s $SIZE -W 2 192.0.2.2 > /tmp/ping.out ||
	fail "ping: $(tail -n 2 /tmp/ping.out)"
grep -q " $N received" /tmp/ping.out || fail "lost echoes: $(grep received /tmp/ping.out)"
sleep 1
b=$(snap)
in_range "eth-mac FramesTransmittedOK" "$(delta "$a" "$b" eth-mac-FramesTransmittedOK)" $N $((N + SLACK))
in_range "eth-mac FramesReceivedOK" "$(delta "$a" "$b" eth-mac-FramesReceivedOK)" $N $((N + SLACK))
in_range "far end eth-mac FramesReceivedOK" "$(delta "$a" "$b" far.eth-mac-FramesReceivedOK)" $N $((N + SLACK))
in_range "far end eth-mac FramesTransmittedOK" "$(delta "$a" "$b" far.eth-mac-FramesTransmittedOK)" $N $((N + SLACK))
# octets with the FCS; strays are small (< 200 bytes)
in_range "eth-mac OctetsTransmittedOK" "$(delta "$a" "$b" eth-mac-OctetsTransmittedOK)" \
	$((N * FRAME)) $((N * (FRAME + 4) + SLACK * 200))
in_range "eth-mac OctetsReceivedOK" "$(delta "$a" "$b" eth-mac-OctetsReceivedOK)" \
	$((N * FRAME)) $((N * (FRAME + 4) + SLACK * 200))
in_range "tx rmon 1024-9242 bucket" "$(delta "$a" "$b" tx-rmon-etherStatsPkts1024to9242Octets)" $N $N
in_range "rx rmon 1024-9242 bucket" "$(delta "$a" "$b" rx-rmon-etherStatsPkts1024to9242Octets)" $N $N
in_range "stats64 tx_packets" "$(delta "$a" "$b" s64.tx_packets)" $N $((N + SLACK))
in_range "stats64 rx_packets" "$(delta "$a" "$b" s64.rx_packets)" $N $((N + SLACK))
# the rings count without the FCS
in_range "stats64 tx_bytes" "$(delta "$a" "$b" s64.tx_bytes)" $((N * FRAME)) $((N * FRAME + SLACK * 200))
in_range "stats64 rx_bytes" "$(delta "$a" "$b" s64.rx_bytes)" $((N * FRAME)) $((N * FRAME + SLACK * 200))

agree() {
	local c f x y
	c=$(all_counters "$IF")
	for f in rx_packets rx_bytes tx_packets tx_bytes; do
		x=$(val "$c" "stats64.$f")
		y=$(val "$c" "qstats.${f//_/-}")
		[ "$x" = "$y" ] || { mismatch="stats64 $f $x != qstats total $y"; return 1; }
	done
}
wait_for agree 10 || fail "$mismatch"
diag "stats64 totals = qstats device totals"

# --- nothing goes backwards ---
check_step() { # check_step WHAT CMD...
	local before after what=$1
	shift
	before=$(all_counters "$IF")
	"$@" > /dev/null || fail "$what failed"
	wait_for '[ "$(carrier "$IF")" = 1 ]' 15 || fail "no carrier after $what"
	ping -q -c 20 -i 0.01 -W 2 192.0.2.2 > /dev/null || fail "no traffic after $what"
	after=$(all_counters "$IF")
	monotonic "$before" "$after" "$what" || fail "a counter went backwards"
	diag "$what: $(wc -l <<< "$after") counters, none went backwards"
}
check_step "down/up" sh -c "ip link set $IF down && ip link set $IF up"
check_step "-L combined 1" ethtool -L "$IF" combined 1
check_step "-L combined 2" ethtool -L "$IF" combined 2
check_step "-G rx 512 tx 128" ethtool -G "$IF" rx 512 tx 128
check_step "disable-msix on" ethtool --set-priv-flags "$IF" disable-msix on
check_step "disable-msix off" ethtool --set-priv-flags "$IF" disable-msix off
exit 0
