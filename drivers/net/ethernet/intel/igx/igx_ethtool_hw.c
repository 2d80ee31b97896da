// SPDX-License-Identifier: GPL-2.0
/*
 * igx: the ethtool operations that reach the hardware directly: firmware
 * version, register dump, NVM read, port identification, flow control
 * and what timestamping the driver offers.
 *
 * Locking: every ethtool operation runs under RTNL, and so do open, stop
 * and the service work's link handling, which calls igx_pause_link_up();
 * RTNL therefore serialises all users of dev->pause and
 * dev->ledctl_saved.  NVM and PHY accesses take the firmware semaphores
 * in igx_hw.c and may sleep.
 */
#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/if_ether.h>
#include <linux/mii.h>
#include <linux/sizes.h>
#include <linux/unaligned.h>

#include "igx.h"

/*
 * ---- Register dump (ethtool -d) ----
 *
 * An array of 32-bit words, laid out as the family's struct
 * igx_regs_layout says (version 1: 82576/I350, version 2: 82574):
 *
 *   word 0                 the layout version
 *   word 1                 active queue pairs (n)
 *   words 2 ..             layout->global[], in table order
 *   then layout->n_queues  blocks of layout->queue[], one per queue;
 *                          blocks of queues >= n are zero
 *
 * Documentation/igx.rst lists the registers.  Only registers whose read
 * has no side effect are in the tables: ICR and EICR (clear on read),
 * SWSM (a read takes the semaphore), the statistics counters and RQDPC
 * (clear on read) are left out on purpose; write-only registers (ICS,
 * IMC, EICS, EIMC) read nothing useful.  Any change of a list or of its
 * order must bump its version.
 */

#define IGX_REGS_HDR_WORDS	2

static unsigned int igx_regs_global_words(const struct igx_regs_layout *l)
{
	unsigned int i, n = 0;

	for (i = 0; i < l->n_global; i++)
		n += l->global[i].count;
	return n;
}

/**
 * igx_get_regs_len() - size of the register dump
 * @netdev: the device
 *
 * Return: bytes; the same for every device and queue count.
 */
int igx_get_regs_len(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);
	const struct igx_regs_layout *l = dev->family->regs;

	return (IGX_REGS_HDR_WORDS + igx_regs_global_words(l) +
		l->n_queues * l->n_queue) * sizeof(u32);
}

/**
 * igx_get_regs() - dump the registers the family's layout lists
 * @netdev: the device
 * @regs: ethtool's header; gets the layout version
 * @p: igx_get_regs_len() bytes
 *
 * Reads have no side effect (see the list); a device that has gone
 * away reads as all ones.
 */
void igx_get_regs(struct net_device *netdev, struct ethtool_regs *regs,
		  void *p)
{
	struct igx_dev *dev = netdev_priv(netdev);
	const struct igx_regs_layout *l = dev->family->regs;
	unsigned int active = dev->num_q_vectors;
	unsigned int i, j, q;
	u32 *buf = p;

	memset(p, 0, igx_get_regs_len(netdev));
	regs->version = l->version;
	*buf++ = l->version;
	*buf++ = active;

	for (i = 0; i < l->n_global; i++)
		for (j = 0; j < l->global[i].count; j++)
			*buf++ = igx_rd32(dev, l->global[i].reg + 4 * j);

	/* queues are q_stride apart, RX and TX blocks alike */
	for (q = 0; q < l->n_queues; q++) {
		for (i = 0; i < l->n_queue; i++) {
			if (q < active)
				*buf = igx_rd32(dev, l->queue[i] +
						q * dev->family->q_stride);
			buf++;
		}
	}
}

/* ---- NVM (ethtool -e, -i) ---- */

/**
 * igx_get_eeprom_len() - size of the NVM in bytes
 * @netdev: the device
 *
 * The size is what EECD says the part has, capped at what EERD can
 * address.
 *
 * Return: bytes.
 */
int igx_get_eeprom_len(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);
	u32 eecd = igx_rd32(dev, IGX_EECD);
	unsigned int shift;

	if (eecd == ~0U)
		return 0;
	shift = FIELD_GET(IGX_EECD_SIZE, eecd) + IGX_EECD_SIZE_SHIFT_BASE;
	return min(BIT(shift), IGX_NVM_MAX_WORDS) * sizeof(u16);
}

static u32 igx_eeprom_magic(struct igx_dev *dev)
{
	return dev->pdev->vendor | (dev->pdev->device << 16);
}

/**
 * igx_get_eeprom() - read NVM bytes
 * @netdev: the device
 * @ee: offset and length in bytes (the core checked them against
 *	igx_get_eeprom_len()); gets the magic
 * @data: @ee->len bytes
 *
 * Words are stored little endian: byte 2n is the low byte of word n, so
 * bytes 0-5 are the MAC address.  Odd offsets and lengths read the
 * whole words around them and copy only the bytes asked for.
 *
 * Return: 0 or a negative error; @ee->len is cut to what was read.
 */
int igx_get_eeprom(struct net_device *netdev, struct ethtool_eeprom *ee,
		   u8 *data)
{
	struct igx_dev *dev = netdev_priv(netdev);
	u32 pos, end = ee->offset + ee->len;
	__le16 word;
	u16 val;
	int err;

	ee->magic = igx_eeprom_magic(dev);
	for (pos = ee->offset; pos < end; pos++) {
		if (pos == ee->offset || !(pos & 1)) {
			err = igx_nvm_read(dev, pos / 2, &val);
			if (err) {
				netdev_err(netdev, "NVM word %#x unreadable: %d\n",
					   pos / 2, err);
				ee->len = pos - ee->offset;
				return err;
			}
			word = cpu_to_le16(val);
		}
		data[pos - ee->offset] = ((u8 *)&word)[pos & 1];
	}
	return 0;
}

/**
 * igx_set_eeprom() - refuse NVM writes
 * @netdev: the device
 * @ee: what the user wanted to write
 * @data: the bytes
 *
 * Writing the NVM is left to the vendor's tools: a bad image leaves the
 * port without its MAC address or its configuration, and the checksum
 * and the firmware's sections need care this driver does not take.
 * QEMU does not model NVM writes either, so it could not be tested.
 *
 * Return: -EINVAL for a wrong magic, else -EOPNOTSUPP.
 */
int igx_set_eeprom(struct net_device *netdev, struct ethtool_eeprom *ee,
		   u8 *data)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (ee->magic != igx_eeprom_magic(dev)) {
		netdev_err(netdev, "NVM magic %#x does not match this port's %#x\n",
			   ee->magic, igx_eeprom_magic(dev));
		return -EINVAL;
	}
	netdev_info(netdev, "writing the NVM is not supported; use the vendor's update tool\n");
	return -EOPNOTSUPP;
}

/**
 * igx_get_fw_version() - describe the NVM image for ethtool -i
 * @dev: the device
 * @buf: where to write the string
 * @len: its size
 *
 * "nvm M.mm-i etrack 0xXXXXXXXX": major, minor and image ID fields of
 * the NVM version word (in hex, as stored) and the eTrack ID, when the
 * NVM is large enough to hold one.
 */
void igx_get_fw_version(struct igx_dev *dev, char *buf, size_t len)
{
	unsigned int words = igx_get_eeprom_len(dev->netdev) / sizeof(u16);
	u16 ver, lo, hi;
	int n;

	if (igx_nvm_read(dev, IGX_NVM_VERSION, &ver)) {
		strscpy(buf, "nvm unreadable", len);
		return;
	}
	n = snprintf(buf, len, "nvm %lx.%02lx-%lx",
		     FIELD_GET(IGX_NVM_VERSION_MAJOR, ver),
		     FIELD_GET(IGX_NVM_VERSION_MINOR, ver),
		     FIELD_GET(IGX_NVM_VERSION_IMAGE, ver));
	/* a small NVM (QEMU's e1000e has 64 words) has no eTrack ID */
	if (words <= IGX_NVM_ETRACK_HI || n < 0 || (size_t)n >= len ||
	    igx_nvm_read(dev, IGX_NVM_ETRACK_LO, &lo) ||
	    igx_nvm_read(dev, IGX_NVM_ETRACK_HI, &hi))
		return;
	snprintf(buf + n, len - n, " etrack 0x%08x", (u32)hi << 16 | lo);
}

/* ---- Port identification (ethtool -p) ---- */

static u32 igx_ledctl_all(u32 saved, enum igx_ledctl_mode mode)
{
	u32 led = FIELD_PREP(IGX_LEDCTL_MODE, mode);

	/* IVRT and BLINK cleared: the mode alone decides */
	return (saved & IGX_LEDCTL_GLOBAL_BLINK_MODE) |
	       FIELD_PREP(IGX_LEDCTL_LED0, led) |
	       FIELD_PREP(IGX_LEDCTL_LED1, led) |
	       FIELD_PREP(IGX_LEDCTL_LED2, led) |
	       FIELD_PREP(IGX_LEDCTL_LED3, led);
}

/**
 * igx_set_phys_id() - blink the port's LEDs
 * @netdev: the device
 * @state: what the core asks for
 *
 * The core toggles ON and OFF twice a second; every LED of the port is
 * forced on or off together.  LEDCTL is saved on ACTIVE and put back on
 * INACTIVE.
 *
 * Return: 2 (on/off cycles per second) for ACTIVE, 0 otherwise, or
 * -ENODEV when the device is gone.
 */
int igx_set_phys_id(struct net_device *netdev,
		    enum ethtool_phys_id_state state)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return -ENODEV;

	switch (state) {
	case ETHTOOL_ID_ACTIVE:
		dev->ledctl_saved = igx_rd32(dev, IGX_LEDCTL);
		return 2;
	case ETHTOOL_ID_ON:
		igx_wr32(dev, IGX_LEDCTL,
			 igx_ledctl_all(dev->ledctl_saved,
					IGX_LEDCTL_MODE_ON));
		break;
	case ETHTOOL_ID_OFF:
		igx_wr32(dev, IGX_LEDCTL,
			 igx_ledctl_all(dev->ledctl_saved,
					IGX_LEDCTL_MODE_OFF));
		break;
	case ETHTOOL_ID_INACTIVE:
		igx_wr32(dev, IGX_LEDCTL, dev->ledctl_saved);
		break;
	}
	return 0;
}

/* ---- Flow control (ethtool -a/-A) ---- */

/* 802.3x pause frames go to this multicast address */
static const u8 igx_pause_addr[ETH_ALEN] = {
	0x01, 0x80, 0xc2, 0x00, 0x00, 0x01
};

/* XOFF pause time: 4096 quanta of 512 bit times (2.1 ms at 1 Gb/s) */
#define IGX_FC_PAUSE_TIME	0x1000
/* Gap between the XOFF and XON thresholds */
#define IGX_FC_HYSTERESIS	SZ_2K

/**
 * igx_pause_init() - flow control defaults: negotiated, both directions
 * @dev: the device
 */
void igx_pause_init(struct igx_dev *dev)
{
	dev->pause.autoneg = true;
	dev->pause.rx = true;
	dev->pause.tx = true;
}

/**
 * igx_pause_advert() - the pause bits of the PHY advertisement
 * @dev: the device
 *
 * Return: ADVERTISE_PAUSE_CAP/ADVERTISE_PAUSE_ASYM as the settings ask
 * (IEEE 802.3 annex 28B); advertised in forced mode too, so the partner
 * knows what to expect.
 */
u16 igx_pause_advert(struct igx_dev *dev)
{
	u8 cap = (dev->pause.rx ? FLOW_CTRL_RX : 0) |
		 (dev->pause.tx ? FLOW_CTRL_TX : 0);

	return mii_advertise_flowctrl(cap);
}

static void igx_pause_set_mac(struct igx_dev *dev, bool rx, bool tx)
{
	igx_rmw32(dev, IGX_CTRL, IGX_CTRL_RFCE | IGX_CTRL_TFCE,
		  (rx ? IGX_CTRL_RFCE : 0) | (tx ? IGX_CTRL_TFCE : 0));
}

/**
 * igx_pause_configure() - program the flow control registers
 * @dev: the device
 *
 * Called from the open path after the reset: the pause frame address and
 * type, the pause time and its refresh, and the RX buffer thresholds.
 * XOFF is sent when the RX packet buffer holds more than its size less
 * room for two maximum-size frames (the one being received and the one
 * the partner may start before our XOFF reaches it), but never below
 * half of it; XON is sent (XONE) once it drains IGX_FC_HYSTERESIS bytes
 * further.  CTRL.RFCE/TFCE are set here in forced mode; in autoneg mode
 * they wait for igx_pause_link_up().
 */
void igx_pause_configure(struct igx_dev *dev)
{
	u32 pb, frame, high, low;

	igx_wr32(dev, IGX_FCAL, get_unaligned_le32(igx_pause_addr));
	igx_wr32(dev, IGX_FCAH,
		 FIELD_PREP(IGX_FCAH_ADDR,
			    get_unaligned_le16(igx_pause_addr + 4)));
	igx_wr32(dev, IGX_FCT, FIELD_PREP(IGX_FCT_TYPE, ETH_P_PAUSE));
	igx_wr32(dev, IGX_FCTTV,
		 FIELD_PREP(IGX_FCTTV_TTV, IGX_FC_PAUSE_TIME));
	/* refresh XOFF halfway through the pause the partner honours */
	igx_wr32(dev, dev->family->fcrtv,
		 FIELD_PREP(IGX_FCRTV_FCRTV, IGX_FC_PAUSE_TIME / 2));

	pb = dev->family->rx_pb_bytes(dev);
	if (!pb)	/* a size the driver does not know: assume a small one */
		pb = SZ_32K;
	frame = ALIGN(IGX_MAX_MTU + ETH_HLEN + 2 * VLAN_HLEN + ETH_FCS_LEN,
		      SZ_1K);
	high = pb > 4 * frame ? pb - 2 * frame : pb / 2;
	low = high > IGX_FC_HYSTERESIS ? high - IGX_FC_HYSTERESIS : 0;
	/* the fields hold byte counts whose low 4 bits are not stored */
	igx_wr32(dev, IGX_FCRTH, high & IGX_FCRTH_RTH);
	igx_wr32(dev, IGX_FCRTL, (low & IGX_FCRTL_RTL) | IGX_FCRTL_XONE);

	if (dev->pause.autoneg)
		igx_pause_set_mac(dev, false, false);
	else
		igx_pause_set_mac(dev, dev->pause.rx, dev->pause.tx);
}

/**
 * igx_pause_link_up() - set the MAC's flow control for a new link
 * @dev: the device
 *
 * In autoneg mode the result is resolved from both advertisements (full
 * duplex only; half duplex has no pause).  In forced mode the settings
 * are written again: some MACs (QEMU's) set RFCE/TFCE themselves when
 * autonegotiation completes.  Called with the link up, under RTNL.
 */
void igx_pause_link_up(struct igx_dev *dev)
{
	u16 lcl, rmt;
	u8 fc = 0;

	if (!dev->pause.autoneg) {
		igx_pause_set_mac(dev, dev->pause.rx, dev->pause.tx);
		return;
	}
	if (dev->link_full_duplex &&
	    !igx_phy_read(dev, MII_ADVERTISE, &lcl) &&
	    !igx_phy_read(dev, MII_LPA, &rmt))
		fc = mii_resolve_flowctrl_fdx(lcl, rmt);
	igx_pause_set_mac(dev, fc & FLOW_CTRL_RX, fc & FLOW_CTRL_TX);
}

/**
 * igx_get_pauseparam() - the flow control settings
 * @netdev: the device
 * @pause: filled with what was asked for; ethtool shows the negotiated
 *	   result from the link modes
 */
void igx_get_pauseparam(struct net_device *netdev,
			struct ethtool_pauseparam *pause)
{
	struct igx_dev *dev = netdev_priv(netdev);

	pause->autoneg = dev->pause.autoneg;
	pause->rx_pause = dev->pause.rx;
	pause->tx_pause = dev->pause.tx;
}

/**
 * igx_set_pauseparam() - change the flow control settings
 * @netdev: the device
 * @pause: the new settings
 *
 * Values other than 0 and 1 (possible through the ioctl) are refused.
 * The PHY advertisement follows the settings; in autoneg mode a changed
 * advertisement restarts autonegotiation (the link drops for a moment)
 * and the MAC is set when the link comes back.  In forced mode the MAC
 * is set at once.  On error the previous settings stay.
 *
 * Return: 0 or a negative error.
 */
int igx_set_pauseparam(struct net_device *netdev,
		       struct ethtool_pauseparam *pause)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_pause old = dev->pause;
	u16 adv, new_adv;
	int err;

	if (pause->autoneg > 1 || pause->rx_pause > 1 || pause->tx_pause > 1) {
		netdev_err(netdev, "pause settings are on (1) or off (0)\n");
		return -EINVAL;
	}
	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return -ENODEV;
	if (pause->autoneg && !dev->link_cfg.autoneg) {
		netdev_err(netdev, "pause autonegotiation needs link autonegotiation\n");
		return -EINVAL;
	}

	dev->pause.autoneg = pause->autoneg;
	dev->pause.rx = pause->rx_pause;
	dev->pause.tx = pause->tx_pause;
	if (!netif_running(netdev))
		return 0;	/* igx_up() applies them */

	err = igx_phy_read(dev, MII_ADVERTISE, &adv);
	if (err)
		goto err_restore;
	new_adv = (adv & ~(ADVERTISE_PAUSE_CAP | ADVERTISE_PAUSE_ASYM)) |
		  igx_pause_advert(dev);

	if (!dev->pause.autoneg) {
		/* the partner learns of it at the next negotiation */
		if (new_adv != adv)
			igx_phy_write(dev, MII_ADVERTISE, new_adv);
		igx_pause_set_mac(dev, dev->pause.rx, dev->pause.tx);
		return 0;
	}
	if (new_adv == adv && old.autoneg) {
		/* nothing to renegotiate: resolve again with the link as is */
		if (netif_carrier_ok(netdev))
			igx_pause_link_up(dev);
		return 0;
	}

	/* renegotiate; igx_link_update() resolves when the link is back */
	err = igx_phy_autoneg(dev);
	if (err)
		goto err_restore;
	netif_carrier_off(netdev);
	igx_service_schedule(dev, 0);
	return 0;

err_restore:
	netdev_err(netdev, "cannot reach the PHY: %d\n", err);
	dev->pause = old;
	return err;
}

/* ---- Timestamping (ethtool -T) ---- */

/**
 * igx_get_ts_info() - software timestamps only
 * @netdev: the device
 * @info: filled in
 *
 * igx_xmit_frame() calls skb_tx_timestamp(); receive timestamps are the
 * stack's.  The hardware clock and PTP timestamping are not supported.
 *
 * Return: 0.
 */
int igx_get_ts_info(struct net_device *netdev,
		    struct kernel_ethtool_ts_info *info)
{
	info->so_timestamping = SOF_TIMESTAMPING_TX_SOFTWARE |
				SOF_TIMESTAMPING_RX_SOFTWARE |
				SOF_TIMESTAMPING_SOFTWARE;
	info->phc_index = -1;
	return 0;
}
