// SPDX-License-Identifier: GPL-2.0
/*
 * igx: ethtool -t, the hardware self-test.
 *
 * Offline, the port is stopped (if it was open), then the tests own the
 * hardware: registers, NVM, interrupts, link and a MAC loopback through
 * rings of their own.  The device is reset after them and the port is
 * opened again from the driver's software state, so the rings, IRQs,
 * filters, MTU and link come back as they were.  Online, only the NVM
 * and the link are looked at; the other results stay 0 (not run).
 *
 * Locking: ethtool calls us under RTNL, which keeps open, stop, the
 * reconfiguration paths and the service work (it takes RTNL) away.
 * ndo_set_rx_mode does not need RTNL; the register test holds the netdev
 * address lock around each filter register it borrows.  Whatever
 * ndo_set_rx_mode writes meanwhile is rewritten when the port reopens.
 */
#include <linux/bitfield.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/interrupt.h>
#include <linux/iopoll.h>
#include <linux/rtnetlink.h>
#include <linux/unaligned.h>

#include "igx.h"

enum igx_st_test {
	IGX_ST_REG,
	IGX_ST_NVM,
	IGX_ST_IRQ,
	IGX_ST_LOOPBACK,
	IGX_ST_LINK,
	IGX_ST_NUM
};

/* "(offline)": runs only in an offline test; the others run in both */
static const char igx_st_names[IGX_ST_NUM][ETH_GSTRING_LEN] = {
	[IGX_ST_REG]		= "register (offline)",
	[IGX_ST_NVM]		= "nvm checksum",
	[IGX_ST_IRQ]		= "interrupt (offline)",
	[IGX_ST_LOOPBACK]	= "loopback (offline)",
	[IGX_ST_LINK]		= "link",
};

/* Autonegotiation takes up to a few seconds on real PHYs (0.5 s in QEMU) */
#define IGX_ST_LINK_TIMEOUT_MS	5000U
/* How long an interrupt may take to arrive, and to be known absent */
#define IGX_ST_IRQ_TIMEOUT_MS	200U
#define IGX_ST_IRQ_QUIET_MS	20U
/* Loopback frames are back within microseconds; allow for a busy host */
#define IGX_ST_LOOP_TIMEOUT_MS	500U

/* ---- register test ---- */

static const u32 igx_st_patterns[] = {
	0x5a5a5a5a, 0xa5a5a5a5, 0x00000000, 0xffffffff,
};

/*
 * The registers every family has at the same offset with the same bits
 * (flow control, the inter-packet gap, the address filters); the family's
 * table adds the rest
 */
static const struct igx_st_reg igx_st_regs_common[] = {
	{ "FCAL",	IGX_FCAL,	1,   4,    GENMASK(31, 0) },
	{ "FCAH",	IGX_FCAH,	1,   4,    IGX_FCAH_ADDR },
	{ "FCT",	IGX_FCT,	1,   4,    IGX_FCT_TYPE },
	{ "VET",	IGX_VET,	1,   4,    IGX_VET_VET },
	{ "FCTTV",	IGX_FCTTV,	1,   4,    IGX_FCTTV_TTV },
	/* 15:4 of the thresholds: QEMU keeps no more of them */
	{ "FCRTL",	IGX_FCRTL,	1,   4,    GENMASK(15, 4) |
						   IGX_FCRTL_XONE },
	{ "FCRTH",	IGX_FCRTH,	1,   4,    GENMASK(15, 4) },
	{ "TIPG",	IGX_TIPG,	1,   4,    IGX_TIPG_IPGT |
						   IGX_TIPG_IPGR1 |
						   IGX_TIPG_IPGR2 },
	{ "RAL",	IGX_RAL(0),	16,  8,    GENMASK(31, 0) },
	{ "MTA",	IGX_MTA(0),	128, 4,    GENMASK(31, 0) },
	{ "VFTA",	IGX_VFTA(0),	128, 4,    GENMASK(31, 0) },
};

/* Returns the offset of the first register that failed, or 0 */
static u32 igx_st_reg_one(struct igx_dev *dev, const struct igx_st_reg *r,
			  u32 reg)
{
	u32 orig = igx_rd32(dev, reg);
	u32 want, got, bad = 0;
	unsigned int p;

	for (p = 0; p < ARRAY_SIZE(igx_st_patterns); p++) {
		/* bits the hardware does not implement keep their value */
		want = (igx_st_patterns[p] & r->mask) | (orig & ~r->mask);
		igx_wr32(dev, reg, want);
		got = igx_rd32(dev, reg);
		if ((got & r->mask) != (want & r->mask)) {
			netdev_err(dev->netdev,
				   "self-test: register %s at %#x: wrote %#010x, read %#010x (mask %#010x)\n",
				   r->name, reg, want & r->mask,
				   got & r->mask, r->mask);
			bad = reg;
			break;
		}
	}
	igx_wr32(dev, reg, orig);
	return bad;
}

static u32 igx_st_reg_table(struct igx_dev *dev, const struct igx_st_reg *r,
			    unsigned int count)
{
	unsigned int i, n;
	u32 bad = 0;

	for (i = 0; i < count && !bad; i++, r++) {
		for (n = 0; n < r->count && !bad; n++) {
			/* ndo_set_rx_mode writes RAR and MTA without RTNL:
			 * keep it off a register while its value is not
			 * its own
			 */
			netif_addr_lock_bh(dev->netdev);
			bad = igx_st_reg_one(dev, r, r->reg + n * r->stride);
			netif_addr_unlock_bh(dev->netdev);
		}
	}
	return bad;
}

static u64 igx_st_registers(struct igx_dev *dev)
{
	u32 bad;

	bad = igx_st_reg_table(dev, igx_st_regs_common,
			       ARRAY_SIZE(igx_st_regs_common));
	if (!bad)
		bad = igx_st_reg_table(dev, dev->family->st_regs,
				       dev->family->n_st_regs);
	return bad;
}

/* ---- NVM ---- */

static u64 igx_st_nvm(struct igx_dev *dev)
{
	int err = igx_nvm_validate(dev);

	if (err)
		netdev_err(dev->netdev, "self-test: NVM checksum %s: %d\n",
			   err == -EIO ? "is invalid" : "cannot be read", err);
	return -err;
}

/* ---- interrupts ---- */

struct igx_st_irq;

/**
 * struct igx_st_vec - one vector under test
 * @st: the test
 * @idx: its MSI-X table entry (EICR bit)
 */
struct igx_st_vec {
	struct igx_st_irq *st;
	unsigned int idx;
};

/**
 * struct igx_st_irq - state of the interrupt test
 * @dev: the device
 * @fired: MSI-X: a bit per vector whose handler ran
 * @causes: MSI/INTx: the ICR causes the handler found raised
 * @vec: MSI-X: handler data of each vector
 * @name: IRQ name while the test owns the vectors
 */
struct igx_st_irq {
	struct igx_dev *dev;
	atomic_t fired;
	atomic_t causes;
	struct igx_st_vec vec[IGX_MAX_QUEUES + 1];
	char name[IFNAMSIZ + 8];
};

static irqreturn_t igx_st_msix_irq(int irq, void *data)
{
	struct igx_st_vec *v = data;

	atomic_or(BIT(v->idx), &v->st->fired);
	return IRQ_HANDLED;
}

static irqreturn_t igx_st_legacy_irq(int irq, void *data)
{
	struct igx_st_irq *st = data;
	u32 icr = igx_rd32(st->dev, IGX_ICR);

	/* a shared INTx line: only what this device asserted is ours */
	if (icr == ~0U || (st->dev->irq_mode == IGX_IRQ_INTX &&
			   !(icr & IGX_INT_ASSERTED)))
		return IRQ_NONE;
	atomic_or(icr & ~IGX_INT_ASSERTED, &st->causes);
	return IRQ_HANDLED;
}

/* Wait until @bit shows in @seen; false when it did not in @ms */
static bool igx_st_irq_wait(atomic_t *seen, u32 bit, unsigned int ms)
{
	int val;

	return !read_poll_timeout(atomic_read, val, val & bit,
				  USEC_PER_MSEC, ms * USEC_PER_MSEC, false,
				  seen);
}

static int igx_st_irq_msix_one(struct igx_st_irq *st, unsigned int v)
{
	struct igx_dev *dev = st->dev;
	struct igx_irq_bits b;
	u32 bit = BIT(v);

	dev->family->msix_bits(dev, v, v == dev->other_vector, &b);
	/* masked: the cause must stay pending, not interrupt */
	igx_wr32(dev, b.clear_reg, b.bits);
	igx_wr32(dev, b.set_reg, b.bits);
	igx_flush(dev);
	if (igx_st_irq_wait(&st->fired, bit, IGX_ST_IRQ_QUIET_MS)) {
		netdev_err(dev->netdev,
			   "self-test: interrupt: MSI-X vector %u fired while masked\n",
			   v);
		return -EIO;
	}
	igx_wr32(dev, b.cause_reg, b.bits);

	/* unmasked: it must arrive */
	igx_wr32(dev, b.mask_reg, b.bits);
	igx_wr32(dev, b.set_reg, b.bits);
	igx_flush(dev);
	if (!igx_st_irq_wait(&st->fired, bit, IGX_ST_IRQ_TIMEOUT_MS)) {
		netdev_err(dev->netdev,
			   "self-test: interrupt: MSI-X vector %u (IRQ %d) did not fire within %u ms of its cause set\n",
			   v, pci_irq_vector(dev->pdev, v),
			   IGX_ST_IRQ_TIMEOUT_MS);
		return -ETIMEDOUT;
	}
	igx_wr32(dev, b.clear_reg, b.bits);
	return 0;
}

static int igx_st_irq_msix(struct igx_st_irq *st)
{
	struct igx_dev *dev = st->dev;
	/* every vector the port holds: the queue pairs it may use (with
	 * ethtool -L) and the "other" one, the last
	 */
	unsigned int t, v, nvec = dev->other_vector + 1;
	int err = 0, irq;

	for (v = 0; v < nvec; v++) {
		st->vec[v].st = st;
		st->vec[v].idx = v;
		irq = pci_irq_vector(dev->pdev, v);
		err = irq < 0 ? irq : request_irq(irq, igx_st_msix_irq, 0,
						  st->name, &st->vec[v]);
		if (err) {
			netdev_err(dev->netdev,
				   "self-test: interrupt: cannot request MSI-X vector %u: %d\n",
				   v, err);
			goto err_free;
		}
	}

	dev->family->st_msix_setup(dev, nvec);
	for (t = 0; t < nvec && !err; t++)
		err = igx_st_irq_msix_one(st, t);

	dev->family->irq_mask(dev);
	igx_flush(dev);
err_free:
	while (v--)
		free_irq(pci_irq_vector(dev->pdev, v), &st->vec[v]);
	return err;
}

static int igx_st_irq_legacy(struct igx_st_irq *st)
{
	static const u32 causes[] = {
		IGX_INT_TXDW, IGX_INT_LSC, IGX_INT_RXDMT0, IGX_INT_RXDW,
	};
	struct igx_dev *dev = st->dev;
	int irq = pci_irq_vector(dev->pdev, 0);
	const char *mode = dev->irq_mode == IGX_IRQ_MSI ? "MSI" : "INTx";
	unsigned int i;
	int err;

	/* the vector map of MSI/INTx mode, every cause masked */
	dev->family->irq_configure(dev);
	dev->family->irq_mask(dev);
	igx_rd32(dev, IGX_ICR);
	err = irq < 0 ? irq :
	      request_irq(irq, igx_st_legacy_irq,
			  dev->irq_mode == IGX_IRQ_INTX ? IRQF_SHARED : 0,
			  st->name, st);
	if (err) {
		netdev_err(dev->netdev,
			   "self-test: interrupt: cannot request the %s IRQ: %d\n",
			   mode, err);
		return err;
	}

	for (i = 0; i < ARRAY_SIZE(causes) && !err; i++) {
		/* masked in IMS: raised in ICR, but no interrupt */
		atomic_set(&st->causes, 0);
		igx_wr32(dev, IGX_ICS, causes[i]);
		igx_flush(dev);
		if (igx_st_irq_wait(&st->causes, causes[i],
				    IGX_ST_IRQ_QUIET_MS)) {
			netdev_err(dev->netdev,
				   "self-test: interrupt: %s cause %#x fired while masked in IMS\n",
				   mode, causes[i]);
			err = -EIO;
			break;
		}
		igx_rd32(dev, IGX_ICR);

		igx_wr32(dev, IGX_IMS, causes[i]);
		igx_wr32(dev, IGX_ICS, causes[i]);
		igx_flush(dev);
		if (!igx_st_irq_wait(&st->causes, causes[i],
				     IGX_ST_IRQ_TIMEOUT_MS)) {
			netdev_err(dev->netdev,
				   "self-test: interrupt: %s IRQ %d did not fire for cause %#x within %u ms\n",
				   mode, irq, causes[i],
				   IGX_ST_IRQ_TIMEOUT_MS);
			err = -ETIMEDOUT;
		}
		igx_wr32(dev, IGX_IMC, ~0U);
		igx_flush(dev);
	}

	igx_rd32(dev, IGX_ICR);
	free_irq(irq, st);
	return err;
}

static int igx_st_interrupts(struct igx_dev *dev)
{
	struct igx_st_irq *st;
	int err;

	if (!dev->num_q_vectors) {
		netdev_err(dev->netdev,
			   "self-test: interrupt: the port has no vectors\n");
		return -ENODEV;
	}
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	st->dev = dev;
	snprintf(st->name, sizeof(st->name), "%s-test", dev->netdev->name);

	if (dev->irq_mode == IGX_IRQ_MSIX)
		err = igx_st_irq_msix(st);
	else
		err = igx_st_irq_legacy(st);
	kfree(st);
	return err;
}

/* ---- MAC loopback ---- */

#define IGX_ST_RING		64
#define IGX_ST_FRAMES		16
#define IGX_ST_BUF_LEN		SZ_2K
#define IGX_ST_ETHERTYPE	0x88b5	/* IEEE local experimental */

/**
 * struct igx_st_ring - a descriptor ring with one buffer per descriptor
 * @desc: descriptors (coherent)
 * @desc_dma: their bus address
 * @buf: IGX_ST_RING buffers of IGX_ST_BUF_LEN bytes (coherent)
 * @buf_dma: their bus address
 */
struct igx_st_ring {
	void *desc;
	dma_addr_t desc_dma;
	u8 *buf;
	dma_addr_t buf_dma;
};

static size_t igx_st_desc_bytes(void)
{
	return ALIGN(IGX_ST_RING * sizeof(struct igx_adv_rx_desc),
		     IGX_RING_LEN_ALIGN);
}

static int igx_st_ring_alloc(struct device *d, struct igx_st_ring *r)
{
	r->desc = dma_alloc_coherent(d, igx_st_desc_bytes(), &r->desc_dma,
				     GFP_KERNEL);
	if (!r->desc)
		return -ENOMEM;
	r->buf = dma_alloc_coherent(d, IGX_ST_RING * IGX_ST_BUF_LEN,
				    &r->buf_dma, GFP_KERNEL);
	if (!r->buf) {
		dma_free_coherent(d, igx_st_desc_bytes(), r->desc,
				  r->desc_dma);
		r->desc = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void igx_st_ring_free(struct device *d, struct igx_st_ring *r)
{
	if (!r->desc)
		return;
	dma_free_coherent(d, IGX_ST_RING * IGX_ST_BUF_LEN, r->buf,
			  r->buf_dma);
	dma_free_coherent(d, igx_st_desc_bytes(), r->desc, r->desc_dma);
	r->desc = NULL;
}

/* Sizes from the minimum frame to the largest without jumbo frames */
static unsigned int igx_st_frame_len(unsigned int i)
{
	return ETH_ZLEN + (i * 97) % (ETH_FRAME_LEN - ETH_ZLEN + 1);
}

static void igx_st_frame_fill(u8 *f, unsigned int i, unsigned int len,
			      const u8 *dst, const u8 *src)
{
	unsigned int j;

	ether_addr_copy(f, dst);
	ether_addr_copy(f + ETH_ALEN, src);
	put_unaligned_be16(IGX_ST_ETHERTYPE, f + 2 * ETH_ALEN);
	for (j = ETH_HLEN; j < len; j++)
		f[j] = (u8)(i * 31 + j * 7 + (j >> 8));
}

/* Offset of the first byte of a received frame that is wrong, or -1 */
static int igx_st_frame_diff(const u8 *f, unsigned int i, unsigned int len,
			     const u8 *dst, const u8 *src)
{
	unsigned int j;

	if (!ether_addr_equal(f, dst))
		return 0;
	if (!ether_addr_equal(f + ETH_ALEN, src))
		return ETH_ALEN;
	if (get_unaligned_be16(f + 2 * ETH_ALEN) != IGX_ST_ETHERTYPE)
		return 2 * ETH_ALEN;
	for (j = ETH_HLEN; j < len; j++)
		if (f[j] != (u8)(i * 31 + j * 7 + (j >> 8)))
			return j;
	return -1;
}

static int igx_st_loop_setup(struct igx_dev *dev, struct igx_st_ring *tx,
			     struct igx_st_ring *rx, const u8 *addr)
{
	struct igx_ring ring = { .count = IGX_ST_RING, .qid = 0 };
	struct igx_adv_rx_desc *rxd = rx->desc;
	unsigned int i;

	/* A station address nobody on the wire sends to: the peer's frames
	 * are filtered out while the MAC talks to itself.
	 */
	igx_set_rar(dev, 0, addr);
	if (dev->family->configure_mac)
		dev->family->configure_mac(dev);

	for (i = 0; i < IGX_ST_RING; i++) {
		rxd[i].addr = cpu_to_le64(rx->buf_dma + i * IGX_ST_BUF_LEN);
		rxd[i].hdr_or_status = 0;
	}
	/* queue 0 as the port uses it, on the test's rings */
	ring.dma = rx->desc_dma;
	dev->family->configure_rx_ring(dev, &ring);
	/* the descriptors are written before the doorbell (writel) */
	igx_wr32(dev, igx_rxq_reg(dev, 0, IGX_XQ_TAIL), IGX_ST_FRAMES);
	ring.dma = tx->desc_dma;
	dev->family->configure_tx_ring(dev, &ring);

	/* MAC loopback at a forced 1000 Mb/s full duplex */
	igx_rmw32(dev, IGX_CTRL, IGX_CTRL_SPEED,
		  IGX_CTRL_SLU | IGX_CTRL_FRCSPD | IGX_CTRL_FRCDPX |
		  IGX_CTRL_FD |
		  FIELD_PREP(IGX_CTRL_SPEED, IGX_STATUS_SPEED_1000));
	/* ndo_set_rx_mode (address lock, no RTNL) must not interleave */
	netif_addr_lock_bh(dev->netdev);
	igx_wr32(dev, IGX_RCTL, IGX_RCTL_EN | IGX_RCTL_SECRC |
				FIELD_PREP(IGX_RCTL_LBM, IGX_RCTL_LBM_MAC));
	netif_addr_unlock_bh(dev->netdev);
	igx_wr32(dev, IGX_TCTL, IGX_TCTL_EN | IGX_TCTL_PSP |
				FIELD_PREP(IGX_TCTL_CT, 15) |
				FIELD_PREP(IGX_TCTL_COLD, 63));
	igx_flush(dev);
	return 0;
}

static u64 igx_st_rx_status(const struct igx_st_ring *rx, unsigned int i)
{
	const struct igx_adv_rx_desc *rxd = rx->desc;

	return le64_to_cpu(READ_ONCE(rxd[i].hdr_or_status));
}

static int igx_st_loop_check(struct igx_dev *dev, struct igx_st_ring *tx,
			     struct igx_st_ring *rx, const u8 *addr)
{
	struct igx_adv_tx_desc *txd = tx->desc;
	unsigned int i, len;
	int err, bad;
	u8 *f;
	u64 qw;

	for (i = 0; i < IGX_ST_FRAMES; i++) {
		len = igx_st_frame_len(i);
		igx_st_frame_fill(tx->buf + i * IGX_ST_BUF_LEN, i, len, addr,
				  dev->netdev->dev_addr);
		txd[i].addr = cpu_to_le64(tx->buf_dma + i * IGX_ST_BUF_LEN);
		txd[i].cmd = cpu_to_le64(dev->family->tx_plain_cmd(len) |
					 IGX_TXD_CMD_EOP | IGX_TXD_CMD_RS |
					 FIELD_PREP(IGX_TXD_LEN, len));
	}
	/* writel() orders the descriptors and frames before the doorbell */
	igx_wr32(dev, igx_txq_reg(dev, 0, IGX_XQ_TAIL), IGX_ST_FRAMES);

	err = read_poll_timeout(igx_st_rx_status, qw, qw & IGX_RXD_WB_DD,
				100, IGX_ST_LOOP_TIMEOUT_MS * USEC_PER_MSEC,
				false, rx,
				IGX_ST_FRAMES - 1);
	/* read the frames only after their descriptors said done */
	dma_rmb();

	for (i = 0; i < IGX_ST_FRAMES; i++) {
		len = igx_st_frame_len(i);
		qw = igx_st_rx_status(rx, i);
		if (!(qw & IGX_RXD_WB_DD)) {
			netdev_err(dev->netdev,
				   "self-test: loopback: frame %u of %u (%u bytes) not received (TDH %u, RDH %u, TX status %s)\n",
				   i, IGX_ST_FRAMES, len,
				   igx_rd32(dev, igx_txq_reg(dev, 0, IGX_XQ_HEAD)),
				   igx_rd32(dev, igx_rxq_reg(dev, 0, IGX_XQ_HEAD)),
				   le64_to_cpu(txd[i].cmd) & IGX_TXD_STA_DD ?
				   "done" : "pending");
			return -ETIMEDOUT;
		}
		if (!(qw & IGX_RXD_WB_EOP) || (qw & IGX_RXD_WB_RXE) ||
		    FIELD_GET(IGX_RXD_WB_LEN, qw) != len) {
			netdev_err(dev->netdev,
				   "self-test: loopback: frame %u: status %#llx, length %llu, want EOP, no error, %u bytes\n",
				   i, qw, FIELD_GET(IGX_RXD_WB_LEN, qw), len);
			return -EIO;
		}
		f = rx->buf + i * IGX_ST_BUF_LEN;
		bad = igx_st_frame_diff(f, i, len, addr,
					dev->netdev->dev_addr);
		if (bad >= 0) {
			netdev_err(dev->netdev,
				   "self-test: loopback: frame %u (%u bytes) came back changed from byte %d: %*ph\n",
				   i, len, bad, (int)min(len - bad, 16U), f + bad);
			return -EIO;
		}
		if (!(le64_to_cpu(READ_ONCE(txd[i].cmd)) & IGX_TXD_STA_DD)) {
			netdev_err(dev->netdev,
				   "self-test: loopback: frame %u came back, but its TX descriptor was not written back\n",
				   i);
			return -EIO;
		}
	}
	if (igx_st_rx_status(rx, IGX_ST_FRAMES)) {
		netdev_err(dev->netdev,
			   "self-test: loopback: more frames came back than were sent\n");
		return -EIO;
	}
	return err;
}

static u64 igx_st_loopback(struct igx_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	struct igx_st_ring tx = {}, rx = {};
	u8 addr[ETH_ALEN];
	int err, err2;

	err = igx_st_ring_alloc(d, &tx);
	if (!err)
		err = igx_st_ring_alloc(d, &rx);
	if (err) {
		netdev_err(dev->netdev,
			   "self-test: loopback: cannot allocate rings\n");
		goto out_free;
	}

	/* our own address with the locally administered bit flipped */
	ether_addr_copy(addr, dev->netdev->dev_addr);
	addr[0] ^= BIT(1);

	err = igx_st_loop_setup(dev, &tx, &rx, addr);
	if (!err)
		err = igx_st_loop_check(dev, &tx, &rx, addr);

	/* No DMA may target the buffers once they are freed: stop both
	 * queues, then reset the device as the port's own stop does.
	 */
	igx_rctl_rmw(dev, ~0U, 0);
	igx_wr32(dev, IGX_TCTL, IGX_TCTL_PSP);
	dev->family->stop_rings(dev);
	err2 = dev->family->reset(dev);
	if (err2) {
		/* the rings stay allocated: DMA may still target them */
		netdev_err(dev->netdev,
			   "self-test: loopback: reset failed (%d), keeping the test rings\n",
			   err2);
		return err ? -err : -err2;
	}
	igx_mac_init(dev);
out_free:
	igx_st_ring_free(d, &rx);
	igx_st_ring_free(d, &tx);
	return -err;
}

/* ---- link ---- */

static u64 igx_st_link(struct igx_dev *dev, bool restart)
{
	u32 status;
	int err;

	if (restart) {
		err = igx_phy_autoneg(dev);
		if (err)
			return -err;
	}
	err = read_poll_timeout(igx_rd32, status,
				status == ~0U || (status & IGX_STATUS_LU),
				10 * USEC_PER_MSEC,
				IGX_ST_LINK_TIMEOUT_MS * USEC_PER_MSEC, false,
				dev, IGX_STATUS);
	if (!err && status == ~0U)
		err = -ENODEV;
	if (err)
		netdev_err(dev->netdev,
			   "self-test: link: not up within %u ms%s (STATUS %#x)\n",
			   IGX_ST_LINK_TIMEOUT_MS,
			   restart ? " of restarting autonegotiation" : "",
			   status);
	return -err;
}

/* ---- entry points ---- */

/**
 * igx_selftest_count() - number of self-test results
 *
 * Return: the number of u64 results igx_self_test() fills in.
 */
int igx_selftest_count(void)
{
	return IGX_ST_NUM;
}

/**
 * igx_selftest_strings() - names of the self-test results
 * @data: where ethtool wants the strings; advanced past them
 */
void igx_selftest_strings(u8 **data)
{
	unsigned int i;

	for (i = 0; i < IGX_ST_NUM; i++)
		ethtool_puts(data, igx_st_names[i]);
}

static int igx_st_reset(struct igx_dev *dev)
{
	int err = dev->family->reset(dev);

	if (err)
		netdev_err(dev->netdev, "self-test: reset failed: %d\n", err);
	else
		igx_mac_init(dev);
	return err;
}

static void igx_st_offline(struct igx_dev *dev, u64 *data)
{
	data[IGX_ST_REG] = igx_st_registers(dev);
	data[IGX_ST_NVM] = igx_st_nvm(dev);
	data[IGX_ST_IRQ] = -igx_st_interrupts(dev);

	/* from a clean device: the link, then the loopback, which needs
	 * the link up under QEMU (real MACs loop back without it)
	 */
	if (igx_st_reset(dev)) {
		data[IGX_ST_LINK] = EIO;
		data[IGX_ST_LOOPBACK] = EIO;
		return;
	}
	data[IGX_ST_LINK] = igx_st_link(dev, true);
	data[IGX_ST_LOOPBACK] = igx_st_loopback(dev);
}

/**
 * igx_self_test() - ethtool -t
 * @netdev: the device
 * @et: the request; ETH_TEST_FL_FAILED is set on any failure
 * @data: IGX_ST_NUM results, 0 for pass (or not run), else an error
 *	  (the register test: the offset of the failing register)
 *
 * Offline: stops the port if it is open, runs every test, resets the
 * device and opens the port again.  Online: checks the NVM and the link
 * only; the offline tests report 0.  Called under RTNL.
 */
void igx_self_test(struct net_device *netdev, struct ethtool_test *et,
		   u64 *data)
{
	struct igx_dev *dev = netdev_priv(netdev);
	bool offline = et->flags & ETH_TEST_FL_OFFLINE;
	bool reopen = false;
	unsigned int i;
	int err;

	ASSERT_RTNL();
	memset(data, 0, IGX_ST_NUM * sizeof(*data));

	if (test_bit(IGX_STATE_REMOVED, &dev->state)) {
		for (i = 0; i < IGX_ST_NUM; i++)
			data[i] = ENODEV;
		goto out;
	}

	if (!offline) {
		data[IGX_ST_NVM] = igx_st_nvm(dev);
		/* a stopped port has nothing to disturb: bring its link up */
		data[IGX_ST_LINK] = igx_st_link(dev, !netif_running(netdev));
		goto out;
	}

	netdev_info(netdev, "offline self-test: the port stops for it\n");
	if (test_bit(IGX_STATE_OPEN, &dev->state)) {
		/* stops traffic, frees rings and IRQs, resets the device */
		igx_stop(netdev);
		reopen = true;
	}

	igx_st_offline(dev, data);

	/* what the tests left behind goes; the port starts from scratch */
	err = igx_st_reset(dev);
	if (err && reopen) {
		netdev_err(netdev,
			   "self-test: the device did not come back from reset: %d; the port stays down\n",
			   err);
		dev_close(netdev);
	} else if (reopen) {
		err = igx_open(netdev);
		if (err) {
			netdev_err(netdev,
				   "self-test: cannot reopen the port: %d\n",
				   err);
			dev_close(netdev);
		}
	}

out:
	for (i = 0; i < IGX_ST_NUM; i++)
		if (data[i])
			et->flags |= ETH_TEST_FL_FAILED;
	if (offline)
		netdev_info(netdev, "offline self-test %s\n",
			    et->flags & ETH_TEST_FL_FAILED ? "failed" :
			    "passed");
}
