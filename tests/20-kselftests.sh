#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 420
#
# The kernel's own driver selftests (6.12, as scripts/setup-host extracted
# and patched them): drivers/net/ping.py, drivers/net/queues.py and
# drivers/net/hw/csum.py against our port in the root netns, the far port
# in netns "remote" (REMOTE_TYPE=netns). Their KTAP goes to the diagnostics;
# any failed case fails this test, skipped cases are listed.
source "$(dirname "$0")/lib.sh"

SELFTESTS=$IGX_KSRC/tools/testing/selftests
TESTS=(drivers/net/ping.py drivers/net/queues.py drivers/net/hw/csum.py)

[ -x "$SELFTESTS/net/lib/csum" ] || fail "no $SELFTESTS/net/lib/csum: run scripts/setup-host"
grep -q 'igx-setup-host: remote_ifname' "$SELFTESTS/drivers/net/lib/py/env.py" ||
	fail "$SELFTESTS/drivers/net/lib/py/env.py lacks the remote_ifname patch: run scripts/setup-host"

setup_pair

# The guest's root is a tmpfs overlay: the config files stay in the guest.
for d in drivers/net drivers/net/hw; do
	cat > "$SELFTESTS/$d/net.config" <<CFG || fail "cannot write $SELFTESTS/$d/net.config"
# written by tests/20-kselftests.sh in the guest
NETIF=$LOCAL_IF
LOCAL_V4=192.0.2.1
REMOTE_V4=192.0.2.2
LOCAL_V6=2001:db8::1
REMOTE_V6=2001:db8::2
REMOTE_TYPE=netns
REMOTE_ARGS=$REMOTE_NS
CFG
done
# csum.py's receiver reads its 100 packets through an AF_PACKET socket
# only after the sender is done; in a software-emulated guest it falls
# behind, and with igx's page-sized RX buffers (truesize 4 KiB) the
# default 208 KiB receive buffer holds about 45 of them.  Give the
# sockets room for the whole burst in both namespaces, so what is counted
# is the driver's checksum handling, not the emulator's speed.
for ns in "" "rns"; do
	$ns sysctl -qw net.core.rmem_default=4194304 net.core.rmem_max=4194304 ||
		fail "cannot raise the socket receive buffers"
done

# Let IPv6 neighbours resolve before the first 0.5 s ping of ping.py.
ping -c 1 -W 2 192.0.2.2 > /dev/null
ping -6 -c 1 -W 2 2001:db8::2 > /dev/null

bad=()
for t in "${TESTS[@]}"; do
	t0=$(now_ms)
	out=$(cd "$SELFTESTS/$(dirname "$t")" && timeout 180 python3 "./$(basename "$t")" 2>&1)
	rc=$?
	dt=$(($(now_ms) - t0))
	printf '%s\n' "$out" | sed "s|^|$t: |" | while IFS= read -r l; do diag "$l"; done
	totals=$(grep -m1 '^# Totals:' <<< "$out")
	skips=$(grep -E '^ok [0-9]+ .*# SKIP' <<< "$out")
	fails=$(grep -E '^not ok [0-9]+ ' <<< "$out")
	diag "$t: exit $rc in $dt ms, ${totals#\# }"
	[ -z "$skips" ] || while IFS= read -r l; do diag "$t: skipped: ${l#ok }"; done <<< "$skips"
	if [ -n "$fails" ] || { [ "$rc" != 0 ] && [ "$rc" != 4 ]; } || [ -z "$totals" ]; then
		bad+=("$t (exit $rc${fails:+, $(wc -l <<< "$fails") failed})")
	elif [ "$rc" = 4 ]; then
		# The whole file skipped: its reason is in its output above.
		diag "$t: SKIPPED as a whole"
	fi
done
[ ${#bad[@]} = 0 ] || fail "kernel selftests failed: ${bad[*]}"
exit 0
