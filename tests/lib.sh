# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for guest scripts run by scripts/vm (and for scripts/guest-init,
# which sources this file too). Source it; it sets no shell options.
#
# Environment from guest-init: IGX_TOP, IGX_DRIVER (igx|igb|e1000e),
# IGX_MODULE (path of igx.ko), IGX_KVER, IGX_OUT (host-shared output dir),
# IGX_MODEL, IGX_NICS.

: "${IGX_DRIVER:=igx}"
: "${IGX_TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${IGX_MODULE:=$IGX_TOP/drivers/net/ethernet/intel/igx/igx.ko}"

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

# Netdevs in this netns bound to the tested driver, sorted by PCI address.
nic_ifaces() {
	local d drv pci
	for d in /sys/class/net/*; do
		[ -e "$d/device/driver" ] || continue
		drv=$(basename "$(readlink "$d/device/driver")")
		[ "$drv" = "$(drv_module)" ] || continue
		pci=$(basename "$(readlink "$d/device")")
		printf '%s %s\n' "$pci" "${d##*/}"
	done | sort | cut -d' ' -f2
}

# iface_pci IF: PCI address (0000:01:00.0) of a netdev in this netns.
iface_pci() { basename "$(readlink "/sys/class/net/$1/device")"; }

# carrier IF [NS]: 1 or 0 (empty when the interface is admin down).
carrier() {
	if [ -n "${2:-}" ]; then
		ip netns exec "$2" cat "/sys/class/net/$1/carrier" 2>/dev/null
	else
		cat "/sys/class/net/$1/carrier" 2>/dev/null
	fi
}

# Put the ports back in the root netns (after an earlier setup_pair); the
# netns itself is kept: deleting one returns its devices asynchronously.
_pair_reclaim() {
	local d
	ip netns list | grep -qw "$REMOTE_NS" || return 0
	for d in $(rns sh -c 'for d in /sys/class/net/*; do
			[ -e "$d/device/driver" ] && echo "${d##*/}"; done'); do
		rns ip link set dev "$d" netns 1
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
	export LOCAL_IF REMOTE_IF
	ip netns list | grep -qw "$REMOTE_NS" || ip netns add "$REMOTE_NS"
	rns ip link set lo up
	ip link set dev "$REMOTE_IF" netns "$REMOTE_NS" ||
		fail "setup_pair: cannot move $REMOTE_IF to netns $REMOTE_NS"

	ip addr flush dev "$LOCAL_IF"
	ip addr add 192.0.2.1/24 dev "$LOCAL_IF"
	ip addr add 2001:db8::1/64 dev "$LOCAL_IF" nodad
	ip link set dev "$LOCAL_IF" up
	rns ip addr flush dev "$REMOTE_IF"
	rns ip addr add 192.0.2.2/24 dev "$REMOTE_IF"
	rns ip addr add 2001:db8::2/64 dev "$REMOTE_IF" nodad
	rns ip link set dev "$REMOTE_IF" up

	wait_for '[ "$(carrier "$LOCAL_IF")" = 1 ] &&
		[ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "setup_pair: no carrier on $LOCAL_IF/$REMOTE_IF after 15 s"
	[ -n "$quiet" ] || diag "pair: $LOCAL_IF ($(iface_pci "$LOCAL_IF")) <-> $REMOTE_NS/$REMOTE_IF, carrier after ${WAITED_MS} ms"
}

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

# dmesg_check: fail (return 1, print the lines) when the kernel log shows a
# warning, a splat or a leak. On the debug kernel kmemleak is scanned first.
dmesg_check() {
	local re p bad kl=/sys/kernel/debug/kmemleak leaks=
	if [ -w "$kl" ] && zcat /proc/config.gz 2>/dev/null | grep -qx 'CONFIG_KASAN=y'; then
		# Two scans: an object is reported only when it was unreferenced in
		# two consecutive ones.
		echo scan > "$kl"
		sleep 5
		echo scan > "$kl"
		leaks=$(cat "$kl")
	fi
	re=$(IFS='|'; echo "${IGX_DMESG_PATTERNS[*]}")
	bad=$({ dmesg; [ -n "$leaks" ] && printf '%s\n' "$leaks"; } |
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
