// SPDX-License-Identifier: GPL-2.0
/*
 * igx: what is particular to the 82576 and the I350.
 *
 * Both use advanced descriptors, EICR-style MSI-X and the same reset; they
 * differ in how IVAR bytes map to queues and in how the NVM is split
 * between the LAN functions.
 */
#include <linux/bitfield.h>
#include <linux/iopoll.h>

#include "igx.h"

static unsigned int igx_func_id(struct igx_dev *dev)
{
	return FIELD_GET(IGX_STATUS_FUNC_ID, igx_rd32(dev, IGX_STATUS));
}

static void igx_ivar_set(struct igx_dev *dev, unsigned int reg,
			 unsigned int byte, unsigned int vector)
{
	u32 shift = byte * 8;

	igx_rmw32(dev, IGX_IVAR(reg), IGX_IVAR_ENTRY << shift,
		  (FIELD_PREP(IGX_IVAR_VECTOR, vector) | IGX_IVAR_VALID) <<
		  shift);
}

/* 82576: IVAR(n) holds RX n, TX n, RX n + 8, TX n + 8 */
static void igx_82576_map_queue(struct igx_dev *dev, unsigned int queue,
				unsigned int vector)
{
	unsigned int hi = queue >= 8 ? 2 : 0;

	igx_ivar_set(dev, queue & 7, hi, vector);
	igx_ivar_set(dev, queue & 7, hi + 1, vector);
}

/* I350: IVAR(n) holds RX 2n, TX 2n, RX 2n + 1, TX 2n + 1 */
static void igx_i350_map_queue(struct igx_dev *dev, unsigned int queue,
			       unsigned int vector)
{
	unsigned int odd = queue & 1 ? 2 : 0;

	igx_ivar_set(dev, queue >> 1, odd, vector);
	igx_ivar_set(dev, queue >> 1, odd + 1, vector);
}

static void igx_82576_map_other(struct igx_dev *dev, unsigned int vector)
{
	igx_wr32(dev, IGX_IVAR_MISC,
		 FIELD_PREP(IGX_IVAR_MISC_OTHER,
			    FIELD_PREP(IGX_IVAR_VECTOR, vector) |
			    IGX_IVAR_VALID));
}

/* The 82576 keeps one MAC address in the NVM for both ports */
static u16 igx_82576_nvm_lan_base(struct igx_dev *dev)
{
	return 0;
}

static void igx_82576_mac_addr_fixup(struct igx_dev *dev, u8 *addr)
{
	/* the second port uses the address with its lowest bit flipped */
	addr[ETH_ALEN - 1] ^= igx_func_id(dev) & 1;
}

static u16 igx_i350_nvm_lan_base(struct igx_dev *dev)
{
	static const u16 lan_base[] = {
		IGX_NVM_I350_LAN0, IGX_NVM_I350_LAN1,
		IGX_NVM_I350_LAN2, IGX_NVM_I350_LAN3,
	};

	return lan_base[igx_func_id(dev)];
}

/*
 * NVM and PHY are shared with the manageability firmware: take the
 * hardware semaphore (SWSM), then claim the resource in SW_FW_SYNC while
 * the firmware does not hold it.
 */
static int igx_swsm_get(struct igx_dev *dev)
{
	u32 val;
	int err;

	/* Reading SWSM sets SMBI: whoever reads it clear owns it */
	err = read_poll_timeout(igx_rd32, val, !(val & IGX_SWSM_SMBI),
				50, 100000, false, dev, IGX_SWSM);
	if (err)
		return err;

	/* keep SMBI set: the read that returned it clear took it */
	igx_wr32(dev, IGX_SWSM, val | IGX_SWSM_SMBI | IGX_SWSM_SWESMBI);
	err = read_poll_timeout(igx_rd32, val, val & IGX_SWSM_SWESMBI,
				50, 100000, false, dev, IGX_SWSM);
	if (err)
		igx_wr32(dev, IGX_SWSM, 0);
	return err;
}

static void igx_swsm_put(struct igx_dev *dev)
{
	igx_rmw32(dev, IGX_SWSM, IGX_SWSM_SMBI | IGX_SWSM_SWESMBI, 0);
}

static int igx_82576_swfw_acquire(struct igx_dev *dev, u32 mask)
{
	unsigned int tries;
	u32 sync;

	for (tries = 0; tries < 200; tries++) {
		if (igx_swsm_get(dev))
			break;
		sync = igx_rd32(dev, IGX_SW_FW_SYNC);
		if (!(sync & (mask | (mask << 16)))) {
			igx_wr32(dev, IGX_SW_FW_SYNC, sync | mask);
			igx_swsm_put(dev);
			return 0;
		}
		igx_swsm_put(dev);
		usleep_range(5000, 6000);
	}
	netdev_err(dev->netdev, "firmware semaphore %#x not granted\n", mask);
	return -EBUSY;
}

static void igx_82576_swfw_release(struct igx_dev *dev, u32 mask)
{
	/* Keep the release even when SWSM is stuck: the bit is ours */
	if (igx_swsm_get(dev))
		netdev_warn(dev->netdev, "SWSM stuck while releasing %#x\n",
			    mask);
	igx_rmw32(dev, IGX_SW_FW_SYNC, mask, 0);
	igx_swsm_put(dev);
}

/* ---- rings ---- */

static void igx_82576_configure_tx_ring(struct igx_dev *dev,
					struct igx_ring *ring)
{
	u16 q = ring->qid;

	igx_wr32(dev, IGX_TXDCTL(q), 0);
	igx_flush(dev);
	igx_ring_regs_init(dev, ring, igx_txq_reg(dev, q, 0));
	igx_wr32(dev, IGX_TXDCTL(q), FIELD_PREP(IGX_XDCTL_PTHRESH, 8) |
				     FIELD_PREP(IGX_XDCTL_HTHRESH, 1) |
				     FIELD_PREP(IGX_XDCTL_WTHRESH, 1) |
				     IGX_XDCTL_ENABLE);
	igx_wait_queue_enable(dev, IGX_TXDCTL(q), true);
}

static void igx_82576_configure_rx_ring(struct igx_dev *dev,
					struct igx_ring *ring)
{
	u16 q = ring->qid;

	igx_wr32(dev, IGX_RXDCTL(q), 0);
	igx_flush(dev);
	igx_ring_regs_init(dev, ring, igx_rxq_reg(dev, q, 0));
	/* Without flow control, a queue out of descriptors drops its own
	 * frames instead of stalling the packet buffer all queues share.
	 */
	igx_wr32(dev, IGX_SRRCTL(q),
		 FIELD_PREP(IGX_SRRCTL_BSIZEPKT, IGX_RX_BUF_LEN / SZ_1K) |
		 FIELD_PREP(IGX_SRRCTL_DESCTYPE,
			    IGX_SRRCTL_DESCTYPE_ADV_ONEBUF) |
		 (dev->num_q_vectors > 1 ? IGX_SRRCTL_DROP_EN : 0));
	igx_wr32(dev, IGX_RXDCTL(q), FIELD_PREP(IGX_XDCTL_PTHRESH, 8) |
				     FIELD_PREP(IGX_XDCTL_HTHRESH, 8) |
				     FIELD_PREP(IGX_XDCTL_WTHRESH, 1) |
				     IGX_XDCTL_ENABLE);
	igx_wait_queue_enable(dev, IGX_RXDCTL(q), true);
}

static void igx_82576_stop_rings(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_q_vectors; i++) {
		igx_wr32(dev, IGX_RXDCTL(i), 0);
		igx_wr32(dev, IGX_TXDCTL(i), 0);
	}
	for (i = 0; i < dev->num_q_vectors; i++) {
		igx_wait_queue_enable(dev, IGX_RXDCTL(i), false);
		igx_wait_queue_enable(dev, IGX_TXDCTL(i), false);
	}
}

/* Frames longer than this are dropped (with RCTL.LPE; else 1522) */
static void igx_82576_set_max_frame(struct igx_dev *dev, u32 frame)
{
	igx_wr32(dev, IGX_RLPML, FIELD_PREP(IGX_RLPML_LEN, frame));
}

static u32 igx_82576_rss_mrqc(struct igx_dev *dev)
{
	u32 mrqc = FIELD_PREP(IGX_MRQC_MRQE, IGX_MRQC_MRQE_RSS) |
		   IGX_MRQC_IPV4 | IGX_MRQC_TCP_IPV4 |
		   IGX_MRQC_IPV6 | IGX_MRQC_TCP_IPV6 |
		   IGX_MRQC_IPV6_EX | IGX_MRQC_TCP_IPV6_EX;

	if (dev->rss_udp4)
		mrqc |= IGX_MRQC_UDP_IPV4;
	if (dev->rss_udp6)
		mrqc |= IGX_MRQC_UDP_IPV6 | IGX_MRQC_UDP_IPV6_EX;
	return mrqc;
}

/* ---- interrupts: EICR/EIMS, one bit per MSI-X vector ---- */

static void igx_82576_irq_mask(struct igx_dev *dev)
{
	igx_wr32(dev, IGX_IMC, ~0U);
	igx_wr32(dev, IGX_EIMC, ~0U);
	igx_wr32(dev, IGX_EIAC, 0);
}

static void igx_irq_configure_ivar(struct igx_dev *dev,
				   void (*map_queue)(struct igx_dev *dev,
						     unsigned int queue,
						     unsigned int vector))
{
	unsigned int i;

	if (dev->irq_mode == IGX_IRQ_MSIX) {
		igx_wr32(dev, IGX_GPIE, IGX_GPIE_NSICR | IGX_GPIE_MULTIPLE_MSIX |
					IGX_GPIE_EIAME | IGX_GPIE_PBA);
		igx_82576_map_other(dev, dev->other_vector);
	} else {
		igx_wr32(dev, IGX_GPIE, 0);
	}
	for (i = 0; i < dev->num_q_vectors; i++)
		map_queue(dev, i, dev->q_vector[i]->v_idx);
}

static void igx_82576_irq_configure(struct igx_dev *dev)
{
	igx_irq_configure_ivar(dev, igx_82576_map_queue);
}

static void igx_i350_irq_configure(struct igx_dev *dev)
{
	igx_irq_configure_ivar(dev, igx_i350_map_queue);
}

static void igx_82576_irq_enable(struct igx_dev *dev)
{
	u32 eims;

	if (dev->irq_mode != IGX_IRQ_MSIX) {
		igx_wr32(dev, IGX_IMS, IGX_INT_LSC | IGX_INT_QUEUE_CAUSES);
		return;
	}
	/* auto-clear and auto-mask every vector when it fires */
	eims = GENMASK(dev->num_q_vectors - 1, 0) | dev->irq_other.bits;
	igx_wr32(dev, IGX_EIAC, eims);
	igx_wr32(dev, IGX_EIAM, eims);
	igx_wr32(dev, IGX_EIMS, eims);
	igx_wr32(dev, IGX_IMS, IGX_INT_LSC);
}

static void igx_82576_msix_bits(struct igx_dev *dev, unsigned int v,
				bool other, struct igx_irq_bits *bits)
{
	bits->mask_reg = IGX_EIMS;
	bits->set_reg = IGX_EICS;
	bits->clear_reg = IGX_EIMC;
	bits->cause_reg = IGX_EICR;
	bits->bits = BIT(v);
}

/* The other causes are in ICR, cleared by reading it (GPIE.NSICR) */
static bool igx_82576_other_ack(struct igx_dev *dev)
{
	return igx_rd32(dev, IGX_ICR) & IGX_INT_LSC;
}

static void igx_82576_write_itr(struct igx_q_vector *qv)
{
	igx_wr32(qv->dev, IGX_EITR(qv->v_idx), igx_eitr_value(qv->itr_usecs));
}

/* ---- self-test ---- */

static u64 igx_82576_tx_plain_cmd(unsigned int len)
{
	return IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS |
	       FIELD_PREP(IGX_TXD_DTYP, IGX_TXD_DTYP_DATA) |
	       FIELD_PREP(IGX_TXD_PAYLEN, len);
}

/* EICS raises EICR bit v, which is vector v: no IVAR needed */
static void igx_82576_st_msix_setup(struct igx_dev *dev, unsigned int nvec)
{
	igx_wr32(dev, IGX_GPIE, IGX_GPIE_NSICR | IGX_GPIE_MULTIPLE_MSIX |
				IGX_GPIE_PBA);
	/* auto-clear only: no auto-mask, the test masks by itself */
	igx_wr32(dev, IGX_EIAC, GENMASK(nvec - 1, 0));
}

#define IGX_IVAR_BYTES	lower_32_bits(REPEAT_BYTE(IGX_IVAR_VECTOR | \
						  IGX_IVAR_VALID))

/* Registers nothing else writes while the port is stopped; every one is
 * restored after the test and the device is reset anyway.
 */
static const struct igx_st_reg igx_82576_st_regs[] = {
	{ "FCRTV",	IGX_FCRTV,	1,   4,    IGX_FCRTV_FCRTV },
	{ "RLPML",	IGX_RLPML,	1,   4,    IGX_RLPML_LEN },
	{ "RDBAL",	IGX_RDBAL(0),	8,   0x40, IGX_XDBAL_ADDR },
	{ "RDBAH",	IGX_RDBAH(0),	8,   0x40, GENMASK(31, 0) },
	{ "RDLEN",	IGX_RDLEN(0),	8,   0x40, IGX_XDLEN_LEN },
	{ "TDBAL",	IGX_TDBAL(0),	8,   0x40, IGX_XDBAL_ADDR },
	{ "TDBAH",	IGX_TDBAH(0),	8,   0x40, GENMASK(31, 0) },
	{ "TDLEN",	IGX_TDLEN(0),	8,   0x40, IGX_XDLEN_LEN },
	{ "EITR",	IGX_EITR(0),	8,   4,    IGX_EITR_INTERVAL },
	{ "IVAR",	IGX_IVAR(0),	4,   4,    IGX_IVAR_BYTES },
	{ "RAH",	IGX_RAH(0),	16,  8,    IGX_RAH_ADDR | IGX_RAH_POOL |
						   IGX_RAH_AV },
};

/* ---- register dump (ethtool -d), layout 1 ---- */

static const struct igx_reg_block igx_82576_regs_global[] = {
	/* general control and status */
	IGX_REG(IGX_CTRL),
	IGX_REG(IGX_STATUS),
	IGX_REG(IGX_EECD),
	IGX_REG(IGX_CTRL_EXT),
	IGX_REG(IGX_MDIC),
	IGX_REG(IGX_SW_FW_SYNC),
	IGX_REG(IGX_LEDCTL),
	/* flow control */
	IGX_REG(IGX_FCAL),
	IGX_REG(IGX_FCAH),
	IGX_REG(IGX_FCT),
	IGX_REG(IGX_FCTTV),
	IGX_REG(IGX_FCRTL),
	IGX_REG(IGX_FCRTH),
	IGX_REG(IGX_FCRTV),
	IGX_REG(IGX_RXPBS),
	/* interrupts: masks and routing, never the cause registers */
	IGX_REG(IGX_IMS),
	IGX_REG(IGX_IAM),
	IGX_REG(IGX_GPIE),
	IGX_REG(IGX_EIMS),
	IGX_REG(IGX_EIAC),
	IGX_REG(IGX_EIAM),
	IGX_REG_ARRAY(IGX_EITR(0), 10),		/* the PF's MSI-X vectors */
	IGX_REG_ARRAY(IGX_IVAR(0), 8),
	IGX_REG(IGX_IVAR_MISC),
	/* receive and transmit control */
	IGX_REG(IGX_RCTL),
	IGX_REG(IGX_RXCSUM),
	IGX_REG(IGX_RLPML),
	IGX_REG(IGX_TCTL),
	IGX_REG(IGX_TIPG),
	IGX_REG(IGX_VET),
	/* RSS */
	IGX_REG(IGX_MRQC),
	IGX_REG_ARRAY(IGX_RETA(0), IGX_RETA_ENTRIES / 4),
	IGX_REG_ARRAY(IGX_RSSRK(0), IGX_RSS_KEY_SIZE / 4),
	/* filters: RAL0, RAH0, RAL1, RAH1, ... */
	IGX_REG_ARRAY(IGX_RAL(0), 2 * IGX_NUM_RAR),
	IGX_REG_ARRAY(IGX_MTA(0), IGX_MTA_NUM),
	IGX_REG_ARRAY(IGX_VFTA(0), IGX_VFTA_NUM),
};

/* per queue, given as the offsets of queue 0 (queues are 0x40 apart) */
static const u32 igx_82576_regs_queue[] = {
	IGX_RDBAL(0), IGX_RDBAH(0), IGX_RDLEN(0), IGX_SRRCTL(0),
	IGX_RDH(0), IGX_RDT(0), IGX_RXDCTL(0),
	IGX_TDBAL(0), IGX_TDBAH(0), IGX_TDLEN(0),
	IGX_TDH(0), IGX_TDT(0), IGX_TXDCTL(0),
};

static const struct igx_regs_layout igx_82576_regs = {
	.version	= 1,
	.global		= igx_82576_regs_global,
	.n_global	= ARRAY_SIZE(igx_82576_regs_global),
	.queue		= igx_82576_regs_queue,
	.n_queue	= ARRAY_SIZE(igx_82576_regs_queue),
	.n_queues	= IGX_MAX_QUEUES,
};

/* RXPBS holds the RX packet buffer size in KiB */
static u32 igx_82576_rx_pb_bytes(struct igx_dev *dev)
{
	return FIELD_GET(IGX_RXPBS_SIZE, igx_rd32(dev, IGX_RXPBS)) * SZ_1K;
}

/* The I350's RXPBS holds an index into a table of sizes (KiB) */
static u32 igx_i350_rx_pb_bytes(struct igx_dev *dev)
{
	static const u8 kib[] = { 36, 72, 144, 1, 2, 4, 8, 16, 35, 70, 140 };
	u32 idx = FIELD_GET(IGX_RXPBS_I350_IDX, igx_rd32(dev, IGX_RXPBS));

	return idx < ARRAY_SIZE(kib) ? kib[idx] * SZ_1K : 0;
}

/*
 * What the 82576 and the I350 share: all but the queue count, where the
 * port's NVM words start, the MAC address fixup, the vector map and the
 * packet buffer sizes.
 */
#define IGX_82576_FAMILY_COMMON \
	.max_msix	= 10, \
	.max_mtu	= IGX_MAX_MTU, \
	.rx_buf_len	= IGX_RX_BUF_LEN, \
	.tx_buf_max	= SZ_32K, \
	.rss_udp	= true, \
	.rxq_regs	= IGX_RDBAL(0), \
	.txq_regs	= IGX_TDBAL(0), \
	.q_stride	= IGX_RDBAL(1) - IGX_RDBAL(0), \
	.fcrtv		= IGX_FCRTV, \
	.netdev_ops	= &igx_netdev_ops_adv, \
	.reset		= igx_hw_reset_common, \
	.swfw_acquire	= igx_82576_swfw_acquire, \
	.swfw_release	= igx_82576_swfw_release, \
	.set_max_frame	= igx_82576_set_max_frame, \
	.configure_tx_ring = igx_82576_configure_tx_ring, \
	.configure_rx_ring = igx_82576_configure_rx_ring, \
	.stop_rings	= igx_82576_stop_rings, \
	.rss_mrqc	= igx_82576_rss_mrqc, \
	.irq_mask	= igx_82576_irq_mask, \
	.irq_enable	= igx_82576_irq_enable, \
	.msix_bits	= igx_82576_msix_bits, \
	.other_ack	= igx_82576_other_ack, \
	.write_itr	= igx_82576_write_itr, \
	.hw_counters	= igx_hw_counters, \
	.n_hw_counters	= IGX_N_HW_COUNTERS, \
	.tx_plain_cmd	= igx_82576_tx_plain_cmd, \
	.st_msix_setup	= igx_82576_st_msix_setup, \
	.st_regs	= igx_82576_st_regs, \
	.n_st_regs	= ARRAY_SIZE(igx_82576_st_regs), \
	.regs		= &igx_82576_regs

const struct igx_family igx_family_82576 = {
	.name		= "82576",
	.max_queues	= 16,
	IGX_82576_FAMILY_COMMON,
	.nvm_lan_base	= igx_82576_nvm_lan_base,
	.mac_addr_fixup	= igx_82576_mac_addr_fixup,
	.irq_configure	= igx_82576_irq_configure,
	.rx_pb_bytes	= igx_82576_rx_pb_bytes,
};
EXPORT_SYMBOL_IF_KUNIT(igx_family_82576);

const struct igx_family igx_family_i350 = {
	.name		= "I350",
	.max_queues	= 8,
	IGX_82576_FAMILY_COMMON,
	.nvm_lan_base	= igx_i350_nvm_lan_base,
	.irq_configure	= igx_i350_irq_configure,
	.rx_pb_bytes	= igx_i350_rx_pb_bytes,
};
