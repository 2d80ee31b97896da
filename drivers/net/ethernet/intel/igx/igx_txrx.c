// SPDX-License-Identifier: GPL-2.0
/*
 * igx: descriptor rings, queue vectors and the datapath.
 *
 * Locking: a TX ring is filled by igx_xmit_frame() under the stack's TX
 * queue lock and cleaned by its vector's NAPI poll without a lock; the two
 * share next_to_use (release/acquire) and next_to_clean (READ_ONCE), and
 * stop/wake the queue with the netif_txq_* helpers, whose barriers pair
 * with each other.  An RX ring is only touched by its NAPI poll, or by
 * open/stop while NAPI is disabled.  Ring counters are written by
 * one context each and read under u64_stats: the NAPI poll writes
 * ring->stats, the xmit path (under the TX queue lock) ring->xstats.
 */
#include <linux/bitfield.h>
#include <linux/error-injection.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/netdev_queues.h>
#include <net/page_pool/helpers.h>

#include "igx.h"

static u16 igx_ring_next(const struct igx_ring *ring, u16 i)
{
	return ++i == ring->count ? 0 : i;
}

/* Descriptors software may fill; one always stays empty so that a full
 * ring is distinguishable from an empty one.
 */
static u16 igx_ring_unused(const struct igx_ring *ring)
{
	u16 ntc = READ_ONCE(ring->next_to_clean);
	u16 ntu = READ_ONCE(ring->next_to_use);

	return (ntc > ntu ? 0 : ring->count) + ntc - ntu - 1;
}

/**
 * igx_ring_stats_read() - add a ring's counters to a sum
 * @s: the ring's counters
 * @sum: where to add them
 */
void igx_ring_stats_read(const struct igx_ring_stats *s,
			 struct igx_ring_stats *sum)
{
	u64 packets, bytes, restarts, wakes, dropped, errors, alloc_fail;
	u64 csum_err, csum_ok;
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		packets = s->packets;
		bytes = s->bytes;
		restarts = s->restarts;
		wakes = s->wakes;
		dropped = s->dropped;
		errors = s->errors;
		alloc_fail = s->alloc_fail;
		csum_err = s->csum_err;
		csum_ok = s->csum_ok;
	} while (u64_stats_fetch_retry(&s->syncp, start));

	sum->packets += packets;
	sum->bytes += bytes;
	sum->restarts += restarts;
	sum->wakes += wakes;
	sum->dropped += dropped;
	sum->errors += errors;
	sum->alloc_fail += alloc_fail;
	sum->csum_err += csum_err;
	sum->csum_ok += csum_ok;
}

/**
 * igx_alloc_q_vectors() - allocate queue vectors and their NAPI contexts
 * @dev: the device
 * @qvs: where to put them
 * @count: how many
 *
 * Vectors, and with them the ring counters, live until igx_free_q_vectors()
 * so that statistics survive the interface going down and up.  @qvs is
 * the device's own array, or a new set that ethtool builds before it
 * swaps it in.
 *
 * Return: 0 or -ENOMEM; on error nothing stays allocated.
 */
int igx_alloc_q_vectors(struct igx_dev *dev, struct igx_q_vector **qvs,
			unsigned int count)
{
	struct igx_q_vector *qv;
	unsigned int i;

	for (i = 0; i < count; i++) {
		qv = kzalloc(sizeof(*qv), GFP_KERNEL);
		if (!qv)
			goto err_free;
		qv->dev = dev;
		qv->v_idx = i;
		igx_irq_bits_init(dev, qv);
		qv->itr_usecs = IGX_DEFAULT_ITR_USECS;
		spin_lock_init(&qv->itr_lock);
		igx_dim_init(qv);
		/* programmed when the port starts, not now: the hardware
		 * vector may still serve the queue vector this one replaces
		 */
		qv->itr_usecs = igx_qv_itr_usecs(qv);
		qv->irq = -1;
		u64_stats_init(&qv->tx.stats.syncp);
		u64_stats_init(&qv->tx.xstats.syncp);
		u64_stats_init(&qv->rx.stats.syncp);
		qv->tx.q_vector = qv;
		qv->rx.q_vector = qv;
		qv->tx.qid = i;
		qv->tx.tx_buf_max = dev->family->tx_buf_max;
		qv->rx.qid = i;
		netif_napi_add(dev->netdev, &qv->napi, igx_poll);
		qvs[i] = qv;
	}
	return 0;

err_free:
	igx_free_q_vectors(dev, qvs, i);
	return -ENOMEM;
}
ALLOW_ERROR_INJECTION(igx_alloc_q_vectors, ERRNO);

/**
 * igx_free_q_vectors() - free queue vectors
 * @dev: the device
 * @qvs: the array holding them (entries are cleared)
 * @count: how many
 *
 * Their rings must be freed already.  Their counters move into the base
 * totals so that nothing reported goes backwards.
 */
void igx_free_q_vectors(struct igx_dev *dev, struct igx_q_vector **qvs,
			unsigned int count)
{
	struct igx_q_vector *qv;
	unsigned int i;

	for (i = 0; i < count; i++) {
		qv = qvs[i];
		if (!qv)
			continue;
		spin_lock_bh(&dev->stats_lock);
		igx_fold_ring_stats(dev, qv);
		qvs[i] = NULL;
		spin_unlock_bh(&dev->stats_lock);
		netif_napi_del(&qv->napi);
		kfree(qv);
	}
}

static void igx_ring_stats_clear(struct igx_ring_stats *s)
{
	memset(s, 0, offsetof(struct igx_ring_stats, syncp));
}

/**
 * igx_fold_ring_stats() - move a queue vector's counters to the base totals
 * @dev: the device
 * @qv: the vector; its counters are cleared
 *
 * For a vector that leaves the device's queue set.  It may not be polled;
 * the caller holds the stats lock.
 */
void igx_fold_ring_stats(struct igx_dev *dev, struct igx_q_vector *qv)
{
	igx_ring_stats_read(&qv->rx.stats, &dev->base_rx);
	igx_ring_stats_read(&qv->tx.stats, &dev->base_tx);
	igx_ring_stats_read(&qv->tx.xstats, &dev->base_tx);
	igx_ring_stats_clear(&qv->rx.stats);
	igx_ring_stats_clear(&qv->tx.stats);
	igx_ring_stats_clear(&qv->tx.xstats);
}

/**
 * igx_move_ring_stats() - carry a queue vector's counters over to another
 * @to: the vector taking over the queue pair
 * @from: the vector it replaces; its counters are cleared
 *
 * Used when rings are resized and the queue pair stays the same, so that
 * per-queue counters do not start again from zero.  Neither vector may be
 * polled; the caller holds the stats lock.
 */
void igx_move_ring_stats(struct igx_q_vector *to, struct igx_q_vector *from)
{
	struct igx_ring_stats *s[] = {
		&from->rx.stats, &from->tx.stats, &from->tx.xstats,
	};
	struct igx_ring_stats *d[] = {
		&to->rx.stats, &to->tx.stats, &to->tx.xstats,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(s); i++) {
		igx_ring_stats_read(s[i], d[i]);
		igx_ring_stats_clear(s[i]);
	}
}

static int igx_setup_tx_ring(struct igx_dev *dev, struct igx_ring *ring,
			     u16 count)
{
	ring->netdev = dev->netdev;
	ring->dev = &dev->pdev->dev;
	ring->count = count;
	ring->tx_buf = kvcalloc(ring->count, sizeof(*ring->tx_buf),
				GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;
	ring->tx_desc = dma_alloc_coherent(ring->dev, igx_ring_bytes(ring),
					   &ring->dma, GFP_KERNEL);
	if (!ring->tx_desc) {
		kvfree(ring->tx_buf);
		ring->tx_buf = NULL;
		return -ENOMEM;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->tail = dev->hw_addr + igx_txq_reg(dev, ring->qid, IGX_XQ_TAIL);
	return 0;
}

static void igx_unmap_tx_buf(struct igx_ring *ring, struct igx_tx_buf *buf)
{
	if (!dma_unmap_len(buf, len))
		return;
	if (buf->single)
		dma_unmap_single(ring->dev, dma_unmap_addr(buf, dma),
				 dma_unmap_len(buf, len), DMA_TO_DEVICE);
	else
		dma_unmap_page(ring->dev, dma_unmap_addr(buf, dma),
			       dma_unmap_len(buf, len), DMA_TO_DEVICE);
	dma_unmap_len_set(buf, len, 0);
}

/* Undo the mappings of one packet, descriptors @first to @last */
static void igx_unmap_tx_packet(struct igx_ring *ring, u16 first, u16 last)
{
	u16 i = first;

	for (;;) {
		igx_unmap_tx_buf(ring, &ring->tx_buf[i]);
		if (i == last)
			break;
		i = igx_ring_next(ring, i);
	}
}

/* Drop every packet the hardware never completed; the ring stays */
static void igx_clean_tx_ring(struct igx_ring *ring)
{
	struct igx_tx_buf *buf;
	u16 i, last;

	for (i = ring->next_to_clean; i != ring->next_to_use;) {
		buf = &ring->tx_buf[i];
		last = buf->last;
		igx_unmap_tx_packet(ring, i, last);
		dev_kfree_skb_any(buf->skb);
		buf->skb = NULL;
		i = igx_ring_next(ring, last);
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

static void igx_free_tx_ring(struct igx_ring *ring)
{
	if (!ring->tx_desc)
		return;

	/* BQL is reset when the queue starts again: this ring's queue id
	 * may belong to a ring that is still running
	 */
	igx_clean_tx_ring(ring);
	dma_free_coherent(ring->dev, igx_ring_bytes(ring), ring->tx_desc,
			  ring->dma);
	ring->tx_desc = NULL;
	kvfree(ring->tx_buf);
	ring->tx_buf = NULL;
}

static int igx_setup_rx_ring(struct igx_dev *dev, struct igx_ring *ring,
			     u16 count)
{
	struct page_pool_params pp = {
		.order = 0,
		.flags = PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.pool_size = count,
		.nid = dev_to_node(&dev->pdev->dev),
		.dev = &dev->pdev->dev,
		.napi = &ring->q_vector->napi,
		.netdev = dev->netdev,
		.queue_idx = ring->qid,
		.dma_dir = DMA_FROM_DEVICE,
		.offset = IGX_RX_HEADROOM,
		.max_len = dev->family->rx_buf_len,
	};
	int err = -ENOMEM;

	ring->netdev = dev->netdev;
	ring->dev = &dev->pdev->dev;
	ring->count = count;
	ring->rx_buf = kvcalloc(ring->count, sizeof(*ring->rx_buf),
				GFP_KERNEL);
	if (!ring->rx_buf)
		return -ENOMEM;
	ring->rx_desc = dma_alloc_coherent(ring->dev, igx_ring_bytes(ring),
					   &ring->dma, GFP_KERNEL);
	if (!ring->rx_desc)
		goto err_free_buf;

	ring->pp = page_pool_create(&pp);
	if (IS_ERR(ring->pp)) {
		err = PTR_ERR(ring->pp);
		ring->pp = NULL;
		goto err_free_desc;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->skb = NULL;
	ring->tail = dev->hw_addr + igx_rxq_reg(dev, ring->qid, IGX_XQ_TAIL);
	return 0;

err_free_desc:
	dma_free_coherent(ring->dev, igx_ring_bytes(ring), ring->rx_desc,
			  ring->dma);
	ring->rx_desc = NULL;
err_free_buf:
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
	return err;
}

/* Give every buffer back to the pool; the ring and the pool stay */
static void igx_clean_rx_ring(struct igx_ring *ring)
{
	u16 i;

	if (!IS_ERR_OR_NULL(ring->skb))
		dev_kfree_skb_any(ring->skb);
	ring->skb = NULL;
	for (i = 0; i < ring->count; i++) {
		if (!ring->rx_buf[i].page)
			continue;
		page_pool_put_full_page(ring->pp, ring->rx_buf[i].page, false);
		ring->rx_buf[i].page = NULL;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

static void igx_free_rx_ring(struct igx_ring *ring)
{
	if (!ring->rx_desc)
		return;

	igx_clean_rx_ring(ring);
	page_pool_destroy(ring->pp);
	ring->pp = NULL;

	dma_free_coherent(ring->dev, igx_ring_bytes(ring), ring->rx_desc,
			  ring->dma);
	ring->rx_desc = NULL;
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
}

/**
 * igx_setup_rings() - allocate descriptors, buffers and page pools
 * @dev: the device
 * @qvs: the queue vectors whose rings to set up
 * @count: how many
 * @tx_count: TX descriptors per ring
 * @rx_count: RX descriptors per ring
 *
 * Return: 0 or a negative error; on error nothing stays allocated.
 */
int igx_setup_rings(struct igx_dev *dev, struct igx_q_vector **qvs,
		    unsigned int count, u16 tx_count, u16 rx_count)
{
	unsigned int i;
	int err;

	for (i = 0; i < count; i++) {
		err = igx_setup_tx_ring(dev, &qvs[i]->tx, tx_count);
		if (err)
			goto err_free;
		err = igx_setup_rx_ring(dev, &qvs[i]->rx, rx_count);
		if (err)
			goto err_free;
	}
	return 0;

err_free:
	netdev_err(dev->netdev,
		   "cannot allocate %u rings of %u TX / %u RX descriptors: %d\n",
		   count, tx_count, rx_count, err);
	igx_free_rings(qvs, count);
	return err;
}
ALLOW_ERROR_INJECTION(igx_setup_rings, ERRNO);

/**
 * igx_clean_rings() - empty rings the hardware no longer owns
 * @qvs: the queue vectors whose rings to empty
 * @count: how many
 *
 * Unsent packets are dropped and receive buffers go back to their pools,
 * so that the rings can be started again from their first descriptor.
 * The hardware must have been reset and NAPI must be disabled.
 */
void igx_clean_rings(struct igx_q_vector **qvs, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		igx_clean_tx_ring(&qvs[i]->tx);
		igx_clean_rx_ring(&qvs[i]->rx);
	}
}

/**
 * igx_free_rings() - free everything igx_setup_rings() allocated
 * @qvs: the queue vectors whose rings to free
 * @count: how many
 *
 * The hardware must not be doing DMA for them and NAPI must be disabled.
 */
void igx_free_rings(struct igx_q_vector **qvs, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		igx_free_tx_ring(&qvs[i]->tx);
		igx_free_rx_ring(&qvs[i]->rx);
	}
}

/**
 * igx_ring_regs_init() - point a disabled queue at its ring, empty
 * @dev: the device
 * @ring: the ring
 * @base: the queue's register block (igx_rxq_reg() or igx_txq_reg() of
 *	  the queue, offset 0): the same layout on every family
 */
void igx_ring_regs_init(struct igx_dev *dev, const struct igx_ring *ring,
			u32 base)
{
	igx_wr32(dev, base + IGX_XQ_BAL, lower_32_bits(ring->dma));
	igx_wr32(dev, base + IGX_XQ_BAH, upper_32_bits(ring->dma));
	igx_wr32(dev, base + IGX_XQ_LEN, igx_ring_bytes(ring));
	igx_wr32(dev, base + IGX_XQ_HEAD, 0);
	igx_wr32(dev, base + IGX_XQ_TAIL, 0);
}

/**
 * igx_wait_queue_enable() - wait for a queue's enable bit to follow
 * @dev: the device
 * @reg: its RXDCTL or TXDCTL
 * @on: the state to wait for
 */
void igx_wait_queue_enable(struct igx_dev *dev, u32 reg, bool on)
{
	u32 val;

	if (test_bit(IGX_STATE_REMOVED, &dev->state))
		return;
	if (read_poll_timeout(igx_rd32, val,
			      !!(val & IGX_XDCTL_ENABLE) == on,
			      10, 10000, false, dev, reg))
		netdev_warn(dev->netdev, "queue control %#x did not %s\n",
			    reg, on ? "enable" : "disable");
}

/**
 * igx_configure_rings() - point the hardware at the rings and enable them
 * @dev: the device
 */
void igx_configure_rings(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_q_vectors; i++) {
		/* the queue starts empty: nothing is in flight for BQL */
		netdev_tx_reset_queue(netdev_get_tx_queue(dev->netdev, i));
		dev->family->configure_tx_ring(dev, &dev->q_vector[i]->tx);
		dev->family->configure_rx_ring(dev, &dev->q_vector[i]->rx);
	}
}

/**
 * igx_stop_rings() - disable every queue and wait until it stopped
 * @dev: the device
 */
void igx_stop_rings(struct igx_dev *dev)
{
	dev->family->stop_rings(dev);
}

static void igx_rx_refill(struct igx_ring *ring, gfp_t gfp)
{
	u16 todo = igx_ring_unused(ring);
	u16 ntu = ring->next_to_use;
	struct page *page;

	while (todo--) {
		page = page_pool_alloc_pages(ring->pp, gfp | __GFP_NOWARN);
		if (unlikely(!page)) {
			u64_stats_update_begin(&ring->stats.syncp);
			ring->stats.alloc_fail++;
			u64_stats_update_end(&ring->stats.syncp);
			break;
		}
		ring->rx_buf[ntu].page = page;
		ring->rx_desc[ntu].addr =
			cpu_to_le64(page_pool_get_dma_addr(page) +
				    IGX_RX_HEADROOM);
		/* clears the DD bit of the previous write-back */
		ring->rx_desc[ntu].hdr_or_status = 0;
		ntu = igx_ring_next(ring, ntu);
	}

	if (ntu == ring->next_to_use)
		return;
	ring->next_to_use = ntu;
	/* writel() orders the descriptor writes above before the doorbell */
	writel(ntu, ring->tail);
}

/**
 * igx_rx_refill_all() - give every RX ring its buffers (process context)
 * @dev: the device
 */
void igx_rx_refill_all(struct igx_dev *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_q_vectors; i++)
		igx_rx_refill(&dev->q_vector[i]->rx, GFP_KERNEL);
}

static bool igx_clean_tx(struct igx_ring *ring, int budget)
{
	unsigned int pkts = 0, bytes = 0;
	bool woken;
	u16 i = ring->next_to_clean;
	struct igx_tx_buf *first;
	u64 qw;
	u16 last;

	/* pairs with the release in igx_xmit_frame(): buffers below
	 * next_to_use are completely written
	 */
	while (i != smp_load_acquire(&ring->next_to_use)) {
		first = &ring->tx_buf[i];
		last = first->last;
		qw = le64_to_cpu(READ_ONCE(ring->tx_desc[last].cmd));
		if (!(qw & IGX_TXD_STA_DD))
			break;
		/* read nothing else of the packet before DD was seen */
		dma_rmb();

		pkts += first->segs;
		bytes += first->bytes;
		igx_unmap_tx_packet(ring, i, last);
		napi_consume_skb(first->skb, budget);
		first->skb = NULL;
		i = igx_ring_next(ring, last);
	}
	WRITE_ONCE(ring->next_to_clean, i);

	/* never wake a queue the interface is taking down */
	woken = !__netif_txq_completed_wake(netdev_get_tx_queue(ring->netdev,
								ring->qid),
					    pkts, bytes, igx_ring_unused(ring),
					    IGX_TX_WAKE_THRESH,
					    test_bit(IGX_STATE_DOWN,
						     &ring->q_vector->dev->state));
	if (pkts) {
		u64_stats_update_begin(&ring->stats.syncp);
		ring->stats.packets += pkts;
		ring->stats.bytes += bytes;
		ring->stats.wakes += woken;
		u64_stats_update_end(&ring->stats.syncp);
	}
	return true;
}

/* Counters of the xmit side: written under the TX queue lock, in
 * xstats, apart from those the NAPI poll writes in stats.  A drop may
 * leave earlier frames queued with xmit_more waiting for the doorbell.
 */
static void igx_tx_count_drop(struct igx_ring *ring)
{
	u64_stats_update_begin(&ring->xstats.syncp);
	ring->xstats.dropped++;
	u64_stats_update_end(&ring->xstats.syncp);
	if (!netdev_xmit_more())
		writel(ring->next_to_use, ring->tail);
}

static int igx_tx_csum(struct sk_buff *skb, struct igx_tx_offload *off)
{
	unsigned int maclen = skb_network_offset(skb);
	unsigned int iplen = skb_checksum_start_offset(skb) - maclen;
	u32 l4t;

	switch (skb->csum_offset) {
	case offsetof(struct tcphdr, check):
		l4t = IGX_TXC_L4T_TCP;
		break;
	case offsetof(struct udphdr, check):
		l4t = IGX_TXC_L4T_UDP;
		break;
	default:
		return skb_checksum_help(skb);
	}
	if (maclen > FIELD_MAX(IGX_TXC_MACLEN) ||
	    iplen > FIELD_MAX(IGX_TXC_IPLEN))
		return skb_checksum_help(skb);

	off->need_ctx = true;
	off->ctx_lo |= FIELD_PREP(IGX_TXC_MACLEN, maclen) |
		       FIELD_PREP(IGX_TXC_IPLEN, iplen);
	off->ctx_hi |= FIELD_PREP(IGX_TXC_TUCMD_L4T, l4t);
	if (vlan_get_protocol(skb) == htons(ETH_P_IP))
		off->ctx_hi |= IGX_TXC_TUCMD_IPV4;
	off->cmd |= IGX_TXD_POPTS_TXSM;
	return 0;
}

/**
 * igx_tso_prepare() - rewrite the headers of a TSO packet for the MAC
 * @skb: the packet, SKB_GSO_TCPV4 or SKB_GSO_TCPV6
 *
 * The MAC rewrites the IP length (and the IPv4 checksum) of every segment
 * and finishes a TCP checksum that software seeds with the pseudo header
 * *without* the length.  Both families work so.
 *
 * Return: 0 or a negative error.
 */
int igx_tso_prepare(struct sk_buff *skb)
{
	unsigned int l4off = skb_transport_offset(skb);
	int err;

	err = skb_cow_head(skb, 0);
	if (err)
		return err;

	if (vlan_get_protocol(skb) == htons(ETH_P_IP)) {
		struct iphdr *iph = ip_hdr(skb);

		iph->tot_len = 0;
		iph->check = 0;
	} else {
		ipv6_hdr(skb)->payload_len = 0;
	}
	/* the stack's seed includes the length: take it out again */
	csum_replace_by_diff(&tcp_hdr(skb)->check,
			     (__force __wsum)htonl(skb->len - l4off));
	return 0;
}

/* TCP segmentation with the advanced context descriptor */
static int igx_tso(struct sk_buff *skb, struct igx_tx_offload *off)
{
	unsigned int maclen = skb_network_offset(skb);
	unsigned int l4off = skb_transport_offset(skb);
	unsigned int l4len, segs;
	int err;

	if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
		return -EPROTONOSUPPORT;

	l4len = tcp_hdrlen(skb);
	if (maclen > FIELD_MAX(IGX_TXC_MACLEN) ||
	    l4off - maclen > FIELD_MAX(IGX_TXC_IPLEN) ||
	    l4len > FIELD_MAX(IGX_TXC_L4LEN))
		return -EINVAL;
	err = igx_tso_prepare(skb);
	if (err)
		return err;

	if (vlan_get_protocol(skb) == htons(ETH_P_IP)) {
		off->ctx_hi |= IGX_TXC_TUCMD_IPV4;
		off->cmd |= IGX_TXD_POPTS_IXSM;
	}

	segs = skb_shinfo(skb)->gso_segs;
	off->need_ctx = true;
	off->hdr_len = l4off + l4len;
	off->segs = segs;
	off->paylen = skb->len - off->hdr_len;
	off->ctx_lo |= FIELD_PREP(IGX_TXC_MACLEN, maclen) |
		       FIELD_PREP(IGX_TXC_IPLEN, l4off - maclen);
	off->ctx_hi |= FIELD_PREP(IGX_TXC_TUCMD_L4T, IGX_TXC_L4T_TCP) |
		       FIELD_PREP(IGX_TXC_L4LEN, l4len) |
		       FIELD_PREP(IGX_TXC_MSS, skb_shinfo(skb)->gso_size);
	off->cmd |= IGX_TXD_CMD_TSE | IGX_TXD_POPTS_TXSM;
	return 0;
}

/**
 * igx_tx_offload_build() - work out the descriptors' offload fields
 * @skb: the packet; headers may be rewritten for TSO
 * @off: filled in
 *
 * Return: 0, or a negative error when the packet must be dropped.
 */
int igx_tx_offload_build(struct sk_buff *skb, struct igx_tx_offload *off)
{
	memset(off, 0, sizeof(*off));
	off->segs = 1;
	off->paylen = skb->len;

	if (skb_vlan_tag_present(skb)) {
		off->need_ctx = true;
		off->ctx_lo |= FIELD_PREP(IGX_TXC_VLAN, skb_vlan_tag_get(skb));
		off->cmd |= IGX_TXD_CMD_VLE;
	}

	if (skb_is_gso(skb))
		return igx_tso(skb, off);
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		return igx_tx_csum(skb, off);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(igx_tx_offload_build);

VISIBLE_IF_KUNIT unsigned int igx_tx_desc_count(const struct igx_ring *ring,
						const struct sk_buff *skb)
{
	const struct skb_shared_info *sh = skb_shinfo(skb);
	unsigned int n, f;

	n = 1 + DIV_ROUND_UP(skb_headlen(skb), ring->tx_buf_max);
	for (f = 0; f < sh->nr_frags; f++)
		n += DIV_ROUND_UP(skb_frag_size(&sh->frags[f]),
				  ring->tx_buf_max);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(igx_tx_desc_count);

static void igx_tx_write_ctx(struct igx_ring *ring, u16 i,
			     const struct igx_tx_offload *off)
{
	struct igx_adv_tx_desc *desc = &ring->tx_desc[i];

	desc->addr = cpu_to_le64(off->ctx_lo);
	desc->cmd = cpu_to_le64(off->ctx_hi);
}

/*
 * Put one DMA-mapped buffer on the ring, split into descriptors of at most
 * the family's tx_buf_max bytes.  Returns the index of the last descriptor
 * used.
 */
VISIBLE_IF_KUNIT u16 igx_tx_write_buf(struct igx_ring *ring, u16 i,
				      dma_addr_t dma, unsigned int len, u64 cmd)
{
	unsigned int chunk;

	for (;;) {
		chunk = min_t(unsigned int, len, ring->tx_buf_max);
		ring->tx_desc[i].addr = cpu_to_le64(dma);
		ring->tx_desc[i].cmd = cpu_to_le64(cmd |
					FIELD_PREP(IGX_TXD_LEN, chunk));
		len -= chunk;
		if (!len)
			return i;
		dma += chunk;
		i = igx_ring_next(ring, i);
	}
}
EXPORT_SYMBOL_IF_KUNIT(igx_tx_write_buf);

/*
 * Map the linear part (@frag NULL) or a fragment of a TX skb.  Out of line
 * and injectable (fail_function) so that tests can make a mapping fail
 * before it is made, as an exhausted IOMMU would.
 */
static noinline int igx_tx_dma_map(struct igx_ring *ring, struct sk_buff *skb,
				   const skb_frag_t *frag, unsigned int len,
				   dma_addr_t *dma)
{
	if (frag)
		*dma = skb_frag_dma_map(ring->dev, frag, 0, len, DMA_TO_DEVICE);
	else
		*dma = dma_map_single(ring->dev, skb->data, len, DMA_TO_DEVICE);
	return dma_mapping_error(ring->dev, *dma) ? -ENOMEM : 0;
}
ALLOW_ERROR_INJECTION(igx_tx_dma_map, ERRNO);

static bool igx_tx_map(struct igx_ring *ring, struct sk_buff *skb,
		       u16 *pi, const skb_frag_t *frag, unsigned int len,
		       u64 cmd)
{
	struct igx_tx_buf *buf = &ring->tx_buf[*pi];
	dma_addr_t dma;

	if (igx_tx_dma_map(ring, skb, frag, len, &dma))
		return false;
	dma_unmap_addr_set(buf, dma, dma);
	dma_unmap_len_set(buf, len, len);
	buf->single = !frag;
	*pi = igx_tx_write_buf(ring, *pi, dma, len, cmd);
	return true;
}

/**
 * igx_xmit_prepare() - what every family's xmit does before its offloads
 * @skb: the packet
 * @netdev: the device
 * @ret: what the xmit returns when this returns NULL
 *
 * Pads runts and linearizes what has too many fragments.  Pad runts
 * here: the MAC would pad too, but then with whatever bytes follow in
 * memory; padding ourselves sends only zeros.  The checksum of such a
 * runt is done in software first: the pad must not count in the L4
 * length, and an offload engine that takes the length from the frame
 * (QEMU's does) would count it.
 *
 * Return: the packet's TX ring, or NULL when the packet was dropped or
 * the ring is full (*@ret says which).
 */
struct igx_ring *igx_xmit_prepare(struct sk_buff *skb,
				  struct net_device *netdev,
				  netdev_tx_t *ret)
{
	struct igx_dev *dev = netdev_priv(netdev);
	u16 qid = skb_get_queue_mapping(skb);
	struct igx_ring *ring = &dev->q_vector[qid]->tx;

	*ret = NETDEV_TX_OK;
	if (unlikely(skb->len < ETH_ZLEN)) {
		if (skb->ip_summed == CHECKSUM_PARTIAL &&
		    skb_checksum_help(skb))
			goto err_drop;
		if (eth_skb_pad(skb)) {
			/* it freed the skb */
			igx_xmit_drop(ring, NULL);
			return NULL;
		}
	}

	if (unlikely(igx_tx_desc_count(ring, skb) > IGX_TX_DESC_NEEDED) &&
	    skb_linearize(skb))
		goto err_drop;
	if (unlikely(igx_ring_unused(ring) < igx_tx_desc_count(ring, skb))) {
		/* the stop threshold below should make this impossible */
		netif_stop_subqueue(netdev, qid);
		writel(ring->next_to_use, ring->tail);
		*ret = NETDEV_TX_BUSY;
		return NULL;
	}
	return ring;

err_drop:
	igx_xmit_drop(ring, skb);
	return NULL;
}

/**
 * igx_xmit_drop() - free a packet the xmit path cannot send, count it
 * @ring: its TX ring
 * @skb: the packet, or NULL when it is freed already
 *
 * Return: NETDEV_TX_OK.
 */
netdev_tx_t igx_xmit_drop(struct igx_ring *ring, struct sk_buff *skb)
{
	dev_kfree_skb_any(skb);
	igx_tx_count_drop(ring);
	return NETDEV_TX_OK;
}

/**
 * igx_xmit_submit() - put a packet on its ring and ring the doorbell
 * @ring: the TX ring igx_xmit_prepare() returned
 * @skb: the packet
 * @off: its context descriptor words and the command bits of its data
 *	 descriptors, in the family's descriptor format
 *
 * Return: NETDEV_TX_OK.
 */
netdev_tx_t igx_xmit_submit(struct igx_ring *ring, struct sk_buff *skb,
			    const struct igx_tx_offload *off)
{
	struct net_device *netdev = ring->netdev;
	struct igx_tx_buf *first;
	struct netdev_queue *txq;
	unsigned int f, len;
	u16 i, head, ntu;
	skb_frag_t *frag;

	head = ring->next_to_use;
	first = &ring->tx_buf[head];
	i = head;
	if (off->need_ctx) {
		igx_tx_write_ctx(ring, i, off);
		i = igx_ring_next(ring, i);
	}

	len = skb_headlen(skb);
	if (!igx_tx_map(ring, skb, &i, NULL, len, off->cmd))
		goto err_unmap;

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		frag = &skb_shinfo(skb)->frags[f];
		len = skb_frag_size(frag);
		i = igx_ring_next(ring, i);
		if (!igx_tx_map(ring, skb, &i, frag, len, off->cmd))
			goto err_unmap;
	}
	ring->tx_desc[i].cmd |= cpu_to_le64(IGX_TXD_CMD_EOP | IGX_TXD_CMD_RS);
	/* last point before the doorbell where the skb is surely ours */
	skb_tx_timestamp(skb);

	first->skb = skb;
	first->last = i;
	first->segs = off->segs;
	first->bytes = skb->len + (off->segs - 1) * off->hdr_len;
	ntu = igx_ring_next(ring, i);
	/* the cleaner reads first->last only for slots below next_to_use */
	smp_store_release(&ring->next_to_use, ntu);

	txq = netdev_get_tx_queue(netdev, ring->qid);
	if (!netif_txq_maybe_stop(txq, igx_ring_unused(ring),
				  IGX_TX_DESC_NEEDED, IGX_TX_WAKE_THRESH)) {
		u64_stats_update_begin(&ring->xstats.syncp);
		ring->xstats.restarts++;
		u64_stats_update_end(&ring->xstats.syncp);
	}
	/* writel() orders the descriptor writes before the doorbell */
	if (__netdev_tx_sent_queue(txq, first->bytes, netdev_xmit_more()))
		writel(ntu, ring->tail);
	return NETDEV_TX_OK;

err_unmap:
	/* the descriptor that failed to map holds no mapping of its own */
	igx_unmap_tx_packet(ring, head, i);
	net_ratelimited_function(netdev_err, netdev, "TX DMA mapping failed\n");
	return igx_xmit_drop(ring, skb);
}

/**
 * igx_xmit_adv() - ndo_start_xmit with advanced descriptors (82576, I350)
 * @skb: the packet
 * @netdev: the device
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY if the ring is unexpectedly full.
 */
netdev_tx_t igx_xmit_adv(struct sk_buff *skb, struct net_device *netdev)
{
	struct igx_tx_offload off;
	struct igx_ring *ring;
	netdev_tx_t ret;

	ring = igx_xmit_prepare(skb, netdev, &ret);
	if (unlikely(!ring))
		return ret;
	if (igx_tx_offload_build(skb, &off))
		return igx_xmit_drop(ring, skb);

	off.ctx_hi |= IGX_TXD_CMD_DEXT |
		      FIELD_PREP(IGX_TXD_DTYP, IGX_TXD_DTYP_CTXT);
	off.cmd |= IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS |
		   FIELD_PREP(IGX_TXD_DTYP, IGX_TXD_DTYP_DATA) |
		   FIELD_PREP(IGX_TXD_PAYLEN, off.paylen);
	return igx_xmit_submit(ring, skb, &off);
}

/* Returns 1 for a good L4 checksum, -1 for a bad one, 0 when unchecked */
static int igx_rx_csum(struct igx_ring *ring, struct sk_buff *skb, u64 qw)
{
	skb_checksum_none_assert(skb);
	if (!(ring->netdev->features & NETIF_F_RXCSUM))
		return 0;

	if (qw & (IGX_RXD_WB_L4E | IGX_RXD_WB_IPE))
		return -1;
	if (qw & (IGX_RXD_WB_L4CS | IGX_RXD_WB_UDPCS)) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		return 1;
	}
	return 0;
}

static int igx_clean_rx(struct igx_ring *ring, int budget)
{
	struct napi_struct *napi = &ring->q_vector->napi;
	unsigned int pkts = 0, bytes = 0, dropped = 0, errors = 0;
	unsigned int alloc_fail = 0, csum_ok = 0, csum_err = 0;
	struct igx_adv_rx_desc *desc;
	int csum;
	u16 ntc = ring->next_to_clean;
	struct sk_buff *skb;
	struct page *page;
	unsigned int len;
	u64 qw;

	while (pkts < budget) {
		/* next_to_use is the one slot never given to the hardware:
		 * its descriptor holds a stale write-back
		 */
		if (unlikely(ntc == ring->next_to_use))
			break;
		desc = &ring->rx_desc[ntc];
		qw = le64_to_cpu(READ_ONCE(desc->hdr_or_status));
		if (!(qw & IGX_RXD_WB_DD))
			break;
		/* the rest of the descriptor and the buffer after DD */
		dma_rmb();

		len = FIELD_GET(IGX_RXD_WB_LEN, qw);
		page = ring->rx_buf[ntc].page;
		ring->rx_buf[ntc].page = NULL;
		ntc = igx_ring_next(ring, ntc);
		/* the offset is relative to the pool's, our headroom */
		page_pool_dma_sync_for_cpu(ring->pp, page, 0, len);

		skb = ring->skb;
		if (!skb) {
			skb = napi_build_skb(page_address(page),
					     IGX_RX_TRUESIZE);
			if (unlikely(!skb)) {
				page_pool_put_full_page(ring->pp, page, true);
				alloc_fail++;
				dropped++;
				/* a frame that spans descriptors is lost
				 * whole: mark the rest for discarding
				 */
				if (!(qw & IGX_RXD_WB_EOP))
					ring->skb = ERR_PTR(-ENOMEM);
				continue;
			}
			skb_mark_for_recycle(skb);
			skb_reserve(skb, IGX_RX_HEADROOM);
			__skb_put(skb, len);
		} else if (IS_ERR(skb) ||
			   skb_shinfo(skb)->nr_frags >= MAX_SKB_FRAGS) {
			/* discarding the rest of a frame already lost */
			page_pool_put_full_page(ring->pp, page, true);
			if (!IS_ERR(skb)) {
				napi_consume_skb(skb, budget);
				dropped++;
			}
			ring->skb = qw & IGX_RXD_WB_EOP ? NULL :
				    ERR_PTR(-EMSGSIZE);
			continue;
		} else {
			skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
					IGX_RX_HEADROOM, len, IGX_RX_TRUESIZE);
		}

		if (!(qw & IGX_RXD_WB_EOP)) {
			ring->skb = skb;
			continue;
		}
		ring->skb = NULL;

		if (unlikely(qw & IGX_RXD_WB_RXE)) {
			napi_consume_skb(skb, budget);
			errors++;
			continue;
		}

		csum = igx_rx_csum(ring, skb, qw);
		csum_ok += csum > 0;
		csum_err += csum < 0;
		igx_rx_hash(ring, skb, le64_to_cpu(desc->addr));
		if ((qw & IGX_RXD_WB_VP) &&
		    (ring->netdev->features & NETIF_F_HW_VLAN_CTAG_RX))
			__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
					       FIELD_GET(IGX_RXD_WB_VLAN, qw));
		bytes += skb->len;
		pkts++;
		skb->protocol = eth_type_trans(skb, ring->netdev);
		skb_record_rx_queue(skb, ring->qid);
		napi_gro_receive(napi, skb);
	}
	ring->next_to_clean = ntc;
	u64_stats_update_begin(&ring->stats.syncp);
	ring->stats.packets += pkts;
	ring->stats.bytes += bytes;
	ring->stats.dropped += dropped;
	ring->stats.errors += errors;
	ring->stats.alloc_fail += alloc_fail;
	ring->stats.csum_ok += csum_ok;
	ring->stats.csum_err += csum_err;
	u64_stats_update_end(&ring->stats.syncp);

	if (igx_ring_unused(ring) >= IGX_RX_REFILL_BATCH)
		igx_rx_refill(ring, GFP_ATOMIC);
	return pkts;
}

/**
 * igx_poll() - NAPI poll of one queue vector
 * @napi: the vector's NAPI context
 * @budget: RX frames we may process
 *
 * Return: RX frames processed, or @budget to be polled again.
 */
int igx_poll(struct napi_struct *napi, int budget)
{
	struct igx_q_vector *qv = container_of(napi, struct igx_q_vector,
					       napi);
	int work = 0;

	igx_clean_tx(&qv->tx, budget);
	if (budget)
		work = igx_clean_rx(&qv->rx, budget);
	if (work >= budget)
		return budget;

	if (napi_complete_done(napi, work)) {
		igx_dim_sample(qv);
		igx_update_itr(qv);
		igx_irq_vector_enable(qv);
	}
	return work;
}
