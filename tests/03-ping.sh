#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 120
# modes: all
#
# IPv4 and IPv6 ping in both directions; ARP and ND resolved the peers.
source "$(dirname "$0")/lib.sh"

setup_pair

p() {
	local out
	out=$("$@" 2>&1) || { printf '%s\n' "$out"; fail "failed: $*"; }
	diag "$* : $(grep -E 'packets transmitted|rtt' <<< "$out" | tr '\n' ' ')"
}
p ping -c 3 -i 0.2 -W 2 192.0.2.2
p ping -6 -c 3 -i 0.2 -W 2 2001:db8::2
p rns ping -c 3 -i 0.2 -W 2 192.0.2.1
p rns ping -6 -c 3 -i 0.2 -W 2 2001:db8::1

# neigh_ok [NS-PREFIX...] ADDR DEV: a resolved entry (REACHABLE right after
# the pings, STALE/DELAY/PROBE once it ages) with a link-layer address.
neigh_ok() {
	local n
	n=$("${@:1:$#-2}" ip neigh show "${@: -2:1}" dev "${@: -1}")
	diag "neigh ${*: -2:1} on ${*: -1}: $n"
	grep -qE 'lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} .*(REACHABLE|STALE|DELAY|PROBE)' <<< "$n"
}
neigh_ok 192.0.2.2 "$LOCAL_IF" || fail "no ARP entry for 192.0.2.2"
neigh_ok 2001:db8::2 "$LOCAL_IF" || fail "no ND entry for 2001:db8::2"
neigh_ok rns 192.0.2.1 "$REMOTE_IF" || fail "no ARP entry for 192.0.2.1 in $REMOTE_NS"
neigh_ok rns 2001:db8::1 "$REMOTE_IF" || fail "no ND entry for 2001:db8::1 in $REMOTE_NS"

# The entries hold the peers' real MACs.
want=$(rns cat "/sys/class/net/$REMOTE_IF/address")
ip neigh show 192.0.2.2 dev "$LOCAL_IF" | grep -q "lladdr $want " ||
	fail "ARP entry for 192.0.2.2 does not have $want"
exit 0
