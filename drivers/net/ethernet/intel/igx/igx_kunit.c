// SPDX-License-Identifier: GPL-2.0
/*
 * igx: KUnit tests of the logic that needs no device.
 *
 * Built as igx_kunit.ko, apart from igx.ko, and only against a kernel with
 * CONFIG_KUNIT: loading it runs the suites (and taints the kernel).  The
 * functions under test are static in a kernel without KUnit; with it they
 * are exported to the EXPORTED_FOR_KUNIT_TESTING namespace.
 *
 * Register-level tests run against a fake register file: a zeroed buffer
 * that a struct igx_dev's hw_addr points at, so igx_rd32()/igx_wr32() read
 * and write plain memory.  The counters there do not clear on read; a test
 * writes the next interval's values itself.
 */
#include <kunit/skbuff.h>
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/dim.h>
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/tcp.h>

#include "igx.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/* ---- A device without hardware ---- */

/* Enough for every register the tests touch (RSS key at 0x5c80..0x5ca7) */
#define IGX_TEST_REGS_SIZE	0x6000

static void igx_test_free_netdev(void *netdev)
{
	free_netdev(netdev);
}

/*
 * A struct igx_dev inside an unregistered net_device, as at probe, with
 * what register access and the counter update use: the register file,
 * the 82576 family (its counter table), the counter lock, and no service
 * work (igx_service_schedule() must not queue it).
 */
static struct igx_dev *igx_test_dev(struct kunit *test)
{
	struct net_device *netdev;
	struct igx_dev *dev;
	void *regs;

	netdev = alloc_etherdev(sizeof(*dev));
	KUNIT_ASSERT_NOT_NULL(test, netdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
							   igx_test_free_netdev,
							   netdev));
	regs = kunit_kzalloc(test, IGX_TEST_REGS_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, regs);
	test->priv = regs;

	dev = netdev_priv(netdev);
	dev->netdev = netdev;
	dev->hw_addr = (u8 __iomem __force *)regs;
	dev->family = &igx_family_82576;
	spin_lock_init(&dev->hw_stats_lock);
	/* register_netdevice() would set up the address lock, which the
	 * RCTL updates take; this netdev is never registered
	 */
	spin_lock_init(&netdev->addr_list_lock);
	set_bit(IGX_STATE_NO_SERVICE, &dev->state);
	return dev;
}

static u32 *igx_test_reg(struct kunit *test, u32 reg)
{
	KUNIT_ASSERT_LT(test, reg, IGX_TEST_REGS_SIZE);
	KUNIT_ASSERT_EQ(test, reg % 4, 0);
	return (u32 *)test->priv + reg / 4;
}

static u32 igx_test_get(struct kunit *test, u32 reg)
{
	return *igx_test_reg(test, reg);
}

static void igx_test_set(struct kunit *test, u32 reg, u32 val)
{
	*igx_test_reg(test, reg) = val;
}

/* ---- igx_tx_ctx: igx_tx_offload_build() ---- */

/**
 * struct igx_tx_case - one packet for igx_tx_offload_build()
 * @name: description in the KTAP output
 * @ipv6: IPv6, else IPv4
 * @l4: IPPROTO_TCP, IPPROTO_UDP or IPPROTO_ICMP (a checksum at offset 2
 *	that the MAC cannot insert)
 * @ext_len: IPv6: bytes of a destination options header before L4
 * @tcp_opt: bytes of TCP options
 * @payload: L4 payload bytes
 * @vlan_hw: VLAN tag (TCI) for the MAC to insert, 0 for none
 * @vlan_inband: an 802.1Q tag in the frame itself
 * @csum: CHECKSUM_PARTIAL
 * @mss: GSO segment size, 0 for no GSO
 * @gso_udp: GSO type UDP_L4 instead of TCPV4/TCPV6
 * @err: what igx_tx_offload_build() must return
 * @sw_csum: the checksum must have been done in software instead
 */
struct igx_tx_case {
	const char *name;
	bool ipv6;
	u8 l4;
	u16 ext_len;
	u8 tcp_opt;
	u16 payload;
	u16 vlan_hw;
	bool vlan_inband;
	bool csum;
	u16 mss;
	bool gso_udp;
	int err;
	bool sw_csum;
};

static const struct igx_tx_case igx_tx_cases[] = {
	{ .name = "no offload", .l4 = IPPROTO_TCP, .payload = 100 },
	{ .name = "VLAN insert only", .l4 = IPPROTO_UDP, .payload = 64,
	  .vlan_hw = 0x6123 },
	{ .name = "IPv4 TCP csum", .l4 = IPPROTO_TCP, .payload = 300,
	  .csum = true },
	{ .name = "IPv4 TCP csum, 12 bytes of options", .l4 = IPPROTO_TCP,
	  .tcp_opt = 12, .payload = 1, .csum = true },
	{ .name = "IPv4 UDP csum", .l4 = IPPROTO_UDP, .payload = 512,
	  .csum = true },
	{ .name = "IPv6 TCP csum", .ipv6 = true, .l4 = IPPROTO_TCP,
	  .payload = 1000, .csum = true },
	{ .name = "IPv6 UDP csum", .ipv6 = true, .l4 = IPPROTO_UDP,
	  .payload = 33, .csum = true },
	{ .name = "IPv6 + 8 byte dest opts, TCP csum", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .ext_len = 8, .payload = 200, .csum = true },
	{ .name = "IPv6 + 24 byte dest opts, UDP csum", .ipv6 = true,
	  .l4 = IPPROTO_UDP, .ext_len = 24, .payload = 200, .csum = true },
	{ .name = "IPv4 TCP csum, VLAN insert", .l4 = IPPROTO_TCP,
	  .payload = 400, .vlan_hw = 0x0fff, .csum = true },
	{ .name = "IPv6 UDP csum, VLAN insert", .ipv6 = true,
	  .l4 = IPPROTO_UDP, .payload = 80, .vlan_hw = 0xe001, .csum = true },
	{ .name = "IPv4 UDP csum, VLAN tag in the frame", .l4 = IPPROTO_UDP,
	  .payload = 90, .vlan_inband = true, .csum = true },
	{ .name = "IPv6 TCP csum, VLAN tag in the frame", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .payload = 90, .vlan_inband = true,
	  .csum = true },
	{ .name = "IPLEN 504 (IPv6 + 464 opts): offloaded", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .ext_len = 464, .payload = 10, .csum = true },
	{ .name = "IPLEN 512 (IPv6 + 472 opts): software csum", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .ext_len = 472, .payload = 10, .csum = true,
	  .sw_csum = true },
	{ .name = "IPv4 csum at L4 offset 2 (ICMP): software csum",
	  .l4 = IPPROTO_ICMP, .payload = 56, .csum = true, .sw_csum = true },
	{ .name = "IPv4 TSO", .l4 = IPPROTO_TCP, .payload = 4000,
	  .csum = true, .mss = 1448 },
	{ .name = "IPv4 TSO, 12 bytes of options, VLAN insert",
	  .l4 = IPPROTO_TCP, .tcp_opt = 12, .payload = 3001, .csum = true,
	  .mss = 536, .vlan_hw = 0x2064 },
	{ .name = "IPv4 TSO, VLAN tag in the frame", .l4 = IPPROTO_TCP,
	  .payload = 2897, .csum = true, .mss = 1448, .vlan_inband = true },
	{ .name = "IPv6 TSO", .ipv6 = true, .l4 = IPPROTO_TCP,
	  .payload = 9000, .csum = true, .mss = 1428 },
	{ .name = "IPv6 TSO, VLAN insert", .ipv6 = true, .l4 = IPPROTO_TCP,
	  .tcp_opt = 20, .payload = 2000, .csum = true, .mss = 1000,
	  .vlan_hw = 5 },
	{ .name = "IPv6 + 16 byte dest opts, TSO", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .ext_len = 16, .payload = 5000, .csum = true,
	  .mss = 1400 },
	{ .name = "IPLEN 512 (IPv6 + 472 opts), TSO: refused", .ipv6 = true,
	  .l4 = IPPROTO_TCP, .ext_len = 472, .payload = 3000, .csum = true,
	  .mss = 1000, .err = -EINVAL },
	{ .name = "UDP GSO: refused", .l4 = IPPROTO_UDP, .payload = 3000,
	  .csum = true, .mss = 1000, .gso_udp = true,
	  .err = -EPROTONOSUPPORT },
};

static void igx_tx_case_desc(const struct igx_tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(igx_tx, igx_tx_cases, igx_tx_case_desc);

static const struct in6_addr igx_test_ip6_src = {
	.s6_addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } };
static const struct in6_addr igx_test_ip6_dst = {
	.s6_addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 } };
#define IGX_TEST_IP4_SRC	htonl(0xc0000201)	/* 192.0.2.1 */
#define IGX_TEST_IP4_DST	htonl(0xc0000202)	/* 192.0.2.2 */

/* Header lengths of a case, worked out from its description alone */
static unsigned int igx_tx_maclen(const struct igx_tx_case *c)
{
	return ETH_HLEN + (c->vlan_inband ? VLAN_HLEN : 0);
}

static unsigned int igx_tx_iplen(const struct igx_tx_case *c)
{
	return c->ipv6 ? sizeof(struct ipv6hdr) + c->ext_len :
			 sizeof(struct iphdr);
}

static unsigned int igx_tx_l4len(const struct igx_tx_case *c)
{
	return c->l4 == IPPROTO_TCP ? sizeof(struct tcphdr) + c->tcp_opt : 8;
}

/* The L4 pseudo-header sum over @len bytes, as the stack seeds it */
static __sum16 igx_tx_pseudo(const struct igx_tx_case *c, u32 len,
			     __wsum sum)
{
	if (c->ipv6)
		return csum_ipv6_magic(&igx_test_ip6_src, &igx_test_ip6_dst,
				       len, c->l4, sum);
	return csum_tcpudp_magic(IGX_TEST_IP4_SRC, IGX_TEST_IP4_DST, len,
				 c->l4, sum);
}

/* Build the frame as the stack hands it to ndo_start_xmit */
static struct sk_buff *igx_tx_skb(struct kunit *test,
				  const struct igx_tx_case *c)
{
	unsigned int maclen = igx_tx_maclen(c);
	unsigned int iplen = igx_tx_iplen(c), l4len = igx_tx_l4len(c);
	unsigned int l4off = maclen + iplen;
	unsigned int len = l4off + l4len + c->payload;
	__be16 l3 = htons(c->ipv6 ? ETH_P_IPV6 : ETH_P_IP);
	struct sk_buff *skb;
	u8 *p;

	skb = kunit_zalloc_skb(test, NET_SKB_PAD + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, NET_SKB_PAD);
	p = skb_put_zero(skb, len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, maclen);
	skb_reset_mac_len(skb);
	skb_set_transport_header(skb, l4off);

	eth_broadcast_addr(p);
	eth_zero_addr(p + ETH_ALEN);
	p[ETH_ALEN] = 0x02;
	if (c->vlan_inband) {
		struct vlan_ethhdr *veth = (struct vlan_ethhdr *)p;

		veth->h_vlan_proto = htons(ETH_P_8021Q);
		veth->h_vlan_TCI = htons(100);
		veth->h_vlan_encapsulated_proto = l3;
		skb->protocol = htons(ETH_P_8021Q);
	} else {
		((struct ethhdr *)p)->h_proto = l3;
		skb->protocol = l3;
	}

	if (c->ipv6) {
		struct ipv6hdr *ip6h = ipv6_hdr(skb);

		ip6h->version = 6;
		ip6h->payload_len = htons(len - maclen - sizeof(*ip6h));
		ip6h->nexthdr = c->ext_len ? NEXTHDR_DEST : c->l4;
		ip6h->hop_limit = 64;
		ip6h->saddr = igx_test_ip6_src;
		ip6h->daddr = igx_test_ip6_dst;
		if (c->ext_len) {
			struct ipv6_opt_hdr *opt = (void *)(ip6h + 1);

			/* the rest stays zero: Pad1 options */
			opt->nexthdr = c->l4;
			opt->hdrlen = c->ext_len / 8 - 1;
		}
	} else {
		struct iphdr *iph = ip_hdr(skb);

		iph->version = 4;
		iph->ihl = 5;
		iph->tot_len = htons(len - maclen);
		iph->ttl = 64;
		iph->protocol = c->l4;
		iph->saddr = IGX_TEST_IP4_SRC;
		iph->daddr = IGX_TEST_IP4_DST;
		iph->check = ip_fast_csum(iph, iph->ihl);
	}

	if (c->l4 == IPPROTO_TCP) {
		struct tcphdr *th = tcp_hdr(skb);

		th->source = htons(40000);
		th->dest = htons(5001);
		th->seq = htonl(0x12345678);
		th->doff = l4len / 4;
		th->ack = 1;
		th->window = htons(512);
		memset(th + 1, TCPOPT_NOP, c->tcp_opt);
	} else if (c->l4 == IPPROTO_UDP) {
		struct udphdr *uh = udp_hdr(skb);

		uh->source = htons(40000);
		uh->dest = htons(5001);
		uh->len = htons(l4len + c->payload);
	} else {
		icmp_hdr(skb)->type = ICMP_ECHO;
	}
	memset(p + l4off + l4len, 0xa5, c->payload);

	if (c->csum) {
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_transport_header(skb) - skb->head;
		switch (c->l4) {
		case IPPROTO_TCP:
			skb->csum_offset = offsetof(struct tcphdr, check);
			tcp_hdr(skb)->check = ~igx_tx_pseudo(c, len - l4off, 0);
			break;
		case IPPROTO_UDP:
			skb->csum_offset = offsetof(struct udphdr, check);
			udp_hdr(skb)->check = ~igx_tx_pseudo(c, len - l4off, 0);
			break;
		default:
			skb->csum_offset = offsetof(struct icmphdr, checksum);
			break;
		}
	}
	if (c->mss) {
		skb_shinfo(skb)->gso_size = c->mss;
		skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(c->payload, c->mss);
		skb_shinfo(skb)->gso_type = c->gso_udp ? SKB_GSO_UDP_L4 :
					    c->ipv6 ? SKB_GSO_TCPV6 :
					    SKB_GSO_TCPV4;
	}
	if (c->vlan_hw)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), c->vlan_hw);
	return skb;
}

/* A checksum done in software must verify, and leave no offload behind */
static void igx_tx_expect_sw_csum(struct kunit *test,
				  const struct igx_tx_case *c,
				  struct sk_buff *skb)
{
	unsigned int l4off = igx_tx_maclen(c) + igx_tx_iplen(c);
	unsigned int l4bytes = skb->len - l4off;
	__wsum sum = skb_checksum(skb, l4off, l4bytes, 0);

	KUNIT_EXPECT_NE(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	if (c->l4 == IPPROTO_ICMP)
		KUNIT_EXPECT_EQ(test, (__force u16)csum_fold(sum), 0);
	else
		KUNIT_EXPECT_EQ(test,
				(__force u16)igx_tx_pseudo(c, l4bytes, sum), 0);
}

/* TSO rewrote the headers for the MAC to fill in per segment */
static void igx_tx_expect_tso_headers(struct kunit *test,
				      const struct igx_tx_case *c,
				      struct sk_buff *skb)
{
	unsigned int maclen = igx_tx_maclen(c);
	struct tcphdr *th = (void *)(skb->data + maclen + igx_tx_iplen(c));

	if (c->ipv6) {
		struct ipv6hdr *ip6h = (void *)(skb->data + maclen);

		KUNIT_EXPECT_EQ(test, ntohs(ip6h->payload_len), 0);
	} else {
		struct iphdr *iph = (void *)(skb->data + maclen);

		KUNIT_EXPECT_EQ(test, ntohs(iph->tot_len), 0);
		KUNIT_EXPECT_EQ(test, (__force u16)iph->check, 0);
	}
	/* seeded with the pseudo header without the length */
	KUNIT_EXPECT_EQ(test, (__force u16)th->check,
			(__force u16)(__sum16)~igx_tx_pseudo(c, 0, 0));
}

static void igx_tx_ctx_build(struct kunit *test)
{
	const struct igx_tx_case *c = test->param_value;
	unsigned int maclen = igx_tx_maclen(c), iplen = igx_tx_iplen(c);
	unsigned int l4len = igx_tx_l4len(c);
	unsigned int hdr_len = maclen + iplen + l4len;
	unsigned int len = hdr_len + c->payload;
	u64 lo = 0, hi = 0, cmd = 0;
	struct igx_tx_offload off;
	struct sk_buff *skb;
	bool tso, hw_csum;
	int err;

	skb = igx_tx_skb(test, c);
	KUNIT_ASSERT_EQ(test, skb->len, len);

	memset(&off, 0xa5, sizeof(off));	/* must all be overwritten */
	err = igx_tx_offload_build(skb, &off);
	KUNIT_ASSERT_EQ(test, err, c->err);
	if (err)
		return;

	tso = c->mss;
	hw_csum = c->csum && !c->sw_csum;
	if (c->vlan_hw) {
		lo |= FIELD_PREP(IGX_TXC_VLAN, c->vlan_hw);
		cmd |= IGX_TXD_CMD_VLE;
	}
	if (hw_csum) {
		lo |= FIELD_PREP(IGX_TXC_MACLEN, maclen) |
		      FIELD_PREP(IGX_TXC_IPLEN, iplen);
		hi |= FIELD_PREP(IGX_TXC_TUCMD_L4T,
				 c->l4 == IPPROTO_TCP ? IGX_TXC_L4T_TCP :
							IGX_TXC_L4T_UDP);
		if (!c->ipv6)
			hi |= IGX_TXC_TUCMD_IPV4;
		cmd |= IGX_TXD_POPTS_TXSM;
	}
	if (tso) {
		hi |= FIELD_PREP(IGX_TXC_L4LEN, l4len) |
		      FIELD_PREP(IGX_TXC_MSS, c->mss);
		cmd |= IGX_TXD_CMD_TSE;
		if (!c->ipv6)
			cmd |= IGX_TXD_POPTS_IXSM;
	}

	/* field by field first, for readable failures */
	KUNIT_EXPECT_EQ(test, off.need_ctx, c->vlan_hw || hw_csum);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_MACLEN, off.ctx_lo),
			hw_csum ? maclen : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_IPLEN, off.ctx_lo),
			hw_csum ? iplen : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_VLAN, off.ctx_lo),
			c->vlan_hw);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_L4LEN, off.ctx_hi),
			tso ? l4len : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_MSS, off.ctx_hi),
			tso ? c->mss : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_TXC_TUCMD_L4T, off.ctx_hi),
			FIELD_GET(IGX_TXC_TUCMD_L4T, hi));
	KUNIT_EXPECT_EQ(test, !!(off.ctx_hi & IGX_TXC_TUCMD_IPV4),
			hw_csum && !c->ipv6);
	KUNIT_EXPECT_EQ(test, !!(off.cmd & IGX_TXD_CMD_TSE), tso);
	KUNIT_EXPECT_EQ(test, !!(off.cmd & IGX_TXD_POPTS_TXSM), hw_csum);
	KUNIT_EXPECT_EQ(test, !!(off.cmd & IGX_TXD_POPTS_IXSM),
			tso && !c->ipv6);
	KUNIT_EXPECT_EQ(test, !!(off.cmd & IGX_TXD_CMD_VLE), !!c->vlan_hw);
	KUNIT_EXPECT_EQ(test, off.paylen, tso ? len - hdr_len : len);
	KUNIT_EXPECT_EQ(test, off.segs,
			tso ? DIV_ROUND_UP(c->payload, c->mss) : 1);
	KUNIT_EXPECT_EQ(test, off.hdr_len, tso ? hdr_len : 0);
	/* then the whole words: no stray bits anywhere */
	KUNIT_EXPECT_EQ(test, off.ctx_lo, lo);
	KUNIT_EXPECT_EQ(test, off.ctx_hi, hi);
	KUNIT_EXPECT_EQ(test, off.cmd, cmd);
	/* and what the data descriptors' PAYLEN field can carry */
	KUNIT_EXPECT_LE(test, off.paylen, FIELD_MAX(IGX_TXD_PAYLEN));

	if (c->sw_csum)
		igx_tx_expect_sw_csum(test, c, skb);
	else if (hw_csum)
		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	if (tso)
		igx_tx_expect_tso_headers(test, c, skb);
}

/*
 * The 82574's context descriptor holds checksum start/offset bytes and
 * the TSO header length in 8-bit fields; QEMU re-parses the headers and
 * ignores them all, so only this test sees them wrong.
 */
static void igx_82574_tx_ctx_build(struct kunit *test)
{
	const struct igx_tx_case *c = test->param_value;
	unsigned int maclen = igx_tx_maclen(c), iplen = igx_tx_iplen(c);
	unsigned int l4off = maclen + iplen, l4len = igx_tx_l4len(c);
	unsigned int hdr_len = l4off + l4len;
	unsigned int len = hdr_len + c->payload;
	unsigned int csum_off;
	u64 lo = 0, hi = 0, cmd;
	struct igx_tx_offload off;
	bool tso, hw_csum, l4ok;
	struct sk_buff *skb;
	int err, want_err;

	skb = igx_tx_skb(test, c);
	KUNIT_ASSERT_EQ(test, skb->len, len);

	tso = c->mss;
	csum_off = c->l4 == IPPROTO_TCP ? offsetof(struct tcphdr, check) :
					  offsetof(struct udphdr, check);
	l4ok = c->l4 == IPPROTO_TCP || c->l4 == IPPROTO_UDP;
	want_err = tso && c->gso_udp ? -EPROTONOSUPPORT :
		   tso && hdr_len > 255 ? -EINVAL : 0;
	hw_csum = c->csum && l4ok && l4off + csum_off <= 255;

	memset(&off, 0xa5, sizeof(off));	/* must all be overwritten */
	err = igx_82574_tx_offload(skb, &off);
	KUNIT_ASSERT_EQ(test, err, want_err);
	if (err)
		return;

	cmd = IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS |
	      FIELD_PREP(IGX_82574_TXD_DTYP, IGX_82574_TXD_DTYP_DATA);
	if (c->vlan_hw)
		cmd |= IGX_TXD_CMD_VLE |
		       FIELD_PREP(IGX_82574_TXD_VLAN, c->vlan_hw);
	if (hw_csum || tso) {
		lo = FIELD_PREP(IGX_82574_TXC_TUCSS, l4off) |
		     FIELD_PREP(IGX_82574_TXC_TUCSO, l4off + csum_off);
		hi = IGX_TXD_CMD_DEXT |
		     (c->l4 == IPPROTO_TCP ? IGX_82574_TXC_TUCMD_TCP : 0) |
		     (c->ipv6 ? 0 : IGX_82574_TXC_TUCMD_IP);
		cmd |= IGX_TXD_POPTS_TXSM;
	}
	if (tso) {
		/* where the MAC rewrites each segment's IP length: for IPv6
		 * too, although there is no IP checksum
		 */
		lo |= FIELD_PREP(IGX_82574_TXC_IPCSS, maclen);
		if (!c->ipv6) {
			lo |= FIELD_PREP(IGX_82574_TXC_IPCSO,
					 maclen + offsetof(struct iphdr,
							   check)) |
			      FIELD_PREP(IGX_82574_TXC_IPCSE, l4off - 1);
			cmd |= IGX_TXD_POPTS_IXSM;
		}
		hi |= IGX_82574_TXC_TUCMD_TSE |
		      FIELD_PREP(IGX_82574_TXC_PAYLEN, len - hdr_len) |
		      FIELD_PREP(IGX_82574_TXC_HDRLEN, hdr_len) |
		      FIELD_PREP(IGX_82574_TXC_MSS, c->mss);
		cmd |= IGX_82574_TXD_CMD_TSE;
	}

	KUNIT_EXPECT_EQ(test, off.need_ctx, hw_csum || tso);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_82574_TXC_TUCSS, off.ctx_lo),
			FIELD_GET(IGX_82574_TXC_TUCSS, lo));
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_82574_TXC_TUCSO, off.ctx_lo),
			FIELD_GET(IGX_82574_TXC_TUCSO, lo));
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_82574_TXC_HDRLEN, off.ctx_hi),
			tso ? hdr_len : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_82574_TXC_PAYLEN, off.ctx_hi),
			tso ? len - hdr_len : 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_82574_TXD_VLAN, off.cmd),
			c->vlan_hw);
	KUNIT_EXPECT_EQ(test, off.paylen, tso ? len - hdr_len : len);
	KUNIT_EXPECT_EQ(test, off.segs,
			tso ? DIV_ROUND_UP(c->payload, c->mss) : 1);
	KUNIT_EXPECT_EQ(test, off.hdr_len, tso ? hdr_len : 0);
	KUNIT_EXPECT_EQ(test, off.ctx_lo, lo);
	KUNIT_EXPECT_EQ(test, off.ctx_hi, hi);
	KUNIT_EXPECT_EQ(test, off.cmd, cmd);

	if (c->csum && !hw_csum && !tso)
		igx_tx_expect_sw_csum(test, c, skb);
	if (tso)
		igx_tx_expect_tso_headers(test, c, skb);
}

/*
 * Data descriptors: a buffer is split into pieces of at most the family's
 * tx_buf_max (8 KiB on the 82574, 32 KiB on the 82576), contiguous, the
 * ring wrapping; the count the xmit path reserves matches what is written.
 */
static void igx_tx_split_one(struct kunit *test,
			     const struct igx_family *family)
{
	static const unsigned int frags[] = { 100, SZ_4K, SZ_8K, SZ_8K + 1,
					      SZ_32K, 40000 };
	const unsigned int head = 20000;
	struct igx_adv_tx_desc *desc;
	unsigned int f, max, want, n, len, got;
	struct igx_ring ring = {};
	const u64 cmd = IGX_TXD_CMD_DEXT;
	struct sk_buff *skb;
	struct page *page;
	dma_addr_t dma;
	u16 i, last;

	max = family->tx_buf_max;
	KUNIT_ASSERT_TRUE(test, max == SZ_8K || max == SZ_32K);
	desc = kunit_kcalloc(test, 16, sizeof(*desc), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, desc);
	ring.tx_desc = desc;
	ring.count = 16;
	ring.tx_buf_max = max;

	/* the reservation: the head and every frag in max-sized pieces */
	skb = kunit_zalloc_skb(test, head, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put(skb, head);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	want = 1 + DIV_ROUND_UP(head, max);
	for (f = 0; f < ARRAY_SIZE(frags); f++) {
		/* a frag is only counted here, never read: one page will do */
		get_page(page);
		skb_fill_page_desc(skb, f, page, 0, frags[f]);
		want += DIV_ROUND_UP(frags[f], max);
	}
	put_page(page);
	KUNIT_EXPECT_EQ(test, igx_tx_desc_count(&ring, skb), want);

	/* the split, starting 3 before the end of the ring */
	for (f = 0; f < ARRAY_SIZE(frags); f++) {
		len = frags[f];
		dma = 0x10000000ULL * (f + 1);
		memset(desc, 0, 16 * sizeof(*desc));
		last = igx_tx_write_buf(&ring, 13, dma, len, cmd);
		n = DIV_ROUND_UP(len, max);
		KUNIT_EXPECT_EQ(test, last, (13 + n - 1) % 16);
		for (i = 13, got = 0; got < len; i = (i + 1) % 16) {
			u64 c = le64_to_cpu(desc[i].cmd);
			unsigned int piece = FIELD_GET(IGX_TXD_LEN, c);

			KUNIT_EXPECT_EQ(test, le64_to_cpu(desc[i].addr),
					dma + got);
			KUNIT_EXPECT_EQ(test, piece, min(len - got, max));
			KUNIT_EXPECT_EQ(test, c & ~IGX_TXD_LEN, cmd);
			if (!piece)
				break;
			got += piece;
		}
		KUNIT_EXPECT_EQ(test, got, len);
	}
}

static void igx_tx_split(struct kunit *test)
{
	igx_tx_split_one(test, &igx_family_82576);
	igx_tx_split_one(test, &igx_family_82574);
}

static struct kunit_case igx_tx_ctx_cases[] = {
	KUNIT_CASE_PARAM(igx_tx_ctx_build, igx_tx_gen_params),
	KUNIT_CASE_PARAM(igx_82574_tx_ctx_build, igx_tx_gen_params),
	KUNIT_CASE(igx_tx_split),
	{}
};

static struct kunit_suite igx_tx_ctx_suite = {
	.name = "igx_tx_ctx",
	.test_cases = igx_tx_ctx_cases,
};

/* ---- igx_irq: interrupt throttling ---- */

static void igx_irq_eitr_value(struct kunit *test)
{
	static const u32 in[] = { 0, 1, 50, 196, 8190, 8191 };
	unsigned int i;
	u32 v;

	KUNIT_EXPECT_EQ(test, FIELD_MAX(IGX_EITR_INTERVAL), IGX_MAX_ITR_USECS);
	for (i = 0; i < ARRAY_SIZE(in); i++) {
		v = igx_eitr_value(in[i]);
		KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_EITR_INTERVAL, v), in[i]);
		KUNIT_EXPECT_TRUE(test, v & IGX_EITR_CNT_WDIS);
		KUNIT_EXPECT_EQ(test, v & ~(IGX_EITR_INTERVAL |
					    IGX_EITR_CNT_WDIS), 0);
	}
	/* the register encoding itself: interval in bits 14:2 */
	KUNIT_EXPECT_EQ(test, igx_eitr_value(0), 0x80000000);
	KUNIT_EXPECT_EQ(test, igx_eitr_value(50), 0x800000c8);
	KUNIT_EXPECT_EQ(test, igx_eitr_value(8191), 0x80007ffc);
	/* beyond the field: clamped, never wrapped to a short interval */
	KUNIT_EXPECT_EQ(test, igx_eitr_value(8192), 0x80007ffc);
	KUNIT_EXPECT_EQ(test, igx_eitr_value(U32_MAX), 0x80007ffc);
}

static void igx_irq_rx_tx_min(struct kunit *test)
{
	struct igx_coal c = { .rx_usecs = 100, .tx_usecs = 30 };

	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 7, 9, false, false), 30);
	c.tx_usecs = 8191;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 7, 9, false, false), 100);
	c.rx_usecs = 0;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 7, 9, false, false), 0);
	c.rx_usecs = 8191;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 0, 0, false, false), 8191);

	/* adaptive: net DIM's choice replaces the fixed value */
	c = (struct igx_coal){ .rx_usecs = 20, .tx_usecs = 50,
			       .adaptive_rx = true };
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 2, false, false), 8);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 64, 2, false, false), 50);
	c.adaptive_rx = false;
	c.adaptive_tx = true;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 2, 64, false, false), 20);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 2, 16, false, false), 16);
	c.adaptive_rx = true;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 64, 256, false, false), 64);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 256, 0, false, false), 0);

	/* an idle adaptive direction asks nothing */
	c = (struct igx_coal){ .rx_usecs = 20, .tx_usecs = 50,
			       .adaptive_rx = true, .adaptive_tx = true };
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, true, false), 128);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 256, 8, false, true), 256);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, false, false), 8);
	/* both idle: the shorter, as if both were busy */
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, true, true), 8);
	/* a fixed interval counts, idle or not */
	c.adaptive_tx = false;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, false, true), 8);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, true, false), 50);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, true, true), 50);
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 64, 128, false, true), 50);
	c.adaptive_rx = false;
	KUNIT_EXPECT_EQ(test, igx_itr_usecs(&c, 8, 128, true, true), 20);
}

/* Every interval net DIM can choose fits EITR unchanged */
static void igx_irq_dim_profiles(struct kunit *test)
{
	struct dim_cq_moder m;
	u8 mode;
	int ix;

	for (mode = 0; mode < DIM_CQ_PERIOD_NUM_MODES; mode++) {
		for (ix = 0; ix < NET_DIM_PARAMS_NUM_PROFILES; ix++) {
			m = net_dim_get_rx_moderation(mode, ix);
			KUNIT_EXPECT_LE(test, m.usec, IGX_MAX_ITR_USECS);
			KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_EITR_INTERVAL,
							igx_eitr_value(m.usec)),
					m.usec);
			m = net_dim_get_tx_moderation(mode, ix);
			KUNIT_EXPECT_LE(test, m.usec, IGX_MAX_ITR_USECS);
			KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_EITR_INTERVAL,
							igx_eitr_value(m.usec)),
					m.usec);
		}
	}
}

/* igx_update_itr() programs its own vector's EITR, only while up */
static void igx_irq_update_itr(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);
	struct igx_q_vector *qv;

	qv = kunit_kzalloc(test, sizeof(*qv), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, qv);
	qv->dev = dev;
	qv->v_idx = 3;
	spin_lock_init(&qv->itr_lock);
	qv->itr_usecs = 1;
	qv->rx_dim_usecs = 8;
	qv->tx_dim_usecs = 16;

	dev->coal = (struct igx_coal){ .rx_usecs = 120, .tx_usecs = 40 };
	igx_update_itr(qv);
	KUNIT_EXPECT_EQ(test, qv->itr_usecs, 40);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)),
			igx_eitr_value(40));
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(2)), 0);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(4)), 0);

	dev->coal.adaptive_rx = true;
	igx_update_itr(qv);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)),
			igx_eitr_value(8));

	/* RX idle: the adaptive TX interval alone */
	dev->coal.adaptive_tx = true;
	qv->rx_idle = true;
	igx_update_itr(qv);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)),
			igx_eitr_value(16));
	qv->rx_idle = false;

	dev->coal = (struct igx_coal){ .rx_usecs = 0, .tx_usecs = 8191 };
	igx_update_itr(qv);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)),
			igx_eitr_value(0));

	/* down: remembered for the next open, not written */
	set_bit(IGX_STATE_DOWN, &dev->state);
	dev->coal.rx_usecs = 8191;
	igx_update_itr(qv);
	KUNIT_EXPECT_EQ(test, qv->itr_usecs, 8191);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)),
			igx_eitr_value(0));
	clear_bit(IGX_STATE_DOWN, &dev->state);
	igx_write_itr(qv);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_EITR(3)), 0x80007ffc);
}

/*
 * igx_dim_sample()'s idle tracking: a direction is busy from its first
 * packet, idle after a whole window of DIM_NEVENTS polls without one.
 * Fixed intervals, so that net DIM is not involved.
 */
static void igx_irq_idle_window(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);
	struct igx_q_vector *qv;
	int i;

	qv = kunit_kzalloc(test, sizeof(*qv), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, qv);
	qv->dev = dev;
	dev->coal = (struct igx_coal){ .rx_usecs = 50, .tx_usecs = 50 };

	/* a window of TX only */
	for (i = 0; i < DIM_NEVENTS; i++) {
		qv->tx.stats.packets += 3;
		igx_dim_sample(qv);
	}
	KUNIT_EXPECT_TRUE(test, qv->rx_idle);
	KUNIT_EXPECT_FALSE(test, qv->tx_idle);

	/* one frame received: RX busy at once, mid-window */
	qv->rx.stats.packets++;
	igx_dim_sample(qv);
	KUNIT_EXPECT_FALSE(test, qv->rx_idle);
	KUNIT_EXPECT_FALSE(test, qv->tx_idle);

	/* the end of that window: RX moved in it, TX did not */
	for (i = 1; i < DIM_NEVENTS; i++) {
		igx_dim_sample(qv);
		if (i < DIM_NEVENTS - 1)
			KUNIT_EXPECT_FALSE(test, qv->tx_idle);
	}
	KUNIT_EXPECT_FALSE(test, qv->rx_idle);
	KUNIT_EXPECT_TRUE(test, qv->tx_idle);

	/* a whole quiet window */
	for (i = 0; i < DIM_NEVENTS; i++)
		igx_dim_sample(qv);
	KUNIT_EXPECT_TRUE(test, qv->rx_idle);
	KUNIT_EXPECT_TRUE(test, qv->tx_idle);
}

static struct kunit_case igx_irq_cases[] = {
	KUNIT_CASE(igx_irq_eitr_value),
	KUNIT_CASE(igx_irq_rx_tx_min),
	KUNIT_CASE(igx_irq_dim_profiles),
	KUNIT_CASE(igx_irq_idle_window),
	KUNIT_CASE(igx_irq_update_itr),
	{}
};

static struct kunit_suite igx_irq_suite = {
	.name = "igx_irq",
	.test_cases = igx_irq_cases,
};

/* ---- igx_rss: redirection table ---- */

static void igx_rss_spread(struct kunit *test)
{
	unsigned int count[IGX_MAX_QUEUES];
	struct igx_dev *dev;
	unsigned int n, i;

	dev = kunit_kzalloc(test, sizeof(*dev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	for (n = 1; n <= IGX_MAX_QUEUES; n++) {
		dev->num_q_vectors = n;
		memset(dev->rss_reta, 0xff, sizeof(dev->rss_reta));
		igx_rss_reta_default(dev);
		memset(count, 0, sizeof(count));
		for (i = 0; i < IGX_RETA_ENTRIES; i++) {
			KUNIT_ASSERT_LT_MSG(test, dev->rss_reta[i], n,
					    "%u queues, entry %u", n, i);
			count[dev->rss_reta[i]]++;
		}
		for (i = 0; i < n; i++)
			KUNIT_EXPECT_TRUE_MSG(test,
					      count[i] == IGX_RETA_ENTRIES / n ||
					      count[i] == IGX_RETA_ENTRIES / n + 1,
					      "%u queues: queue %u has %u entries",
					      n, i, count[i]);
		KUNIT_EXPECT_TRUE(test, igx_rss_reta_fits(dev));
	}
}

static void igx_rss_fits(struct kunit *test)
{
	struct igx_dev *dev;

	dev = kunit_kzalloc(test, sizeof(*dev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	dev->num_q_vectors = 4;
	igx_rss_reta_default(dev);
	KUNIT_EXPECT_TRUE(test, igx_rss_reta_fits(dev));
	/* fewer queues: the entries for queue 3 now point nowhere */
	dev->num_q_vectors = 3;
	KUNIT_EXPECT_FALSE(test, igx_rss_reta_fits(dev));
	/* a user table using only queues 0 and 2 fits 3 queues */
	memset(dev->rss_reta, 2, sizeof(dev->rss_reta));
	dev->rss_reta[0] = 0;
	KUNIT_EXPECT_TRUE(test, igx_rss_reta_fits(dev));
	/* the last entry alone out of range */
	dev->rss_reta[IGX_RETA_ENTRIES - 1] = 3;
	KUNIT_EXPECT_FALSE(test, igx_rss_reta_fits(dev));
	dev->num_q_vectors = 1;
	memset(dev->rss_reta, 0, sizeof(dev->rss_reta));
	KUNIT_EXPECT_TRUE(test, igx_rss_reta_fits(dev));
}

/* Four entries per RETA register, four key bytes per RSSRK, first lowest */
static void igx_rss_registers(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);
	u32 mrqc, want;
	unsigned int i;

	for (i = 0; i < IGX_RSS_KEY_SIZE; i++)
		dev->rss_key[i] = 7 * i + 1;
	dev->num_q_vectors = 5;
	igx_rss_reta_default(dev);
	dev->rss_reta[1] = 0x0f;	/* a table set with ethtool -X */
	dev->rss_udp4 = true;
	dev->rss_udp6 = false;
	igx_rss_configure(dev);

	for (i = 0; i < IGX_RSS_KEY_SIZE / 4; i++) {
		want = (u8)(28 * i + 1) | (u8)(28 * i + 8) << 8 |
		       (u8)(28 * i + 15) << 16 | (u32)(u8)(28 * i + 22) << 24;
		KUNIT_EXPECT_EQ_MSG(test, igx_test_get(test, IGX_RSSRK(i)),
				    want, "RSSRK(%u)", i);
	}
	for (i = 0; i < IGX_RETA_ENTRIES / 4; i++) {
		want = (4 * i) % 5 | ((4 * i + 1) % 5) << 8 |
		       ((4 * i + 2) % 5) << 16 | ((4 * i + 3) % 5) << 24;
		if (i == 0)
			want = 0 | 0x0f << 8 | 2 << 16 | 3 << 24;
		KUNIT_EXPECT_EQ_MSG(test, igx_test_get(test, IGX_RETA(i)),
				    want, "RETA(%u)", i);
	}

	mrqc = igx_test_get(test, IGX_MRQC);
	KUNIT_EXPECT_EQ(test, FIELD_GET(IGX_MRQC_MRQE, mrqc),
			IGX_MRQC_MRQE_RSS);
	want = IGX_MRQC_IPV4 | IGX_MRQC_TCP_IPV4 | IGX_MRQC_IPV6 |
	       IGX_MRQC_TCP_IPV6 | IGX_MRQC_IPV6_EX | IGX_MRQC_TCP_IPV6_EX;
	KUNIT_EXPECT_EQ(test, mrqc & want, want);
	KUNIT_EXPECT_TRUE(test, mrqc & IGX_MRQC_UDP_IPV4);
	KUNIT_EXPECT_FALSE(test, mrqc & (IGX_MRQC_UDP_IPV6 |
					 IGX_MRQC_UDP_IPV6_EX));

	dev->rss_udp4 = false;
	dev->rss_udp6 = true;
	igx_rss_configure(dev);
	mrqc = igx_test_get(test, IGX_MRQC);
	KUNIT_EXPECT_FALSE(test, mrqc & IGX_MRQC_UDP_IPV4);
	KUNIT_EXPECT_EQ(test, mrqc & (IGX_MRQC_UDP_IPV6 | IGX_MRQC_UDP_IPV6_EX),
			IGX_MRQC_UDP_IPV6 | IGX_MRQC_UDP_IPV6_EX);
}

static struct kunit_case igx_rss_cases[] = {
	KUNIT_CASE(igx_rss_spread),
	KUNIT_CASE(igx_rss_fits),
	KUNIT_CASE(igx_rss_registers),
	{}
};

static struct kunit_suite igx_rss_suite = {
	.name = "igx_rss",
	.test_cases = igx_rss_cases,
};

/* ---- igx_stats: MAC counters into 64-bit totals ---- */

/* The table covers every total once, from distinct counter registers */
static void igx_stats_table(struct kunit *test)
{
	const struct igx_family *fam = &igx_family_82576;
	const unsigned int n = fam->n_hw_counters;
	DECLARE_BITMAP(fields, sizeof(struct igx_hw_stats) / sizeof(u64));
	const struct igx_hw_counter *a, *b;
	unsigned int i, j;

	bitmap_zero(fields, sizeof(struct igx_hw_stats) / sizeof(u64));
	KUNIT_EXPECT_EQ(test, n, sizeof(struct igx_hw_stats) / sizeof(u64));
	for (i = 0; i < n; i++) {
		a = &fam->hw_counters[i];
		KUNIT_EXPECT_EQ(test, a->reg % 4, 0);
		KUNIT_EXPECT_GE(test, a->reg, IGX_CRCERRS);
		KUNIT_EXPECT_LE(test, a->reg + (a->wide ? 4 : 0), IGX_IAC);
		KUNIT_EXPECT_EQ(test, a->offset % sizeof(u64), 0);
		KUNIT_ASSERT_LT(test, a->offset, sizeof(struct igx_hw_stats));
		KUNIT_EXPECT_FALSE_MSG(test,
				       __test_and_set_bit(a->offset / 8, fields),
				       "total at offset %u counted twice",
				       a->offset);
		for (j = i + 1; j < n; j++) {
			b = &fam->hw_counters[j];
			KUNIT_EXPECT_NE(test, a->reg, b->reg);
			if (a->wide)
				KUNIT_EXPECT_NE(test, a->reg + 4, b->reg);
			if (b->wide)
				KUNIT_EXPECT_NE(test, b->reg + 4, a->reg);
		}
	}
}

static void igx_stats_set_all(struct kunit *test, u32 lo_base, u32 hi)
{
	const struct igx_family *fam = &igx_family_82576;
	const struct igx_hw_counter *c;
	unsigned int i;

	for (i = 0; i < fam->n_hw_counters; i++) {
		c = &fam->hw_counters[i];
		igx_test_set(test, c->reg, lo_base + i);
		if (c->wide)
			igx_test_set(test, c->reg + 4, hi + i);
	}
}

static u64 igx_stats_total(struct igx_dev *dev, const struct igx_hw_counter *c)
{
	return *(u64 *)((u8 *)&dev->hw_stats + c->offset);
}

static void igx_stats_accumulate(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);
	const struct igx_family *fam = dev->family;
	const struct igx_hw_counter *c;
	unsigned int i;
	u64 want;

	/* near the top of 32 bits, twice: the totals must pass 2^32 */
	igx_stats_set_all(test, 0xf0000000, 1);
	igx_hw_stats_update(dev);
	igx_stats_set_all(test, 0xf1000000, 0x10);
	igx_hw_stats_update(dev);

	for (i = 0; i < fam->n_hw_counters; i++) {
		c = &fam->hw_counters[i];
		want = 0xf0000000ULL + i + 0xf1000000ULL + i;
		if (c->wide)
			want += (u64)(1 + i + 0x10 + i) << 32;
		KUNIT_EXPECT_EQ_MSG(test, igx_stats_total(dev, c), want,
				    "counter %#x", c->reg);
	}
	KUNIT_EXPECT_GT(test, dev->hw_stats.gprc, U32_MAX);
}

/* Named counters, to catch a table that files a register under another */
static void igx_stats_named(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);

	igx_test_set(test, IGX_GPRC, 0xfffffffe);
	igx_test_set(test, IGX_GORCL, 0x89abcdef);
	igx_test_set(test, IGX_GORCL + 4, 0x1);
	igx_test_set(test, IGX_GOTCL, 0xfffffff0);
	igx_test_set(test, IGX_GOTCL + 4, 0x7);
	igx_test_set(test, IGX_TORL + 4, 0x100);
	igx_test_set(test, IGX_MPC, 3);
	igx_hw_stats_update(dev);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gprc, 0xfffffffeULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gorc, 0x189abcdefULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gotc, 0x7fffffff0ULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.tor, 0x10000000000ULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.mpc, 3);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gptc, 0);

	/* the next interval: a carry out of the low half of the sum */
	igx_test_set(test, IGX_GPRC, 0xfffffffe);
	igx_test_set(test, IGX_GORCL, 0x80000000);
	igx_test_set(test, IGX_GORCL + 4, 0);
	igx_test_set(test, IGX_GOTCL, 0x20);
	igx_test_set(test, IGX_GOTCL + 4, 0);
	igx_test_set(test, IGX_TORL + 4, 0);
	igx_test_set(test, IGX_MPC, 0);
	igx_hw_stats_update(dev);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gprc, 0x1fffffffcULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gorc, 0x209abcdefULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gotc, 0x800000010ULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.tor, 0x10000000000ULL);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.mpc, 3);
}

static void igx_stats_removed(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);

	igx_test_set(test, IGX_GPRC, 10);
	igx_hw_stats_update(dev);
	set_bit(IGX_STATE_REMOVED, &dev->state);
	igx_hw_stats_update(dev);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gprc, 10);
}

static struct kunit_case igx_stats_cases[] = {
	KUNIT_CASE(igx_stats_table),
	KUNIT_CASE(igx_stats_accumulate),
	KUNIT_CASE(igx_stats_named),
	KUNIT_CASE(igx_stats_removed),
	{}
};

static struct kunit_suite igx_stats_suite = {
	.name = "igx_stats",
	.test_cases = igx_stats_cases,
};

/* ---- igx_rx_len: MTU to RLPML and RCTL.LPE ---- */

static void igx_rx_len_max_frame(struct kunit *test)
{
	/* MTU + Ethernet header + two VLAN tags + FCS */
	KUNIT_EXPECT_EQ(test, igx_max_frame(68), 68 + 14 + 8 + 4);
	KUNIT_EXPECT_EQ(test, igx_max_frame(1500), 1526);
	KUNIT_EXPECT_EQ(test, igx_max_frame(1501), 1527);
	KUNIT_EXPECT_EQ(test, igx_max_frame(9216), 9242);
	KUNIT_EXPECT_EQ(test, igx_max_frame(IGX_MAX_MTU), IGX_MAX_FRAME);
	KUNIT_EXPECT_LE(test, IGX_MAX_FRAME, FIELD_MAX(IGX_RLPML_LEN));
}

static void igx_rx_len_registers(struct kunit *test)
{
	static const struct {
		unsigned int mtu;
		u32 rlpml;
		bool lpe;
	} c[] = {
		{ 68, 94, false }, { 1500, 1526, false },
		{ 1501, 1527, true }, { 9216, 9242, true },
		{ 1500, 1526, false },
	};
	struct igx_dev *dev = igx_test_dev(test);
	const u32 other = IGX_RCTL_EN | IGX_RCTL_BAM | IGX_RCTL_SECRC;
	unsigned int i;
	u32 rctl;

	igx_test_set(test, IGX_RCTL, other | IGX_RCTL_LPE);
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		igx_set_rx_len(dev, c[i].mtu);
		rctl = igx_test_get(test, IGX_RCTL);
		KUNIT_EXPECT_EQ_MSG(test, igx_test_get(test, IGX_RLPML),
				    c[i].rlpml, "MTU %u", c[i].mtu);
		KUNIT_EXPECT_EQ_MSG(test, !!(rctl & IGX_RCTL_LPE), c[i].lpe,
				    "MTU %u", c[i].mtu);
		KUNIT_EXPECT_EQ_MSG(test, rctl & ~IGX_RCTL_LPE, other,
				    "MTU %u", c[i].mtu);
	}
}

static struct kunit_case igx_rx_len_cases[] = {
	KUNIT_CASE(igx_rx_len_max_frame),
	KUNIT_CASE(igx_rx_len_registers),
	{}
};

static struct kunit_suite igx_rx_len_suite = {
	.name = "igx_rx_len",
	.test_cases = igx_rx_len_cases,
};

/* ---- igx_hw: register access and a device that is gone ---- */

static void igx_hw_rd_wr(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);

	igx_wr32(dev, IGX_CTRL, 0x12345678);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_CTRL), 0x12345678);
	igx_test_set(test, IGX_STATUS, 0x80083);
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_STATUS), 0x80083);
}

/* A register may read all ones while STATUS does not: still present */
static void igx_hw_all_ones_register(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);

	igx_test_set(test, IGX_STATUS, 0x83);
	igx_test_set(test, IGX_RETA(0), ~0U);
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_RETA(0)), ~0U);
	KUNIT_EXPECT_FALSE(test, test_bit(IGX_STATE_REMOVED, &dev->state));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(dev->hw_addr));
	igx_wr32(dev, IGX_CTRL, 5);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_CTRL), 5);
}

static void igx_hw_gone(struct kunit *test)
{
	struct igx_dev *dev = igx_test_dev(test);

	igx_test_set(test, IGX_CTRL, 0x40);
	igx_test_set(test, IGX_GPRC, 4);
	igx_test_set(test, IGX_STATUS, ~0U);
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_CTRL), 0x40);
	KUNIT_EXPECT_FALSE(test, test_bit(IGX_STATE_REMOVED, &dev->state));

	/* the device fell off the bus: everything reads all ones */
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_STATUS), ~0U);
	KUNIT_EXPECT_TRUE(test, test_bit(IGX_STATE_REMOVED, &dev->state));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(dev->hw_addr));

	/* from now on nothing reaches the registers */
	igx_test_set(test, IGX_STATUS, 0x83);
	igx_wr32(dev, IGX_CTRL, 0x1234);
	KUNIT_EXPECT_EQ(test, igx_test_get(test, IGX_CTRL), 0x40);
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_CTRL), ~0U);
	KUNIT_EXPECT_EQ(test, igx_rd32(dev, IGX_STATUS), ~0U);
	igx_hw_stats_update(dev);
	KUNIT_EXPECT_EQ(test, dev->hw_stats.gprc, 0);
}

static struct kunit_case igx_hw_cases[] = {
	KUNIT_CASE(igx_hw_rd_wr),
	KUNIT_CASE(igx_hw_all_ones_register),
	KUNIT_CASE(igx_hw_gone),
	{}
};

static struct kunit_suite igx_hw_suite = {
	.name = "igx_hw",
	.test_cases = igx_hw_cases,
};

kunit_test_suites(&igx_tx_ctx_suite, &igx_irq_suite, &igx_rss_suite,
		  &igx_stats_suite, &igx_rx_len_suite, &igx_hw_suite);

MODULE_DESCRIPTION("KUnit tests for the igx driver");
MODULE_LICENSE("GPL");
