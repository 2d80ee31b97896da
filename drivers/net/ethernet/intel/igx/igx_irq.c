// SPDX-License-Identifier: GPL-2.0
/*
 * igx: interrupt modes, the vector map and interrupt moderation.
 *
 * Vector map in MSI-X mode: vector i (0 <= i < num_q_vectors) serves queue
 * pair i; the last vector serves the "other" causes (link state change).
 * Every vector is auto-cleared and auto-masked by the hardware when it
 * fires, and re-armed once its work is done by writing its bits to its
 * mask register: EIMS bit i on the 82576/I350, the queue pair's cause
 * bits in IMS on the 82574 (the family's msix_bits() says which).
 *
 * MSI and INTx use one vector for everything: causes are read from ICR,
 * queue causes are masked in IMS while NAPI runs and unmasked after.
 */
#include <linux/bitfield.h>
#include <linux/error-injection.h>
#include <linux/interrupt.h>

#include "igx.h"

/**
 * igx_max_queues() - queue pairs the MAC can serve with MSI-X
 * @dev: the device
 *
 * Return: the smaller of its queue pairs and its MSI-X vectors less the
 * one for the other causes.
 */
unsigned int igx_max_queues(struct igx_dev *dev)
{
	return min_t(unsigned int, dev->family->max_queues,
		     dev->family->max_msix - 1);
}

/*
 * Every MSI-X vector the MAC can use, or none.  Injectable, so that a
 * test can make MSI-X unavailable and watch the fallback to MSI.
 */
static noinline int igx_msix_alloc(struct igx_dev *dev)
{
	return pci_alloc_irq_vectors(dev->pdev, 2, igx_max_queues(dev) + 1,
				     PCI_IRQ_MSIX);
}
ALLOW_ERROR_INJECTION(igx_msix_alloc, ERRNO);

/**
 * igx_irq_init() - choose the interrupt mode and allocate its vectors
 * @dev: the device
 *
 * Tries MSI-X, then MSI, then INTx.  MSI-X gets every vector the MAC can
 * use at once (one per queue pair it can serve, plus the "other" one), so
 * that ethtool -L only requests and frees IRQs among them.  The queue
 * pairs in use are the ones asked for with ethtool -L, or by default one
 * per online CPU, as far as the vectors go.
 *
 * Return: 0 or a negative error.
 */
int igx_irq_init(struct igx_dev *dev)
{
	struct pci_dev *pdev = dev->pdev;
	unsigned int want;
	int got;

	want = dev->req_queues ?: min(num_online_cpus(), igx_max_queues(dev));

	got = -ENOSPC;
	if (!test_bit(IGX_PRIV_DISABLE_MSIX, &dev->priv_flags))
		got = igx_msix_alloc(dev);
	if (got > 0) {
		dev->irq_mode = IGX_IRQ_MSIX;
		dev->max_q_vectors = got - 1;
		dev->num_q_vectors = min_t(unsigned int, want, got - 1);
		dev->other_vector = got - 1;
		dev->family->msix_bits(dev, dev->other_vector, true,
				       &dev->irq_other);
		return 0;
	}

	got = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_INTX);
	if (got < 0) {
		dev_err(&pdev->dev, "no usable interrupt: %d\n", got);
		return got;
	}
	dev->irq_mode = pdev->msi_enabled ? IGX_IRQ_MSI : IGX_IRQ_INTX;
	dev->max_q_vectors = 1;
	dev->num_q_vectors = 1;
	dev->other_vector = 0;
	dev->irq_other = (struct igx_irq_bits){};
	return 0;
}
ALLOW_ERROR_INJECTION(igx_irq_init, ERRNO);

/**
 * igx_irq_deinit() - release what igx_irq_init() allocated
 * @dev: the device
 */
void igx_irq_deinit(struct igx_dev *dev)
{
	pci_free_irq_vectors(dev->pdev);
}

static irqreturn_t igx_msix_queue(int irq, void *data)
{
	struct igx_q_vector *qv = data;

	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}

static irqreturn_t igx_msix_other(int irq, void *data)
{
	struct igx_dev *dev = data;

	if (dev->family->other_ack(dev))
		igx_service_schedule(dev, 0);
	if (!test_bit(IGX_STATE_DOWN, &dev->state))
		igx_wr32(dev, dev->irq_other.mask_reg, dev->irq_other.bits);
	return IRQ_HANDLED;
}

static irqreturn_t igx_intr(int irq, void *data)
{
	struct igx_dev *dev = data;
	struct igx_q_vector *qv = dev->q_vector[0];
	u32 icr = igx_rd32(dev, IGX_ICR);

	/* A shared INTx line: only claim what this device raised */
	if (icr == ~0U ||
	    (dev->irq_mode == IGX_IRQ_INTX && !(icr & IGX_INT_ASSERTED)))
		return IRQ_NONE;

	if (icr & IGX_INT_LSC)
		igx_service_schedule(dev, 0);
	if (icr & IGX_INT_QUEUE_CAUSES) {
		igx_wr32(dev, IGX_IMC, IGX_INT_QUEUE_CAUSES);
		napi_schedule_irqoff(&qv->napi);
	}
	return IRQ_HANDLED;
}

static void igx_set_affinity(struct igx_dev *dev, int irq, unsigned int idx)
{
	int node = dev_to_node(&dev->pdev->dev);

	irq_update_affinity_hint(irq, cpumask_of(cpumask_local_spread(idx,
								      node)));
}

/**
 * igx_request_irqs() - request the IRQs of every vector
 * @dev: the device
 *
 * Return: 0 or a negative error; on error nothing stays requested.
 */
int igx_request_irqs(struct igx_dev *dev)
{
	struct net_device *netdev = dev->netdev;
	struct pci_dev *pdev = dev->pdev;
	struct igx_q_vector *qv;
	unsigned int i;
	int err, irq;

	if (dev->irq_mode != IGX_IRQ_MSIX) {
		qv = dev->q_vector[0];
		qv->irq = pci_irq_vector(pdev, 0);
		snprintf(qv->name, sizeof(qv->name), "%s", netdev->name);
		err = request_irq(qv->irq, igx_intr,
				  dev->irq_mode == IGX_IRQ_INTX ?
				  IRQF_SHARED : 0, qv->name, dev);
		if (err)
			goto err_log;
		netif_napi_set_irq(&qv->napi, qv->irq);
		return 0;
	}

	for (i = 0; i < dev->num_q_vectors; i++) {
		qv = dev->q_vector[i];
		qv->irq = pci_irq_vector(pdev, qv->v_idx);
		snprintf(qv->name, sizeof(qv->name), "%s-TxRx-%u",
			 netdev->name, i);
		err = request_irq(qv->irq, igx_msix_queue, 0, qv->name, qv);
		if (err)
			goto err_free_queues;
		igx_set_affinity(dev, qv->irq, i);
		netif_napi_set_irq(&qv->napi, qv->irq);
	}

	irq = pci_irq_vector(pdev, dev->other_vector);
	err = request_irq(irq, igx_msix_other, 0, netdev_name(netdev), dev);
	if (err)
		goto err_free_queues;
	return 0;

err_free_queues:
	while (i--) {
		qv = dev->q_vector[i];
		netif_napi_set_irq(&qv->napi, -1);
		irq_update_affinity_hint(qv->irq, NULL);
		free_irq(qv->irq, qv);
	}
err_log:
	netdev_err(netdev, "cannot request interrupts: %d\n", err);
	return err;
}
ALLOW_ERROR_INJECTION(igx_request_irqs, ERRNO);

/**
 * igx_free_irqs() - free what igx_request_irqs() requested
 * @dev: the device
 */
void igx_free_irqs(struct igx_dev *dev)
{
	struct igx_q_vector *qv;
	unsigned int i;

	if (dev->irq_mode != IGX_IRQ_MSIX) {
		qv = dev->q_vector[0];
		netif_napi_set_irq(&qv->napi, -1);
		free_irq(qv->irq, dev);
		return;
	}

	free_irq(pci_irq_vector(dev->pdev, dev->other_vector), dev);
	for (i = 0; i < dev->num_q_vectors; i++) {
		qv = dev->q_vector[i];
		netif_napi_set_irq(&qv->napi, -1);
		irq_update_affinity_hint(qv->irq, NULL);
		free_irq(qv->irq, qv);
	}
}

/**
 * igx_eitr_value() - the EITR register value for a throttle interval
 * @usecs: the interval in microseconds, 0 for no throttling
 *
 * Return: the value; an interval beyond the field's reach is clamped to
 * IGX_MAX_ITR_USECS rather than wrapped.
 */
u32 igx_eitr_value(u32 usecs)
{
	/* CNT_WDIS: leave the running countdown alone on this write */
	return FIELD_PREP(IGX_EITR_INTERVAL,
			  min_t(u32, usecs, IGX_MAX_ITR_USECS)) |
	       IGX_EITR_CNT_WDIS;
}
EXPORT_SYMBOL_IF_KUNIT(igx_eitr_value);

/**
 * igx_write_itr() - program a vector's interrupt throttle interval
 * @qv: the vector
 */
void igx_write_itr(struct igx_q_vector *qv)
{
	qv->dev->family->write_itr(qv);
}
EXPORT_SYMBOL_IF_KUNIT(igx_write_itr);

/**
 * igx_itr_usecs() - the interval a vector serving RX and TX needs
 * @c: the moderation settings
 * @rx_dim_usecs: what net DIM chose for RX (used when adaptive)
 * @tx_dim_usecs: what net DIM chose for TX (used when adaptive)
 * @rx_idle: the RX side is idle (see igx_dim_sample())
 * @tx_idle: the TX side is idle
 *
 * A fixed interval always counts.  An adaptive direction that moves no
 * packets has nobody waiting in it, and net DIM does not tune a direction
 * without traffic: left in, its interval would hold the vector there
 * however the busy direction is tuned (8 us under a TX-only flood).  It
 * is left out unless both are.
 *
 * Return: the shorter of the intervals of the directions that count.
 */
VISIBLE_IF_KUNIT u32 igx_itr_usecs(const struct igx_coal *c,
				   u32 rx_dim_usecs, u32 tx_dim_usecs,
				   bool rx_idle, bool tx_idle)
{
	bool rx_out = c->adaptive_rx && rx_idle;
	bool tx_out = c->adaptive_tx && tx_idle;
	u32 rx = c->adaptive_rx ? rx_dim_usecs : c->rx_usecs;
	u32 tx = c->adaptive_tx ? tx_dim_usecs : c->tx_usecs;

	if (rx_out && !tx_out)
		return tx;
	if (tx_out && !rx_out)
		return rx;
	return min(rx, tx);
}
EXPORT_SYMBOL_IF_KUNIT(igx_itr_usecs);

/**
 * igx_qv_itr_usecs() - the interval a vector should have now
 * @qv: the vector
 *
 * The vector serves RX and TX with one interval: the shorter of the two
 * wins, so neither direction waits longer than it was asked to (an idle
 * adaptive direction asks nothing, see igx_itr_usecs()).
 *
 * Return: the interval in microseconds, from the fixed settings or what
 * net DIM chose.
 */
u32 igx_qv_itr_usecs(const struct igx_q_vector *qv)
{
	return igx_itr_usecs(&qv->dev->coal, READ_ONCE(qv->rx_dim_usecs),
			     READ_ONCE(qv->tx_dim_usecs), READ_ONCE(qv->rx_idle),
			     READ_ONCE(qv->tx_idle));
}

/**
 * igx_update_itr() - program the interval a vector should have now
 * @qv: the vector
 *
 * Called by the vector's own NAPI poll before it re-arms the vector (what
 * net DIM decided, a direction gone idle or busy) and by ethtool -C, on
 * other CPUs: the interval is computed, compared and written under the
 * vector's itr_lock, so that EITR and @itr_usecs always agree and the last
 * writer wrote the current value.  The unlocked comparison first spares
 * the poll the lock when nothing changed.  Writes EITR only while the
 * port runs; igx_irq_configure() programs every vector when it starts.
 */
void igx_update_itr(struct igx_q_vector *qv)
{
	u32 usecs;

	if (igx_qv_itr_usecs(qv) == READ_ONCE(qv->itr_usecs))
		return;
	spin_lock_bh(&qv->itr_lock);
	usecs = igx_qv_itr_usecs(qv);
	if (usecs != qv->itr_usecs) {
		WRITE_ONCE(qv->itr_usecs, usecs);
		if (!test_bit(IGX_STATE_DOWN, &qv->dev->state))
			igx_write_itr(qv);
	}
	spin_unlock_bh(&qv->itr_lock);
}
EXPORT_SYMBOL_IF_KUNIT(igx_update_itr);

/*
 * Take what net DIM decided for one direction and measure again; the
 * vector's next poll programs it (igx_update_itr()).
 */
static void igx_dim_apply(struct dim *dim, u16 *usecs, struct dim_cq_moder m)
{
	WRITE_ONCE(*usecs, m.usec);
	dim->state = DIM_START_MEASURE;
}

static void igx_rx_dim_work(struct work_struct *work)
{
	struct dim *dim = container_of(work, struct dim, work);
	struct igx_q_vector *qv = container_of(dim, struct igx_q_vector,
					       rx_dim);

	igx_dim_apply(dim, &qv->rx_dim_usecs,
		      net_dim_get_rx_moderation(dim->mode, dim->profile_ix));
}

static void igx_tx_dim_work(struct work_struct *work)
{
	struct dim *dim = container_of(work, struct dim, work);
	struct igx_q_vector *qv = container_of(dim, struct igx_q_vector,
					       tx_dim);

	igx_dim_apply(dim, &qv->tx_dim_usecs,
		      net_dim_get_tx_moderation(dim->mode, dim->profile_ix));
}

/**
 * igx_dim_init() - prepare a vector's net DIM contexts
 * @qv: the vector
 */
void igx_dim_init(struct igx_q_vector *qv)
{
	struct dim_cq_moder rx, tx;

	INIT_WORK(&qv->rx_dim.work, igx_rx_dim_work);
	INIT_WORK(&qv->tx_dim.work, igx_tx_dim_work);
	qv->rx_dim.mode = DIM_CQ_PERIOD_MODE_START_FROM_EQE;
	qv->tx_dim.mode = DIM_CQ_PERIOD_MODE_START_FROM_EQE;
	rx = net_dim_get_def_rx_moderation(qv->rx_dim.mode);
	tx = net_dim_get_def_tx_moderation(qv->tx_dim.mode);
	qv->rx_dim_usecs = rx.usec;
	qv->tx_dim_usecs = tx.usec;
}

/**
 * igx_dim_sample() - feed net DIM after a completed poll
 * @qv: the vector
 *
 * Also tracks which direction is idle, for igx_itr_usecs(): a direction
 * is busy from the first poll that moves one of its packets, and idle
 * once a whole window of DIM_NEVENTS polls (as long as net DIM's) moved
 * none.  Called from the NAPI poll, the only writer of the ring
 * counters, so they are read without the u64_stats retry loop.
 */
void igx_dim_sample(struct igx_q_vector *qv)
{
	const struct igx_coal *c = &qv->dev->coal;
	bool rx_moved = qv->rx.stats.packets != qv->rx_mark;
	bool tx_moved = qv->tx.stats.packets != qv->tx_mark;
	struct dim_sample s;

	qv->dim_events++;
	if (!(qv->dim_events % DIM_NEVENTS)) {
		WRITE_ONCE(qv->rx_idle, !rx_moved);
		WRITE_ONCE(qv->tx_idle, !tx_moved);
		qv->rx_mark = qv->rx.stats.packets;
		qv->tx_mark = qv->tx.stats.packets;
	} else {
		if (rx_moved)
			WRITE_ONCE(qv->rx_idle, false);
		if (tx_moved)
			WRITE_ONCE(qv->tx_idle, false);
	}
	if (c->adaptive_rx) {
		dim_update_sample(qv->dim_events, qv->rx.stats.packets,
				  qv->rx.stats.bytes, &s);
		net_dim(&qv->rx_dim, s);
	}
	if (c->adaptive_tx) {
		dim_update_sample(qv->dim_events, qv->tx.stats.packets,
				  qv->tx.stats.bytes, &s);
		net_dim(&qv->tx_dim, s);
	}
}
EXPORT_SYMBOL_IF_KUNIT(igx_dim_sample);

/**
 * igx_dim_cancel() - wait for pending DIM work of a vector
 * @qv: the vector
 */
void igx_dim_cancel(struct igx_q_vector *qv)
{
	cancel_work_sync(&qv->rx_dim.work);
	cancel_work_sync(&qv->tx_dim.work);
}

/**
 * igx_irq_configure() - program the vector map after a reset
 * @dev: the device
 */
void igx_irq_configure(struct igx_dev *dev)
{
	unsigned int i;

	dev->family->irq_configure(dev);
	for (i = 0; i < dev->num_q_vectors; i++)
		igx_write_itr(dev->q_vector[i]);
}

/**
 * igx_irq_enable() - unmask every cause the driver handles
 * @dev: the device
 */
void igx_irq_enable(struct igx_dev *dev)
{
	dev->family->irq_enable(dev);
	igx_flush(dev);
}

/**
 * igx_irq_disable() - mask every cause and wait for running handlers
 * @dev: the device
 */
void igx_irq_disable(struct igx_dev *dev)
{
	unsigned int i;

	dev->family->irq_mask(dev);
	igx_flush(dev);

	for (i = 0; i < dev->num_q_vectors; i++)
		synchronize_irq(dev->q_vector[i]->irq);
	if (dev->irq_mode == IGX_IRQ_MSIX)
		synchronize_irq(pci_irq_vector(dev->pdev, dev->other_vector));
}

/**
 * igx_irq_vector_enable() - re-arm a vector after its NAPI poll completed
 * @qv: the vector
 */
void igx_irq_vector_enable(struct igx_q_vector *qv)
{
	struct igx_dev *dev = qv->dev;

	if (test_bit(IGX_STATE_DOWN, &dev->state))
		return;
	igx_wr32(dev, qv->irq_bits.mask_reg, qv->irq_bits.bits);
}

/**
 * igx_irq_kick() - raise a vector's interrupt from software
 * @qv: the vector
 *
 * Used to make NAPI run again, e.g. to retry RX buffer allocations.
 */
void igx_irq_kick(struct igx_q_vector *qv)
{
	igx_wr32(qv->dev, qv->irq_bits.set_reg, qv->irq_bits.bits);
}

/**
 * igx_irq_bits_init() - how a queue vector is unmasked and raised
 * @dev: the device, its interrupt mode chosen
 * @qv: the vector; v_idx is set
 */
void igx_irq_bits_init(struct igx_dev *dev, struct igx_q_vector *qv)
{
	if (dev->irq_mode == IGX_IRQ_MSIX) {
		dev->family->msix_bits(dev, qv->v_idx, false, &qv->irq_bits);
		return;
	}
	qv->irq_bits.mask_reg = IGX_IMS;
	qv->irq_bits.set_reg = IGX_ICS;
	qv->irq_bits.clear_reg = IGX_IMC;
	qv->irq_bits.cause_reg = IGX_ICR;
	qv->irq_bits.bits = IGX_INT_QUEUE_CAUSES;
}
