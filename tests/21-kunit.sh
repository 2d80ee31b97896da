#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 1 --timeout 120
#
# The driver's KUnit suites (igx_kunit.ko, built beside igx.ko only for a
# kernel with CONFIG_KUNIT, such as the debug kernel): load the module,
# which runs every suite, read each suite's KTAP from debugfs into the
# diagnostics, fail on any failed or skipped case and on a suite that is
# missing or has no cases, unload it. Skips on a kernel without KUnit.
# Loading tests taints the kernel ('N'); nothing else is left behind.
source "$(dirname "$0")/lib.sh"

SUITES=(igx_tx_ctx igx_irq igx_rss igx_stats igx_rx_len igx_hw)
KO=$(dirname "$IGX_MODULE")/igx_kunit.ko
DBG=/sys/kernel/debug/kunit

# The running kernel's configuration: /proc/config.gz (the debug kernel),
# else the packaged config file; empty when neither exists.
kconfig() {
	if [ -r /proc/config.gz ]; then
		zcat /proc/config.gz
	elif [ -r "/boot/config-$(uname -r)" ]; then
		cat "/boot/config-$(uname -r)"
	fi
}
config=$(kconfig)
kunit=$(sed -n 's/^CONFIG_KUNIT=//p' <<< "$config")
if [ -n "$config" ] && [ -z "$kunit" ]; then
	skip "kernel $(uname -r) is built without KUnit (CONFIG_KUNIT is not set)"
fi
if [ ! -f "$KO" ]; then
	[ -n "$kunit" ] &&
		fail "kernel $(uname -r) has CONFIG_KUNIT=$kunit but there is no $KO: build it (make KERNEL=debug for the debug kernel)"
	skip "no $KO: igx was built for a kernel without CONFIG_KUNIT"
fi
grep -qx 'CONFIG_KUNIT_DEBUGFS=y' <<< "$config" ||
	skip "kernel $(uname -r) has no CONFIG_KUNIT_DEBUGFS: no per-suite results to read"

[ -d /sys/module/igx ] || fail "igx is not loaded (igx_kunit.ko needs its symbols)"
[ "$kunit" = m ] && { modprobe kunit || fail "cannot load the kunit module"; }
en=/sys/module/kunit/parameters/enable
[ ! -r "$en" ] || [ "$(cat "$en")" = Y ] ||
	fail "KUnit is disabled (kunit.enable=$(cat "$en")): the suites would not run"
mountpoint -q /sys/kernel/debug || mount -t debugfs debugfs /sys/kernel/debug ||
	fail "cannot mount debugfs"

[ -d /sys/module/igx_kunit ] && rmmod igx_kunit
trap '[ -d /sys/module/igx_kunit ] && rmmod igx_kunit' EXIT
# The suites run inside insmod, from the module's init.
insmod "$KO" || fail "insmod $KO failed"
diag "taint after loading the tests: $(cat /proc/sys/kernel/tainted)"

bad=()
for s in "${SUITES[@]}"; do
	f=$DBG/$s/results
	if [ ! -r "$f" ]; then
		bad+=("suite $s is missing (no $f)")
		continue
	fi
	ktap=$(cat "$f")
	while IFS= read -r line; do
		diag "$line"
	done <<< "$ktap"
	# The suite's cases are the result lines indented one level (4
	# spaces); a parameterised case's subtests are indented further.
	cases=$(grep -cE '^    (not )?ok [0-9]+ ' <<< "$ktap")
	plan=$(sed -n 's/^    1\.\.\([0-9]*\)$/\1/p' <<< "$ktap")
	[ "$cases" -gt 0 ] || bad+=("suite $s ran no cases")
	[ "${plan:-0}" = "$cases" ] ||
		bad+=("suite $s planned ${plan:-no} cases, reported $cases")
	while IFS= read -r line; do
		[ -n "$line" ] && bad+=("suite $s: ${line#"${line%%[! ]*}"}")
	done < <(grep -E '^ *not ok |^ *ok [0-9]+ .*# SKIP' <<< "$ktap")
	grep -qE '^(not )?ok 1 '"$s"'$' <<< "$ktap" ||
		bad+=("suite $s has no result line")
	diag "suite $s: $cases cases"
done

rmmod igx_kunit || fail "rmmod igx_kunit failed"
trap - EXIT
if [ ${#bad[@]} -gt 0 ]; then
	printf '%s\n' "${bad[@]}" | sed 's/^/# /'
	fail "${#bad[@]} KUnit problem(s), first: ${bad[0]}"
fi
diag "all ${#SUITES[@]} suites passed: ${SUITES[*]}"
exit 0
