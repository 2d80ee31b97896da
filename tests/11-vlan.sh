#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 240
#
# 802.1Q: a VLAN 10 subinterface on both ends (198.51.100.1/24, .2/24)
# passes ping and TCP both ways with the VLAN offloads (rx-vlan-offload,
# tx-vlan-offload) on, off and mixed on both ends. The VLAN filter: tagged
# frames for VLAN 20, configured nowhere here, sent by the far end to our
# MAC, do not reach a packet socket on the base interface while
# rx-vlan-filter is on (promiscuous mode off), frames for VLAN 10 do; with
# rx-vlan-filter off both arrive and VLAN 10 traffic still flows.
source "$(dirname "$0")/lib.sh"

VID=10
OTHER_VID=20
COUNT=20

setup_pair
LV=$LOCAL_IF.$VID
RV=$REMOTE_IF.$VID
ip link add link "$LOCAL_IF" name "$LV" type vlan id "$VID" || fail "cannot add $LV"
rns ip link add link "$REMOTE_IF" name "$RV" type vlan id "$VID" || fail "cannot add $RV"
ip addr add 198.51.100.1/24 dev "$LV"
rns ip addr add 198.51.100.2/24 dev "$RV"
ip link set dev "$LV" up
rns ip link set dev "$RV" up
rns iperf3 -s -D >/dev/null 2>&1 || fail "cannot start the iperf3 server"
trap 'pkill -x iperf3' EXIT

# feat IF NS? NAME: its ethtool -k state.
feat() {
	if [ -n "$2" ]; then rns ethtool -k "$1"; else ethtool -k "$1"; fi |
		awk -v f="$3:" '$1 == f { print $2 }'
}
# set_vlan_offloads IF NS? RX TX
set_vlan_offloads() {
	local pre=()
	[ -n "$2" ] && pre=(ip netns exec "$REMOTE_NS")
	"${pre[@]}" ethtool -K "$1" rxvlan "$3" txvlan "$4" ||
		fail "ethtool -K $1 rxvlan $3 txvlan $4 failed"
	if [ "$(feat "$1" "$2" rx-vlan-offload)" != "$3" ] ||
		[ "$(feat "$1" "$2" tx-vlan-offload)" != "$4" ]; then
		fail "$1: rx/tx-vlan-offload are $(feat "$1" "$2" rx-vlan-offload)/$(feat "$1" "$2" tx-vlan-offload), want $3/$4"
	fi
}

traffic() { # LABEL
	local out json bytes
	for args in "198.51.100.2" "rns 198.51.100.1"; do
		# shellcheck disable=SC2086 # "rns ADDR" is two words on purpose
		set -- $args
		out=$("${@:1:$#-1}" ping -c 3 -i 0.2 -W 2 "${*: -1}" 2>&1) ||
			{ printf '%s\n' "$out"; fail "$LABEL: ping ${*: -1} over VLAN $VID failed"; }
	done
	for dir in "" -R; do
		json=$(iperf3 -c 198.51.100.2 -t 2 -J $dir) ||
			{ printf '%s\n' "$json" | tail -n 20; fail "$LABEL: iperf3 $dir over VLAN $VID failed"; }
		bytes=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["end"]["sum_received"]["bytes"])' <<< "$json")
		[ "$bytes" -gt 1000000 ] || fail "$LABEL: iperf3 $dir moved only $bytes bytes over VLAN $VID"
		diag "$LABEL: ping both ways ok, iperf3 ${dir:-(local->remote)} $bytes bytes in 2 s"
	done
}

for combo in "on on on on" "off off off off" "on off off on"; do
	read -r lrx ltx rrx rtx <<< "$combo"
	if [ "$lrx" != "$ltx" ]; then
		# Mixed: only where the driver lets the two differ (the in-tree
		# igb ties TX insertion to RX stripping: one CTRL.VME bit; on
		# the 82574 that bit does both, so igx keeps TX insertion off
		# while stripping is: "on off" is possible, "off on" is not).
		ethtool -K "$LOCAL_IF" rxvlan "$lrx" txvlan "$ltx" > /dev/null 2>&1
		rns ethtool -K "$REMOTE_IF" rxvlan "$rrx" txvlan "$rtx" > /dev/null 2>&1
		if [ "$(feat "$LOCAL_IF" "" rx-vlan-offload)" != "$lrx" ] ||
			[ "$(feat "$LOCAL_IF" "" tx-vlan-offload)" != "$ltx" ] ||
			[ "$(feat "$REMOTE_IF" y rx-vlan-offload)" != "$rrx" ] ||
			[ "$(feat "$REMOTE_IF" y tx-vlan-offload)" != "$rtx" ]; then
			diag "$(drv_module) on $IGX_MODEL cannot set rxvlan/txvlan $lrx/$ltx and $rrx/$rtx: no mixed run"
			continue
		fi
	fi
	set_vlan_offloads "$LOCAL_IF" "" "$lrx" "$ltx"
	set_vlan_offloads "$REMOTE_IF" y "$rrx" "$rtx"
	LABEL="rxvlan/txvlan local $lrx/$ltx remote $rrx/$rtx"
	traffic
done
set_vlan_offloads "$LOCAL_IF" "" on on
set_vlan_offloads "$REMOTE_IF" y on on

# frames VID: how many of COUNT 802.1Q frames for VID, sent from the far end
# to our MAC, a packet socket on the base interface saw. The tag is found
# anywhere in the frame: with rx-vlan-offload the 802.1Q header is not in
# the data a raw packet socket reads.
read -r -d '' PY <<'PYEOF'
import os, socket, subprocess, sys, time
rx_if, tx_if, dst, vid, count = sys.argv[1:6]
tag = os.urandom(8)
ETH_P_ALL = 3
rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
rx.bind((rx_if, ETH_P_ALL))
rx.settimeout(0.1)
sender = r'''
import socket, sys
tx_if, dst, vid, count, tag = sys.argv[1:6]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((tx_if, 0))
src = open("/sys/class/net/%s/address" % tx_if).read().strip()
hdr = bytes.fromhex(dst.replace(":", "") + src.replace(":", "")) + \
    b"\x81\x00" + int(vid).to_bytes(2, "big") + b"\x88\xb5"
for i in range(int(count)):
    s.send(hdr + bytes.fromhex(tag) + i.to_bytes(4, "big") + bytes(40))
'''
subprocess.run(["ip", "netns", "exec", "remote", sys.executable, "-c", sender,
                tx_if, dst, vid, count, tag.hex()], check=True)
got = 0
end = time.monotonic() + 1.0
while time.monotonic() < end:
    try:
        frame, addr = rx.recvfrom(4096)
    except socket.timeout:
        continue
    if addr[2] != socket.PACKET_OUTGOING and tag in frame:
        got += 1
print(got)
PYEOF
own=$(cat "/sys/class/net/$LOCAL_IF/address")
frames() { python3 -c "$PY" "$LOCAL_IF" "$REMOTE_IF" "$own" "$1" "$COUNT"; }
# expect VID all|none WHAT
expect() {
	local got
	got=$(frames "$1") || fail "$3: the frame exchange failed"
	diag "$3: $got/$COUNT frames for VLAN $1 seen on $LOCAL_IF"
	case $2 in
	all) [ "$got" = "$COUNT" ] || fail "$3: $got of $COUNT frames for VLAN $1 seen, want all" ;;
	none) [ "$got" = 0 ] || fail "$3: $got frames for VLAN $1 seen, want none" ;;
	esac
}

grep -q PROMISC <<< "$(ip link show dev "$LOCAL_IF")" && fail "$LOCAL_IF is promiscuous"
ethtool -K "$LOCAL_IF" rx-vlan-filter on || fail "ethtool -K $LOCAL_IF rx-vlan-filter on failed"
[ "$(feat "$LOCAL_IF" "" rx-vlan-filter)" = on ] || fail "rx-vlan-filter is not on"
expect "$VID" all "rx-vlan-filter on, configured VLAN"
expect "$OTHER_VID" none "rx-vlan-filter on, VLAN not configured here"

ethtool -K "$LOCAL_IF" rx-vlan-filter off || fail "ethtool -K $LOCAL_IF rx-vlan-filter off failed"
[ "$(feat "$LOCAL_IF" "" rx-vlan-filter)" = off ] || fail "rx-vlan-filter is not off"
expect "$OTHER_VID" all "rx-vlan-filter off, VLAN not configured here"
LABEL="rx-vlan-filter off"
traffic

ethtool -K "$LOCAL_IF" rx-vlan-filter on || fail "ethtool -K $LOCAL_IF rx-vlan-filter on failed"
expect "$OTHER_VID" none "rx-vlan-filter on again, VLAN not configured here"
# The filter follows the VLAN devices: VLAN 10 gone, its frames go too.
ip link del "$LV"
expect "$VID" none "rx-vlan-filter on, VLAN $VID deleted"
exit 0
