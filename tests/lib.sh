# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for guest scripts run by scripts/vm (and for scripts/guest-init,
# which sources this file too). Source it; it sets no shell options.
#
# Environment from guest-init: IGX_TOP, IGX_DRIVER (igx|igb|e1000e),
# IGX_MODULE (path of igx.ko), IGX_KVER, IGX_OUT (host-shared output dir),
# IGX_MODEL, IGX_NICS, IGX_MODE (msix|msi|intx|iommu: scripts/vm --mode).

: "${IGX_DRIVER:=igx}"
: "${IGX_MODE:=msix}"
: "${IGX_MODEL:=igb}"
# The 6.12 kernel's driver selftests, ynl and netlink specs, as
# scripts/setup-host extracted them.
export IGX_KSRC=/usr/local/share/igx/linux-6.12
: "${IGX_TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${IGX_MODULE:=$IGX_TOP/drivers/net/ethernet/intel/igx/igx.ko}"
# tests/igxframes.py for the tests' Python snippets (ip netns exec keeps it)
export PYTHONPATH="$IGX_TOP/tests${PYTHONPATH:+:$PYTHONPATH}"

# The far end of setup_pair lives here.
REMOTE_NS=remote

# Kernel log lines that fail a run (scripts/guest-init checks after every
# script; a test may call dmesg_check itself too). Extended regexes, matched
# case-sensitively; "leak" is matched in any case on top of these.
IGX_DMESG_PATTERNS=(
	'WARNING:' 'BUG:' 'Oops' 'DMA-API' 'DMAR' 'KASAN' 'UBSAN'
	'possible circular locking' 'inconsistent lock state'
	'possible recursive locking' 'suspicious RCU usage'
	'sleeping function called from invalid context' 'ODEBUG'
	'refcount_t' 'ref_tracker' 'hung task' 'soft lockup' 'Call Trace'
	'unreferenced object'
)
# Benign lines that match the above (extended regexes). Keep each one
# commented with why it is harmless.
IGX_DMESG_ALLOW=(
	# Boot-time CPU vulnerability summaries ("... data leak possible") are
	# about QEMU's -cpu max model, not about the code under test (scripts/vm
	# boots with mitigations=off, which silences them; --append may not).
	'\] (MDS|MMIO Stale Data|TAA|RETBleed|GDS|Spectre|SRBDS|L1TF|ITS|VMSCAPE|TSA|BHI|RFDS|SRSO|Register File Data Sampling)[^:]*:.*leak'
	# With -device intel-iommu the IOMMU driver announces its setup with
	# "DMAR" lines; only faults ("DMAR: [DMA Read ...] ... fault",
	# "DRHD: handling fault", "[INTR-REMAP]") are findings.
	'\] ACPI: (DMAR |Reserving DMAR table)'
	'\] DMAR: (IOMMU enabled|Host address width|DRHD base:|dmar[0-9]+: reg_base_addr|No (RMRR|ATSR|SATC) found|dmar[0-9]+: Using Queued invalidation|Intel\(R\) Virtualization Technology for Directed I/O)'
	'\] DMAR-IR: (IOAPIC id|dmar[0-9]+ does not support EIM|Enabled IRQ remapping|Queued invalidation will be enabled)'
	# The debug kernel says at boot that its checkers are on.
	'\] DMA-API: (preallocated [0-9]+ debug entries|debugging enabled by kernel config)'
	'\] kmemleak: Kernel memory leak detector initialized'
	# Under fault injection (22-faults) the checkers' own bookkeeping
	# allocations can fail too; they say so and carry on: kmemleak scans
	# the whole object instead of an area, ref_tracker stops tracking one
	# reference. Neither is a leak or a refcount error.
	'\] kmemleak: Cannot allocate a scan area, scanning the full object'
	'\] ref_tracker: memory allocation failure, unreliable refcount tracker\.'
)

diag() { printf '# %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
# 4 is kselftest's KSFT_SKIP; tests/run reports the reason.
skip() { printf 'SKIP: %s\n' "$*"; exit 4; }

# Milliseconds since the epoch, without forking.
now_ms() {
	local t=${EPOCHREALTIME/./}
	echo $((t / 1000))
}

# wait_for CMD [TIMEOUT_S]: poll the shell command CMD (eval'd) until it
# succeeds or TIMEOUT_S (default 10, may be fractional) runs out. Returns its
# success; WAITED_MS tells how long it took either way.
WAITED_MS=0
wait_for() {
	local cmd=$1 limit start
	limit=$(awk -v t="${2:-10}" 'BEGIN { printf "%d", t * 1000 }')
	start=$(now_ms)
	while :; do
		if eval "$cmd"; then
			WAITED_MS=$(($(now_ms) - start))
			return 0
		fi
		WAITED_MS=$(($(now_ms) - start))
		[ "$WAITED_MS" -ge "$limit" ] && return 1
		sleep 0.05
	done
}

rns() { ip netns exec "$REMOTE_NS" "$@"; }

# The kernel module name of the driver under test.
drv_module() { echo "$IGX_DRIVER"; }

load_driver() {
	_load_module || return 1
	_mode_after_load
}

_load_module() {
	case $IGX_DRIVER in
	igx)
		local dep
		[ -f "$IGX_MODULE" ] || { echo "load_driver: no $IGX_MODULE"; return 1; }
		# insmod resolves no dependencies: load the in-tree modules igx.ko
		# names (e.g. mii) first; modprobe finds those in the host's tree.
		for dep in $(modinfo -F depends "$IGX_MODULE" | tr ',' ' '); do
			modprobe "$dep" || return 1
		done
		insmod "$IGX_MODULE"
		;;
	*)	modprobe "$IGX_DRIVER" ;;
	esac
}

unload_driver() { rmmod "$(drv_module)"; }

# pci_irq_mode PCI: msix, msi or intx: what the function has enabled now
# (the kernel's msi_irqs/ sysfs directory; absent with INTx).
pci_irq_mode() {
	local f m
	for f in "/sys/bus/pci/devices/$1/msi_irqs"/*; do
		[ -f "$f" ] || continue
		read -r m < "$f"
		echo "$m"
		return
	done
	echo intx
}

# pci_vectors PCI: the Linux IRQ numbers of its MSI/MSI-X vectors.
pci_vectors() {
	local f
	for f in "/sys/bus/pci/devices/$1/msi_irqs"/*; do
		[ -f "$f" ] && echo "${f##*/}"
	done
}

# _irq_table: IRQ_LINE[IRQ] is its /proc/interrupts line, IRQ_NCPU the
# number of per-CPU columns. Shell builtins only: under software
# emulation every process started costs 15-30 ms, and mode_check runs
# with every setup_pair.
declare -gA IRQ_LINE
IRQ_NCPU=0
_irq_table() {
	local line key
	local -a hdr
	local -a lines
	IRQ_LINE=()
	# mapfile, not a read per line: read seeks back after each line, and
	# a seq_file renders itself anew at every seek (a line that appears
	# meanwhile would shift the rest)
	mapfile -t lines < /proc/interrupts
	read -ra hdr <<< "${lines[0]}"
	IRQ_NCPU=${#hdr[@]}
	for line in "${lines[@]:1}"; do
		key=${line%%:*}
		IRQ_LINE[${key// /}]=$line
	done
}
# _irq_desc LINE: a /proc/interrupts line without the per-CPU counts:
# "IRQ: chip ... names".
_irq_desc() {
	local -a w
	read -ra w <<< "$1"
	echo "${w[0]} ${w[*]:IRQ_NCPU + 1}"
}

# After loading: IGX_MODE=msi makes every igx port drop MSI-X through the
# disable-msix private flag, and checks that it did.
_mode_after_load() {
	local i pci
	[ "$IGX_MODE" = msi ] || return 0
	if [ "$IGX_DRIVER" != igx ]; then
		echo "load_driver: mode msi needs igx's disable-msix private flag"
		return 1
	fi
	wait_for '[ "$(nic_ifaces | wc -l)" -ge "${IGX_NICS:-2}" ]' 10 ||
		{ echo "load_driver: only $(nic_ifaces | wc -l) igx ports after 10 s"; return 1; }
	for i in $(nic_ifaces); do
		pci=$(iface_pci "$i")
		if ! ethtool --set-priv-flags "$i" disable-msix on; then
			echo "load_driver: ethtool --set-priv-flags $i disable-msix on failed"
			return 1
		fi
		if ! wait_for '[ "$(pci_irq_mode "$pci")" = msi ]' 5; then
			echo "load_driver: $i ($pci) uses $(pci_irq_mode "$pci") after disable-msix on, want msi"
			ethtool --show-priv-flags "$i"
			return 1
		fi
	done
	echo "# mode msi: disable-msix set on $(nic_ifaces | tr '\n' ' ')"
}

# mode_check PCI...: the functions (ports up, so with their IRQs requested)
# really are in IGX_MODE; fail otherwise. Called by setup_pair.
mode_check() {
	local pci mode want f irq line n nv first groups g grp t
	want=$IGX_MODE
	[ "$want" = iommu ] && want=msix
	_irq_table
	for pci in "$@"; do
		mode=$(pci_irq_mode "$pci")
		[ "$mode" = "$want" ] ||
			fail "mode $IGX_MODE: $pci uses $mode interrupts, want $want"
		case $mode in
		msix|msi)
			n=0
			nv=0
			first=
			for f in "/sys/bus/pci/devices/$pci/msi_irqs"/*; do
				[ -f "$f" ] || continue
				irq=${f##*/}
				nv=$((nv + 1))
				line=${IRQ_LINE[$irq]:-}
				[ -n "$line" ] || continue	# allocated, not requested
				n=$((n + 1))
				[ -n "$first" ] || first=$line
				case $mode:$line in
				msix:*PCI-MSIX*) ;;
				msi:*PCI-MSIX*) fail "mode msi: IRQ $irq of $pci is PCI-MSIX: $line" ;;
				msi:*PCI-MSI*) ;;
				*) fail "mode $IGX_MODE: IRQ $irq of $pci is not a $mode vector: $line" ;;
				esac
			done
			[ "$n" -ge 1 ] || fail "mode $IGX_MODE: $pci has no requested $mode vector in /proc/interrupts"
			[ "$mode" = msi ] && [ "$nv" != 1 ] &&
				fail "mode msi: $pci has $nv MSI vectors, want 1"
			diag "mode $IGX_MODE: $pci: $n $mode vector(s) in use, first: $(_irq_desc "$first")"
			;;
		intx)
			read -r irq < "/sys/bus/pci/devices/$pci/irq"
			line=${IRQ_LINE[$irq]:-}
			[[ $line == *IO-APIC* ]] ||
				fail "mode intx: $pci's IRQ $irq is not an IO-APIC line: ${line:-not in /proc/interrupts}"
			diag "mode intx: $pci: $(_irq_desc "$line")"
			;;
		esac
		if [ "$IGX_MODE" = iommu ]; then
			groups=
			for g in /sys/class/iommu/*; do
				[ -e "$g" ] && groups+="${g##*/} "
			done
			[ -n "$groups" ] || fail "mode iommu: /sys/class/iommu is empty"
			[ -e "/sys/bus/pci/devices/$pci/iommu_group" ] ||
				fail "mode iommu: $pci has no iommu_group"
			grp=$(readlink -f "/sys/bus/pci/devices/$pci/iommu_group")
			read -r t < "$grp/type"
			# iommu.strict=1: "DMA" (a lazy IOMMU would say "DMA-FQ").
			[ "$t" = DMA ] ||
				fail "mode iommu: $pci's IOMMU group ${grp##*/} has type $t, want DMA (strict)"
			diag "mode iommu: $pci in IOMMU group ${grp##*/} (type DMA), IOMMUs: $groups"
		fi
	done
}

# Netdevs in this netns bound to the tested driver, sorted by PCI address.
nic_ifaces() {
	local d pci n drv=/sys/bus/pci/drivers/$IGX_DRIVER
	for d in /sys/class/net/*; do
		[ "$d/device/driver" -ef "$drv" ] || continue
		pci=$(_dev_pci "$d/device")
		printf '%s %s\n' "${pci:--}" "${d##*/}"
	done | sort | while read -r pci n; do echo "$n"; done
}

# _dev_pci DEVICE_DIR: the PCI address its uevent names (nothing for a
# device going away meanwhile)
_dev_pci() {
	local line
	{
		while IFS= read -r line; do
			[[ $line == PCI_SLOT_NAME=* ]] && { echo "${line#*=}"; return; }
		done < "$1/uevent"
	} 2> /dev/null
}

# iface_pci IF: PCI address (0000:01:00.0) of a netdev in this netns.
iface_pci() { _dev_pci "/sys/class/net/$1/device"; }

# carrier IF [NS]: 1 or 0 (empty when the interface is admin down): the
# sysfs carrier file; in another netns (whose sysfs ip netns exec would
# have to mount) the same from rtnetlink: LOWER_UP is set exactly when
# the device runs and has its carrier, "0" keys on the admin flag UP
# (sysfs on the running state: they differ only while the port opens or
# closes, and no caller asks then).
carrier() {
	local c
	if [ -n "${2:-}" ]; then
		c=$(ip -n "$2" -o link show dev "$1" 2>/dev/null) || return 0
		c=${c#*<}
		c=",${c%%>*},"
		case $c in
		*,LOWER_UP,*) echo 1 ;;
		*,UP,*) echo 0 ;;
		esac
	else
		{ read -r c < "/sys/class/net/$1/carrier"; } 2>/dev/null && echo "$c"
	fi
}

# Put the ports back in the root netns (after an earlier setup_pair); the
# netns itself is kept: deleting one returns its devices asynchronously.
_pair_reclaim() {
	local d
	[ -e "/run/netns/$REMOTE_NS" ] || return 0
	for d in $(rns sh -c 'for d in /sys/class/net/*; do
			[ -e "$d/device/driver" ] && echo "${d##*/}"; done'); do
		ip -n "$REMOTE_NS" link set dev "$d" netns 1
	done
}

# setup_pair: the first two ports of the tested driver become a point-to-
# point link: LOCAL_IF stays here (192.0.2.1, 2001:db8::1), REMOTE_IF goes
# into netns "remote" (192.0.2.2, 2001:db8::2). Both up, carrier on both.
# -q: no diag line.
setup_pair() {
	local ifs quiet=
	[ "${1:-}" = -q ] && quiet=1
	_pair_reclaim
	mapfile -t ifs < <(nic_ifaces)
	[ "${#ifs[@]}" -ge 2 ] ||
		fail "setup_pair: need 2 ports bound to $(drv_module), have: ${ifs[*]:-none}"
	LOCAL_IF=${ifs[0]}
	REMOTE_IF=${ifs[1]}
	LOCAL_PCI=$(iface_pci "$LOCAL_IF")
	REMOTE_PCI=$(iface_pci "$REMOTE_IF")
	export LOCAL_IF REMOTE_IF LOCAL_PCI REMOTE_PCI
	[ -e "/run/netns/$REMOTE_NS" ] || ip netns add "$REMOTE_NS"
	ip -n "$REMOTE_NS" link set lo up
	ip link set dev "$REMOTE_IF" netns "$REMOTE_NS" ||
		fail "setup_pair: cannot move $REMOTE_IF to netns $REMOTE_NS"

	ip addr flush dev "$LOCAL_IF"
	ip addr add 192.0.2.1/24 dev "$LOCAL_IF"
	ip addr add 2001:db8::1/64 dev "$LOCAL_IF" nodad
	ip link set dev "$LOCAL_IF" up
	ip -n "$REMOTE_NS" addr flush dev "$REMOTE_IF"
	ip -n "$REMOTE_NS" addr add 192.0.2.2/24 dev "$REMOTE_IF"
	ip -n "$REMOTE_NS" addr add 2001:db8::2/64 dev "$REMOTE_IF" nodad
	ip -n "$REMOTE_NS" link set dev "$REMOTE_IF" up

	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "setup_pair: no carrier on $LOCAL_IF/$REMOTE_IF after 15 s"
	[ -n "$quiet" ] || diag "pair: $LOCAL_IF ($LOCAL_PCI) <-> $REMOTE_NS/$REMOTE_IF ($REMOTE_PCI), carrier after ${WAITED_MS} ms"
	if [ -n "$quiet" ]; then
		mode_check "$LOCAL_PCI" "$REMOTE_PCI" > /dev/null
	else
		mode_check "$LOCAL_PCI" "$REMOTE_PCI"
	fi
}

# monotonic BEFORE AFTER WHAT: BEFORE and AFTER are "name=value" lines;
# fail (return 1, print them) when a counter of BEFORE is smaller in AFTER.
monotonic() {
	awk -F= -v what="$3" 'NR == FNR { old[$1] = $2; next }
		($1 in old) && $2 + 0 < old[$1] + 0 {
			printf "%s went backwards across %s: %s -> %s\n", $1, what, old[$1], $2
			bad = 1 }
		END { exit bad }' <(echo "$1") <(echo "$2")
}

# all_counters IF: every counter of IF as "name=value" lines: stats64
# (sysfs), the qstats device totals, the ethtool standard groups and
# ethtool -S.
all_counters() {
	local f
	for f in /sys/class/net/"$1"/statistics/*; do
		echo "stats64.${f##*/}=$(cat "$f")"
	done
	nl qtotal "$1" | tr ' ' '\n' | sed 's/^/qstats./'
	ethtool -S "$1" --all-groups | awk -F': ' 'NR > 1 { print "std." $1 "=" $2 }'
	ethtool -S "$1" | awk -F': ' 'NR > 1 { sub(/^ +/, "", $1); print "drv." $1 "=" $2 }'
}

# debug_kernel: true on a kernel built with KASAN (the debug kernel of
# ../shared/kernels), where everything runs several times slower.
debug_kernel() {
	zcat /proc/config.gz 2> /dev/null | grep -qx 'CONFIG_KASAN=y'
}

# scaled N: a repeat count for a stress loop, at least 1: N on a stock
# kernel, N / IGX_DEBUG_SCALE (default 5) on the debug kernel, N /
# IGX_SCALE on either when that is set (tests/run --extra's fifth field:
# make check runs the second NIC model's stress tests at a twentieth and
# two load cycles on the debug kernel). 22-faults reads IGX_SCALE as the
# stride of its fault walks instead.
scaled() {
	local d=1

	debug_kernel && d=${IGX_DEBUG_SCALE:-5}
	d=${IGX_SCALE:-$d}
	echo $(($1 / d > 0 ? $1 / d : 1))
}

# iperf3_server PORT [-1]: an iperf3 server in the remote netns, listening
# when this returns (-D returns before the daemon binds, with status 0
# whatever happens next); -1: it serves one session and exits. Its pid
# file is /tmp/iperf3-PORT.pid.
iperf3_server() {
	rns iperf3 -s -D -p "$1" ${2:+"$2"} --pidfile "/tmp/iperf3-$1.pid" \
		> /dev/null 2>&1
	wait_for "rns ss -Hltn 'sport = :$1' | grep -q ." 10 ||
		fail "no iperf3 server listens on port $1"
}

# tcp_once PORT SECS [iperf3 options]: one iperf3 session from here to the
# far end through a one-off server; fails the test unless it completes
# (within SECS + 60 s). Prints the receiver's line.
tcp_once() {
	local port=$1 secs=$2 out
	shift 2
	iperf3_server "$port" -1
	out=$(timeout $((secs + 60)) iperf3 -c 192.0.2.2 -p "$port" -t "$secs" -i 0 "$@" 2>&1) ||
		fail "iperf3 to port $port: $(tail -n 3 <<< "$out" | tr '\n' ' ')"
	grep receiver <<< "$out" | tr -s ' ' | tr '\n' ' '
}

# The 6.12.95 kernels these tests boot (stock and debug) have a race in
# page_pool: when a pool is destroyed while another CPU returns one of its
# pages, the destroy path writes to the page after the other one freed it
# (KASAN: use-after-free on a struct page, then list corruption). Fixed
# upstream and in Debian's 6.12.117 (net/core/page_pool.c: the scrub path
# only unmaps, the returning path clears the page's fields). Every
# page_pool driver can hit it when a queue goes away under load. Tests
# whose point is taking a port away under traffic (unload, unplug) pause
# the receiving applications around it: the frames stay in flight, in
# socket queues, and go back to the destroyed pool when they resume.
receivers_pause() { pkill -STOP -x iperf3; sleep 0.5; }
receivers_resume() { pkill -CONT -x iperf3; }

# Traffic for the stress tests: iperf3 sessions of SECS seconds, back to
# back, from here to the far end of setup_pair, until traffic_stop. An
# iperf3 server in the remote netns serves each session; every session
# must complete, within SECS + 60 s. A session that cannot connect (a
# new one that starts while the test holds the link down, with the
# neighbour entry failed: "No route to host"), neither its control
# connection nor one of its data streams, has moved no data: it is tried
# again after a second, up to 30 times, and the retries are counted in
# the summary: the sessions that matter are the ones already running.
#   traffic_start NAME PORT SECS [iperf3 options]
#   traffic_check NAME	fail if a session of NAME failed
#   traffic_stop NAME	wait for the last session; diag a summary
#   traffic_kill NAME	end it now, without judging (the port went away)
# The loop's output goes to its log files only: a test that fails while
# it runs must not leave guest-init waiting on the loop's stdout.
traffic_start() {
	local name=$1 port=$2 secs=$3
	shift 3
	rm -f "/tmp/traffic-$name".*
	iperf3_server "$port"
	(
		n=0
		retries=0
		while [ ! -e "/tmp/traffic-$name.stop" ]; do
			n=$((n + 1))
			try=0
			until timeout $((secs + 60)) iperf3 -c 192.0.2.2 -p "$port" \
				-t "$secs" -i 0 "$@" > "/tmp/traffic-$name.$n.log" 2>&1; do
				try=$((try + 1))
				if [ "$try" -gt 30 ] ||
				   ! grep -q -e 'unable to connect to server' \
					-e 'unable to connect stream' "/tmp/traffic-$name.$n.log"; then
					echo "$n" > "/tmp/traffic-$name.failed"
					exit 1
				fi
				retries=$((retries + 1))
				echo "$retries" > "/tmp/traffic-$name.retries"
				# asked to stop meanwhile: this session never began
				if [ -e "/tmp/traffic-$name.stop" ]; then
					n=$((n - 1))
					break
				fi
				sleep 1
			done
		done
		echo "$n" > "/tmp/traffic-$name.sessions"
	) < /dev/null > /dev/null 2>&1 &
	echo $! > "/tmp/traffic-$name.pid"
	echo "$port" > "/tmp/traffic-$name.port"
}
traffic_check() {
	local n
	[ -e "/tmp/traffic-$1.failed" ] || return 0
	n=$(cat "/tmp/traffic-$1.failed")
	fail "traffic $1: iperf3 session $n failed: $(tail -n 5 "/tmp/traffic-$1.$n.log" | tr '\n' ' ')"
}
traffic_stop() {
	local n
	touch "/tmp/traffic-$1.stop"
	wait "$(cat "/tmp/traffic-$1.pid")" 2> /dev/null
	traffic_check "$1"
	n=$(cat "/tmp/traffic-$1.sessions")
	diag "traffic $1: $n iperf3 sessions, all completed ($(cat "/tmp/traffic-$1.retries" 2> /dev/null || echo 0) connection attempts retried); last: $(grep -h receiver "/tmp/traffic-$1.$n.log" | tr -s ' ' | tr '\n' ' ')"
	_traffic_server_stop "$1"
}
# the server gone, so that its port is free for the next traffic_start
_traffic_server_stop() {
	local pid port
	port=$(cat "/tmp/traffic-$1.port" 2> /dev/null) || return 0
	pid=$(cat "/tmp/iperf3-$port.pid" 2> /dev/null) || return 0
	kill "$pid" 2> /dev/null
	wait_for "! kill -0 $pid 2> /dev/null" 5
}
traffic_kill() {
	touch "/tmp/traffic-$1.stop"
	pkill -P "$(cat "/tmp/traffic-$1.pid")" 2> /dev/null
	wait "$(cat "/tmp/traffic-$1.pid")" 2> /dev/null
	_traffic_server_stop "$1"
	rm -f "/tmp/traffic-$1.failed"
}

# nl qstats|qtotal|queues|napis IF [NS]: tests/netdev-nl (netdev netlink
# via ynl) for IF, in netns NS if given.
nl() {
	if [ -n "${3:-}" ]; then
		ip netns exec "$3" "$IGX_TOP/tests/netdev-nl" "$1" "$2"
	else
		"$IGX_TOP/tests/netdev-nl" "$1" "$2"
	fi
}

# qstat SNAPSHOT TYPE QUEUE FIELD: a value from `nl qstats` output (0 when
# the driver does not report the field for that queue).
qstat() {
	awk -v t="$2" -v q="$3" -v f="$4" '
		$1 == t && $2 == q { for (i = 3; i <= NF; i++) {
			split($i, kv, "="); if (kv[1] == f) { print kv[2]; exit } } }
		END { }' <<< "$1" | grep . || echo 0
}

# qsum SNAPSHOT TYPE FIELD: sum of FIELD over all queues of TYPE.
qsum() {
	awk -v t="$2" -v f="$3" '
		$1 == t { for (i = 3; i <= NF; i++) {
			split($i, kv, "="); if (kv[1] == f) s += kv[2] } }
		END { print s + 0 }' <<< "$1"
}

# has_qstat SNAPSHOT TYPE FIELD: does any queue of TYPE report FIELD?
has_qstat() { grep -qE "^$2 [0-9]+ .*\<$3=" <<< "$1"; }

# mon "HMP command": run a QEMU monitor command through the relay on the
# second serial port (scripts/vm), print its reply. Fails when QEMU reports
# an error or the relay does not answer within 30 s.
_MON_SEQ=0
mon() {
	local id line rc=1 started="" fd lk
	_MON_SEQ=$((_MON_SEQ + 1))
	id="$BASHPID.$_MON_SEQ.$RANDOM"
	# One command at a time on the wire, even from background jobs.
	exec {lk}> /run/igx-mon.lock
	flock "$lk"
	exec {fd}<> /dev/ttyS1
	printf 'IGXMON %s %s\n' "$id" "$*" >&"$fd"
	while IFS= read -r -t 30 -u "$fd" line; do
		case $line in
		"IGXMON-BEGIN $id") started=1 ;;
		"IGXMON-END $id "*) rc=${line##* }; break ;;
		*) [ -n "$started" ] && printf '%s\n' "$line" ;;
		esac
	done
	exec {fd}>&- {lk}>&-
	[ -n "$started" ] || echo "mon: no reply from the relay for: $*" >&2
	return "$rc"
}

# Whole reports of the core that are not igx's, dropped from the kernel
# log before the check (a line allow-list cannot tell them from igx's):
# - lockdep's "possible circular locking dependency" between pciehp's own
#   locks (pci_rescan_remove_lock, then ctrl->reset_lock, both taken in
#   pciehp_unconfigure_device()) when a slot is powered off: 6.12's
#   pciehp, seen in 25-hotplug on the debug kernel with no igx frame in
#   it. A report with igx code in it is never dropped.
_drop_core_reports() {
	awk '
	/\] WARNING: possible circular locking dependency detected/ { n = 0; inrep = 1 }
	inrep { buf[++n] = $0
		if ($0 ~ /\] +<\/TASK>/) {
			text = ""
			for (i = 1; i <= n; i++) text = text buf[i] "\n"
			# igx code in it: a function of igx or a frame in igx.ko
			# (not the release of the debug kernel, 6.12.95-igxdbg)
			if (text !~ /igx_[a-z]|\[igx\]/ && text ~ /pci_rescan_remove_lock/ &&
			    text ~ /ctrl->reset_lock/ && text ~ /pciehp_unconfigure_device/)
				print "[igx: dropped a pciehp lockdep report, see tests/lib.sh]"
			else
				for (i = 1; i <= n; i++) print buf[i]
			inrep = 0
		}
		next }
	{ print }
	END { for (i = 1; inrep && i <= n; i++) print buf[i] }'
}

# dmesg_check: fail (return 1, print the lines) when the kernel log shows a
# warning, a splat or a leak. On the debug kernel kmemleak is scanned first.
dmesg_check() {
	local re p bad kl=/sys/kernel/debug/kmemleak leaks=
	if [ -w "$kl" ] && debug_kernel; then
		# Two scans: an object is reported only when it was unreferenced in
		# two consecutive ones.
		echo scan > "$kl"
		sleep 5
		echo scan > "$kl"
		leaks=$(cat "$kl")
	fi
	re=$(IFS='|'; echo "${IGX_DMESG_PATTERNS[*]}")
	bad=$({ dmesg | _drop_core_reports; [ -n "$leaks" ] && printf '%s\n' "$leaks"; } |
		grep -E -e "$re" -e '[Ll][Ee][Aa][Kk]')
	for p in "${IGX_DMESG_ALLOW[@]}"; do
		bad=$(printf '%s\n' "$bad" | grep -Ev -e "$p")
	done
	[ -z "$bad" ] && return 0
	echo "dmesg check FAILED, offending lines:"
	printf '%s\n' "$bad" | sed 's/^/dmesg: /' | head -n 50
	echo "--- kernel log around them ---"
	dmesg | grep -E -B 3 -A 30 -e "$re" -e '[Ll][Ee][Aa][Kk]' | head -n 300
	[ -n "$leaks" ] && printf '%s\n' "$leaks" | head -n 100
	return 1
}
