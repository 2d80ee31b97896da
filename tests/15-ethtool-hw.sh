#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm: --nics 2 --timeout 300
#
# The ethtool operations that reach the hardware directly:
#   -i  driver, bus-info, firmware-version from the NVM words, and the
#       lengths the core derives (eedump_len, regdump_len, n_priv_flags);
#   -d  register dump, layout version 1 (82576) or 2 (82574)
#       (Documentation/igx.rst): plausible
#       values, and dumping does not disturb traffic or the MAC counters
#       (none of the clear-on-read registers is in it);
#   -e  NVM bytes: MAC address at bytes 0-5, odd offsets and lengths, the
#       0xBABA checksum of words 0x00-0x3f; -E is refused;
#   -p  blinks for the time asked, LEDCTL restored afterwards;
#   -a/-A pause: round trip of every mode, CTRL.RFCE/TFCE and the PHY
#       advertisement follow, settings survive down/up, invalid values
#       are refused and the previous settings kept, traffic flows;
#   -T  software timestamps only, and a TX software timestamp really
#       arrives;
#   -C  EITR (in the -d dump) follows the moderation settings: the
#       shorter fixed interval; and with adaptive-rx on and a fixed
#       tx-usecs above every net DIM interval, a vector that only sends
#       (a pktgen flood on queue 0, in MSI-X mode) gets tx-usecs: an idle
#       adaptive direction is left out of the vector's interval.
# QEMU does not model flow control: only settings and registers are checked.
source "$(dirname "$0")/lib.sh"

setup_pair
L=$LOCAL_IF
TMP=$(mktemp -d)
trap 'pkill -x iperf3; rm -rf "$TMP"' EXIT

# ---- helpers ----

# eth_ioctl drvinfo IF: "eedump_len regdump_len n_priv_flags fw_version"
# eth_ioctl spause IF AUTONEG RX TX: "ok" or the errno name
read -r -d '' IOCTL_PY <<'PYEOF'
import ctypes, errno, fcntl, socket, struct, sys
SIOCETHTOOL = 0x8946
def ioctl(ifname, buf):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    ifr = struct.pack("16sP", ifname.encode(), ctypes.addressof(buf))
    fcntl.ioctl(s, SIOCETHTOOL, ifr)
cmd, ifname = sys.argv[1], sys.argv[2]
if cmd == "drvinfo":
    buf = ctypes.create_string_buffer(struct.pack("I", 0x3) + bytes(192))
    ioctl(ifname, buf)
    fw = buf.raw[68:100].split(b"\0")[0].decode()
    n_priv, n_stats, testinfo, eedump, regdump = struct.unpack_from("5I", buf.raw, 176)
    print(eedump, regdump, n_priv, fw)
elif cmd == "spause":
    a, r, t = (int(x) for x in sys.argv[3:6])
    buf = ctypes.create_string_buffer(struct.pack("4I", 0x13, a, r, t))
    try:
        ioctl(ifname, buf)
        print("ok")
    except OSError as e:
        print(errno.errorcode[e.errno])
PYEOF
eth_ioctl() { python3 -c "$IOCTL_PY" "$@"; }

# The register dump, layout version 1 (82576/I350) or 2 (82574), as
# "NAME VALUE" lines (hex values); per-queue registers as NAME.Q, and
# BLOCKS, the number of queue blocks. Keep in sync with the igx_mac_*.c
# tables.
read -r -d '' REGS_PY <<'PYEOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
words = struct.unpack("<%dI" % (len(data) // 4), data)
layouts = {
    1: ([("CTRL", 1), ("STATUS", 1), ("EECD", 1), ("CTRL_EXT", 1), ("MDIC", 1),
         ("SW_FW_SYNC", 1), ("LEDCTL", 1), ("FCAL", 1), ("FCAH", 1), ("FCT", 1),
         ("FCTTV", 1), ("FCRTL", 1), ("FCRTH", 1), ("FCRTV", 1), ("RXPBS", 1),
         ("IMS", 1), ("IAM", 1), ("GPIE", 1), ("EIMS", 1), ("EIAC", 1),
         ("EIAM", 1), ("EITR", 10), ("IVAR", 8), ("IVAR_MISC", 1), ("RCTL", 1),
         ("RXCSUM", 1), ("RLPML", 1), ("TCTL", 1), ("TIPG", 1), ("VET", 1),
         ("MRQC", 1), ("RETA", 32), ("RSSRK", 10), ("RA", 32), ("MTA", 128),
         ("VFTA", 128)],
        ["RDBAL", "RDBAH", "RDLEN", "SRRCTL", "RDH", "RDT", "RXDCTL",
         "TDBAL", "TDBAH", "TDLEN", "TDH", "TDT", "TXDCTL"], 16),
    2: ([("CTRL", 1), ("STATUS", 1), ("EECD", 1), ("CTRL_EXT", 1), ("MDIC", 1),
         ("EXTCNF_CTRL", 1), ("LEDCTL", 1), ("FCAL", 1), ("FCAH", 1),
         ("FCT", 1), ("FCTTV", 1), ("FCRTL", 1), ("FCRTH", 1), ("FCRTV", 1),
         ("PBA", 1), ("IMS", 1), ("IAM", 1), ("EIAC", 1), ("IVAR", 1),
         ("ITR", 1), ("EITR", 5), ("RCTL", 1), ("RFCTL", 1), ("RXCSUM", 1),
         ("TCTL", 1), ("TIPG", 1), ("VET", 1), ("TARC", 2), ("MRQC", 1),
         ("RETA", 32), ("RSSRK", 10), ("RA", 32), ("MTA", 128), ("VFTA", 128)],
        ["RDBAL", "RDBAH", "RDLEN", "RDH", "RDT", "RXDCTL",
         "TDBAL", "TDBAH", "TDLEN", "TDH", "TDT", "TXDCTL"], 2),
}
if not words or words[0] not in layouts:
    sys.exit("unknown dump layout %s" % (words[0] if words else "(empty)"))
glob, queue, blocks = layouts[words[0]]
want = 2 + sum(n for _, n in glob) + blocks * len(queue)
if len(words) != want:
    sys.exit("dump has %d words, layout %d has %d" % (len(words), words[0], want))
print("VERSION %x" % words[0])
print("QUEUES %x" % words[1])
print("BLOCKS %x" % blocks)
i = 2
for name, n in glob:
    for j in range(n):
        print("%s %x" % (name if n == 1 else "%s.%d" % (name, j), words[i]))
        i += 1
for q in range(blocks):
    for name in queue:
        print("%s.%d %x" % (name, q, words[i]))
        i += 1
PYEOF
# dump_regs FILE: raw dump of $L into FILE.raw, parsed into FILE
dump_regs() {
	ethtool -d "$L" raw on > "$1.raw" || fail "ethtool -d $L raw on failed"
	python3 -c "$REGS_PY" "$1.raw" > "$1" || fail "cannot parse the register dump"
}
# reg FILE NAME: the value of NAME in a parsed dump, as a decimal number
reg() {
	local v
	v=$(awk -v n="$2" '$1 == n { print $2 }' "$1")
	[ -n "$v" ] || fail "register $2 is not in the dump"
	echo $((16#$v))
}
bit() { echo $((($1 >> $2) & 1)); }

ping_ok() { # ping_ok WHAT: 20 pings, none lost
	ping -c 20 -i 0.05 -W 2 -q 192.0.2.2 > "$TMP/ping" 2>&1 ||
		{ cat "$TMP/ping"; fail "$1: ping to the peer failed"; }
	grep -q ' 0% packet loss' "$TMP/ping" ||
		{ cat "$TMP/ping"; fail "$1: ping lost packets"; }
}
iperf_ok() { # iperf_ok WHAT: 3 s of TCP to the peer
	local out
	rns iperf3 -s -D -1 --pidfile /run/iperf3-s.pid > /dev/null 2>&1 ||
		fail "$1: cannot start the iperf3 server"
	wait_for 'rns ss -ltn | grep -q ":5201 "' 5
	out=$(iperf3 -c 192.0.2.2 -t 3 -f m 2>&1) ||
		{ printf '%s\n' "$out" | tail -n 5; fail "$1: iperf3 failed"; }
	diag "$1: iperf3 $(awk '/receiver/ { print $7, $8 }' <<< "$out")"
	wait_for '! pgrep -x iperf3 > /dev/null' 5
}
wait_carrier() { # wait_carrier WHAT
	wait_for '[ "$(carrier "$L")" = 1 ] && [ "$(carrier "$REMOTE_IF" "$REMOTE_NS")" = 1 ]' 15 ||
		fail "$1: no carrier after 15 s"
}

# ---- -i ----
info=$(ethtool -i "$L") || fail "ethtool -i failed"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }' <<< "$info"; }
[ "$(field driver)" = igx ] || fail "ethtool -i: driver '$(field driver)', want igx"
[ "$(field bus-info)" = "$LOCAL_PCI" ] ||
	fail "ethtool -i: bus-info '$(field bus-info)', want $LOCAL_PCI"
fw=$(field firmware-version)
diag "firmware-version: $fw"
# no eTrack ID in an NVM too small to hold it (QEMU's e1000e: 64 words)
[[ $fw =~ ^nvm\ [0-9a-f]\.[0-9a-f]{2}-[0-9a-f](\ etrack\ 0x[0-9a-f]{8})?$ ]] ||
	fail "ethtool -i: firmware-version '$fw' is not 'nvm M.mm-i[ etrack 0xXXXXXXXX]'"
for k in supports-eeprom-access supports-register-dump supports-priv-flags; do
	[ "$(field "$k")" = yes ] || fail "ethtool -i: $k is '$(field "$k")', want yes"
done
read -r eedump_len regdump_len n_priv fw_ioctl < <(eth_ioctl drvinfo "$L") ||
	fail "ETHTOOL_GDRVINFO failed"
diag "drvinfo: eedump_len $eedump_len regdump_len $regdump_len n_priv_flags $n_priv"
[ "$n_priv" = 1 ] || fail "n_priv_flags $n_priv, want 1 (disable-msix)"
[ "$fw_ioctl" = "$fw" ] || fail "firmware version differs between netlink and ioctl"

# ---- -d ----
ethtool -d "$L" > "$TMP/regs.txt" || fail "ethtool -d $L failed"
dump_regs "$TMP/r0"
size=$(stat -c %s "$TMP/r0.raw")
[ "$size" = "$regdump_len" ] || fail "raw dump is $size bytes, regdump_len $regdump_len"
layout=1
[ "$IGX_MODEL" = e1000e ] && layout=2
[ "$(reg "$TMP/r0" VERSION)" = $layout ] ||
	fail "dump layout version $(reg "$TMP/r0" VERSION), want $layout on $IGX_MODEL"
blocks=$(reg "$TMP/r0" BLOCKS)
nq=$(reg "$TMP/r0" QUEUES)
combined=$(ethtool -l "$L" | awk '/^Current/ { c = 1 } c && $1 == "Combined:" { print $2 }')
[ "$nq" = "$combined" ] || fail "dump says $nq active queues, ethtool -l $combined"
read -r rx_ring tx_ring < <(ethtool -g "$L" | awk '/^Current/ { c = 1 }
	c && $1 == "RX:" { r = $2 } c && $1 == "TX:" { t = $2 } END { print r, t }')
ctrl=$(reg "$TMP/r0" CTRL)
status=$(reg "$TMP/r0" STATUS)
diag "CTRL $(printf %#x "$ctrl") STATUS $(printf %#x "$status") RCTL $(printf %#x "$(reg "$TMP/r0" RCTL)") TCTL $(printf %#x "$(reg "$TMP/r0" TCTL)") queues $nq rings $rx_ring/$tx_ring"
[ "$(bit "$ctrl" 6)" = 1 ] || fail "CTRL.SLU clear in the dump"
[ "$(bit "$ctrl" 26)" = 0 ] || fail "CTRL.RST set in the dump"
[ "$(bit "$status" 1)" = 1 ] || fail "STATUS.LU clear in the dump with carrier on"
[ "$(bit "$status" 0)" = 1 ] || fail "STATUS.FD clear (QEMU links at full duplex)"
[ "$(bit "$(reg "$TMP/r0" RCTL)" 1)" = 1 ] || fail "RCTL.EN clear in the dump"
[ "$(bit "$(reg "$TMP/r0" TCTL)" 1)" = 1 ] || fail "TCTL.EN clear in the dump"
[ "$(reg "$TMP/r0" FCT)" = $((0x8808)) ] || fail "FCT is not the pause EtherType"
[ "$(reg "$TMP/r0" FCAL)" = $((0x00c28001)) ] && [ "$(reg "$TMP/r0" FCAH)" = $((0x0100)) ] ||
	fail "FCAL/FCAH are not 01:80:c2:00:00:01"
for q in $(seq 0 $((blocks - 1))); do
	if [ "$q" -lt "$nq" ]; then
		[ "$(reg "$TMP/r0" "RDLEN.$q")" = $((rx_ring * 16)) ] ||
			fail "RDLEN.$q = $(reg "$TMP/r0" "RDLEN.$q"), want $rx_ring * 16"
		[ "$(reg "$TMP/r0" "TDLEN.$q")" = $((tx_ring * 16)) ] ||
			fail "TDLEN.$q = $(reg "$TMP/r0" "TDLEN.$q"), want $tx_ring * 16"
		# the 82574's queues have no enable bit (RCTL/TCTL.EN above)
		if [ "$layout" = 1 ]; then
			[ "$(bit "$(reg "$TMP/r0" "RXDCTL.$q")" 25)" = 1 ] || fail "RXDCTL.$q not enabled"
			[ "$(bit "$(reg "$TMP/r0" "TXDCTL.$q")" 25)" = 1 ] || fail "TXDCTL.$q not enabled"
		fi
		[ "$(reg "$TMP/r0" "RDT.$q")" -lt "$rx_ring" ] || fail "RDT.$q beyond the ring"
	else
		[ "$(reg "$TMP/r0" "RDLEN.$q")" = 0 ] || fail "queue $q is not active but dumped"
	fi
done
# RAL0/RAH0: the station address, valid
mac=$(cat "/sys/class/net/$L/address")
ra=$(printf '%08x%08x' "$(reg "$TMP/r0" RA.1)" "$(reg "$TMP/r0" RA.0)")
want=$(awk -F: '{ print $6 $5 $4 $3 $2 $1 }' <<< "$mac")
[ "${ra:0:4}" = 8000 ] && [ "${ra:4}" = "$want" ] ||
	fail "RAL0/RAH0 $ra do not hold $mac with AV"
# RSSRK: the key ethtool -x shows, first byte lowest
key=$(ethtool -x "$L" | awk '/^RSS hash key/ { getline; print; exit }' | tr -d ':\n')
rk=$(for i in $(seq 0 9); do printf '%08x' "$(reg "$TMP/r0" "RSSRK.$i")"; done |
	sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/g')
[ "$rk" = "$key" ] || fail "RSSRK $rk is not the key ethtool -x shows ($key)"
# flow control thresholds inside the packet buffer, XON enabled
if [ "$layout" = 1 ]; then
	pb=$(( ($(reg "$TMP/r0" RXPBS) & 0x7f) * 1024 ))
else
	pb=$(( ($(reg "$TMP/r0" PBA) & 0xffff) * 1024 ))
fi
fcrth=$(( $(reg "$TMP/r0" FCRTH) & 0x1fff0 ))
fcrtl=$(( $(reg "$TMP/r0" FCRTL) & 0x1fff0 ))
diag "RX buffer $pb bytes, XOFF above $fcrth, XON below $fcrtl, FCTTV $(reg "$TMP/r0" FCTTV), FCRTV $(reg "$TMP/r0" FCRTV)"
[ "$pb" -gt 0 ] && [ "$fcrth" -gt 0 ] && [ "$fcrth" -lt "$pb" ] && [ "$fcrtl" -lt "$fcrth" ] ||
	fail "flow control thresholds not within the RX buffer"
[ "$(bit "$(reg "$TMP/r0" FCRTL)" 31)" = 1 ] || fail "FCRTL.XONE clear"
[ "$(reg "$TMP/r0" FCTTV)" -gt 0 ] && [ "$(reg "$TMP/r0" FCRTV)" -gt 0 ] &&
	[ "$(reg "$TMP/r0" FCRTV)" -lt "$(reg "$TMP/r0" FCTTV)" ] ||
	fail "pause time / refresh not sane"

# Dumping while traffic flows: no loss, and the MAC counters (clear on
# read, folded in by the driver) lose nothing: FramesReceivedOK grows by at
# least the replies ping got.
frames_rx() { ethtool -S "$L" --groups eth-mac | awk '/FramesReceivedOK/ { print $2; exit }'; }
f0=$(frames_rx)
[ -n "$f0" ] || fail "no eth-mac FramesReceivedOK"
s0=$(ethtool -S "$L" | grep -E 'tx_timeouts|resets')
ping -c 200 -i 0.01 -W 2 -q 192.0.2.2 > "$TMP/ping" 2>&1 &
pp=$!
for _ in $(seq 1 20); do
	ethtool -d "$L" raw on > /dev/null || fail "ethtool -d failed under traffic"
done
wait "$pp" || { cat "$TMP/ping"; fail "ping failed while dumping registers"; }
grep -q ' 0% packet loss' "$TMP/ping" || { cat "$TMP/ping"; fail "ping lost packets while dumping"; }
sleep 2.5	# one service period: counters folded in
f1=$(frames_rx)
diag "200 pings while dumping 20 times: FramesReceivedOK +$((f1 - f0))"
[ $((f1 - f0)) -ge 200 ] || fail "FramesReceivedOK grew by $((f1 - f0)) < 200: a dump cleared a counter?"
[ "$(ethtool -S "$L" | grep -E 'tx_timeouts|resets')" = "$s0" ] || fail "dumping caused a reset"
dump_regs "$TMP/r1"
[ "$(reg "$TMP/r1" CTRL)" = "$ctrl" ] || fail "CTRL changed across dumps"

# ---- -e ----
ethtool -e "$L" raw on > "$TMP/nvm" || fail "ethtool -e $L failed"
nvm_len=$(stat -c %s "$TMP/nvm")
diag "NVM: $nvm_len bytes, words 0-7: $(od -An -tx2 -N16 "$TMP/nvm" | tr -s ' ')"
[ "$nvm_len" = "$eedump_len" ] || fail "ethtool -e gave $nvm_len bytes, eedump_len $eedump_len"
perm=$(ethtool -P "$L" | awk '{ print $3 }')
nvm_mac=$(od -An -tx1 -N6 "$TMP/nvm" | tr -s ' ' | sed 's/^ //; s/ /:/g')
[ "$nvm_mac" = "$perm" ] || fail "NVM bytes 0-5 $nvm_mac, permanent address $perm"
sum=$(python3 -c 'import struct, sys
d = open(sys.argv[1], "rb").read(128)
print("%04x" % (sum(struct.unpack("<64H", d)) & 0xffff))' "$TMP/nvm")
[ "$sum" = baba ] || fail "NVM words 0x00-0x3f sum to $sum, want baba"
for ol in "1 5" "3 2" "0 1" "7 9" "$((nvm_len - 3)) 3"; do
	read -r o n <<< "$ol"
	got=$(ethtool -e "$L" offset "$o" length "$n" raw on | od -An -tx1 | tr -d ' \n')
	exp=$(dd if="$TMP/nvm" bs=1 skip="$o" count="$n" status=none | od -An -tx1 | tr -d ' \n')
	[ "$got" = "$exp" ] || fail "ethtool -e offset $o length $n: $got, want $exp"
done
ethtool -e "$L" offset "$nvm_len" length 2 > /dev/null 2>&1 &&
	fail "ethtool -e past the end of the NVM succeeded"
# the version string comes from words 0x05 and 0x42-0x43 (if there)
exp_fw=$(python3 -c 'import struct, sys
w = struct.unpack("<%dH" % (len(open(sys.argv[1], "rb").read()) // 2), open(sys.argv[1], "rb").read())
v = w[5]
et = " etrack 0x%08x" % (w[0x43] << 16 | w[0x42]) if len(w) > 0x43 else ""
print("nvm %x.%02x-%x%s" % (v >> 12, (v >> 4) & 0xff, v & 0xf, et))' "$TMP/nvm")
[ "$fw" = "$exp_fw" ] || fail "firmware-version '$fw', the NVM words say '$exp_fw'"
magic=$(printf '0x%04x%04x' "$(cat "/sys/class/net/$L/device/device")" "$(cat "/sys/class/net/$L/device/vendor")")
if ethtool -E "$L" magic "$magic" offset 0x10 value 0x5a 2> "$TMP/e.err"; then
	fail "ethtool -E succeeded"
fi
diag "ethtool -E refused: $(head -n 1 "$TMP/e.err")"
cmp -s <(ethtool -e "$L" raw on) "$TMP/nvm" || fail "the NVM changed after a refused -E"

# ---- -p ----
led0=$(reg "$TMP/r1" LEDCTL)
t0=$(now_ms)
ethtool -p "$L" 2 &
pid=$!
sleep 1.1
dump_regs "$TMP/rp"
ledm=$(reg "$TMP/rp" LEDCTL)
wait "$pid" || fail "ethtool -p $L 2 failed"
t=$(($(now_ms) - t0))
dump_regs "$TMP/r2"
led1=$(reg "$TMP/r2" LEDCTL)
diag "ethtool -p 2: ${t} ms; LEDCTL $(printf %#x "$led0") before, $(printf %#x "$ledm") while blinking, $(printf %#x "$led1") after"
[ "$t" -ge 1800 ] && [ "$t" -le 4000 ] || fail "ethtool -p 2 took $t ms"
g=$((led0 & 0x20))
[ "$ledm" = $((0x0e0e0e0e | g)) ] || [ "$ledm" = $((0x0f0f0f0f | g)) ] ||
	fail "LEDCTL while blinking $(printf %#x "$ledm") is neither all-on nor all-off"
[ "$led1" = "$led0" ] || fail "LEDCTL not restored after ethtool -p"
ping_ok "after ethtool -p"

# ---- -a/-A ----
pause_is() { # pause_is WHAT AUTONEG RX TX
	local out a r t
	out=$(ethtool -a "$L") || fail "$1: ethtool -a failed"
	a=$(awk '$1 == "Autonegotiate:" { print $2 }' <<< "$out")
	r=$(awk '$1 == "RX:" { print $2 }' <<< "$out")
	t=$(awk '$1 == "TX:" { print $2 }' <<< "$out")
	[ "$a $r $t" = "$2 $3 $4" ] || fail "$1: ethtool -a says '$a $r $t', want '$2 $3 $4'"
}
mac_fc_is() { # mac_fc_is WHAT RFCE TFCE: CTRL bits in a fresh dump
	local c
	dump_regs "$TMP/rf"
	c=$(reg "$TMP/rf" CTRL)
	[ "$(bit "$c" 27) $(bit "$c" 28)" = "$2 $3" ] ||
		fail "$1: CTRL.RFCE/TFCE are $(bit "$c" 27)/$(bit "$c" 28), want $2/$3"
}
adv_pause() { ethtool "$L" | awk -F': *' '/Advertised pause frame use/ { print $2 }'; }
set_pause() { # set_pause AUTONEG RX TX
	ethtool -A "$L" autoneg "$1" rx "$2" tx "$3" ||
		fail "ethtool -A autoneg $1 rx $2 tx $3 failed"
}

pause_is "default" on on on
mac_fc_is "default (QEMU's partner advertises symmetric pause)" 1 1
[ "$(adv_pause)" = Symmetric ] || fail "default advertisement: '$(adv_pause)', want Symmetric"

[ "$(ethtool "$L" | awk -F': *' '/Supported pause frame use/ { print $2 }')" = "Symmetric Receive-only" ] ||
	fail "supported pause: not symmetric and asymmetric"

# forced: the MAC follows at once, the link stays
for m in "off off off 0 0" "off on off 1 0" "off off on 0 1" "off on on 1 1"; do
	read -r a r t rf tf <<< "$m"
	set_pause "$a" "$r" "$t"
	pause_is "autoneg $a rx $r tx $t" "$a" "$r" "$t"
	mac_fc_is "autoneg $a rx $r tx $t" "$rf" "$tf"
	ping_ok "autoneg $a rx $r tx $t"
done

# forced settings survive down/up (reset, and QEMU setting both bits when
# autonegotiation completes)
set_pause off on off
ip link set "$L" down
ip link set "$L" up
wait_carrier "down/up with forced pause"
sleep 0.5
pause_is "after down/up" off on off
mac_fc_is "forced rx only after down/up" 1 0
ping_ok "after down/up"

# negotiated: the link renegotiates and comes back; the result follows
# IEEE 802.3 annex 28B against QEMU's partner (symmetric pause only)
for m in "on on on 1 1 Symmetric" "on off on 0 0 Transmit-only" \
	 "on on off 1 1 Symmetric_Receive-only" "on off off 0 0 No"; do
	read -r a r t rf tf adv <<< "$m"
	adv=${adv//_/ }
	set_pause "$a" "$r" "$t"
	sleep 0.2
	wait_carrier "autoneg $a rx $r tx $t"
	pause_is "autoneg $a rx $r tx $t" "$a" "$r" "$t"
	mac_fc_is "autoneg $a rx $r tx $t" "$rf" "$tf"
	[ "$(adv_pause)" = "$adv" ] ||
		fail "autoneg $a rx $r tx $t: advertised '$(adv_pause)', want $adv"
	ping_ok "autoneg $a rx $r tx $t"
done
set_pause on on on
wait_carrier "back to the defaults"
iperf_ok "pause back to the defaults"

# invalid: values other than 0/1 through the ioctl; nonsense through ethtool
set_pause off on off
for v in "2 0 0" "0 2 0" "0 0 7"; do
	# shellcheck disable=SC2086
	r=$(eth_ioctl spause "$L" $v)
	[ "$r" = EINVAL ] || fail "ETHTOOL_SPAUSEPARAM $v: $r, want EINVAL"
done
ethtool -A "$L" rx maybe > /dev/null 2>&1 && fail "ethtool -A rx maybe succeeded"
pause_is "after refused settings" off on off
mac_fc_is "after refused settings" 1 0
set_pause on on on
wait_carrier "defaults again"
pause_is "defaults again" on on on
ping_ok "defaults again"

# ---- -T ----
ts=$(ethtool -T "$L") || fail "ethtool -T failed"
for c in software-transmit software-receive software-system-clock; do
	grep -q "$c" <<< "$ts" || { printf '%s\n' "$ts"; fail "ethtool -T lacks $c"; }
done
grep -qE 'hardware-(transmit|receive)|hardware-raw-clock' <<< "$ts" &&
	{ printf '%s\n' "$ts"; fail "ethtool -T claims hardware timestamping"; }
grep -qE 'PTP Hardware Clock: none' <<< "$ts" ||
	{ printf '%s\n' "$ts"; fail "ethtool -T shows a PTP clock"; }
# a TX software timestamp comes back on the error queue
python3 - <<'PYEOF' || fail "no TX software timestamp from igx_xmit_frame()"
import select, socket, struct, time
SO_TIMESTAMPING = 37
TX_SOFTWARE, SOFTWARE, OPT_TSONLY = 1 << 1, 1 << 4, 1 << 11
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPING, TX_SOFTWARE | SOFTWARE | OPT_TSONLY)
s.sendto(b"x" * 32, ("192.0.2.2", 9))
end = time.monotonic() + 2
while time.monotonic() < end:
    select.select([s], [], [], 0.1)
    try:
        _, anc, _, _ = s.recvmsg(64, 1024, socket.MSG_ERRQUEUE | socket.MSG_DONTWAIT)
    except BlockingIOError:
        continue
    for level, typ, data in anc:
        if level == socket.SOL_SOCKET and typ == SO_TIMESTAMPING:
            sec, nsec = struct.unpack_from("qq", data, 0)
            if sec:
                print("# TX software timestamp %d.%09d" % (sec, nsec))
                raise SystemExit(0)
raise SystemExit(1)
PYEOF

# ---- -C: the interval programmed in EITR ----
# itr_us DUMP V: queue vector V's interval as programmed, in us (layout 1:
# EITR bits 14:2 in us; layout 2: EITR in 256 ns units, in MSI-X mode)
itr_us() {
	local v
	v=$(reg "$1" "EITR.$2")
	if [ "$layout" = 1 ]; then
		echo $(((v >> 2) & 0x1fff))
	else
		echo $(((v & 0xffff) * 256 / 1000))
	fi
}
# us_as_itr US: what itr_us shows for US (the 82574's units round up)
us_as_itr() {
	if [ "$layout" = 1 ]; then
		echo "$1"
	else
		echo $((($1 * 1000 + 255) / 256 * 256 / 1000))
	fi
}
if { [ "$IGX_MODE" != msix ] && [ "$IGX_MODE" != iommu ]; } || [ "$IGX_DRIVER" != igx ]; then
	diag "-C/EITR: not checked (mode $IGX_MODE, driver $IGX_DRIVER; EITR per queue vector is igx's in MSI-X mode)"
	exit 0
fi
ethtool -C "$L" adaptive-rx off adaptive-tx off rx-usecs 100 tx-usecs 200 ||
	fail "-C rx-usecs 100 tx-usecs 200 failed"
dump_regs "$TMP/c1"
for ((q = 0; q < nq; q++)); do
	[ "$(itr_us "$TMP/c1" "$q")" = "$(us_as_itr 100)" ] ||
		fail "rx-usecs 100 tx-usecs 200: vector $q has $(itr_us "$TMP/c1" "$q") us in EITR, want the shorter, 100"
done
diag "-C rx-usecs 100 tx-usecs 200: EITR of vectors 0-$((nq - 1)): $(us_as_itr 100) us"

# 300 us is above every interval of net DIM's profiles (256 at most), so
# as long as the RX side counted (net DIM's RX interval, not tuned
# without RX traffic) the vector could not get it.
ethtool -C "$L" adaptive-rx on adaptive-tx off tx-usecs 300 ||
	fail "-C adaptive-rx on adaptive-tx off tx-usecs 300 failed"
# Nothing may reach the local port during the flood: the far end's IPv6
# (router solicitations, MLD) goes; ARP needs no answer (pktgen has the
# destination MAC).
rns sysctl -qw "net.ipv6.conf.$REMOTE_IF.disable_ipv6=1"
modprobe pktgen || fail "no pktgen module"
PG=/proc/net/pktgen
pgset() { echo "$2" > "$PG/$1" || fail "pktgen: '$2' > $1 refused"; }
pgset kpktgend_0 rem_device_all
pgset kpktgend_0 "add_device $L"
pgset "$L" "count 100000"
pgset "$L" "pkt_size 60"
pgset "$L" "delay 0"
pgset "$L" "dst 198.51.100.1"
pgset "$L" "dst_mac $(rns cat "/sys/class/net/$REMOTE_IF/address")"
q0=$(nl qstats "$L") || fail "qstats failed"
timeout 120 sh -c "echo start > $PG/pgctrl" || fail "pktgen did not finish 100000 frames in 120 s"
q1=$(nl qstats "$L") || fail "qstats failed"
pgset kpktgend_0 rem_device_all
sent=$(($(qstat "$q1" tx 0 tx-packets) - $(qstat "$q0" tx 0 tx-packets)))
rcvd=$(($(qstat "$q1" rx 0 rx-packets) - $(qstat "$q0" rx 0 rx-packets)))
dump_regs "$TMP/c2"
got=$(itr_us "$TMP/c2" 0)
diag "pktgen: TX queue 0 sent $sent frames, RX queue 0 received $rcvd; vector 0 EITR: $got us"
[ "$sent" -ge 100000 ] || fail "TX queue 0 sent $sent frames of pktgen's 100000"
[ "$got" = "$(us_as_itr 300)" ] ||
	fail "vector 0 only sent, with adaptive-rx on and tx-usecs 300: EITR has $got us, want 300 (RX queue 0 received $rcvd frames)"
ethtool -C "$L" adaptive-rx on adaptive-tx on || fail "-C adaptive on failed"
exit 0
