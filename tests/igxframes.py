# SPDX-License-Identifier: GPL-2.0
"""Raw Ethernet frames for the guest tests that send what a socket would
not: wrong checksums, lying length fields, runts, foreign VLANs.

tests/lib.sh puts this directory on PYTHONPATH; a test's Python snippet
does `import igxframes`.
"""
import socket
import struct

# setup_pair's addresses: the far end sends, we receive
FAR_IP = socket.inet_aton("192.0.2.2")
NEAR_IP = socket.inet_aton("192.0.2.1")


def csum(data):
    """The Internet checksum (RFC 1071) of data."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def if_mac(ifname):
    with open("/sys/class/net/%s/address" % ifname) as f:
        return f.read().strip()


def eth(dst, src, ethertype):
    """An Ethernet header; dst and src as "aa:bb:...", ethertype an int."""
    return bytes.fromhex(dst.replace(":", "") + src.replace(":", "")) + \
        struct.pack("!H", ethertype)


def raw_socket(ifname):
    """An AF_PACKET socket that sends whole frames out of ifname."""
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    return s


def l4_with_csum(proto, l4, off, bad=False, length=None):
    """Fill in the TCP/UDP checksum at l4[off:off + 2] for FAR_IP ->
    NEAR_IP; bad: a wrong one (never 0, which means none for UDP);
    length: the L4 length of the pseudo header (default len(l4))."""
    pseudo = FAR_IP + NEAR_IP + struct.pack(
        "!BBH", 0, proto, len(l4) if length is None else length)
    c = csum(pseudo + l4)
    if proto == socket.IPPROTO_UDP and c == 0:
        c = 0xffff
    if bad:
        c = (c ^ 0x5a5a) or 0xa5a5
    return l4[:off] + struct.pack("!H", c) + l4[off + 2:]


def ipv4(proto, l4, ident, bad_csum=False, len_add=0):
    """An IPv4 header (DF, TTL 64) FAR_IP -> NEAR_IP followed by l4;
    len_add: added to the total length field (a lie when not 0)."""
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4) + len_add,
                     ident & 0xffff, 0x4000, 64, proto, 0, FAR_IP, NEAR_IP)
    c = csum(ip)
    if bad_csum:
        c ^= 0x00ff
    return ip[:10] + struct.pack("!H", c) + ip[12:] + l4


def udp(sport, dport, payload, bad_csum=False, len_add=0):
    """A UDP datagram FAR_IP -> NEAR_IP; len_add lies in its length
    field (the checksum is over the true length)."""
    u = struct.pack("!HHHH", sport, dport, 8 + len(payload) + len_add, 0) + \
        payload
    return l4_with_csum(socket.IPPROTO_UDP, u, 6, bad_csum, len(u))


def tcp_psh(sport, dport, seq, payload, bad_csum=False):
    """A PSH|ACK segment with data FAR_IP -> NEAR_IP, outside any
    connection (the stack answers a good one with a RST)."""
    t = struct.pack("!HHIIBBHHH", sport, dport, seq, 1, 5 << 4, 0x18,
                    65535, 0, 0) + payload
    return l4_with_csum(socket.IPPROTO_TCP, t, 16, bad_csum)
