// SPDX-License-Identifier: GPL-2.0
/*
 * igx: net_device operations, open/stop, receive filters, statistics and
 * the service work (link, watchdog, reset).
 *
 * Locking: open, stop, MTU and reset run under RTNL; the service work
 * takes RTNL for anything that reconfigures the device.  ndo_set_rx_mode
 * runs under the netdev address lock (BH off) and only writes filter
 * registers.  dev->stats_lock keeps stats readers off queue vectors that
 * are being freed.
 */
#include <linux/bitfield.h>
#include <linux/error-injection.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>
#include <net/netdev_queues.h>

#include "igx.h"

#define IGX_SERVICE_PERIOD	(2 * HZ)

/**
 * igx_service_schedule() - run the service work after @delay jiffies
 * @dev: the device
 * @delay: delay; 0 runs it as soon as possible
 */
void igx_service_schedule(struct igx_dev *dev, unsigned long delay)
{
	if (!test_bit(IGX_STATE_NO_SERVICE, &dev->state))
		mod_delayed_work(system_wq, &dev->service_task, delay);
}

/**
 * igx_request_reset() - ask the service work to reset the device
 * @dev: the device
 */
void igx_request_reset(struct igx_dev *dev)
{
	set_bit(IGX_STATE_RESET_REQ, &dev->state);
	igx_service_schedule(dev, 0);
}

/**
 * igx_rctl_rmw() - change RCTL bits outside ndo_set_rx_mode
 * @dev: the device
 * @clear: bits to clear
 * @set: bits to set
 *
 * ndo_set_rx_mode rewrites RCTL's filter bits under the netdev address
 * lock, without RTNL; every other RCTL update takes that lock too, so
 * that neither undoes the other.
 */
void igx_rctl_rmw(struct igx_dev *dev, u32 clear, u32 set)
{
	netif_addr_lock_bh(dev->netdev);
	igx_rmw32(dev, IGX_RCTL, clear, set);
	netif_addr_unlock_bh(dev->netdev);
}

VISIBLE_IF_KUNIT u32 igx_max_frame(unsigned int mtu)
{
	return mtu + ETH_HLEN + 2 * VLAN_HLEN + ETH_FCS_LEN;
}
EXPORT_SYMBOL_IF_KUNIT(igx_max_frame);

VISIBLE_IF_KUNIT void igx_set_rx_len(struct igx_dev *dev, unsigned int mtu)
{
	if (dev->family->set_max_frame)
		dev->family->set_max_frame(dev, igx_max_frame(mtu));
	if (mtu > ETH_DATA_LEN)
		igx_rctl_rmw(dev, 0, IGX_RCTL_LPE);
	else
		igx_rctl_rmw(dev, IGX_RCTL_LPE, 0);
}
EXPORT_SYMBOL_IF_KUNIT(igx_set_rx_len);

/* Multicast table hash: bits 47:36 of the address (RCTL.MO = 0) */
static u32 igx_mta_hash(const u8 *addr)
{
	return ((addr[4] >> 4) | (addr[5] << 4)) & 0xfff;
}

static void igx_set_rx_mode(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);
	u32 mta[IGX_MTA_NUM] = {};
	struct netdev_hw_addr *ha;
	unsigned int i, rar = 1;
	u32 rctl, set = 0;

	/* Promiscuous means every frame, whatever its VLAN */
	if (netdev->flags & IFF_PROMISC)
		set |= IGX_RCTL_UPE | IGX_RCTL_MPE;
	else if (netdev->features & NETIF_F_HW_VLAN_CTAG_FILTER)
		set |= IGX_RCTL_VFE;
	if (netdev->flags & IFF_ALLMULTI)
		set |= IGX_RCTL_MPE;

	/* Secondary unicast addresses take RAR 1 and up; past that the
	 * only way to receive them is unicast promiscuous mode.
	 */
	if (netdev_uc_count(netdev) > IGX_NUM_RAR - 1) {
		set |= IGX_RCTL_UPE;
	} else {
		netdev_for_each_uc_addr(ha, netdev)
			igx_set_rar(dev, rar++, ha->addr);
	}
	for (i = rar; i < IGX_NUM_RAR; i++)
		igx_set_rar(dev, i, NULL);

	netdev_for_each_mc_addr(ha, netdev) {
		u32 hash = igx_mta_hash(ha->addr);

		mta[hash >> 5] |= BIT(hash & 31);
	}
	for (i = 0; i < IGX_MTA_NUM; i++)
		igx_wr32(dev, IGX_MTA(i), mta[i]);

	rctl = igx_rd32(dev, IGX_RCTL);
	rctl &= ~(IGX_RCTL_UPE | IGX_RCTL_MPE | IGX_RCTL_VFE);
	igx_wr32(dev, IGX_RCTL, rctl | set);
}

static void igx_write_vfta(struct igx_dev *dev, unsigned int vid)
{
	unsigned int word = vid / 32;

	igx_wr32(dev, IGX_VFTA(word),
		 bitmap_read(dev->vlans, word * 32, 32));
}

static int igx_vlan_rx_add_vid(struct net_device *netdev, __be16 proto,
			       u16 vid)
{
	struct igx_dev *dev = netdev_priv(netdev);

	set_bit(vid, dev->vlans);
	igx_write_vfta(dev, vid);
	return 0;
}

static int igx_vlan_rx_kill_vid(struct net_device *netdev, __be16 proto,
				u16 vid)
{
	struct igx_dev *dev = netdev_priv(netdev);

	clear_bit(vid, dev->vlans);
	igx_write_vfta(dev, vid);
	return 0;
}

static void igx_set_vlan_strip(struct igx_dev *dev, netdev_features_t f)
{
	if (f & NETIF_F_HW_VLAN_CTAG_RX)
		igx_rmw32(dev, IGX_CTRL, 0, IGX_CTRL_VME);
	else
		igx_rmw32(dev, IGX_CTRL, IGX_CTRL_VME, 0);
}

static void igx_configure_mac(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;
	unsigned int i;
	u32 rxcsum = 0;

	igx_wr32(dev, IGX_VET, FIELD_PREP(IGX_VET_VET, ETH_P_8021Q));
	for (i = 0; i < IGX_VFTA_NUM; i++)
		igx_write_vfta(dev, i * 32);
	igx_set_vlan_strip(dev, netdev->features);

	igx_wr32(dev, IGX_TIPG, FIELD_PREP(IGX_TIPG_IPGT, 8) |
				FIELD_PREP(IGX_TIPG_IPGR1, 8) |
				FIELD_PREP(IGX_TIPG_IPGR2, 6));
	igx_wr32(dev, IGX_TCTL, IGX_TCTL_PSP | IGX_TCTL_RTLC |
				FIELD_PREP(IGX_TCTL_CT, 15) |
				FIELD_PREP(IGX_TCTL_COLD, 63));

	/* PCSD: the descriptor carries the RSS hash, not a packet csum */
	rxcsum = IGX_RXCSUM_PCSD;
	if (netdev->features & NETIF_F_RXCSUM)
		rxcsum |= IGX_RXCSUM_IPOFL | IGX_RXCSUM_TUOFL;
	igx_wr32(dev, IGX_RXCSUM, rxcsum);
	igx_rss_configure(dev);

	/* Broadcast accepted, CRC stripped, pause frames not passed up */
	igx_wr32(dev, IGX_RCTL, IGX_RCTL_BAM | IGX_RCTL_SECRC | IGX_RCTL_DPF);
	igx_set_rx_len(dev, READ_ONCE(netdev->mtu));
	netif_addr_lock_bh(netdev);
	igx_set_rx_mode(netdev);
	netif_addr_unlock_bh(netdev);
	igx_pause_configure(dev);
	if (dev->family->configure_mac)
		dev->family->configure_mac(dev);
}

static void igx_link_queues(struct igx_dev *dev, bool on)
{
	struct igx_q_vector *qv;
	unsigned int i;

	for (i = 0; i < dev->num_q_vectors; i++) {
		qv = dev->q_vector[i];
		netif_queue_set_napi(dev->netdev, i, NETDEV_QUEUE_TYPE_RX,
				     on ? &qv->napi : NULL);
		netif_queue_set_napi(dev->netdev, i, NETDEV_QUEUE_TYPE_TX,
				     on ? &qv->napi : NULL);
	}
}

/* Start the hardware on rings that are allocated; IRQs are requested. */
static void igx_up(struct igx_dev *dev)
{
	unsigned int i;

	igx_configure_mac(dev);
	igx_configure_rings(dev);
	igx_irq_configure(dev);
	igx_rx_refill_all(dev);

	clear_bit(IGX_STATE_DOWN, &dev->state);
	for (i = 0; i < dev->num_q_vectors; i++)
		napi_enable(&dev->q_vector[i]->napi);
	igx_link_queues(dev, true);

	/* NAPI is armed: interrupts may come now */
	igx_irq_enable(dev);
	igx_rmw32(dev, IGX_TCTL, 0, IGX_TCTL_EN);
	igx_rctl_rmw(dev, 0, IGX_RCTL_EN);
	netif_tx_start_all_queues(dev->netdev);

	/* The link comes up later and announces itself with LSC */
	igx_phy_autoneg(dev);
	igx_service_schedule(dev, 0);
}

/* Stop all DMA and interrupts; rings stay allocated. */
static void igx_down(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;
	unsigned int i;

	set_bit(IGX_STATE_DOWN, &dev->state);
	netif_carrier_off(netdev);
	netif_tx_disable(netdev);

	igx_rctl_rmw(dev, IGX_RCTL_EN, 0);
	igx_irq_disable(dev);
	igx_link_queues(dev, false);
	for (i = 0; i < dev->num_q_vectors; i++) {
		napi_disable(&dev->q_vector[i]->napi);
		igx_dim_cancel(dev->q_vector[i]);
	}
	/* a poll that ran before DOWN was visible may have woken a queue */
	netif_tx_disable(netdev);

	igx_stop_rings(dev);
	/* Only a reset guarantees the DMA engines hold no buffer address;
	 * it clears the MAC counters too, so collect them first.
	 */
	igx_hw_stats_update(dev);
	if (!test_bit(IGX_STATE_REMOVED, &dev->state)) {
		dev->family->reset(dev);
		igx_mac_init(dev);
	}
	dev->link_speed = 0;
}

/**
 * igx_open() - ndo_open: allocate rings and IRQs, start the port
 * @netdev: the device
 *
 * Also used by the offline self-test to restart the port.  Under RTNL.
 *
 * Return: 0 or a negative error; on error nothing stays allocated.
 */
int igx_open(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);
	int err;

	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return -ENODEV;

	netif_carrier_off(netdev);
	err = igx_setup_rings(dev, dev->q_vector, dev->num_q_vectors,
			      dev->tx_ring_count, dev->rx_ring_count);
	if (err)
		return err;
	err = igx_request_irqs(dev);
	if (err)
		goto err_free_rings;

	igx_up(dev);
	set_bit(IGX_STATE_OPEN, &dev->state);
	return 0;

err_free_rings:
	igx_free_rings(dev->q_vector, dev->num_q_vectors);
	return err;
}

/**
 * igx_stop() - ndo_stop: stop the port, free its IRQs and rings
 * @netdev: the device
 *
 * Also used by the offline self-test to take the port over.  Under RTNL.
 *
 * Return: 0.
 */
int igx_stop(struct net_device *netdev)
{
	struct igx_dev *dev = netdev_priv(netdev);

	/* a failed internal restart already stopped it: dev_close() then
	 * calls us a second time
	 */
	if (!test_and_clear_bit(IGX_STATE_OPEN, &dev->state))
		return 0;
	igx_down(dev);
	igx_free_irqs(dev);
	igx_free_rings(dev->q_vector, dev->num_q_vectors);
	return 0;
}

static int igx_set_mac_address(struct net_device *netdev, void *p)
{
	struct igx_dev *dev = netdev_priv(netdev);
	int err;

	err = eth_prepare_mac_addr_change(netdev, p);
	if (err)
		return err;
	eth_commit_mac_addr_change(netdev, p);
	igx_set_rar(dev, 0, netdev->dev_addr);
	return 0;
}

static int igx_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct igx_dev *dev = netdev_priv(netdev);

	/* RX buffers are chained, so any MTU fits the rings as they are */
	WRITE_ONCE(netdev->mtu, new_mtu);
	if (netif_running(netdev))
		igx_set_rx_len(dev, new_mtu);
	return 0;
}
ALLOW_ERROR_INJECTION(igx_change_mtu, ERRNO);

static int igx_set_features(struct net_device *netdev,
			    netdev_features_t features)
{
	struct igx_dev *dev = netdev_priv(netdev);
	netdev_features_t changed = netdev->features ^ features;

	if (!netif_running(netdev))
		return 0;
	if (changed & NETIF_F_RXCSUM)
		igx_rmw32(dev, IGX_RXCSUM,
			  IGX_RXCSUM_IPOFL | IGX_RXCSUM_TUOFL,
			  features & NETIF_F_RXCSUM ?
			  IGX_RXCSUM_IPOFL | IGX_RXCSUM_TUOFL : 0);
	if (changed & NETIF_F_HW_VLAN_CTAG_RX)
		igx_set_vlan_strip(dev, features);
	if (changed & NETIF_F_HW_VLAN_CTAG_FILTER) {
		/* igx_set_rx_mode() reads netdev->features */
		netdev->features = features;
		netif_addr_lock_bh(netdev);
		igx_set_rx_mode(netdev);
		netif_addr_unlock_bh(netdev);
	}
	return 0;
}

static void igx_get_stats64(struct net_device *netdev,
			    struct rtnl_link_stats64 *stats)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_ring_stats rx, tx;
	unsigned int i;

	spin_lock_bh(&dev->stats_lock);
	rx = dev->base_rx;
	tx = dev->base_tx;
	for (i = 0; i < ARRAY_SIZE(dev->q_vector); i++) {
		if (!dev->q_vector[i])
			continue;
		igx_ring_stats_read(&dev->q_vector[i]->rx.stats, &rx);
		igx_ring_stats_read(&dev->q_vector[i]->tx.stats, &tx);
		igx_ring_stats_read(&dev->q_vector[i]->tx.xstats, &tx);
	}
	spin_unlock_bh(&dev->stats_lock);

	stats->rx_packets = rx.packets;
	stats->rx_bytes = rx.bytes;
	stats->rx_errors = rx.errors;
	stats->rx_dropped = rx.dropped;
	stats->tx_packets = tx.packets;
	stats->tx_bytes = tx.bytes;
	stats->tx_dropped = tx.dropped;
	igx_hw_stats_fill64(dev, stats);
}

static void igx_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_ring *ring = &dev->q_vector[txqueue]->tx;

	netdev_err(netdev,
		   "TX queue %u hung: TDH %u TDT %u next_to_clean %u next_to_use %u, resetting\n",
		   txqueue, igx_rd32(dev, igx_txq_reg(dev, txqueue, IGX_XQ_HEAD)),
		   igx_rd32(dev, igx_txq_reg(dev, txqueue, IGX_XQ_TAIL)),
		   READ_ONCE(ring->next_to_clean),
		   READ_ONCE(ring->next_to_use));
	WRITE_ONCE(dev->tx_timeouts, dev->tx_timeouts + 1);
	igx_request_reset(dev);
}

static netdev_features_t igx_fix_features(struct net_device *netdev,
					  netdev_features_t features)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (dev->family->fix_features)
		features = dev->family->fix_features(features);
	return features;
}

/*
 * One set of operations per descriptor format: they differ only in the
 * xmit routine, so that neither family's hot path tests which it is.
 */
#define IGX_NETDEV_OPS(xmit) {					\
	.ndo_open		= igx_open,				\
	.ndo_stop		= igx_stop,				\
	.ndo_start_xmit		= (xmit),				\
	.ndo_set_rx_mode	= igx_set_rx_mode,			\
	.ndo_set_mac_address	= igx_set_mac_address,			\
	.ndo_validate_addr	= eth_validate_addr,			\
	.ndo_change_mtu		= igx_change_mtu,			\
	.ndo_fix_features	= igx_fix_features,			\
	.ndo_set_features	= igx_set_features,			\
	.ndo_vlan_rx_add_vid	= igx_vlan_rx_add_vid,			\
	.ndo_vlan_rx_kill_vid	= igx_vlan_rx_kill_vid,			\
	.ndo_get_stats64	= igx_get_stats64,			\
	.ndo_tx_timeout		= igx_tx_timeout,			\
}

const struct net_device_ops igx_netdev_ops_adv = IGX_NETDEV_OPS(igx_xmit_adv);
const struct net_device_ops igx_netdev_ops_82574 =
	IGX_NETDEV_OPS(igx_82574_xmit);

/* Full stop and start under RTNL, keeping the configuration */
static void igx_reinit(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;
	int err;

	ASSERT_RTNL();
	if (!netif_running(netdev))
		return;
	igx_stop(netdev);
	err = igx_open(netdev);
	if (err) {
		netdev_err(netdev, "restart after reset failed: %d\n", err);
		dev_close(netdev);
		return;
	}
	WRITE_ONCE(dev->resets, dev->resets + 1);
}

static void igx_rx_watchdog(struct igx_dev *dev)
{
	struct igx_ring *ring;
	unsigned int i;

	/* A ring left without buffers (allocations failed) gets no more
	 * interrupts; kick its vector so NAPI retries the refill.
	 */
	for (i = 0; i < dev->num_q_vectors; i++) {
		ring = &dev->q_vector[i]->rx;
		if (READ_ONCE(ring->next_to_use) ==
		    READ_ONCE(ring->next_to_clean))
			igx_irq_kick(dev->q_vector[i]);
	}
}

/**
 * igx_service_task() - periodic and on-demand slow-path work
 * @work: the service work
 */
void igx_service_task(struct work_struct *work)
{
	struct igx_dev *dev = container_of(to_delayed_work(work),
					   struct igx_dev, service_task);
	struct net_device *netdev = dev->netdev;

	if (test_bit(IGX_STATE_REMOVED, &dev->state)) {
		rtnl_lock();
		if (netif_device_present(netdev)) {
			netif_device_detach(netdev);
			netif_carrier_off(netdev);
		}
		rtnl_unlock();
		return;
	}

	if (test_and_clear_bit(IGX_STATE_RESET_REQ, &dev->state)) {
		rtnl_lock();
		igx_reinit(dev);
		rtnl_unlock();
	}

	/* RTNL keeps open, stop and reconfiguration out while we look */
	rtnl_lock();
	if (!test_bit(IGX_STATE_DOWN, &dev->state)) {
		igx_link_update(dev);
		igx_hw_stats_update(dev);
		igx_rx_watchdog(dev);
		igx_service_schedule(dev, IGX_SERVICE_PERIOD);
	}
	rtnl_unlock();
}

static void igx_qstats_rx(const struct igx_ring_stats *ring,
			  struct netdev_queue_stats_rx *rx)
{
	struct igx_ring_stats s = {};

	igx_ring_stats_read(ring, &s);
	rx->packets = s.packets;
	rx->bytes = s.bytes;
	rx->alloc_fail = s.alloc_fail;
	rx->csum_unnecessary = s.csum_ok;
	rx->csum_bad = s.csum_err;
}

static void igx_qstats_tx(const struct igx_ring_stats *ring,
			  const struct igx_ring_stats *xmit,
			  struct netdev_queue_stats_tx *tx)
{
	struct igx_ring_stats s = {};

	igx_ring_stats_read(ring, &s);
	if (xmit)
		igx_ring_stats_read(xmit, &s);
	tx->packets = s.packets;
	tx->bytes = s.bytes;
	tx->stop = s.restarts;
	tx->wake = s.wakes;
}

static void igx_get_queue_stats_rx(struct net_device *netdev, int idx,
				   struct netdev_queue_stats_rx *rx)
{
	struct igx_dev *dev = netdev_priv(netdev);

	if (dev->q_vector[idx])
		igx_qstats_rx(&dev->q_vector[idx]->rx.stats, rx);
}

static void igx_get_queue_stats_tx(struct net_device *netdev, int idx,
				   struct netdev_queue_stats_tx *tx)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_q_vector *qv = dev->q_vector[idx];

	if (qv)
		igx_qstats_tx(&qv->tx.stats, &qv->tx.xstats, tx);
}

static void igx_get_base_stats(struct net_device *netdev,
			       struct netdev_queue_stats_rx *rx,
			       struct netdev_queue_stats_tx *tx)
{
	struct igx_dev *dev = netdev_priv(netdev);

	spin_lock_bh(&dev->stats_lock);
	igx_qstats_rx(&dev->base_rx, rx);
	igx_qstats_tx(&dev->base_tx, NULL, tx);
	spin_unlock_bh(&dev->stats_lock);
}

static const struct netdev_stat_ops igx_stat_ops = {
	.get_queue_stats_rx	= igx_get_queue_stats_rx,
	.get_queue_stats_tx	= igx_get_queue_stats_tx,
	.get_base_stats		= igx_get_base_stats,
};

/* Build the queue vectors of the current mode; tell the stack their count */
static int igx_q_vectors_init(struct igx_dev *dev)
{
	int err;

	err = igx_irq_init(dev);
	if (err)
		return err;
	err = igx_alloc_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
	if (!err)
		err = netif_set_real_num_queues(dev->netdev,
						dev->num_q_vectors,
						dev->num_q_vectors);
	if (err) {
		igx_free_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
		igx_irq_deinit(dev);
	}
	return err;
}

/**
 * igx_reconfigure_irqs() - switch the interrupt mode
 * @dev: the device
 * @priv_flags: the private flags to apply (IGX_PRIV_DISABLE_MSIX)
 *
 * Stops the port, gives back its vectors and queue vectors, allocates
 * them again for the new mode and reopens the port.  If the new mode
 * cannot be set up, the previous one is restored.  Called under RTNL.
 * The queue count asked for with ethtool -L is kept where the new mode
 * allows it.
 *
 * Return: 0 or a negative error; the port keeps working either way
 * unless even the previous mode cannot be restored.
 */
int igx_reconfigure_irqs(struct igx_dev *dev, unsigned long priv_flags)
{
	struct net_device *netdev = dev->netdev;
	unsigned long old = dev->priv_flags;
	bool running = netif_running(netdev);
	unsigned int queues = dev->num_q_vectors;
	int err, err2;

	ASSERT_RTNL();
	if (running)
		igx_stop(netdev);
	igx_free_q_vectors(dev, dev->q_vector, dev->num_q_vectors);
	igx_irq_deinit(dev);

	dev->priv_flags = priv_flags;
	err = igx_q_vectors_init(dev);
	if (err) {
		dev->priv_flags = old;
		err2 = igx_q_vectors_init(dev);
		if (err2) {
			netdev_err(netdev, "no interrupts left: %d\n", err2);
			dev->num_q_vectors = 0;
			netif_device_detach(netdev);
			if (running)
				dev_close(netdev);
			return err;
		}
	}

	/* The table follows the queue count unless the user set it */
	if (dev->num_q_vectors != queues && !netif_is_rxfh_configured(netdev))
		igx_rss_reta_default(dev);
	if (!igx_rss_reta_fits(dev)) {
		netdev_warn(netdev,
			    "RSS table pointed at queues that are gone: reset to default\n");
		igx_rss_reta_default(dev);
	}

	netdev_info(netdev, "%u queue pair%s, %s\n", dev->num_q_vectors,
		    dev->num_q_vectors == 1 ? "" : "s",
		    dev->irq_mode == IGX_IRQ_MSIX ? "MSI-X" :
		    dev->irq_mode == IGX_IRQ_MSI ? "MSI" : "INTx");
	if (running) {
		err2 = igx_open(netdev);
		if (err2) {
			netdev_err(netdev, "cannot reopen: %d\n", err2);
			dev_close(netdev);
			return err2;
		}
	}
	return err;
}

/* Exchange the device's queue vectors with @qvs (@count of them); the
 * old ones end up in @qvs.  With an unchanged count the per-queue
 * counters stay with the queue.
 */
static void igx_swap_q_vectors(struct igx_dev *dev, struct igx_q_vector **qvs,
			       unsigned int count)
{
	unsigned int i, n = max(count, dev->num_q_vectors);
	bool same = count == dev->num_q_vectors;
	struct igx_q_vector *tmp;

	spin_lock_bh(&dev->stats_lock);
	for (i = 0; i < n; i++) {
		tmp = dev->q_vector[i];
		if (same) {
			igx_move_ring_stats(qvs[i], tmp);
		} else if (tmp) {
			/* the queue set changes: the outgoing counters go to
			 * the base totals now, so no reader sees them vanish
			 */
			igx_fold_ring_stats(dev, tmp);
		}
		dev->q_vector[i] = qvs[i];
		qvs[i] = tmp;
	}
	swap(dev->num_q_vectors, count);
	spin_unlock_bh(&dev->stats_lock);
}

/**
 * igx_set_queues() - change queue pairs and ring sizes, allocating first
 * @dev: the device
 * @count: queue pairs
 * @tx_count: TX descriptors per ring
 * @rx_count: RX descriptors per ring
 * @extack: where to explain a failure
 *
 * Builds a complete new set of queue vectors with their rings while the
 * old set keeps carrying traffic, then stops the port, swaps the sets
 * and starts it again.  Whatever fails, the port keeps running on the
 * old set.  Called under RTNL.
 *
 * Return: 0 or a negative error.
 */
int igx_set_queues(struct igx_dev *dev, unsigned int count, u16 tx_count,
		   u16 rx_count, struct netlink_ext_ack *extack)
{
	struct igx_q_vector *qvs[IGX_MAX_QUEUES] = {};
	struct net_device *netdev = dev->netdev;
	unsigned int old_count = dev->num_q_vectors;
	bool running = test_bit(IGX_STATE_OPEN, &dev->state);
	int err, err2;

	ASSERT_RTNL();
	err = igx_alloc_q_vectors(dev, qvs, count);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack,
				   "cannot allocate the queue vectors; nothing changed");
		return err;
	}
	if (running) {
		err = igx_setup_rings(dev, qvs, count, tx_count, rx_count);
		if (err) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "no memory for rings of %u TX/%u RX descriptors; old ones kept",
					       tx_count, rx_count);
			goto err_free_q_vectors;
		}
		igx_down(dev);
		igx_free_irqs(dev);
	}
	if (count != old_count) {
		err = netif_set_real_num_queues(netdev, count, count);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack,
					   "the stack refused the queue count; nothing changed");
			goto err_restart_old;
		}
	}

	igx_swap_q_vectors(dev, qvs, count);
	if (running) {
		err = igx_request_irqs(dev);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack,
					   "cannot request the new interrupts; nothing changed");
			igx_swap_q_vectors(dev, qvs, old_count);
			if (count != old_count)
				netif_set_real_num_queues(netdev, old_count,
							  old_count);
			goto err_restart_old;
		}
		/* the old rings are idle: the hardware was reset */
		igx_free_rings(qvs, old_count);
	}
	dev->tx_ring_count = tx_count;
	dev->rx_ring_count = rx_count;
	if (count != old_count && !netif_is_rxfh_configured(netdev))
		igx_rss_reta_default(dev);
	if (running)
		igx_up(dev);
	igx_free_q_vectors(dev, qvs, old_count);
	return 0;

err_restart_old:
	if (running) {
		igx_free_rings(qvs, count);
		/* the old rings start again from their first descriptor */
		igx_clean_rings(dev->q_vector, dev->num_q_vectors);
		err2 = igx_request_irqs(dev);
		if (err2) {
			netdev_err(netdev, "cannot restart: %d\n", err2);
			igx_free_q_vectors(dev, qvs, count);
			clear_bit(IGX_STATE_OPEN, &dev->state);
			igx_free_rings(dev->q_vector, dev->num_q_vectors);
			dev_close(netdev);
			return err;
		}
		igx_up(dev);
	}
err_free_q_vectors:
	igx_free_q_vectors(dev, qvs, count);
	return err;
}

/**
 * igx_netdev_init() - set up the net_device before registration
 * @dev: the device
 *
 * Return: 0.
 */
int igx_netdev_init(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;

	netdev->netdev_ops = dev->family->netdev_ops;
	netdev->stat_ops = &igx_stat_ops;
	igx_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	netdev->min_mtu = IGX_MIN_MTU;
	netdev->max_mtu = dev->family->max_mtu;

	netdev->hw_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			      NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
			      NETIF_F_RXHASH |
			      NETIF_F_HW_VLAN_CTAG_RX |
			      NETIF_F_HW_VLAN_CTAG_TX |
			      NETIF_F_HW_VLAN_CTAG_FILTER;
	netdev->features = netdev->hw_features | NETIF_F_HIGHDMA;
	netdev->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM |
				NETIF_F_IPV6_CSUM | NETIF_F_TSO |
				NETIF_F_TSO6 | NETIF_F_HIGHDMA;
	netdev->priv_flags |= IFF_UNICAST_FLT;
	return 0;
}
