// SPDX-License-Identifier: GPL-2.0
/*
 * igx: ethtool operations.
 */
#include <linux/ethtool.h>
#include <linux/mii.h>

#include "igx.h"

static void igx_get_drvinfo(struct net_device *netdev,
			    struct ethtool_drvinfo *info)
{
	struct igx_dev *dev = netdev_priv(netdev);

	strscpy(info->driver, IGX_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(dev->pdev), sizeof(info->bus_info));
	igx_get_fw_version(dev, info->fw_version, sizeof(info->fw_version));
}

static u32 igx_get_msglevel(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);

	return dev->msg_enable;
}

static void igx_set_msglevel(struct net_device *netdev, u32 level)
{
	struct igx_dev *dev = netdev_priv(netdev);

	dev->msg_enable = level;
}

static int igx_get_link_ksettings(struct net_device *netdev,
				  struct ethtool_link_ksettings *cmd)
{
	struct igx_dev *dev = netdev_priv(netdev);

	mii_ethtool_get_link_ksettings(&dev->mii, cmd);
	/* the MAC does 802.3x pause both ways (ethtool -A) */
	linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, cmd->link_modes.supported);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT,
			 cmd->link_modes.supported);
	if (!netif_running(netdev) || !netif_carrier_ok(netdev)) {
		cmd->base.speed = SPEED_UNKNOWN;
		cmd->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

static int igx_set_link_ksettings(struct net_device *netdev,
				  const struct ethtool_link_ksettings *cmd)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_link_cfg cfg = dev->link_cfg;
	u32 adv;

	ethtool_convert_link_mode_to_legacy_u32(&adv,
						cmd->link_modes.advertising);
	adv &= ~(ADVERTISED_Pause | ADVERTISED_Asym_Pause | ADVERTISED_TP |
		 ADVERTISED_MII | ADVERTISED_Autoneg);
	if (cmd->base.port != PORT_TP && cmd->base.port != PORT_MII) {
		netdev_err(netdev, "the port is twisted pair only\n");
		return -EINVAL;
	}
	if (cmd->base.eth_tp_mdix_ctrl != ETH_TP_MDI_AUTO &&
	    cmd->base.eth_tp_mdix_ctrl != ETH_TP_MDI_INVALID) {
		netdev_err(netdev, "MDI/MDI-X is always automatic\n");
		return -EOPNOTSUPP;
	}

	if (cmd->base.autoneg == AUTONEG_ENABLE) {
		if (!adv || adv & ~IGX_ADVERTISED_ALL) {
			netdev_err(netdev,
				   "advertise a non-empty subset of 10/100 half and full, 1000 full (0x%x)\n",
				   (u32)IGX_ADVERTISED_ALL);
			return -EINVAL;
		}
		cfg.autoneg = true;
		cfg.advertising = adv;
	} else {
		/* 1000BASE-T needs autonegotiation (master/slave) */
		if (cmd->base.speed != SPEED_10 &&
		    cmd->base.speed != SPEED_100) {
			netdev_err(netdev,
				   "only 10 and 100 Mb/s can be forced; 1000 Mb/s needs autoneg\n");
			return -EINVAL;
		}
		if (cmd->base.duplex != DUPLEX_HALF &&
		    cmd->base.duplex != DUPLEX_FULL) {
			netdev_err(netdev, "duplex must be half or full\n");
			return -EINVAL;
		}
		if (dev->pause.autoneg) {
			netdev_err(netdev,
				   "pause autonegotiation is on: turn it off first (ethtool -A %s autoneg off)\n",
				   netdev->name);
			return -EINVAL;
		}
		cfg.autoneg = false;
		cfg.speed = cmd->base.speed;
		cfg.duplex = cmd->base.duplex;
	}

	dev->link_cfg = cfg;
	if (test_bit(IGX_STATE_OPEN, &dev->state) &&
	    !test_bit(IGX_STATE_DOWN, &dev->state))
		return igx_phy_autoneg(dev);
	return 0;
}

static int igx_nway_reset(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (!netif_running(netdev))
		return -EAGAIN;
	return mii_nway_restart(&dev->mii);
}

static const char igx_priv_flag_names[IGX_PRIV_NUM][ETH_GSTRING_LEN] = {
	[IGX_PRIV_DISABLE_MSIX] = "disable-msix",
};

/*
 * ethtool -S: only counters that have no standard home (stats64, qstats,
 * the eth-mac/eth-ctrl/rmon/pause groups).  Documentation/igx.rst says
 * what each one counts.
 */
static const char igx_stat_names[][ETH_GSTRING_LEN] = {
	"tx_timeouts",
	"resets",
	"rx_no_buffer",
	"tx_tso_contexts",
	"tx_tso_context_fails",
};

static void igx_get_ethtool_stats(struct net_device *netdev,
				  struct ethtool_stats *stats, u64 *data)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_hw_stats hw;

	igx_hw_stats_read(dev, &hw);

	*data++ = READ_ONCE(dev->tx_timeouts);
	*data++ = READ_ONCE(dev->resets);
	*data++ = hw.rnbc;
	*data++ = hw.tsctc;
	*data++ = hw.tsctfc;
}

static int igx_get_sset_count(struct net_device *netdev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return ARRAY_SIZE(igx_stat_names);
	case ETH_SS_PRIV_FLAGS:
		return IGX_PRIV_NUM;
	case ETH_SS_TEST:
		return igx_selftest_count();
	default:
		return -EOPNOTSUPP;
	}
}

static void igx_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i;

	switch (sset) {
	case ETH_SS_STATS:
		for (i = 0; i < ARRAY_SIZE(igx_stat_names); i++)
			ethtool_puts(&data, igx_stat_names[i]);
		break;
	case ETH_SS_PRIV_FLAGS:
		for (i = 0; i < IGX_PRIV_NUM; i++)
			ethtool_puts(&data, igx_priv_flag_names[i]);
		break;
	case ETH_SS_TEST:
		igx_selftest_strings(&data);
		break;
	}
}

static u32 igx_get_priv_flags(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);

	return dev->priv_flags;
}

static int igx_set_priv_flags(struct net_device *netdev, u32 flags)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (flags & ~GENMASK(IGX_PRIV_NUM - 1, 0))
		return -EINVAL;
	if (flags == dev->priv_flags)
		return 0;
	return igx_reconfigure_irqs(dev, flags);
}

static int igx_get_coalesce(struct net_device *netdev,
			    struct ethtool_coalesce *ec,
			    struct kernel_ethtool_coalesce *kec,
			    struct netlink_ext_ack *extack)
{
	struct igx_dev *dev = netdev_priv(netdev);

	ec->rx_coalesce_usecs = dev->coal.rx_usecs;
	ec->tx_coalesce_usecs = dev->coal.tx_usecs;
	ec->use_adaptive_rx_coalesce = dev->coal.adaptive_rx;
	ec->use_adaptive_tx_coalesce = dev->coal.adaptive_tx;
	return 0;
}

static int igx_set_coalesce(struct net_device *netdev,
			    struct ethtool_coalesce *ec,
			    struct kernel_ethtool_coalesce *kec,
			    struct netlink_ext_ack *extack)
{
	struct igx_dev *dev = netdev_priv(netdev);
	unsigned int i;

	if (ec->rx_coalesce_usecs > IGX_MAX_ITR_USECS ||
	    ec->tx_coalesce_usecs > IGX_MAX_ITR_USECS) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "interval above the hardware's %u us",
				       IGX_MAX_ITR_USECS);
		return -EINVAL;
	}

	dev->coal.rx_usecs = ec->rx_coalesce_usecs;
	dev->coal.tx_usecs = ec->tx_coalesce_usecs;
	dev->coal.adaptive_rx = ec->use_adaptive_rx_coalesce;
	dev->coal.adaptive_tx = ec->use_adaptive_tx_coalesce;
	for (i = 0; i < dev->num_q_vectors; i++)
		igx_update_itr(dev->q_vector[i]);
	return 0;
}

static void igx_get_channels(struct net_device *netdev,
			     struct ethtool_channels *ch)
{
	struct igx_dev *dev = netdev_priv(netdev);

	ch->max_combined = dev->max_q_vectors;
	ch->combined_count = dev->num_q_vectors;
	ch->max_other = 1;
	ch->other_count = dev->irq_mode == IGX_IRQ_MSIX ? 1 : 0;
}

static int igx_set_channels(struct net_device *netdev,
			    struct ethtool_channels *ch)
{
	struct igx_dev *dev = netdev_priv(netdev);
	int err;

	/* The core refused counts above our maxima and, when the user set
	 * the RSS table, counts that would orphan a queue it points at.
	 */
	if (!ch->combined_count) {
		netdev_err(netdev, "at least one combined channel is needed\n");
		return -EINVAL;
	}
	if (ch->other_count != (dev->irq_mode == IGX_IRQ_MSIX ? 1 : 0)) {
		netdev_err(netdev,
			   "the other vector exists with MSI-X only and cannot be changed\n");
		return -EINVAL;
	}
	if (ch->combined_count == dev->num_q_vectors)
		return 0;
	err = igx_set_queues(dev, ch->combined_count, dev->tx_ring_count,
			     dev->rx_ring_count, NULL);
	if (!err)
		dev->req_queues = ch->combined_count;	/* kept across modes */
	return err;
}

static void igx_get_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct igx_dev *dev = netdev_priv(netdev);

	ring->rx_max_pending = IGX_MAX_RING;
	ring->tx_max_pending = IGX_MAX_RING;
	ring->rx_pending = dev->rx_ring_count;
	ring->tx_pending = dev->tx_ring_count;
}

/* A ring's length in bytes must be a multiple of 128: 8 descriptors */
static int igx_ring_size(u32 want, const char *which,
			 struct netlink_ext_ack *extack, u16 *size)
{
	if (want < IGX_MIN_RING) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s ring of %u descriptors: the minimum is %u",
				       which, want, IGX_MIN_RING);
		return -EINVAL;
	}
	*size = ALIGN(want, IGX_RING_ALIGN);
	if (*size != want)
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s ring rounded up to %u descriptors (a multiple of %u)",
				       which, *size, IGX_RING_ALIGN);
	return 0;
}

static int igx_set_ringparam(struct net_device *netdev,
			     struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack)
{
	struct igx_dev *dev = netdev_priv(netdev);
	u16 tx, rx;
	int err;

	/* the core refused sizes above the maxima and mini/jumbo rings */
	err = igx_ring_size(ring->tx_pending, "TX", extack, &tx);
	if (!err)
		err = igx_ring_size(ring->rx_pending, "RX", extack, &rx);
	if (err)
		return err;
	if (tx == dev->tx_ring_count && rx == dev->rx_ring_count)
		return 0;
	if (!test_bit(IGX_STATE_OPEN, &dev->state)) {
		dev->tx_ring_count = tx;
		dev->rx_ring_count = rx;
		return 0;
	}
	return igx_set_queues(dev, dev->num_q_vectors, tx, rx, extack);
}

static u32 igx_get_rxfh_key_size(struct net_device *netdev)
{
	return IGX_RSS_KEY_SIZE;
}

static u32 igx_get_rxfh_indir_size(struct net_device *netdev)
{
	return IGX_RETA_ENTRIES;
}

static int igx_get_rxfh(struct net_device *netdev,
			struct ethtool_rxfh_param *rxfh)
{
	struct igx_dev *dev = netdev_priv(netdev);
	unsigned int i;

	rxfh->hfunc = ETH_RSS_HASH_TOP;
	if (rxfh->key)
		memcpy(rxfh->key, dev->rss_key, IGX_RSS_KEY_SIZE);
	if (rxfh->indir)
		for (i = 0; i < IGX_RETA_ENTRIES; i++)
			rxfh->indir[i] = dev->rss_reta[i];
	return 0;
}

static int igx_set_rxfh(struct net_device *netdev,
			struct ethtool_rxfh_param *rxfh,
			struct netlink_ext_ack *extack)
{
	struct igx_dev *dev = netdev_priv(netdev);
	unsigned int i;

	/* The core checked the key length, the context (we have none but
	 * the default) and that each entry is below our ring count.
	 */
	if (rxfh->hfunc != ETH_RSS_HASH_NO_CHANGE &&
	    rxfh->hfunc != ETH_RSS_HASH_TOP) {
		NL_SET_ERR_MSG_MOD(extack, "the hardware hashes with Toeplitz only");
		return -EOPNOTSUPP;
	}
	if (rxfh->indir) {
		for (i = 0; i < IGX_RETA_ENTRIES; i++) {
			if (rxfh->indir[i] < dev->num_q_vectors)
				continue;
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "entry %u points at queue %u of %u",
					       i, rxfh->indir[i],
					       dev->num_q_vectors);
			return -EINVAL;
		}
		for (i = 0; i < IGX_RETA_ENTRIES; i++)
			dev->rss_reta[i] = rxfh->indir[i];
	}
	if (rxfh->key)
		memcpy(dev->rss_key, rxfh->key, IGX_RSS_KEY_SIZE);
	if (test_bit(IGX_STATE_OPEN, &dev->state) &&
	    !test_bit(IGX_STATE_DOWN, &dev->state))
		igx_rss_configure(dev);
	return 0;
}

/* Hash fields per flow type: addresses always, ports for TCP always and
 * for UDP when the user asks (ethtool -N rx-flow-hash udp4 sdfn).
 */
static int igx_get_rss_hash_opts(struct igx_dev *dev, struct ethtool_rxnfc *nfc)
{
	u64 ports = RXH_L4_B_0_1 | RXH_L4_B_2_3;

	nfc->data = RXH_IP_SRC | RXH_IP_DST;
	switch (nfc->flow_type) {
	case TCP_V4_FLOW:
	case TCP_V6_FLOW:
		nfc->data |= ports;
		break;
	case UDP_V4_FLOW:
		if (dev->rss_udp4)
			nfc->data |= ports;
		break;
	case UDP_V6_FLOW:
		if (dev->rss_udp6)
			nfc->data |= ports;
		break;
	case SCTP_V4_FLOW:
	case SCTP_V6_FLOW:
	case AH_ESP_V4_FLOW:
	case AH_ESP_V6_FLOW:
	case IPV4_FLOW:
	case IPV6_FLOW:
		break;
	default:
		nfc->data = 0;
		return -EINVAL;
	}
	return 0;
}

static int igx_set_rss_hash_opts(struct igx_dev *dev,
				 const struct ethtool_rxnfc *nfc)
{
	const u64 addrs = RXH_IP_SRC | RXH_IP_DST;
	const u64 ports = RXH_L4_B_0_1 | RXH_L4_B_2_3;
	struct net_device *netdev = dev->netdev;
	bool *udp;

	switch (nfc->flow_type) {
	case TCP_V4_FLOW:
	case TCP_V6_FLOW:
		if (nfc->data == (addrs | ports))
			return 0;
		netdev_err(netdev, "TCP is always hashed over addresses and ports (sdfn)\n");
		return -EINVAL;
	case UDP_V4_FLOW:
		udp = &dev->rss_udp4;
		break;
	case UDP_V6_FLOW:
		udp = &dev->rss_udp6;
		break;
	case SCTP_V4_FLOW:
	case SCTP_V6_FLOW:
	case AH_ESP_V4_FLOW:
	case AH_ESP_V6_FLOW:
	case IPV4_FLOW:
	case IPV6_FLOW:
		if (nfc->data == addrs)
			return 0;
		netdev_err(netdev, "this flow type is hashed over addresses only (sd)\n");
		return -EINVAL;
	default:
		return -EOPNOTSUPP;
	}
	if (nfc->data != addrs && nfc->data != (addrs | ports)) {
		netdev_err(netdev, "UDP hashes over addresses (sd) or addresses and ports (sdfn)\n");
		return -EINVAL;
	}
	if ((nfc->data & ports) && !dev->family->rss_udp) {
		netdev_err(netdev, "the %s hashes UDP over addresses only (sd)\n",
			   dev->family->name);
		return -EOPNOTSUPP;
	}
	*udp = nfc->data & ports;
	if (test_bit(IGX_STATE_OPEN, &dev->state) &&
	    !test_bit(IGX_STATE_DOWN, &dev->state))
		igx_rss_configure(dev);
	return 0;
}

static int igx_get_rxnfc(struct net_device *netdev, struct ethtool_rxnfc *nfc,
			 u32 *rule_locs)
{
	struct igx_dev *dev = netdev_priv(netdev);

	switch (nfc->cmd) {
	case ETHTOOL_GRXRINGS:
		nfc->data = dev->num_q_vectors;
		return 0;
	case ETHTOOL_GRXFH:
		return igx_get_rss_hash_opts(dev, nfc);
	default:
		return -EOPNOTSUPP;
	}
}

static int igx_set_rxnfc(struct net_device *netdev, struct ethtool_rxnfc *nfc)
{
	struct igx_dev *dev = netdev_priv(netdev);

	switch (nfc->cmd) {
	case ETHTOOL_SRXFH:
		return igx_set_rss_hash_opts(dev, nfc);
	default:
		return -EOPNOTSUPP;
	}
}

static const struct ethtool_ops igx_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_USECS |
				     ETHTOOL_COALESCE_USE_ADAPTIVE,
	.get_drvinfo		= igx_get_drvinfo,
	.get_msglevel		= igx_get_msglevel,
	.set_msglevel		= igx_set_msglevel,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= igx_get_link_ksettings,
	.set_link_ksettings	= igx_set_link_ksettings,
	.nway_reset		= igx_nway_reset,
	.get_sset_count		= igx_get_sset_count,
	.get_strings		= igx_get_strings,
	.get_ethtool_stats	= igx_get_ethtool_stats,
	.get_priv_flags		= igx_get_priv_flags,
	.set_priv_flags		= igx_set_priv_flags,
	.get_coalesce		= igx_get_coalesce,
	.set_coalesce		= igx_set_coalesce,
	.get_channels		= igx_get_channels,
	.set_channels		= igx_set_channels,
	.get_ringparam		= igx_get_ringparam,
	.set_ringparam		= igx_set_ringparam,
	.get_rxfh_key_size	= igx_get_rxfh_key_size,
	.get_rxfh_indir_size	= igx_get_rxfh_indir_size,
	.get_rxfh		= igx_get_rxfh,
	.set_rxfh		= igx_set_rxfh,
	.get_rxnfc		= igx_get_rxnfc,
	.set_rxnfc		= igx_set_rxnfc,
	.get_eth_mac_stats	= igx_get_eth_mac_stats,
	.get_eth_ctrl_stats	= igx_get_eth_ctrl_stats,
	.get_pause_stats	= igx_get_pause_stats,
	.get_rmon_stats		= igx_get_rmon_stats,
	.get_regs_len		= igx_get_regs_len,
	.get_regs		= igx_get_regs,
	.get_eeprom_len		= igx_get_eeprom_len,
	.get_eeprom		= igx_get_eeprom,
	.set_eeprom		= igx_set_eeprom,
	.set_phys_id		= igx_set_phys_id,
	.get_pauseparam		= igx_get_pauseparam,
	.set_pauseparam		= igx_set_pauseparam,
	.get_ts_info		= igx_get_ts_info,
	.self_test		= igx_self_test,
};

/**
 * igx_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the device
 */
void igx_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igx_ethtool_ops;
}
