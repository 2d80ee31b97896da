// SPDX-License-Identifier: GPL-2.0
/*
 * igx: the MAC's hardware counters and where they are reported.
 *
 * The counters clear on read and are 32 bits wide (a few are 64).  The
 * service work reads them every two seconds, and before every reset, into
 * 64-bit totals, so they never wrap and nothing is lost to a reset;
 * readers in atomic context only look at the totals.  The ethtool
 * standard groups read the registers once more first, to be current.
 */
#include <linux/ethtool.h>

#include "igx.h"

/*
 * Where each counter is read from: the 82576, the I350 and the 82574 count
 * the same events at the same offsets.
 */
const struct igx_hw_counter igx_hw_counters[IGX_N_HW_COUNTERS] = {
	IGX_HW_CTR(IGX_CRCERRS, crcerrs, false),
	IGX_HW_CTR(IGX_ALGNERRC, algnerrc, false),
	IGX_HW_CTR(IGX_SYMERRS, symerrs, false),
	IGX_HW_CTR(IGX_RXERRC, rxerrc, false),
	IGX_HW_CTR(IGX_MPC, mpc, false),
	IGX_HW_CTR(IGX_SCC, scc, false),
	IGX_HW_CTR(IGX_ECOL, ecol, false),
	IGX_HW_CTR(IGX_MCC, mcc, false),
	IGX_HW_CTR(IGX_LATECOL, latecol, false),
	IGX_HW_CTR(IGX_COLC, colc, false),
	IGX_HW_CTR(IGX_DC, dc, false),
	IGX_HW_CTR(IGX_TNCRS, tncrs, false),
	IGX_HW_CTR(IGX_XONRXC, xonrxc, false),
	IGX_HW_CTR(IGX_XONTXC, xontxc, false),
	IGX_HW_CTR(IGX_XOFFRXC, xoffrxc, false),
	IGX_HW_CTR(IGX_XOFFTXC, xofftxc, false),
	IGX_HW_CTR(IGX_FCRUC, fcruc, false),
	IGX_HW_CTR(IGX_PRC64, prc64, false),
	IGX_HW_CTR(IGX_PRC127, prc127, false),
	IGX_HW_CTR(IGX_PRC255, prc255, false),
	IGX_HW_CTR(IGX_PRC511, prc511, false),
	IGX_HW_CTR(IGX_PRC1023, prc1023, false),
	IGX_HW_CTR(IGX_PRC1522, prc1522, false),
	IGX_HW_CTR(IGX_GPRC, gprc, false),
	IGX_HW_CTR(IGX_BPRC, bprc, false),
	IGX_HW_CTR(IGX_MPRC, mprc, false),
	IGX_HW_CTR(IGX_GPTC, gptc, false),
	IGX_HW_CTR(IGX_GORCL, gorc, true),
	IGX_HW_CTR(IGX_GOTCL, gotc, true),
	IGX_HW_CTR(IGX_RNBC, rnbc, false),
	IGX_HW_CTR(IGX_RUC, ruc, false),
	IGX_HW_CTR(IGX_RFC, rfc, false),
	IGX_HW_CTR(IGX_ROC, roc, false),
	IGX_HW_CTR(IGX_RJC, rjc, false),
	IGX_HW_CTR(IGX_TORL, tor, true),
	IGX_HW_CTR(IGX_TOTL, tot, true),
	IGX_HW_CTR(IGX_TPR, tpr, false),
	IGX_HW_CTR(IGX_TPT, tpt, false),
	IGX_HW_CTR(IGX_PTC64, ptc64, false),
	IGX_HW_CTR(IGX_PTC127, ptc127, false),
	IGX_HW_CTR(IGX_PTC255, ptc255, false),
	IGX_HW_CTR(IGX_PTC511, ptc511, false),
	IGX_HW_CTR(IGX_PTC1023, ptc1023, false),
	IGX_HW_CTR(IGX_PTC1522, ptc1522, false),
	IGX_HW_CTR(IGX_MPTC, mptc, false),
	IGX_HW_CTR(IGX_BPTC, bptc, false),
	IGX_HW_CTR(IGX_TSCTC, tsctc, false),
	IGX_HW_CTR(IGX_TSCTFC, tsctfc, false),
	IGX_HW_CTR(IGX_IAC, iac, false),
};

/**
 * igx_hw_stats_update() - add the MAC counters to the running totals
 * @dev: the device
 */
void igx_hw_stats_update(struct igx_dev *dev)
{
	const struct igx_family *fam = dev->family;
	const struct igx_hw_counter *c;
	unsigned int i;
	u64 val;

	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return;

	spin_lock_bh(&dev->hw_stats_lock);
	for (i = 0; i < fam->n_hw_counters; i++) {
		c = &fam->hw_counters[i];
		val = igx_rd32(dev, c->reg);
		if (c->wide)
			val |= (u64)igx_rd32(dev, c->reg + 4) << 32;
		*(u64 *)((u8 *)&dev->hw_stats + c->offset) += val;
	}
	spin_unlock_bh(&dev->hw_stats_lock);
}
EXPORT_SYMBOL_IF_KUNIT(igx_hw_stats_update);

static void igx_hw_stats_copy(struct igx_dev *dev, struct igx_hw_stats *hw)
{
	spin_lock_bh(&dev->hw_stats_lock);
	*hw = dev->hw_stats;
	spin_unlock_bh(&dev->hw_stats_lock);
}

/**
 * igx_hw_stats_read() - bring the totals up to date and copy them
 * @dev: the device
 * @hw: the copy
 *
 * For process context only: reads the MAC registers.
 */
void igx_hw_stats_read(struct igx_dev *dev, struct igx_hw_stats *hw)
{
	igx_hw_stats_update(dev);
	igx_hw_stats_copy(dev, hw);
}

/**
 * igx_hw_stats_fill64() - the error and collision fields of stats64
 * @dev: the device
 * @stats: where to add them
 *
 * Packets and bytes come from the rings; these come from the MAC.
 */
void igx_hw_stats_fill64(struct igx_dev *dev, struct rtnl_link_stats64 *stats)
{
	struct igx_hw_stats hw;

	igx_hw_stats_copy(dev, &hw);

	stats->rx_crc_errors = hw.crcerrs;
	stats->rx_frame_errors = hw.algnerrc;
	/* not RLEC: it counts the undersized and oversized frames that
	 * RUC/RFC and ROC/RJC count already
	 */
	stats->rx_length_errors = hw.ruc + hw.roc + hw.rfc + hw.rjc;
	stats->rx_missed_errors = hw.mpc;
	stats->rx_errors += hw.crcerrs + hw.algnerrc + hw.symerrs +
			    hw.rxerrc + stats->rx_length_errors;
	stats->multicast = hw.mprc;
	stats->collisions = hw.colc;
	stats->tx_aborted_errors = hw.ecol;
	stats->tx_window_errors = hw.latecol;
	stats->tx_carrier_errors = hw.tncrs;
	stats->tx_errors = hw.ecol + hw.latecol;
}

/**
 * igx_get_eth_mac_stats() - IEEE 802.3 MAC counters (ethtool -S eth-mac)
 * @netdev: the device
 * @mac: filled in
 */
void igx_get_eth_mac_stats(struct net_device *netdev,
			   struct ethtool_eth_mac_stats *mac)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_hw_stats hw;

	igx_hw_stats_read(dev, &hw);

	mac->FramesTransmittedOK = hw.gptc;
	mac->SingleCollisionFrames = hw.scc;
	mac->MultipleCollisionFrames = hw.mcc;
	mac->FramesReceivedOK = hw.gprc;
	mac->FrameCheckSequenceErrors = hw.crcerrs;
	mac->AlignmentErrors = hw.algnerrc;
	mac->OctetsTransmittedOK = hw.gotc;
	mac->FramesWithDeferredXmissions = hw.dc;
	mac->LateCollisions = hw.latecol;
	mac->FramesAbortedDueToXSColls = hw.ecol;
	mac->CarrierSenseErrors = hw.tncrs;
	mac->OctetsReceivedOK = hw.gorc;
	mac->MulticastFramesXmittedOK = hw.mptc;
	mac->BroadcastFramesXmittedOK = hw.bptc;
	mac->MulticastFramesReceivedOK = hw.mprc;
	mac->BroadcastFramesReceivedOK = hw.bprc;
	mac->FrameTooLongErrors = hw.roc + hw.rjc;
}

/**
 * igx_get_eth_ctrl_stats() - MAC control frames (ethtool -S eth-ctrl)
 * @netdev: the device
 * @ctrl: filled in
 */
void igx_get_eth_ctrl_stats(struct net_device *netdev,
			    struct ethtool_eth_ctrl_stats *ctrl)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_hw_stats hw;

	igx_hw_stats_read(dev, &hw);

	/* the only MAC control frames the MAC sends are PAUSE frames */
	ctrl->MACControlFramesTransmitted = hw.xontxc + hw.xofftxc;
	ctrl->MACControlFramesReceived = hw.xonrxc + hw.xoffrxc + hw.fcruc;
	ctrl->UnsupportedOpcodesReceived = hw.fcruc;
}

/**
 * igx_get_pause_stats() - PAUSE frames (ethtool -S pause, ethtool -I -a)
 * @netdev: the device
 * @pause: filled in
 */
void igx_get_pause_stats(struct net_device *netdev,
			 struct ethtool_pause_stats *pause)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_hw_stats hw;

	igx_hw_stats_read(dev, &hw);

	pause->tx_pause_frames = hw.xontxc + hw.xofftxc;
	pause->rx_pause_frames = hw.xonrxc + hw.xoffrxc;
}

/* The last bucket (PRC1522/PTC1522) counts every good frame of 1024 bytes
 * or more, FCS included, up to the longest the MAC accepts: jumbo frames
 * land there too.
 */
static const struct ethtool_rmon_hist_range igx_rmon_ranges[] = {
	{    0,   64 },
	{   65,  127 },
	{  128,  255 },
	{  256,  511 },
	{  512, 1023 },
	{ 1024, IGX_MAX_FRAME },
	{ }
};

/**
 * igx_get_rmon_stats() - RMON counters and size histogram (ethtool -S rmon)
 * @netdev: the device
 * @rmon: filled in
 * @ranges: set to the histogram's bucket bounds
 */
void igx_get_rmon_stats(struct net_device *netdev,
			struct ethtool_rmon_stats *rmon,
			const struct ethtool_rmon_hist_range **ranges)
{
	struct igx_dev *dev = netdev_priv(netdev);
	struct igx_hw_stats hw;

	igx_hw_stats_read(dev, &hw);

	rmon->undersize_pkts = hw.ruc;
	rmon->oversize_pkts = hw.roc;
	rmon->fragments = hw.rfc;
	rmon->jabbers = hw.rjc;

	rmon->hist[0] = hw.prc64;
	rmon->hist[1] = hw.prc127;
	rmon->hist[2] = hw.prc255;
	rmon->hist[3] = hw.prc511;
	rmon->hist[4] = hw.prc1023;
	rmon->hist[5] = hw.prc1522;
	rmon->hist_tx[0] = hw.ptc64;
	rmon->hist_tx[1] = hw.ptc127;
	rmon->hist_tx[2] = hw.ptc255;
	rmon->hist_tx[3] = hw.ptc511;
	rmon->hist_tx[4] = hw.ptc1023;
	rmon->hist_tx[5] = hw.ptc1522;
	*ranges = igx_rmon_ranges;
}
