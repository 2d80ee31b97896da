// SPDX-License-Identifier: GPL-2.0
/*
 * igx: what is particular to the 82574L / 82574LA.
 *
 * A single-port controller with two RX and two TX queues at the legacy
 * register blocks, five MSI-X vectors whose causes live in ICR/IMS and are
 * routed by one IVAR register, extended RX descriptors (which igx reads
 * with the same code as the advanced ones, see igx_regs.h) and TCP/IP
 * context plus extended data descriptors for TX.  The PHY and the NVM are
 * claimed with EXTCNF_CTRL.SWFLAG instead of SWSM/SW_FW_SYNC.
 */
#include <linux/bitfield.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "igx.h"

/* Bytes of frame the 82574 receives with RCTL.LPE: 9018 */
#define IGX_82574_MAX_MTU	(9018 - ETH_HLEN - ETH_FCS_LEN)
/* RCTL.BSIZE 2048, BSEX clear: the largest size one page holds beside
 * the headroom and skb_shared_info
 */
#define IGX_82574_RX_BUF_LEN	2048

/* TCP/IPv6 hash enable: bit 18, where the 82576 has TCP/IPv6 EX */
#define IGX_82574_MRQC_TCP_IPV6	BIT(18)

/* ---- PHY and NVM ownership ---- */

/* One flag covers the PHY and the NVM: it sticks once the firmware
 * does not hold them
 */
static int igx_82574_swfw_acquire(struct igx_dev *dev, u32 mask)
{
	unsigned int tries;

	for (tries = 0; tries < 100; tries++) {
		igx_rmw32(dev, IGX_82574_EXTCNF_CTRL, 0,
			  IGX_82574_EXTCNF_SWFLAG);
		if (igx_rd32(dev, IGX_82574_EXTCNF_CTRL) &
		    IGX_82574_EXTCNF_SWFLAG)
			return 0;
		usleep_range(1000, 2000);
	}
	netdev_err(dev->netdev, "PHY/NVM software flag not granted\n");
	return -EBUSY;
}

static void igx_82574_swfw_release(struct igx_dev *dev, u32 mask)
{
	igx_rmw32(dev, IGX_82574_EXTCNF_CTRL, IGX_82574_EXTCNF_SWFLAG, 0);
}

static u16 igx_82574_nvm_lan_base(struct igx_dev *dev)
{
	return 0;
}

/* ---- receive and transmit setup ---- */

static void igx_82574_configure_mac(struct igx_dev *dev)
{
	/* Extended RX descriptors; 2 KiB buffers (BSIZE 0, no BSEX).  No
	 * ACK cause: it is an "other" cause, and every received TCP ACK
	 * would fire the other vector (QEMU raises it too).
	 */
	igx_rmw32(dev, IGX_82574_RFCTL, 0,
		  IGX_82574_RFCTL_EXTEN | IGX_82574_RFCTL_ACK_DIS);
	igx_rctl_rmw(dev, IGX_82574_RCTL_BSIZE | IGX_82574_RCTL_BSEX,
		     FIELD_PREP(IGX_82574_RCTL_BSIZE,
				IGX_82574_RCTL_BSIZE_2048));
}

static void igx_82574_configure_tx_ring(struct igx_dev *dev,
					struct igx_ring *ring)
{
	u16 q = ring->qid;

	igx_ring_regs_init(dev, ring, igx_txq_reg(dev, q, 0));
	igx_wr32(dev, IGX_82574_TXDCTL(q),
		 FIELD_PREP(IGX_82574_XDCTL_PTHRESH, 8) |
		 FIELD_PREP(IGX_82574_XDCTL_HTHRESH, 1) |
		 FIELD_PREP(IGX_82574_XDCTL_WTHRESH, 1) |
		 IGX_82574_XDCTL_GRAN);
	/* the queue fetches descriptors once TCTL.EN is set too */
	igx_rmw32(dev, IGX_82574_TARC(q), 0, IGX_82574_TARC_ENABLE);
}

static void igx_82574_configure_rx_ring(struct igx_dev *dev,
					struct igx_ring *ring)
{
	u16 q = ring->qid;

	igx_ring_regs_init(dev, ring, igx_rxq_reg(dev, q, 0));
	igx_wr32(dev, IGX_82574_RXDCTL(q),
		 FIELD_PREP(IGX_82574_XDCTL_PTHRESH, 8) |
		 FIELD_PREP(IGX_82574_XDCTL_HTHRESH, 8) |
		 FIELD_PREP(IGX_82574_XDCTL_WTHRESH, 1) |
		 IGX_82574_XDCTL_GRAN);
}

/*
 * No per-queue enable: RCTL.EN is off already; turning TCTL.EN off stops
 * the transmit DMA after the frame in flight, and the reset that follows
 * in igx_down() ends whatever is left.
 */
static void igx_82574_stop_rings(struct igx_dev *dev)
{
	unsigned int i;

	igx_rmw32(dev, IGX_TCTL, IGX_TCTL_EN, 0);
	for (i = 0; i < dev->num_q_vectors; i++)
		igx_rmw32(dev, IGX_82574_TARC(i), IGX_82574_TARC_ENABLE, 0);
	igx_flush(dev);
	usleep_range(1000, 2000);
}

/* No UDP hash types; the two queues are picked by RETA bit 7 */
static u32 igx_82574_rss_mrqc(struct igx_dev *dev)
{
	return FIELD_PREP(IGX_82574_MRQC_MRQE, IGX_82574_MRQC_MRQE_RSS) |
	       IGX_MRQC_IPV4 | IGX_MRQC_TCP_IPV4 |
	       IGX_MRQC_IPV6 | IGX_82574_MRQC_TCP_IPV6 | IGX_MRQC_IPV6_EX;
}

/* CTRL.VME turns VLAN stripping and VLAN insertion on together */
static netdev_features_t igx_82574_fix_features(netdev_features_t features)
{
	if (!(features & NETIF_F_HW_VLAN_CTAG_RX))
		features &= ~NETIF_F_HW_VLAN_CTAG_TX;
	return features;
}

static u32 igx_82574_rx_pb_bytes(struct igx_dev *dev)
{
	return FIELD_GET(IGX_82574_PBA_RX, igx_rd32(dev, IGX_82574_PBA)) *
	       SZ_1K;
}

/* ---- interrupts: causes in ICR/IMS, one IVAR for five vectors ---- */

static u32 igx_82574_queue_causes(unsigned int q)
{
	return IGX_82574_INT_RXQ(q) | IGX_82574_INT_TXQ(q);
}

static u32 igx_82574_ivar_entry(enum igx_82574_ivar_slot slot,
				unsigned int vector)
{
	return (FIELD_PREP(IGX_82574_IVAR_VECTOR, vector) |
		IGX_82574_IVAR_VALID) << (slot * IGX_82574_IVAR_SLOT_BITS);
}

static void igx_82574_irq_mask(struct igx_dev *dev)
{
	igx_wr32(dev, IGX_IMC, ~0U);
	igx_wr32(dev, IGX_82574_EIAC, 0);
}

/*
 * Queue pair q to MSI-X vector q (q < @nq), the other causes to
 * @other.  Sending a vector's message clears its causes in ICR and, with
 * CTRL_EXT.IAME clear (as after reset), masks them in IMS: the vector
 * stays quiet until igx_irq_vector_enable() re-arms it.
 */
static void igx_82574_msix_map(struct igx_dev *dev, unsigned int nq,
			       unsigned int other)
{
	u32 ivar, eiac;
	unsigned int q;

	ivar = igx_82574_ivar_entry(IGX_82574_IVAR_OTHER, other);
	eiac = IGX_82574_INT_OTHER;
	for (q = 0; q < nq; q++) {
		ivar |= igx_82574_ivar_entry(IGX_82574_IVAR_RXQ0 + q, q) |
			igx_82574_ivar_entry(IGX_82574_IVAR_TXQ0 + q, q);
		eiac |= igx_82574_queue_causes(q);
	}
	igx_wr32(dev, IGX_82574_IVAR, ivar);
	igx_wr32(dev, IGX_82574_EIAC, eiac);
}

static void igx_82574_irq_configure(struct igx_dev *dev)
{
	if (dev->irq_mode != IGX_IRQ_MSIX) {
		igx_wr32(dev, IGX_82574_IVAR, 0);
		igx_wr32(dev, IGX_82574_EIAC, 0);
		return;
	}
	/* queue vector i serves queue pair i (v_idx == i) */
	igx_82574_msix_map(dev, dev->num_q_vectors, dev->other_vector);
	/* the other vector at most every 250 us: a storm of overruns on
	 * real silicon must not take the CPU
	 */
	igx_wr32(dev, IGX_82574_EITR(dev->other_vector),
		 DIV_ROUND_UP(250 * NSEC_PER_USEC, IGX_82574_ITR_NS));
}

static void igx_82574_irq_enable(struct igx_dev *dev)
{
	u32 ims = IGX_INT_LSC;
	unsigned int i;

	if (dev->irq_mode != IGX_IRQ_MSIX) {
		igx_wr32(dev, IGX_IMS, ims | IGX_INT_QUEUE_CAUSES);
		return;
	}
	for (i = 0; i < dev->num_q_vectors; i++)
		ims |= igx_82574_queue_causes(i);
	igx_wr32(dev, IGX_IMS, ims | dev->irq_other.bits);
}

static void igx_82574_msix_bits(struct igx_dev *dev, unsigned int v,
				bool other, struct igx_irq_bits *bits)
{
	bits->mask_reg = IGX_IMS;
	bits->set_reg = IGX_ICS;
	bits->clear_reg = IGX_IMC;
	bits->cause_reg = IGX_ICR;
	bits->bits = other ? IGX_82574_INT_OTHER | IGX_INT_LSC :
			     igx_82574_queue_causes(v);
}

/*
 * In MSI-X mode a read of ICR does not reliably clear it (it depends on
 * IMS), and clearing it whole would lose queue causes that wait, masked,
 * for their vector to be re-armed.  Write-one-clear just the others; the
 * link is looked at whatever they were.
 */
static bool igx_82574_other_ack(struct igx_dev *dev)
{
	igx_wr32(dev, IGX_ICR, ~(u32)IGX_82574_INT_QUEUES);
	return true;
}

/* ITR (MSI/INTx) and EITR (MSI-X) count 256 ns units */
static void igx_82574_write_itr(struct igx_q_vector *qv)
{
	struct igx_dev *dev = qv->dev;
	u32 val = min_t(u32, DIV_ROUND_UP(qv->itr_usecs * NSEC_PER_USEC,
					  IGX_82574_ITR_NS),
			FIELD_MAX(IGX_82574_ITR_INTERVAL));

	if (dev->irq_mode == IGX_IRQ_MSIX)
		igx_wr32(dev, IGX_82574_EITR(qv->v_idx), val);
	else
		igx_wr32(dev, IGX_82574_ITR, val);
}

/* ---- transmit: TCP/IP context and extended data descriptors ---- */

static int igx_82574_tx_csum(struct sk_buff *skb, struct igx_tx_offload *off)
{
	unsigned int start = skb_checksum_start_offset(skb);
	unsigned int field = start + skb->csum_offset;
	bool tcp;

	switch (skb->csum_offset) {
	case offsetof(struct tcphdr, check):
		tcp = true;
		break;
	case offsetof(struct udphdr, check):
		tcp = false;
		break;
	default:
		return skb_checksum_help(skb);
	}
	if (field > FIELD_MAX(IGX_82574_TXC_TUCSO))
		return skb_checksum_help(skb);

	off->need_ctx = true;
	/* TUCSE 0: the checksum runs to the end of the frame */
	off->ctx_lo = FIELD_PREP(IGX_82574_TXC_TUCSS, start) |
		      FIELD_PREP(IGX_82574_TXC_TUCSO, field);
	off->ctx_hi = IGX_TXD_CMD_DEXT |
		      FIELD_PREP(IGX_82574_TXD_DTYP, IGX_82574_TXD_DTYP_CTXT) |
		      (tcp ? IGX_82574_TXC_TUCMD_TCP : 0);
	if (vlan_get_protocol(skb) == htons(ETH_P_IP))
		off->ctx_hi |= IGX_82574_TXC_TUCMD_IP;
	off->cmd |= IGX_TXD_POPTS_TXSM;
	return 0;
}

static int igx_82574_tso(struct sk_buff *skb, struct igx_tx_offload *off)
{
	unsigned int l3off = skb_network_offset(skb);
	unsigned int l4off = skb_transport_offset(skb);
	bool ipv4 = vlan_get_protocol(skb) == htons(ETH_P_IP);
	unsigned int hdr_len;
	int err;

	if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
		return -EPROTONOSUPPORT;
	hdr_len = l4off + tcp_hdrlen(skb);
	if (hdr_len > FIELD_MAX(IGX_82574_TXC_HDRLEN))
		return -EINVAL;
	err = igx_tso_prepare(skb);
	if (err)
		return err;

	off->need_ctx = true;
	off->hdr_len = hdr_len;
	off->segs = skb_shinfo(skb)->gso_segs;
	off->paylen = skb->len - hdr_len;
	/* IPCSS: where each segment's IP header is, whose length the MAC
	 * rewrites, for IPv6 as well as IPv4
	 */
	off->ctx_lo = FIELD_PREP(IGX_82574_TXC_IPCSS, l3off) |
		      FIELD_PREP(IGX_82574_TXC_TUCSS, l4off) |
		      FIELD_PREP(IGX_82574_TXC_TUCSO,
				 l4off + offsetof(struct tcphdr, check));
	off->ctx_hi = IGX_TXD_CMD_DEXT | IGX_82574_TXC_TUCMD_TSE |
		      IGX_82574_TXC_TUCMD_TCP |
		      FIELD_PREP(IGX_82574_TXD_DTYP, IGX_82574_TXD_DTYP_CTXT) |
		      FIELD_PREP(IGX_82574_TXC_PAYLEN, off->paylen) |
		      FIELD_PREP(IGX_82574_TXC_HDRLEN, hdr_len) |
		      FIELD_PREP(IGX_82574_TXC_MSS, skb_shinfo(skb)->gso_size);
	off->cmd |= IGX_82574_TXD_CMD_TSE | IGX_TXD_POPTS_TXSM;
	if (ipv4) {
		/* the IP checksum of each segment, up to the L4 header */
		off->ctx_lo |= FIELD_PREP(IGX_82574_TXC_IPCSO,
					  l3off + offsetof(struct iphdr,
							   check)) |
			       FIELD_PREP(IGX_82574_TXC_IPCSE, l4off - 1);
		off->ctx_hi |= IGX_82574_TXC_TUCMD_IP;
		off->cmd |= IGX_TXD_POPTS_IXSM;
	}
	return 0;
}

/**
 * igx_82574_tx_offload() - the descriptor words of one packet
 * @skb: the packet; headers may be rewritten for TSO
 * @off: filled in, in the 82574's formats: the whole context descriptor
 *	 and everything of the data descriptors but EOP, RS and the length
 *
 * Return: 0, or a negative error when the packet must be dropped.
 */
VISIBLE_IF_KUNIT int igx_82574_tx_offload(struct sk_buff *skb,
					  struct igx_tx_offload *off)
{
	memset(off, 0, sizeof(*off));
	off->segs = 1;
	off->paylen = skb->len;
	off->cmd = IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS |
		   FIELD_PREP(IGX_82574_TXD_DTYP, IGX_82574_TXD_DTYP_DATA);

	/* the tag goes in every data descriptor, not in the context */
	if (skb_vlan_tag_present(skb))
		off->cmd |= IGX_TXD_CMD_VLE |
			    FIELD_PREP(IGX_82574_TXD_VLAN,
				       skb_vlan_tag_get(skb));

	if (skb_is_gso(skb))
		return igx_82574_tso(skb, off);
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		return igx_82574_tx_csum(skb, off);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(igx_82574_tx_offload);

/**
 * igx_82574_xmit() - ndo_start_xmit of the 82574
 * @skb: the packet
 * @netdev: the device
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY if the ring is unexpectedly full.
 */
netdev_tx_t igx_82574_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct igx_tx_offload off;
	struct igx_ring *ring;
	netdev_tx_t ret;

	ring = igx_xmit_prepare(skb, netdev, &ret);
	if (unlikely(!ring))
		return ret;
	if (igx_82574_tx_offload(skb, &off))
		return igx_xmit_drop(ring, skb);
	return igx_xmit_submit(ring, skb, &off);
}

/* ---- self-test ---- */

static u64 igx_82574_tx_plain_cmd(unsigned int len)
{
	return IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS |
	       FIELD_PREP(IGX_82574_TXD_DTYP, IGX_82574_TXD_DTYP_DATA);
}

/* Every vector but the last serves a queue pair; with auto-clear (and
 * auto-mask, which the test does not rely on)
 */
static void igx_82574_st_msix_setup(struct igx_dev *dev, unsigned int nvec)
{
	igx_82574_msix_map(dev, nvec - 1, nvec - 1);
}

#define IGX_82574_IVAR_ENTRIES	GENMASK(IGX_82574_MSIX_VECTORS * \
					IGX_82574_IVAR_SLOT_BITS - 1, 0)

/* Registers nothing else writes while the port is stopped; every one is
 * restored after the test and the device is reset anyway.
 */
static const struct igx_st_reg igx_82574_st_regs[] = {
	{ "FCRTV",	IGX_82574_FCRTV, 1,  4,     IGX_FCRTV_FCRTV },
	{ "RDBAL",	IGX_82574_RDBAL(0), 2, 0x100, IGX_XDBAL_ADDR },
	{ "RDBAH",	IGX_82574_RDBAH(0), 2, 0x100, GENMASK(31, 0) },
	/* the length counts 128 byte units: bits 6:0 are zero */
	{ "RDLEN",	IGX_82574_RDLEN(0), 2, 0x100, GENMASK(19, 7) },
	{ "TDBAL",	IGX_82574_TDBAL(0), 2, 0x100, IGX_XDBAL_ADDR },
	{ "TDBAH",	IGX_82574_TDBAH(0), 2, 0x100, GENMASK(31, 0) },
	{ "TDLEN",	IGX_82574_TDLEN(0), 2, 0x100, GENMASK(19, 7) },
	{ "EITR",	IGX_82574_EITR(0), IGX_82574_MSIX_VECTORS, 4,
		IGX_82574_ITR_INTERVAL },
	{ "IVAR",	IGX_82574_IVAR,	1,   4,     IGX_82574_IVAR_ENTRIES },
	{ "RAH",	IGX_RAH(0),	16,  8,     IGX_RAH_ADDR | IGX_RAH_AV },
};

/* ---- register dump (ethtool -d), layout 2 ---- */

static const struct igx_reg_block igx_82574_regs_global[] = {
	/* general control and status */
	IGX_REG(IGX_CTRL),
	IGX_REG(IGX_STATUS),
	IGX_REG(IGX_EECD),
	IGX_REG(IGX_CTRL_EXT),
	IGX_REG(IGX_MDIC),
	IGX_REG(IGX_82574_EXTCNF_CTRL),
	IGX_REG(IGX_LEDCTL),
	/* flow control */
	IGX_REG(IGX_FCAL),
	IGX_REG(IGX_FCAH),
	IGX_REG(IGX_FCT),
	IGX_REG(IGX_FCTTV),
	IGX_REG(IGX_FCRTL),
	IGX_REG(IGX_FCRTH),
	IGX_REG(IGX_82574_FCRTV),
	IGX_REG(IGX_82574_PBA),
	/* interrupts: masks and routing, never the cause register */
	IGX_REG(IGX_IMS),
	IGX_REG(IGX_IAM),
	IGX_REG(IGX_82574_EIAC),
	IGX_REG(IGX_82574_IVAR),
	IGX_REG(IGX_82574_ITR),
	IGX_REG_ARRAY(IGX_82574_EITR(0), IGX_82574_MSIX_VECTORS),
	/* receive and transmit control */
	IGX_REG(IGX_RCTL),
	IGX_REG(IGX_82574_RFCTL),
	IGX_REG(IGX_RXCSUM),
	IGX_REG(IGX_TCTL),
	IGX_REG(IGX_TIPG),
	IGX_REG(IGX_VET),
	IGX_REG(IGX_82574_TARC(0)),
	IGX_REG(IGX_82574_TARC(1)),
	/* RSS */
	IGX_REG(IGX_MRQC),
	IGX_REG_ARRAY(IGX_RETA(0), IGX_RETA_ENTRIES / 4),
	IGX_REG_ARRAY(IGX_RSSRK(0), IGX_RSS_KEY_SIZE / 4),
	/* filters: RAL0, RAH0, RAL1, RAH1, ... */
	IGX_REG_ARRAY(IGX_RAL(0), 2 * IGX_NUM_RAR),
	IGX_REG_ARRAY(IGX_MTA(0), IGX_MTA_NUM),
	IGX_REG_ARRAY(IGX_VFTA(0), IGX_VFTA_NUM),
};

/* per queue, given as the offsets of queue 0 (queues are 0x100 apart) */
static const u32 igx_82574_regs_queue[] = {
	IGX_82574_RDBAL(0), IGX_82574_RDBAH(0), IGX_82574_RDLEN(0),
	IGX_82574_RDH(0), IGX_82574_RDT(0), IGX_82574_RXDCTL(0),
	IGX_82574_TDBAL(0), IGX_82574_TDBAH(0), IGX_82574_TDLEN(0),
	IGX_82574_TDH(0), IGX_82574_TDT(0), IGX_82574_TXDCTL(0),
};

static const struct igx_regs_layout igx_82574_regs = {
	.version	= 2,
	.global		= igx_82574_regs_global,
	.n_global	= ARRAY_SIZE(igx_82574_regs_global),
	.queue		= igx_82574_regs_queue,
	.n_queue	= ARRAY_SIZE(igx_82574_regs_queue),
	.n_queues	= 2,
};

const struct igx_family igx_family_82574 = {
	.name		= "82574",
	.max_queues	= 2,
	.max_msix	= IGX_82574_MSIX_VECTORS,
	.max_mtu	= IGX_82574_MAX_MTU,
	.rx_buf_len	= IGX_82574_RX_BUF_LEN,
	/* the legacy descriptor's limit is 16288 bytes; 8 KiB pieces, as
	 * the in-tree e1000e uses, stay well clear of it
	 */
	.tx_buf_max	= SZ_8K,
	.rss_udp	= false,
	.reta_shift	= 7,
	.rxq_regs	= IGX_82574_RDBAL(0),
	.txq_regs	= IGX_82574_TDBAL(0),
	.q_stride	= IGX_82574_RDBAL(1) - IGX_82574_RDBAL(0),
	.fcrtv		= IGX_82574_FCRTV,
	.netdev_ops	= &igx_netdev_ops_82574,
	.reset		= igx_hw_reset_common,
	.nvm_lan_base	= igx_82574_nvm_lan_base,
	.swfw_acquire	= igx_82574_swfw_acquire,
	.swfw_release	= igx_82574_swfw_release,
	.configure_mac	= igx_82574_configure_mac,
	.configure_tx_ring = igx_82574_configure_tx_ring,
	.configure_rx_ring = igx_82574_configure_rx_ring,
	.stop_rings	= igx_82574_stop_rings,
	.rss_mrqc	= igx_82574_rss_mrqc,
	.irq_mask	= igx_82574_irq_mask,
	.irq_configure	= igx_82574_irq_configure,
	.irq_enable	= igx_82574_irq_enable,
	.msix_bits	= igx_82574_msix_bits,
	.other_ack	= igx_82574_other_ack,
	.write_itr	= igx_82574_write_itr,
	.rx_pb_bytes	= igx_82574_rx_pb_bytes,
	.fix_features	= igx_82574_fix_features,
	.hw_counters	= igx_hw_counters,
	.n_hw_counters	= IGX_N_HW_COUNTERS,
	.tx_plain_cmd	= igx_82574_tx_plain_cmd,
	.st_msix_setup	= igx_82574_st_msix_setup,
	.st_regs	= igx_82574_st_regs,
	.n_st_regs	= ARRAY_SIZE(igx_82574_st_regs),
	.regs		= &igx_82574_regs,
};
EXPORT_SYMBOL_IF_KUNIT(igx_family_82574);
