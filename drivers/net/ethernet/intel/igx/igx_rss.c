// SPDX-License-Identifier: GPL-2.0
/*
 * igx: receive-side scaling.
 *
 * The MAC hashes each frame with Toeplitz over the fields MRQC enables,
 * looks the low 7 bits of the hash up in the 128-entry redirection table
 * to pick the RX queue, and writes hash and hash type to the descriptor
 * (with RXCSUM.PCSD set), from where they go to the stack for RPS/RFS.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/unaligned.h>

#include "igx.h"

/**
 * igx_rss_reta_default() - spread the table evenly over the active queues
 * @dev: the device
 */
void igx_rss_reta_default(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < IGX_RETA_ENTRIES; i++)
		dev->rss_reta[i] = ethtool_rxfh_indir_default(i,
							      dev->num_q_vectors);
}
EXPORT_SYMBOL_IF_KUNIT(igx_rss_reta_default);

/**
 * igx_rss_reta_fits() - does every table entry point at an active queue
 * @dev: the device
 *
 * Return: true if so.
 */
bool igx_rss_reta_fits(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < IGX_RETA_ENTRIES; i++)
		if (dev->rss_reta[i] >= dev->num_q_vectors)
			return false;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(igx_rss_reta_fits);

/**
 * igx_rss_init() - defaults at probe: random key, even table, all fields
 * @dev: the device
 */
void igx_rss_init(struct igx_dev *dev)
{
	netdev_rss_key_fill(dev->rss_key, sizeof(dev->rss_key));
	igx_rss_reta_default(dev);
	dev->rss_udp4 = dev->family->rss_udp;
	dev->rss_udp6 = dev->family->rss_udp;
}

/**
 * igx_rss_configure() - program key, table and hash fields
 * @dev: the device
 */
void igx_rss_configure(struct igx_dev *dev)
{
	unsigned int i, j;
	u32 reta;

	for (i = 0; i < IGX_RSS_KEY_SIZE / 4; i++)
		igx_wr32(dev, IGX_RSSRK(i),
			 get_unaligned_le32(&dev->rss_key[4 * i]));
	/* each entry holds its queue where the family looks for it */
	for (i = 0; i < IGX_RETA_ENTRIES; i += 4) {
		reta = 0;
		for (j = 0; j < 4; j++)
			reta |= (u32)(dev->rss_reta[i + j] <<
				      dev->family->reta_shift) << (8 * j);
		igx_wr32(dev, IGX_RETA(i / 4), reta);
	}

	igx_wr32(dev, IGX_MRQC, dev->family->rss_mrqc(dev));
}
EXPORT_SYMBOL_IF_KUNIT(igx_rss_configure);

/**
 * igx_rx_hash() - hand the hardware's RSS hash to the stack
 * @ring: the RX ring
 * @skb: the frame
 * @qw0: first quad word of its write-back descriptor
 */
void igx_rx_hash(struct igx_ring *ring, struct sk_buff *skb, u64 qw0)
{
	enum pkt_hash_types type;

	if (!(ring->netdev->features & NETIF_F_RXHASH))
		return;

	switch (FIELD_GET(IGX_RXD_WB_RSSTYPE, qw0)) {
	case IGX_RSSTYPE_TCP_IPV4:
	case IGX_RSSTYPE_TCP_IPV6:
	case IGX_RSSTYPE_TCP_IPV6_EX:
	case IGX_RSSTYPE_UDP_IPV4:
	case IGX_RSSTYPE_UDP_IPV6:
	case IGX_RSSTYPE_UDP_IPV6_EX:
		type = PKT_HASH_TYPE_L4;
		break;
	case IGX_RSSTYPE_IPV4:
	case IGX_RSSTYPE_IPV6:
	case IGX_RSSTYPE_IPV6_EX:
		type = PKT_HASH_TYPE_L3;
		break;
	default:
		return;
	}
	skb_set_hash(skb, FIELD_GET(IGX_RXD_WB_RSSHASH, qw0), type);
}
