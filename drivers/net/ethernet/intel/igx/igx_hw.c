// SPDX-License-Identifier: GPL-2.0
/*
 * igx: register access and the MAC, NVM and PHY operations shared by all
 * supported controllers.
 */
#include <linux/bitfield.h>
#include <linux/error-injection.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>
#include <linux/mii.h>
#include <linux/unaligned.h>

#include "igx.h"

/*
 * Every register read goes through here.  Out of line and injectable, so
 * that a test can make the device vanish without notice: fail_function
 * with retval -1 makes every read return all ones, as a device that fell
 * off the bus does.
 */
static noinline u32 igx_bus_read(const u8 __iomem *base, u32 reg)
{
	return readl(base + reg);
}
ALLOW_ERROR_INJECTION(igx_bus_read, ERRNO);

/*
 * A device that fell off the bus (surprise removal, failed link) reads as
 * all ones.  STATUS can never legitimately read so; when it does too, stop
 * touching the device and let the service work detach the interface.
 */
static void igx_check_removed(struct igx_dev *dev)
{
	u8 __iomem *base = READ_ONCE(dev->hw_addr);

	if (!base || igx_bus_read(base, IGX_STATUS) != ~0U)
		return;
	WRITE_ONCE(dev->hw_addr, NULL);
	set_bit(IGX_STATE_REMOVED, &dev->state);
	netdev_err(dev->netdev, "device no longer responds, detaching\n");
	igx_service_schedule(dev, 0);
}

u32 igx_rd32(struct igx_dev *dev, u32 reg)
{
	u8 __iomem *base = READ_ONCE(dev->hw_addr);
	u32 val;

	if (unlikely(!base))
		return ~0U;
	val = igx_bus_read(base, reg);
	if (unlikely(val == ~0U))
		igx_check_removed(dev);
	return val;
}
EXPORT_SYMBOL_IF_KUNIT(igx_rd32);

void igx_wr32(struct igx_dev *dev, u32 reg, u32 val)
{
	u8 __iomem *base = READ_ONCE(dev->hw_addr);

	if (likely(base))
		writel(val, base + reg);
}
EXPORT_SYMBOL_IF_KUNIT(igx_wr32);

void igx_rmw32(struct igx_dev *dev, u32 reg, u32 clear, u32 set)
{
	igx_wr32(dev, reg, (igx_rd32(dev, reg) & ~clear) | set);
}

/* Posted writes reach the device before this returns */
void igx_flush(struct igx_dev *dev)
{
	igx_rd32(dev, IGX_STATUS);
}

static void igx_mask_all_irqs(struct igx_dev *dev)
{
	dev->family->irq_mask(dev);
	igx_flush(dev);
	igx_rd32(dev, IGX_ICR);
}

/**
 * igx_hw_reset_common() - global reset of the MAC
 * @dev: the device
 *
 * Quiesces DMA, issues CTRL.RST and waits, bounded, for the reset to end
 * and the NVM auto-load to finish.  Interrupts are masked afterwards.
 *
 * Return: 0, or -ETIMEDOUT / -ENODEV when the device does not come back.
 */
int igx_hw_reset_common(struct igx_dev *dev)
{
	u32 val;
	int err;

	igx_mask_all_irqs(dev);
	igx_wr32(dev, IGX_RCTL, 0);
	igx_wr32(dev, IGX_TCTL, IGX_TCTL_PSP);
	igx_flush(dev);
	usleep_range(10000, 11000);

	/* Let in-flight DMA drain before the reset cuts it off */
	igx_rmw32(dev, IGX_CTRL, 0, IGX_CTRL_GIO_MASTER_DISABLE);
	err = read_poll_timeout(igx_rd32, val,
				!(val & IGX_STATUS_GIO_MASTER_EN),
				100, 10000, false, dev, IGX_STATUS);
	if (err)
		netdev_warn(dev->netdev, "DMA still active before reset\n");

	igx_wr32(dev, IGX_CTRL, igx_rd32(dev, IGX_CTRL) | IGX_CTRL_RST);
	/* The reset takes about 1 ms; no register access is safe before */
	usleep_range(1000, 2000);
	err = read_poll_timeout(igx_rd32, val,
				val != ~0U && !(val & IGX_CTRL_RST),
				100, 100000, false, dev, IGX_CTRL);
	if (err) {
		netdev_err(dev->netdev, "reset did not complete: CTRL %#x\n",
			   val);
		return test_bit(IGX_STATE_REMOVED, &dev->state) ?
		       -ENODEV : -ETIMEDOUT;
	}

	/* The NVM reload that follows a reset normally ends within a few
	 * ms.  Some parts (and emulations) never report it; their NVM is
	 * still readable through EERD and its checksum is verified at
	 * probe, so this is not fatal.
	 */
	if (read_poll_timeout(igx_rd32, val, val & IGX_EECD_AUTO_RD,
			      100, 10000, false, dev, IGX_EECD))
		netdev_dbg(dev->netdev, "NVM auto-read not reported done\n");

	igx_mask_all_irqs(dev);
	return 0;
}
ALLOW_ERROR_INJECTION(igx_hw_reset_common, ERRNO);

static u32 igx_phy_swfw_mask(struct igx_dev *dev)
{
	static const u32 phy_sem[] = {
		IGX_SWFW_PHY0, IGX_SWFW_PHY1, IGX_SWFW_PHY2, IGX_SWFW_PHY3,
	};

	/* the LAN function, which the NVM may map to another PCI function */
	return phy_sem[FIELD_GET(IGX_STATUS_FUNC_ID,
				 igx_rd32(dev, IGX_STATUS))];
}

static int __igx_nvm_read(struct igx_dev *dev, u16 word, u16 *data)
{
	u32 val;
	int err;

	igx_wr32(dev, IGX_EERD,
		 FIELD_PREP(IGX_EERD_ADDR, word) | IGX_EERD_START);
	err = read_poll_timeout(igx_rd32, val, val & IGX_EERD_DONE,
				5, 10000, false, dev, IGX_EERD);
	if (err)
		return err;
	*data = FIELD_GET(IGX_EERD_DATA, val);
	return 0;
}

/*
 * The family's firmware semaphore, unless the device is gone: a removed
 * device grants nothing, so fail at once instead of polling all ones.
 */
static int igx_swfw_acquire(struct igx_dev *dev, u32 mask)
{
	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return -ENODEV;
	return dev->family->swfw_acquire(dev, mask);
}

/**
 * igx_nvm_read() - read one 16-bit NVM word
 * @dev: the device
 * @word: word offset
 * @data: where to store it
 *
 * Return: 0 or a negative error.
 */
int igx_nvm_read(struct igx_dev *dev, u16 word, u16 *data)
{
	int err;

	err = igx_swfw_acquire(dev, IGX_SWFW_EEP);
	if (err)
		return err;
	err = __igx_nvm_read(dev, word, data);
	dev->family->swfw_release(dev, IGX_SWFW_EEP);
	return err;
}

/**
 * igx_nvm_validate() - check the checksum of this function's NVM section
 * @dev: the device
 *
 * Return: 0 when the words sum to the signature, -EIO when they do not,
 * another negative error when the NVM cannot be read.
 */
int igx_nvm_validate(struct igx_dev *dev)
{
	u16 base = dev->family->nvm_lan_base(dev);
	u16 sum = 0, word, i;
	int err;

	err = igx_swfw_acquire(dev, IGX_SWFW_EEP);
	if (err)
		return err;
	for (i = 0; i < IGX_NVM_CSUM_WORDS; i++) {
		err = __igx_nvm_read(dev, base + i, &word);
		if (err)
			break;
		sum += word;
	}
	dev->family->swfw_release(dev, IGX_SWFW_EEP);
	if (err)
		return err;
	return sum == IGX_NVM_CSUM_SUM ? 0 : -EIO;
}
ALLOW_ERROR_INJECTION(igx_nvm_validate, ERRNO);

/**
 * igx_nvm_read_mac() - read this function's permanent MAC address
 * @dev: the device
 * @addr: ETH_ALEN bytes
 *
 * Return: 0 or a negative error.
 */
int igx_nvm_read_mac(struct igx_dev *dev, u8 *addr)
{
	u16 base = dev->family->nvm_lan_base(dev) + IGX_NVM_MAC_ADDR;
	u16 word;
	int i, err;

	for (i = 0; i < ETH_ALEN / 2; i++) {
		err = igx_nvm_read(dev, base + i, &word);
		if (err)
			return err;
		addr[2 * i] = word & 0xff;
		addr[2 * i + 1] = word >> 8;
	}
	if (dev->family->mac_addr_fixup)
		dev->family->mac_addr_fixup(dev, addr);
	return 0;
}
ALLOW_ERROR_INJECTION(igx_nvm_read_mac, ERRNO);

static int __igx_mdic(struct igx_dev *dev, u32 op, u32 reg, u16 *val)
{
	u32 mdic;
	int err;

	igx_wr32(dev, IGX_MDIC, FIELD_PREP(IGX_MDIC_DATA, *val) |
				FIELD_PREP(IGX_MDIC_REG, reg) |
				FIELD_PREP(IGX_MDIC_PHY, IGX_PHY_ADDR) |
				FIELD_PREP(IGX_MDIC_OP, op));
	err = read_poll_timeout(igx_rd32, mdic, mdic & IGX_MDIC_READY,
				10, 20000, false, dev, IGX_MDIC);
	if (err)
		return err;
	if (mdic & IGX_MDIC_ERROR)
		return -EIO;
	*val = FIELD_GET(IGX_MDIC_DATA, mdic);
	return 0;
}

static int igx_mdic(struct igx_dev *dev, u32 op, u32 reg, u16 *val)
{
	u32 sem = igx_phy_swfw_mask(dev);
	int err;

	err = igx_swfw_acquire(dev, sem);
	if (err)
		return err;
	err = __igx_mdic(dev, op, reg, val);
	dev->family->swfw_release(dev, sem);
	if (err)
		netdev_dbg(dev->netdev, "PHY %s of reg %u failed: %d\n",
			   op == IGX_MDIC_OP_READ ? "read" : "write", reg, err);
	return err;
}

/**
 * igx_phy_read() - read a clause 22 PHY register over MDIC
 * @dev: the device
 * @reg: register number
 * @val: where to store the value
 *
 * Return: 0 or a negative error.
 */
int igx_phy_read(struct igx_dev *dev, u32 reg, u16 *val)
{
	*val = 0;
	return igx_mdic(dev, IGX_MDIC_OP_READ, reg, val);
}

/**
 * igx_phy_write() - write a clause 22 PHY register over MDIC
 * @dev: the device
 * @reg: register number
 * @val: value
 *
 * Return: 0 or a negative error.
 */
int igx_phy_write(struct igx_dev *dev, u32 reg, u16 val)
{
	return igx_mdic(dev, IGX_MDIC_OP_WRITE, reg, &val);
}

/* ADVERTISED_* modes to the MII advertisement registers */
static u16 igx_mii_adv(u32 advertising)
{
	u16 adv = 0;

	if (advertising & ADVERTISED_10baseT_Half)
		adv |= ADVERTISE_10HALF;
	if (advertising & ADVERTISED_10baseT_Full)
		adv |= ADVERTISE_10FULL;
	if (advertising & ADVERTISED_100baseT_Half)
		adv |= ADVERTISE_100HALF;
	if (advertising & ADVERTISED_100baseT_Full)
		adv |= ADVERTISE_100FULL;
	return adv;
}

/**
 * igx_phy_autoneg() - program the link settings into the PHY
 * @dev: the device
 *
 * With autonegotiation (the default) the PHY advertises the modes of
 * dev->link_cfg and the pause bits, and negotiation restarts; the link
 * comes up (and LSC fires) once the partners agree.  Otherwise the PHY
 * is forced to the configured speed and duplex.
 *
 * Return: 0 or a negative error.
 */
int igx_phy_autoneg(struct igx_dev *dev)
{
	const struct igx_link_cfg *cfg = &dev->link_cfg;
	u16 adv, bmcr;
	int err;

	err = igx_phy_read(dev, MII_BMCR, &bmcr);
	if (err)
		bmcr = 0;
	bmcr &= ~(BMCR_PDOWN | BMCR_ISOLATE | BMCR_LOOPBACK | BMCR_ANENABLE |
		  BMCR_ANRESTART | BMCR_SPEED100 | BMCR_SPEED1000 |
		  BMCR_FULLDPLX);

	if (cfg->autoneg) {
		adv = ADVERTISE_CSMA | igx_mii_adv(cfg->advertising) |
		      igx_pause_advert(dev);
		/* Not every PHY model lets both registers be written;
		 * autoneg with the PHY's defaults is still better than no
		 * link at all.
		 */
		if (igx_phy_write(dev, MII_ADVERTISE, adv))
			netdev_dbg(dev->netdev, "PHY advertisement left at default\n");
		if (igx_phy_write(dev, MII_CTRL1000,
				  cfg->advertising & ADVERTISED_1000baseT_Full ?
				  ADVERTISE_1000FULL : 0))
			netdev_dbg(dev->netdev, "PHY 1000T control left at default\n");
		bmcr |= BMCR_ANENABLE | BMCR_ANRESTART;
	} else {
		if (cfg->speed == SPEED_100)
			bmcr |= BMCR_SPEED100;
		if (cfg->duplex == DUPLEX_FULL)
			bmcr |= BMCR_FULLDPLX;
	}

	err = igx_phy_write(dev, MII_BMCR, bmcr);
	if (err)
		netdev_err(dev->netdev, "cannot program the PHY: %d\n", err);
	return err;
}

static int igx_mii_read(struct net_device *netdev, int phy_id, int reg)
{
	u16 val;

	return igx_phy_read(netdev_priv(netdev), reg, &val) ? 0xffff : val;
}

static void igx_mii_write(struct net_device *netdev, int phy_id, int reg,
			  int val)
{
	igx_phy_write(netdev_priv(netdev), reg, val);
}

/**
 * igx_mii_init() - describe the PHY to the generic MII helpers
 * @dev: the device
 *
 * Also sets the default link settings: negotiate every mode.
 */
void igx_mii_init(struct igx_dev *dev)
{
	dev->link_cfg.autoneg = true;
	dev->link_cfg.advertising = IGX_ADVERTISED_ALL;
	dev->link_cfg.speed = SPEED_100;
	dev->link_cfg.duplex = DUPLEX_FULL;
	dev->mii.dev = dev->netdev;
	dev->mii.phy_id = IGX_PHY_ADDR;
	dev->mii.phy_id_mask = 0x1f;
	dev->mii.reg_num_mask = 0x1f;
	dev->mii.supports_gmii = 1;
	dev->mii.mdio_read = igx_mii_read;
	dev->mii.mdio_write = igx_mii_write;
}

/**
 * igx_set_rar() - program a receive address register
 * @dev: the device
 * @idx: entry, 0 being the station address
 * @addr: the address, or NULL to clear the entry
 */
void igx_set_rar(struct igx_dev *dev, unsigned int idx, const u8 *addr)
{
	u32 lo = 0, hi = 0;

	if (addr) {
		lo = get_unaligned_le32(addr);
		hi = FIELD_PREP(IGX_RAH_ADDR, get_unaligned_le16(addr + 4)) |
		     IGX_RAH_AV;
	}
	/* Clear AV first so no half-written address ever matches */
	igx_wr32(dev, IGX_RAH(idx), 0);
	igx_wr32(dev, IGX_RAL(idx), lo);
	igx_wr32(dev, IGX_RAH(idx), hi);
}

/**
 * igx_mac_init() - put the MAC into the state open() builds on
 * @dev: the device
 *
 * Clears the filter tables, sets the station address and link control.
 */
void igx_mac_init(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < IGX_NUM_RAR; i++)
		igx_set_rar(dev, i, i ? NULL : dev->netdev->dev_addr);
	for (i = 0; i < IGX_MTA_NUM; i++)
		igx_wr32(dev, IGX_MTA(i), 0);
	for (i = 0; i < IGX_VFTA_NUM; i++)
		igx_wr32(dev, IGX_VFTA(i), 0);

	/* Copper: the MAC follows the speed and duplex the PHY resolved */
	igx_rmw32(dev, IGX_CTRL,
		  IGX_CTRL_FRCSPD | IGX_CTRL_FRCDPX | IGX_CTRL_PHY_RST |
		  IGX_CTRL_GIO_MASTER_DISABLE,
		  IGX_CTRL_SLU);
	igx_rmw32(dev, IGX_CTRL_EXT, 0, IGX_CTRL_EXT_DRV_LOAD);
	igx_flush(dev);
}

/**
 * igx_link_update() - read the link state and report it to the stack
 * @dev: the device
 *
 * Return: true when the link is up.
 */
bool igx_link_update(struct igx_dev *dev)
{
	static const u32 speeds[] = {
		[IGX_STATUS_SPEED_10] = SPEED_10,
		[IGX_STATUS_SPEED_100] = SPEED_100,
		[IGX_STATUS_SPEED_1000] = SPEED_1000,
		[3] = SPEED_1000,
	};
	struct net_device *netdev = dev->netdev;
	u32 status = igx_rd32(dev, IGX_STATUS);
	bool up = status != ~0U && (status & IGX_STATUS_LU);

	if (up) {
		dev->link_speed = speeds[FIELD_GET(IGX_STATUS_SPEED, status)];
		dev->link_full_duplex = status & IGX_STATUS_FD;
		if (!netif_carrier_ok(netdev)) {
			igx_pause_link_up(dev);
			netif_info(dev, link, netdev,
				   "link up, %u Mb/s, %s duplex\n",
				   dev->link_speed,
				   dev->link_full_duplex ? "full" : "half");
			netif_carrier_on(netdev);
		}
	} else {
		dev->link_speed = 0;
		if (netif_carrier_ok(netdev)) {
			netif_info(dev, link, netdev, "link down\n");
			netif_carrier_off(netdev);
		}
	}
	return up;
}
