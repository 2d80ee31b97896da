// SPDX-License-Identifier: GPL-2.0
/*
 * igx: PCI driver for the Intel 82576 / I350 / 82574 gigabit Ethernet
 * controllers.
 *
 * Module init and exit, the device table, probe and remove.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>

#include "igx.h"

#define IGX_DEV(id, fam) \
	{ PCI_VDEVICE(INTEL, IGX_DEV_ID_##id), (kernel_ulong_t)&igx_family_##fam }

static const struct pci_device_id igx_pci_tbl[] = {
	IGX_DEV(82576, 82576),
	IGX_DEV(82576_FIBER, 82576),
	IGX_DEV(82576_SERDES, 82576),
	IGX_DEV(82576_QUAD_COPPER, 82576),
	IGX_DEV(82576_QUAD_COPPER_ET2, 82576),
	IGX_DEV(82576_NS, 82576),
	IGX_DEV(82576_NS_SERDES, 82576),
	IGX_DEV(82576_SERDES_QUAD, 82576),
	IGX_DEV(I350_COPPER, i350),
	IGX_DEV(I350_FIBER, i350),
	IGX_DEV(I350_SERDES, i350),
	IGX_DEV(I350_SGMII, i350),
	IGX_DEV(82574L, 82574),
	IGX_DEV(82574LA, 82574),
	{ }
};
MODULE_DEVICE_TABLE(pci, igx_pci_tbl);

#define IGX_DEFAULT_MSG	(NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)

/*
 * The NVM is the source of the permanent address.  A device whose NVM is
 * damaged still works with a random address, but says so loudly.
 */
static void igx_init_mac_addr(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;
	struct device *pdev = &dev->pdev->dev;
	u8 addr[ETH_ALEN];
	int err;

	err = igx_nvm_validate(dev);
	dev->nvm_csum_ok = !err;
	if (err)
		dev_warn(pdev, "NVM checksum %s (%d); its contents may be wrong\n",
			 err == -EIO ? "is invalid" : "cannot be read", err);

	err = igx_nvm_read_mac(dev, addr);
	if (!err && is_valid_ether_addr(addr)) {
		eth_hw_addr_set(netdev, addr);
		ether_addr_copy(netdev->perm_addr, addr);
		return;
	}

	eth_hw_addr_random(netdev);
	dev->perm_addr_random = true;
	if (err)
		dev_warn(pdev, "cannot read the MAC address from the NVM (%d), using random %pM\n",
			 err, netdev->dev_addr);
	else
		dev_warn(pdev, "NVM MAC address %pM is invalid, using random %pM\n",
			 addr, netdev->dev_addr);
}

static int igx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct igx_dev *dev;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err) {
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		goto err_disable;
	}

	err = pci_request_mem_regions(pdev, IGX_DRV_NAME);
	if (err)
		goto err_disable;
	pci_set_master(pdev);

	netdev = alloc_etherdev_mq(sizeof(*dev), IGX_MAX_QUEUES);
	if (!netdev) {
		err = -ENOMEM;
		goto err_release;
	}
	SET_NETDEV_DEV(netdev, &pdev->dev);
	dev = netdev_priv(netdev);
	dev->netdev = netdev;
	dev->pdev = pdev;
	dev->family = (const struct igx_family *)ent->driver_data;
	dev->msg_enable = IGX_DEFAULT_MSG;
	dev->rx_ring_count = IGX_DEFAULT_RING;
	dev->tx_ring_count = IGX_DEFAULT_RING;
	dev->coal.rx_usecs = IGX_DEFAULT_ITR_USECS;
	dev->coal.tx_usecs = IGX_DEFAULT_ITR_USECS;
	dev->coal.adaptive_rx = true;
	dev->coal.adaptive_tx = true;
	igx_pause_init(dev);
	spin_lock_init(&dev->stats_lock);
	spin_lock_init(&dev->hw_stats_lock);
	u64_stats_init(&dev->base_rx.syncp);
	u64_stats_init(&dev->base_tx.syncp);
	INIT_DELAYED_WORK(&dev->service_task, igx_service_task);
	set_bit(IGX_STATE_DOWN, &dev->state);
	set_bit(IGX_STATE_NO_SERVICE, &dev->state);
	pci_set_drvdata(pdev, dev);

	dev->bar0 = pci_iomap(pdev, 0, 0);
	if (!dev->bar0) {
		err = -EIO;
		goto err_free_netdev;
	}
	dev->hw_addr = dev->bar0;

	err = dev->family->reset(dev);
	if (err)
		goto err_unmap;
	igx_init_mac_addr(dev);
	igx_mac_init(dev);
	igx_mii_init(dev);

	err = igx_irq_init(dev);
	if (err)
		goto err_reset;
	err = igx_alloc_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
	if (err)
		goto err_irq_deinit;
	igx_rss_init(dev);
	err = netif_set_real_num_queues(netdev, dev->num_q_vectors,
					dev->num_q_vectors);
	if (err)
		goto err_free_q_vectors;

	igx_netdev_init(dev);
	netif_carrier_off(netdev);
	clear_bit(IGX_STATE_NO_SERVICE, &dev->state);
	err = register_netdev(netdev);
	if (err)
		goto err_free_q_vectors;

	netdev_info(netdev, "Intel %s at %s, %pM, %u queue pair%s, %s\n",
		    dev->family->name, pci_name(pdev), netdev->dev_addr,
		    dev->num_q_vectors, dev->num_q_vectors == 1 ? "" : "s",
		    dev->irq_mode == IGX_IRQ_MSIX ? "MSI-X" :
		    dev->irq_mode == IGX_IRQ_MSI ? "MSI" : "INTx");
	return 0;

err_free_q_vectors:
	igx_free_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
err_irq_deinit:
	igx_irq_deinit(dev);
err_reset:
	set_bit(IGX_STATE_NO_SERVICE, &dev->state);
	cancel_delayed_work_sync(&dev->service_task);
	dev->family->reset(dev);
	igx_rmw32(dev, IGX_CTRL_EXT, IGX_CTRL_EXT_DRV_LOAD, 0);
err_unmap:
	pci_iounmap(pdev, dev->bar0);
err_free_netdev:
	/* a device found gone during probe may have queued it */
	cancel_delayed_work_sync(&dev->service_task);
	free_netdev(netdev);
err_release:
	pci_release_mem_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void igx_remove(struct pci_dev *pdev)
{
	struct igx_dev *dev = pci_get_drvdata(pdev);
	struct net_device *netdev = dev->netdev;

	unregister_netdev(netdev);
	set_bit(IGX_STATE_NO_SERVICE, &dev->state);
	cancel_delayed_work_sync(&dev->service_task);

	igx_free_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
	igx_irq_deinit(dev);
	if (!test_bit(IGX_STATE_REMOVED, &dev->state)) {
		dev->family->reset(dev);
		/* hand the port back to the firmware */
		igx_rmw32(dev, IGX_CTRL_EXT, IGX_CTRL_EXT_DRV_LOAD, 0);
	}

	pci_iounmap(pdev, dev->bar0);
	free_netdev(netdev);
	pci_release_mem_regions(pdev);
	pci_disable_device(pdev);
}

static void igx_shutdown(struct pci_dev *pdev)
{
	struct igx_dev *dev = pci_get_drvdata(pdev);
	struct net_device *netdev = dev->netdev;

	rtnl_lock();
	netif_device_detach(netdev);
	if (netif_running(netdev))
		dev_close(netdev);
	rtnl_unlock();
	pci_clear_master(pdev);
}

static struct pci_driver igx_driver = {
	.name		= IGX_DRV_NAME,
	.id_table	= igx_pci_tbl,
	.probe		= igx_probe,
	.remove		= igx_remove,
	.shutdown	= igx_shutdown,
};
module_pci_driver(igx_driver);

MODULE_DESCRIPTION("Intel 82576/I350/82574 gigabit Ethernet driver");
MODULE_LICENSE("GPL");
