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
	if (!netif_running(netdev) || !netif_carrier_ok(netdev)) {
		cmd->base.speed = SPEED_UNKNOWN;
		cmd->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

static int igx_nway_reset(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (!netif_running(netdev))
		return -EAGAIN;
	return mii_nway_restart(&dev->mii);
}

static const struct ethtool_ops igx_ethtool_ops = {
	.get_drvinfo		= igx_get_drvinfo,
	.get_msglevel		= igx_get_msglevel,
	.set_msglevel		= igx_set_msglevel,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= igx_get_link_ksettings,
	.nway_reset		= igx_nway_reset,
};

/**
 * igx_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the device
 */
void igx_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igx_ethtool_ops;
}
