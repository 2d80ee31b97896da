#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 150
#
# Link changes made in QEMU reach the driver's carrier state within 2 s.
# The NICs hang off one QEMU hub (scripts/vm); `set_link nK` changes only the
# NIC attached to hub port nK, QEMU does not tell the other ports. So a cable
# pull is both hub ports going down; then each port alone, where the far end
# must keep its carrier.
source "$(dirname "$0")/lib.sh"

LIMIT=2
setup_pair

# nK's NIC has MAC 52:54:00:12:34:5K (scripts/vm); map the ports by MAC.
for n in 0 1; do
	mac=52:54:00:12:34:$(printf '%02x' $((0x50 + n)))
	if [ "$(cat "/sys/class/net/$LOCAL_IF/address")" = "$mac" ]; then
		eval "IF_n$n=local"
	elif [ "$(rns cat "/sys/class/net/$REMOTE_IF/address")" = "$mac" ]; then
		eval "IF_n$n=remote"
	else
		fail "no port with MAC $mac"
	fi
done

both_carrier() {
	[ "$(carrier "$LOCAL_IF")" = "$1" ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = "$2" ]
}

# expect LOCAL REMOTE WHAT: wait for that carrier pair, diag the time.
expect() {
	if ! wait_for "both_carrier $1 $2" "$LIMIT"; then
		fail "$3: carrier local/remote is $(carrier "$LOCAL_IF")/$(carrier "$REMOTE_IF" "$REMOTE_NS"), want $1/$2 within ${LIMIT}s"
	fi
	diag "$3: carrier $1/$2 after $WAITED_MS ms"
}

hub() {
	mon "set_link n0 $1" || fail "set_link n0 $1 failed"
	mon "set_link n1 $1" || fail "set_link n1 $1 failed"
}

hub off
expect 0 0 "cable pull (n0+n1 off)"
# Stable, not a blip: still down a while later.
sleep 1
both_carrier 0 0 || fail "carrier came back while the link is off"
hub on
expect 1 1 "cable back (n0+n1 on)"

for n in 1 0; do
	side=$(eval echo "\$IF_n$n")
	if [ "$side" = local ]; then down="0 1"; else down="1 0"; fi
	mon "set_link n$n off" || fail "set_link n$n off failed"
	# shellcheck disable=SC2086 # two words on purpose
	expect $down "n$n off ($side port)"
	sleep 1
	# shellcheck disable=SC2086
	both_carrier $down || fail "n$n off: carrier changed again"
	mon "set_link n$n on" || fail "set_link n$n on failed"
	expect 1 1 "n$n on ($side port)"
done

# The link really works again.
ping -c 1 -W 3 192.0.2.2 > /dev/null || fail "no ping after the link flaps"
exit 0
