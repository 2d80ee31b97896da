#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 120
#
# Every emulated port is bound to the tested driver, and ethtool -i reports
# that driver and the port's own PCI address. For igx, the module advertises
# the device IDs it is meant to drive.
source "$(dirname "$0")/lib.sh"

mapfile -t ifs < <(nic_ifaces)
[ "${#ifs[@]}" = "$IGX_NICS" ] ||
	fail "expected $IGX_NICS ports bound to $(drv_module), found ${#ifs[@]}: ${ifs[*]}"

for i in "${ifs[@]}"; do
	info=$(ethtool -i "$i") || fail "ethtool -i $i failed"
	drv=$(awk '$1 == "driver:" { print $2 }' <<< "$info")
	bus=$(awk '$1 == "bus-info:" { print $2 }' <<< "$info")
	pci=$(iface_pci "$i")
	diag "$i: driver $drv, bus-info $bus, sysfs $pci ($(cat "/sys/class/net/$i/address"))"
	[ "$drv" = "$(drv_module)" ] || fail "$i: ethtool driver '$drv', want '$(drv_module)'"
	[ "$bus" = "$pci" ] || fail "$i: bus-info '$bus' differs from sysfs '$pci'"
done

if [ "$IGX_DRIVER" = igx ]; then
	aliases=$(modinfo -F alias "$IGX_MODULE") || fail "modinfo $IGX_MODULE failed"
	for dev in 10C9 1521 1522 1523 1524 10D3 10F6; do
		want="pci:v00008086d0000${dev}sv*sd*bc*sc*i*"
		grep -qxF "$want" <<< "$aliases" || fail "igx.ko has no alias $want"
	done
	diag "igx.ko aliases: $(tr '\n' ' ' <<< "$aliases")"
fi
exit 0
