#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 900
# modes: one
#
# Fault injection aimed at igx alone (debug kernel): failslab and
# fail_page_alloc limited by their stack-trace filter to igx's text, so
# that only allocations made from igx code (its own and the core's on its
# behalf) fail, and fail_function on the igx functions marked with
# ALLOW_ERROR_INJECTION().
#
#  1. probe: bind with the k-th allocation failing, k = 1, 2, ... until a
#     bind no longer reaches the fault; each failed bind leaves the device
#     unbound and a plain bind then works; fail_function on the reset, the
#     interrupt setup, the queue vectors; an unreadable NVM only costs
#     the permanent address.
#  2. ip link set up: the same walk; a failed open leaves the port down
#     and the next one works.
#  3. ethtool -G, ethtool -L and the MTU while iperf3 runs: a failed
#     change reports an error and leaves the old configuration running.
#  4. RX buffer allocations failing under load: counted in rx-alloc-fail,
#     the rings recover.
#  5. TX DMA mapping failures: frames dropped and counted in tx_dropped.
#
# IGX_SCALE (tests/run --extra's fifth field) thins the walks: with S,
# only every S-th allocation step is failed (1, 1+S, 1+2S, ...). make
# check's debug part runs them at S = 2 for CI's time budget;
# make check KERNEL=debug fails every step.
#
# The k-th allocation is failed with /proc/<pid>/fail-nth, not with the
# debugfs "interval": should_fail() counts calls for "interval" in a
# counter of the fault type that nothing resets, so after a first round
# interval=k no longer means "the k-th call from now"; fail-nth counts in
# the task that runs the command and passes the same stack filter. Every
# injected fault decrements the type's "times", which tells whether the
# k-th allocation was reached at all.
source "$(dirname "$0")/lib.sh"

D=/sys/kernel/debug
FS=$D/failslab
FP=$D/fail_page_alloc
FF=$D/fail_function
DRV=/sys/bus/pci/drivers/igx
BIG=1000000
STRIDE=${IGX_SCALE:-1}
[ "$STRIDE" -ge 1 ] || fail "IGX_SCALE=$IGX_SCALE: the walks' stride must be 1 or more"
[ "$STRIDE" = 1 ] || diag "the walks fail one allocation step in $STRIDE (IGX_SCALE)"

for f in "$FF" "$FS" "$FP"; do
	[ -d "$f" ] || skip "no $f: this kernel has no fault injection (Debian's stock 6.12 config leaves CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC, CONFIG_FAIL_FUNCTION and CONFIG_FUNCTION_ERROR_INJECTION unset); run with --kernel debug"
done
[ -w /proc/self/fail-nth ] || skip "no /proc/self/fail-nth (CONFIG_FAULT_INJECTION without procfs support)"
[ -e "$FS/require-start" ] || skip "no $FS/require-start: CONFIG_FAULT_INJECTION_STACKTRACE_FILTER is off"
command -v readelf > /dev/null || skip "no readelf to size igx's text"
command -v iperf3 > /dev/null || skip "no iperf3"

# --- igx's text range ---
# Every executable section of igx.ko that the module loader placed, from
# the lowest start to the highest end.
text_range() {
	local name size start lo='' hi=''
	while read -r name size; do
		[ -r "/sys/module/igx/sections/$name" ] || continue
		start=$(cat "/sys/module/igx/sections/$name")
		[ -z "$lo" ] || [ $((start)) -lt $((lo)) ] && lo=$start
		[ -z "$hi" ] || [ $((start + 0x$size)) -gt $((hi)) ] && hi=$(printf '%#x' $((start + 0x$size)))
	done < <(readelf -SW "$IGX_MODULE" | sed 's/^ *\[ *[0-9]*\] *//' |
		awk '$1 ~ /^\.text/ && $2 == "PROGBITS" { print $1, $5 }')
	[ -n "$lo" ] || return 1
	echo "$lo $hi"
}
read -r TEXT_LO TEXT_HI < <(text_range) || fail "cannot find igx's text sections"
diag "igx text: $TEXT_LO..$TEXT_HI ($(( TEXT_HI - TEXT_LO )) bytes)"

# Not igx's business: the MSI-X and MSI setup inside
# pci_alloc_irq_vectors(). When one of the MSI-X setup's own allocations
# fails, its error path warns in iounmap (in the core, seen
# here); igx's side of it, the fallback from MSI-X to MSI and a probe
# without any interrupt, is driven with fail_function on igx_msix_alloc
# and igx_irq_init instead. (The stack depth below keeps out the ACPI
# IRQ routing that pci_enable_device() evaluates, whose failures ACPICA
# absorbs.)
sym_range() {
	# vmlinux's symbols come in address order: no sort of the whole file
	awk -v f="$1" '$3 == f { a = $1; next } a != "" && $1 != a { print "0x" a, "0x" $1; exit }' \
		/proc/kallsyms
}
read -r REJ_LO REJ_HI < <(sym_range pci_alloc_irq_vectors_affinity) || REJ_LO=
[ -n "$REJ_LO" ] || fail "no pci_alloc_irq_vectors_affinity in /proc/kallsyms"
diag "rejected: pci_alloc_irq_vectors_affinity $REJ_LO..$REJ_HI"

# How far up the stack of an allocation igx's code must be for it to be
# failed. 8 frames cover the allocator's own (about 3 for kmalloc, 7 for
# a page under dma_alloc_coherent or page_pool) and a core helper igx
# calls directly (request_irq, alloc_etherdev, page_pool_create), not the
# deep ones of register_netdev's sysfs. kmemleak's shadow of an
# allocation (it falls back to a reserve pool) may fail too: absorbed.
DEPTH=8

# Both allocation fault types: limited to igx's text, GFP_KERNEL included,
# order-0 pages included, and off (probability 0) except for a task with
# fail-nth set, until a scenario turns a probability on.
fi_reset() {
	local a
	for a in "$FS" "$FP"; do
		echo 0 > "$a/probability"
		echo 1 > "$a/interval"
		echo "$BIG" > "$a/times"
		echo 0 > "$a/space"
		echo 1 > "$a/verbose"
		echo N > "$a/task-filter"
		echo "$TEXT_LO" > "$a/require-start"
		echo "$TEXT_HI" > "$a/require-end"
		echo "$DEPTH" > "$a/stacktrace-depth"
		if [ -n "$REJ_LO" ]; then
			echo "$REJ_LO" > "$a/reject-start"
			echo "$REJ_HI" > "$a/reject-end"
		fi
		echo N > "$a/ignore-gfp-wait"
	done
	echo 0 > "$FP/min-order"
	echo > "$FF/inject"
}
fi_off() {
	echo 0 > "$FS/probability"
	echo 0 > "$FP/probability"
	echo > "$FF/inject"
}
trap fi_off EXIT
fi_reset

# fired: faults injected since fi_reset/fired_reset (both types)
fired() { echo $((2 * BIG - $(cat "$FS/times") - $(cat "$FP/times"))); }
fired_reset() { echo "$BIG" > "$FS/times"; echo "$BIG" > "$FP/times"; }

# nth K CMD...: run CMD with the K-th allocation made from igx code in
# its task failing; exec keeps the task.
nth() {
	local k=$1
	shift
	fired_reset
	sh -c 'echo "$0" > /proc/self/fail-nth && exec "$@"' "$k" "$@"
}

# walked K: what a walk that ended at step K (the first one that reached
# no fault) covered
walked() {
	if [ "$STRIDE" = 1 ]; then
		echo "$(($1 - 1)) allocation steps"
	else
		echo "$(($1 - STRIDE)) to $(($1 - 1)) allocation steps, a fault injected at $((($1 - 1) / STRIDE)) of them (one in $STRIDE)"
	fi
}

# ffail FUNC RETVAL TIMES [PROBABILITY]: make FUNC return RETVAL, TIMES
# times; ffired: how many of them happened.
FF_TIMES=0
ffail() {
	echo > "$FF/inject"
	echo "$1" > "$FF/inject" || fail "fail_function cannot inject $1 (not marked injectable?)"
	printf '%#x\n' "$2" > "$FF/$1/retval"
	echo "${4:-100}" > "$FF/probability"
	echo 1 > "$FF/interval"
	echo 1 > "$FF/verbose"
	echo "$3" > "$FF/times"
	FF_TIMES=$3
}
ffired() { echo $((FF_TIMES - $(cat "$FF/times"))); }
ffoff() { echo > "$FF/inject"; }

is_bound() { [ -e "/sys/bus/pci/devices/$1/driver" ]; }
pci_netdev() { ls "/sys/bus/pci/devices/$1/net" 2>/dev/null; }

# --- 1. probe ---
mapfile -t ifs < <(nic_ifaces)
[ "${#ifs[@]}" -ge 2 ] || fail "need 2 igx ports, have: ${ifs[*]:-none}"
PCI=$(iface_pci "${ifs[1]}")
echo "$PCI" > "$DRV/unbind" || fail "cannot unbind $PCI"

# bind_clean: a plain bind must work and give a netdev
bind_clean() {
	echo "$PCI" > "$DRV/bind" || fail "$1: a plain bind after it failed"
	[ -n "$(pci_netdev "$PCI")" ] || fail "$1: bound without a netdev"
}
unbind() { echo "$PCI" > "$DRV/unbind" || fail "$1: unbind failed"; }
# bind_failed WHAT: the bind just failed: nothing may be left
bind_failed() {
	! is_bound "$PCI" || fail "$1: bind failed but $PCI is bound"
	[ -z "$(pci_netdev "$PCI")" ] || fail "$1: bind failed but $PCI has a netdev"
}

# use_port WHAT IF: a port a faulty probe left bound comes up, gets a
# carrier from its peer (which is unbound: QEMU's link is up anyway) and
# reports its counters, then goes down again
use_port() {
	ip link set "$2" up || fail "$1: $2 does not come up"
	wait_for "[ \"\$(carrier $2)\" = 1 ]" 20 || fail "$1: $2 has no carrier"
	ethtool -S "$2" > /dev/null || fail "$1: ethtool -S $2 failed"
	ip link set "$2" down
}

t0=$SECONDS
k=$((1 - STRIDE))
nfail=0
ndegraded=0
nfallback=0
nused=0
last_used=
while :; do
	k=$((k + STRIDE))
	[ "$k" -le 3000 ] || fail "probe: still reaching faults after 3000 steps"
	[ "$k" -ge 25 ] && [ $((k % 25)) -lt "$STRIDE" ] && diag "probe: step $k, $nfail binds failed so far, $((SECONDS - t0)) s"
	if nth "$k" sh -c "echo $PCI > $DRV/bind" 2> /dev/null; then
		n=$(fired)
		if [ "$n" = 0 ]; then
			break
		fi
		# a fault the probe survives (e.g. MSI-X -> MSI fallback)
		[ -n "$(pci_netdev "$PCI")" ] || fail "probe step $k: bound without a netdev"
		ndegraded=$((ndegraded + 1))
		m=$(pci_irq_mode "$PCI")
		[ "$m" = msix ] || nfallback=$((nfallback + 1))
		diag "probe step $k: fault absorbed, bound with $m"
		# the port it gave must work: whenever the outcome changes, and
		# every 10th time (each use costs seconds on the debug kernel)
		if [ "$m" != "$last_used" ] || [ $((ndegraded % 10)) = 1 ]; then
			use_port "probe step $k" "$(pci_netdev "$PCI")"
			last_used=$m
			nused=$((nused + 1))
		fi
		unbind "probe step $k"
		continue
	fi
	n=$(fired)
	[ "$n" -gt 0 ] || fail "probe step $k: bind failed without an injected fault"
	nfail=$((nfail + 1))
	bind_failed "probe step $k"
	bind_clean "probe step $k"
	unbind "probe step $k"
done
steps=$(walked "$k")
# (the walk ended at k: k - STRIDE steps at least)
[ $((k - STRIDE)) -ge 5 ] || fail "probe: only $(walked "$k") (is probe running in the binding task?)"
unbind "probe walk end"
diag "probe: $steps, $nfail binds failed cleanly, $ndegraded faults absorbed ($nfallback of them by falling back from MSI-X; $nused of those ports brought up and used), $((SECONDS - t0)) s"


# fail_function on the non-allocation failure points
for spec in igx_hw_reset_common:-110 igx_irq_init:-28 igx_alloc_q_vectors:-12; do
	fn=${spec%%:*}
	ffail "$fn" "${spec#*:}" 1
	echo "$PCI" > "$DRV/bind" 2> /dev/null && fail "probe with $fn failing succeeded"
	ffoff
	[ "$(ffired)" = 1 ] || fail "probe: $fn was not called"
	bind_failed "probe with $fn failing"
	bind_clean "probe with $fn failing"
	unbind "probe with $fn failing"
	diag "probe: $fn returning ${spec#*:}: bind failed cleanly, the next one worked"
done
# no MSI-X: the probe falls back to MSI and the port works
if [ "$IGX_MODE" = msix ] || [ "$IGX_MODE" = iommu ]; then
	ffail igx_msix_alloc -28 1
	echo "$PCI" > "$DRV/bind" || fail "probe with igx_msix_alloc failing failed"
	ffoff
	[ "$(ffired)" = 1 ] || fail "probe: igx_msix_alloc was not called"
	m=$(pci_irq_mode "$PCI")
	[ "$m" = msi ] || fail "probe without MSI-X: bound with $m, want msi"
	use_port "probe without MSI-X" "$(pci_netdev "$PCI")"
	unbind "probe without MSI-X"
	diag "probe: igx_msix_alloc returning -28: bound with MSI, the port works"
fi
# an unreadable NVM: the probe succeeds with a random address
for fn in igx_nvm_read_mac igx_nvm_validate; do
	ffail "$fn" -5 1
	echo "$PCI" > "$DRV/bind" || fail "probe with $fn failing failed"
	ffoff
	[ "$(ffired)" = 1 ] || fail "probe: $fn was not called"
	nd=$(pci_netdev "$PCI")
	[ -n "$nd" ] || fail "probe with $fn failing: no netdev"
	at=$(cat "/sys/class/net/$nd/addr_assign_type")
	diag "probe: $fn returning -EIO: bound as $nd, $(cat "/sys/class/net/$nd/address") (addr_assign_type $at), permanent $(ethtool -P "$nd" | cut -d' ' -f3-)"
	# no MAC address from the NVM: a random one, marked as such (1)
	if [ "$fn" = igx_nvm_read_mac ]; then
		[ "$at" = 1 ] || fail "probe with $fn failing: addr_assign_type $at, want 1 (random)"
		dmesg | tail -n 20 | grep -q "$PCI.*random" ||
			fail "probe with $fn failing: igx did not say it uses a random address"
	fi
	use_port "probe with $fn failing" "$nd"
	unbind "probe with $fn failing"
done
echo "$PCI" > "$DRV/bind" || fail "the final bind failed"
# mode msi: the rebound port needs its disable-msix flag again
_mode_after_load > /dev/null || fail "cannot put the rebound port in mode $IGX_MODE"

# --- the pair ---
setup_pair -q
IF=$LOCAL_IF
ping -c 2 -W 3 192.0.2.2 > /dev/null || fail "no traffic after the probe faults"

check_traffic() {
	wait_for '[ "$(carrier "$IF")" = 1 ]' 20 || fail "$1: no carrier"
	ping -c 2 -i 0.3 -W 3 192.0.2.2 > /dev/null ||
		ping -c 3 -i 1 -W 5 192.0.2.2 > /dev/null || fail "$1: no traffic"
}
is_up() { ip -o link show dev "$IF" | grep -q '[<,]UP[,>]'; }

# --- 2. ip link set up ---
before=$(all_counters "$IF")
ip link set "$IF" down
# The walks below fail each allocation in turn; most of them are RX page
# refills, one per page_pool bulk of a ring, that repeat the same code.
# 64-entry rings keep every kind of allocation and cut those repeats
# (and the walks' time on the debug kernel) by four.
rings0=$(ethtool -g "$IF" | awk '/^Current/ { c = 1 } c && /^(RX|TX):/ { printf "%s %s ", tolower($1), $2 }' | tr -d :)
ethtool -G "$IF" rx 64 tx 64 || fail "cannot set 64-entry rings"
t0=$SECONDS
k=$((1 - STRIDE))
nfail=0
ndegraded=0
while :; do
	k=$((k + STRIDE))
	[ "$k" -le 3000 ] || fail "open: still reaching faults after 3000 steps"
	if nth "$k" ip link set dev "$IF" up 2> /dev/null; then
		n=$(fired)
		[ "$n" = 0 ] && break
		# a fault open survives: RX buffers it could not fill now
		ndegraded=$((ndegraded + 1))
		check_traffic "open step $k (fault absorbed)"
		ip link set "$IF" down
		continue
	fi
	[ "$(fired)" -gt 0 ] || fail "open step $k: failed without an injected fault"
	nfail=$((nfail + 1))
	! is_up || fail "open step $k: failed but $IF is up"
	ip link set "$IF" up || fail "open step $k: the next open failed"
	check_traffic "open step $k"
	ip link set "$IF" down
done
steps=$(walked "$k")
[ $((k - STRIDE)) -ge 3 ] || fail "open: only $(walked "$k")"
check_traffic "open walk end"
diag "open: $steps, $nfail opens failed cleanly, $ndegraded faults absorbed (RX refill), $((SECONDS - t0)) s"
ip link set "$IF" down
for spec in igx_setup_rings:-12 igx_request_irqs:-28; do
	fn=${spec%%:*}
	ffail "$fn" "${spec#*:}" 1
	ip link set "$IF" up 2> /dev/null && fail "open with $fn failing succeeded"
	ffoff
	[ "$(ffired)" = 1 ] || fail "open: $fn was not called"
	! is_up || fail "open with $fn failing: $IF is up"
	ip link set "$IF" up || fail "open after $fn failed"
	check_traffic "open after $fn failed"
	ip link set "$IF" down
	diag "open: $fn returning ${spec#*:}: failed cleanly, the next open worked"
done
ip link set "$IF" up
check_traffic "open scenario end"
after=$(all_counters "$IF")
monotonic "$before" "$after" "the open faults" || fail "a counter went backwards"

# --- 3. ethtool -G / -L / MTU under load ---
# Load for the reconfiguration walks: TCP from here, capped at 5 Mbit/s so
# that the debug kernel's checkers leave the emulated CPUs time for the
# walk (the point is traffic during the change, not its rate).
load_start() { traffic_start faults 5201 20 "$@"; sleep 1; }
load_check() { traffic_check faults; }
load_stop() { traffic_stop faults; }
trap 'fi_off; pkill -x iperf3' EXIT
cur() { # cur -g|-l "FIELD...": the current values, in one line
	ethtool "$1" "$IF" | awk -v fs="$2" '
		BEGIN { n = split(fs, f, " ") }
		/^Current/ { c = 1 }
		c { for (i = 1; i <= n; i++) if ($1 == f[i] ":") v[i] = $2 }
		END { for (i = 1; i <= n; i++) printf "%s ", v[i] }'
}
declare -A MSGS
# walk WHAT GETOPT "FIELDS" "SET A" "SET B": ethtool GETOPT's FIELDS read
# "A values" now; flip between the sets with every allocation step
# failing in turn.
walk() {
	local what=$1 get=$2 fields=$3 a=$4 b=$5 k=$((1 - STRIDE)) nfail=0 ndeg=0 want have out m t0=$SECONDS
	local -a cmd
	want=$(cur "$get" "$fields")
	while :; do
		k=$((k + STRIDE))
		[ "$k" -le 3000 ] || fail "$what: still reaching faults after 3000 steps"
		read -r -a cmd <<< "$b"
		if out=$(nth "$k" ethtool "${cmd[@]/#IF/$IF}" 2>&1); then
			n=$(fired)
			[ "$n" = 0 ] && break
			ndeg=$((ndeg + 1))
			m=$a; a=$b; b=$m
			want=$(cur "$get" "$fields")
			continue
		fi
		[ "$(fired)" -gt 0 ] || fail "$what step $k: failed without an injected fault: $out"
		nfail=$((nfail + 1))
		m=$(tr '\n' ' ' <<< "$out" | sed 's/.*netlink error: //; s/ *$//')
		[ -n "$m" ] || fail "$what step $k failed without a message"
		MSGS[$m]=$((${MSGS[$m]:-0} + 1))
		have=$(cur "$get" "$fields")
		[ "$have" = "$want" ] || fail "$what step $k failed ($out) but $get shows '$have', was '$want'"
		{ is_up && [ "$(carrier "$IF")" = 1 ]; } || fail "$what step $k: $IF lost its link after a failed change"
		load_check
	done
	[ "$k" -gt 1 ] || fail "$what: the change reached no allocation (already in place?)"
	m=$a; a=$b; b=$m
	diag "$what: $(walked "$k"), $nfail changes failed and kept the old configuration, $ndeg faults absorbed, $((SECONDS - t0)) s"
	# the last (successful) change stays; flip back without faults
	read -r -a cmd <<< "$b"
	ethtool "${cmd[@]/#IF/$IF}" || fail "$what: the change back failed"
	load_check
}

before=$(all_counters "$IF")
load_start -b 5M
walk "ethtool -G" -g "RX TX" "-G IF rx 64 tx 64" "-G IF rx 128 tx 128"
# channels 2 <-> 4 (1 <-> 2 on the 82574L, which has 2 queue pairs)
maxc=$(ethtool -l "$IF" | awk '$1 == "Combined:" { print $2; exit }')
if [ "$maxc" -ge 4 ]; then lc_a=2 lc_b=4; else lc_a=1 lc_b=2; fi
ethtool -L "$IF" combined "$lc_a" 2> /dev/null
walk "ethtool -L" -l "Combined" "-L IF combined $lc_a" "-L IF combined $lc_b"
for m in "${!MSGS[@]}"; do diag "  ${MSGS[$m]} x: $m"; done
# a channel count the port does not have now (the walk ends on either of
# its two): 3, or on the 82574L the other of 1 and 2
if [ "$maxc" -ge 4 ]; then
	lc_t=3
elif [ "$(cur -l Combined | tr -d ' ')" = 2 ]; then
	lc_t=1
else
	lc_t=2
fi
# the same with fail_function on the steps of igx_set_queues
for spec in igx_alloc_q_vectors:-12 igx_setup_rings:-12 igx_request_irqs:-28; do
	fn=${spec%%:*}
	for c in "-G IF rx 512 tx 512" "-L IF combined $lc_t"; do
		read -r -a cmd <<< "$c"
		g=-g; [ "${cmd[0]}" = -L ] && g=-l
		old=$(ethtool "$g" "$IF" | sed -n '/^Current/,$p')
		ffail "$fn" "${spec#*:}" 1
		out=$(ethtool "${cmd[@]/#IF/$IF}" 2>&1) && fail "ethtool $c with $fn failing succeeded"
		ffoff
		[ "$(ffired)" = 1 ] || fail "ethtool $c: $fn was not called"
		[ "$(ethtool "$g" "$IF" | sed -n '/^Current/,$p')" = "$old" ] ||
			fail "ethtool $c failed with $fn failing, but the configuration changed"
		{ is_up && [ "$(carrier "$IF")" = 1 ]; } || fail "ethtool $c with $fn failing: $IF lost its link"
		load_check
		diag "ethtool $c, $fn returning ${spec#*:}: refused ($(tr '\n' ' ' <<< "$out" | sed 's/.*netlink error: //')), old configuration kept"
	done
done
# MTU: igx_change_mtu allocates nothing (RX buffers are chained)
nth 1 ip link set "$IF" mtu 9000 || fail "mtu 9000 with the first allocation failing"
[ "$(fired)" = 0 ] || fail "mtu change reached an allocation in igx"
ip link set "$IF" mtu 1500
ffail igx_change_mtu -12 1
ip link set "$IF" mtu 9000 2> /dev/null && fail "mtu 9000 with igx_change_mtu failing succeeded"
ffoff
[ "$(ffired)" = 1 ] || fail "igx_change_mtu was not called"
[ "$(cat "/sys/class/net/$IF/mtu")" = 1500 ] || fail "mtu changed although igx_change_mtu failed"
diag "mtu: no igx allocation on the way; igx_change_mtu failing: refused, mtu 1500 kept"
load_stop
after=$(all_counters "$IF")
monotonic "$before" "$after" "the -G/-L/mtu faults" || fail "a counter went backwards"
check_traffic "the -G/-L/mtu faults"

# igx_request_irqs failing twice: the new set and the restart of the old
# one; the port is closed, cleanly, and opens again.
ffail igx_request_irqs -28 2
rx=$(cur -g RX | tr -d ' ')
[ "$rx" = 1024 ] && rx=512 || rx=1024
ethtool -G "$IF" rx "$rx" 2> /dev/null && fail "-G rx $rx with both request_irqs failing succeeded"
ffoff
[ "$(ffired)" = 2 ] || fail "-G: igx_request_irqs called $(ffired) times, want 2"
! is_up || fail "-G with no interrupts left: $IF still up"
ip link set "$IF" up || fail "open after the failed restart"
check_traffic "open after the failed restart"
diag "-G with request_irqs failing for the new and the old set: port closed, reopened fine"

# --- 4. RX buffer allocations failing under load ---
# with the rings the port had before the walks
# shellcheck disable=SC2086
ethtool -G "$IF" $rings0 || fail "cannot restore the rings ($rings0)"
check_traffic "rings back to $rings0"
rx_alloc_fail() { nl qtotal "$IF" | tr ' ' '\n' | awk -F= '$1 == "rx-alloc-fail" { print $2 }'; }
# Mbit/s of an iperf3 receiver line
mbit() {
	awk '{ for (i = 2; i <= NF; i++) if ($i ~ /bits\/sec$/) {
		v = $(i - 1); u = substr($i, 1, 1)
		if (u == "G") v *= 1000; else if (u == "K") v /= 1000
		else if (u == "b") v /= 1000000
		printf "%d\n", v; exit } }'
}
rate0=$(tcp_once 5209 5 -R | mbit)
af0=$(rx_alloc_fail)
before=$(all_counters "$IF")
load_start -R
sleep 3
fi_reset
echo 50 > "$FP/probability"
echo -1 > "$FP/times"
sleep 4
echo 100 > "$FP/probability"
sleep 3
fi_off
load_check
af1=$(rx_alloc_fail)
sleep 5
load_stop
af=$((af1 - af0))
diag "RX: rx-alloc-fail +$af during 7 s of page allocation faults"
[ "$af" -gt 0 ] || fail "rx-alloc-fail did not count the RX buffer allocation faults"
# full rate again: what the same 5 s receive did before the faults (half
# of it at least: the emulation is noisy; on the debug kernel the
# checkers, not the NIC, set the rate, so there only completing counts)
rate1=$(tcp_once 5209 5 -R | mbit)
diag "RX: $rate0 Mbit/s received before the faults, $rate1 Mbit/s after"
if ! debug_kernel; then
	[ $((rate1 * 2)) -ge "$rate0" ] ||
		fail "RX did not come back to full rate: $rate1 Mbit/s after the faults, $rate0 before"
fi
after=$(all_counters "$IF")
monotonic "$before" "$after" "the RX allocation faults" || fail "a counter went backwards"
fi_reset

# --- 5. TX DMA mapping failures ---
before=$(all_counters "$IF")
# fail_function hits both ports: the far end's ACKs are mapped too
tx_dropped() {
	echo $(($(cat "/sys/class/net/$IF/statistics/tx_dropped") +
		$(rns cat "/sys/class/net/$REMOTE_IF/statistics/tx_dropped")))
}
d0=$(tx_dropped)
load_start
sleep 2
ffail igx_tx_dma_map -12 40 20
sleep 5
ffoff
n=$(ffired)
load_check
load_stop
d1=$(tx_dropped)
diag "TX: $n mappings failed, tx_dropped of both ends +$((d1 - d0))"
[ "$n" -gt 0 ] || fail "igx_tx_dma_map never failed"
[ $((d1 - d0)) -ge "$n" ] || fail "$n TX mappings failed but tx_dropped grew by $((d1 - d0))"
check_traffic "the TX mapping faults"
after=$(all_counters "$IF")
monotonic "$before" "$after" "the TX mapping faults" || fail "a counter went backwards"
exit 0
