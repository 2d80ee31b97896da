/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igx: a driver for the Intel 82576 / I350 gigabit Ethernet controllers.
 *
 * This header holds the driver's state and the prototypes shared between
 * its files.  Hardware definitions live in igx_regs.h.
 */
#ifndef _IGX_H_
#define _IGX_H_

#include <linux/dim.h>
#include <linux/if_vlan.h>
#include <linux/mii.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <kunit/visibility.h>

#include "igx_regs.h"

#define IGX_DRV_NAME		"igx"

#define IGX_MAX_QUEUES		16
#define IGX_DEFAULT_RING	256
#define IGX_MIN_RING		64
#define IGX_MAX_RING		4096
/* RDLEN/TDLEN are multiples of 128 bytes: 8 descriptors */
#define IGX_RING_ALIGN		8
#define IGX_MIN_MTU		68
#define IGX_MAX_MTU		9216
/* Longest frame on the wire: the MTU, a header with two VLAN tags, FCS */
#define IGX_MAX_FRAME		(IGX_MAX_MTU + ETH_HLEN + 2 * VLAN_HLEN + \
				 ETH_FCS_LEN)
#define IGX_NUM_RAR		16

/*
 * Receive buffers: one page each.  The hardware writes at most
 * IGX_RX_BUF_LEN bytes after IGX_RX_HEADROOM, leaving room at the end of
 * the page for the skb_shared_info that build_skb() puts there.
 */
#define IGX_RX_HEADROOM		XDP_PACKET_HEADROOM
#define IGX_RX_BUF_LEN		3072
#define IGX_RX_TRUESIZE		PAGE_SIZE

/* Refill the RX ring once this many descriptors are free */
#define IGX_RX_REFILL_BATCH	16

/* Worst case descriptors for one skb: a context, a head and every frag,
 * each in the family's largest data descriptors (igx_family.tx_buf_max);
 * an skb that needs more is linearized first.
 */
#define IGX_TX_DESC_NEEDED	(MAX_SKB_FRAGS + 3)
#define IGX_TX_WAKE_THRESH	(2 * IGX_TX_DESC_NEEDED)

/* Interrupt throttle interval, microseconds: default and EITR's limit */
#define IGX_DEFAULT_ITR_USECS	50
#define IGX_MAX_ITR_USECS	8191

struct igx_dev;
struct igx_q_vector;
struct igx_ring;

/**
 * struct igx_hw_stats - the MAC's counters, accumulated in software
 *
 * Field names follow the registers (see igx_regs.h); every field is a
 * 64-bit running total since probe.
 */
struct igx_hw_stats {
	u64 crcerrs, algnerrc, symerrs, rxerrc, mpc;
	u64 scc, ecol, mcc, latecol, colc, dc, tncrs;
	u64 xonrxc, xontxc, xoffrxc, xofftxc, fcruc;
	u64 prc64, prc127, prc255, prc511, prc1023, prc1522;
	u64 gprc, bprc, mprc, gptc, gorc, gotc;
	u64 rnbc, ruc, rfc, roc, rjc;
	u64 tor, tot, tpr, tpt;
	u64 ptc64, ptc127, ptc255, ptc511, ptc1023, ptc1522;
	u64 mptc, bptc, tsctc, tsctfc, iac;
};

/**
 * struct igx_hw_counter - where one MAC counter is read from
 * @reg: its register (the low half for a 64-bit counter)
 * @offset: offset of its total in struct igx_hw_stats
 * @wide: a 64-bit counter in two registers
 */
struct igx_hw_counter {
	u32 reg;
	u16 offset;
	bool wide;
};

#define IGX_HW_CTR(r, f, w) \
	{ .reg = (r), .offset = offsetof(struct igx_hw_stats, f), .wide = (w) }

/**
 * struct igx_irq_bits - how to unmask and raise one interrupt vector
 * @mask_reg: register whose bits unmask it (EIMS, or IMS)
 * @set_reg: register whose bits raise its causes (EICS, or ICS)
 * @clear_reg: register whose bits mask it (EIMC, or IMC)
 * @cause_reg: register holding its causes, write one to clear (EICR, ICR)
 * @bits: its bits in all of them
 */
struct igx_irq_bits {
	u32 mask_reg;
	u32 set_reg;
	u32 clear_reg;
	u32 cause_reg;
	u32 bits;
};

/**
 * struct igx_st_reg - registers the offline self-test pattern-tests
 * @name: register name, for the log
 * @reg: offset of the first one
 * @count: how many
 * @stride: bytes between two of them
 * @mask: the bits the hardware implements (and QEMU stores)
 */
struct igx_st_reg {
	const char *name;
	u32 reg;
	u16 count;
	u16 stride;
	u32 mask;
};

/**
 * struct igx_reg_block - @count consecutive 32-bit registers from @reg
 * @reg: offset of the first
 * @count: how many
 */
struct igx_reg_block {
	u32 reg;
	u16 count;
};

#define IGX_REG(r)		{ .reg = (r), .count = 1 }
#define IGX_REG_ARRAY(r, n)	{ .reg = (r), .count = (n) }

/**
 * struct igx_regs_layout - what ethtool -d dumps (see igx_ethtool_hw.c)
 * @version: layout version, the dump's first word
 * @global: device registers
 * @n_global: number of blocks in @global
 * @queue: registers of queue 0; queue q's are q_stride * q further
 * @n_queue: number of registers in @queue
 * @n_queues: queues dumped (those not in use read as zero)
 */
struct igx_regs_layout {
	u32 version;
	const struct igx_reg_block *global;
	unsigned int n_global;
	const u32 *queue;
	unsigned int n_queue;
	unsigned int n_queues;
};

/**
 * struct igx_family - what differs between the controller families
 * @name: family name, as logged at probe
 * @max_queues: RX/TX queue pairs the MAC has
 * @max_msix: MSI-X vectors the function exposes
 * @max_mtu: largest MTU the MAC receives
 * @rx_buf_len: bytes the MAC writes to one RX buffer
 * @tx_buf_max: most bytes of a buffer one TX data descriptor carries
 * @rss_udp: the MAC can hash UDP ports
 * @reta_shift: where a queue number sits in a redirection table entry
 * @rxq_regs: offset of queue 0's RX register block (RDBAL)
 * @txq_regs: offset of queue 0's TX register block (TDBAL)
 * @q_stride: bytes between two queues' register blocks
 * @fcrtv: offset of the XOFF refresh timer register
 * @netdev_ops: net_device operations (their xmit writes this family's
 *		descriptors)
 * @reset: global reset and wait for it to complete
 * @nvm_lan_base: NVM word offset of this PCI function's LAN section
 * @mac_addr_fixup: adjust the NVM MAC address for this function, or NULL
 * @swfw_acquire: take the software/firmware semaphore of a resource
 *		  (IGX_SWFW_*) shared with the firmware
 * @swfw_release: give it back
 * @configure_mac: family-specific receive and transmit setup at open,
 *		   after the common one, or NULL
 * @set_max_frame: limit received frames to this many bytes, or NULL when
 *		   RCTL.LPE alone decides
 * @configure_tx_ring: point a TX queue at its ring and enable it
 * @configure_rx_ring: point an RX queue at its ring and enable it
 * @stop_rings: disable every queue in use and wait until they stopped
 * @rss_mrqc: the MRQC value: RSS on with the hash types configured
 * @irq_mask: mask every interrupt cause, without waiting for handlers
 * @irq_configure: program the vector map and the interrupt mode
 * @irq_enable: unmask what the driver handles in the current mode
 * @msix_bits: how to unmask and raise MSI-X vector @v (queue pair @v,
 *	       or the "other" causes when @other)
 * @other_ack: MSI-X "other" vector: acknowledge its causes; returns
 *	       whether the link may have changed
 * @write_itr: program a vector's throttle interval
 * @rx_pb_bytes: size of the RX packet buffer (flow control thresholds)
 * @fix_features: restrict the features to what the MAC can combine, or
 *		  NULL
 * @hw_counters: the MAC counters this family has
 * @n_hw_counters: their number
 * @tx_plain_cmd: second quad word of a data descriptor that sends one
 *		  buffer of @len bytes as it is (self-test), EOP/RS aside
 * @st_msix_setup: self-test: let each of the first @nvec MSI-X vectors
 *		   fire on its own causes, auto-cleared, not auto-masked
 * @st_regs: self-test: registers to pattern-test, besides the ones every
 *	family has (igx_selftest.c)
 * @n_st_regs: their number
 * @regs: the register dump's layout
 *
 * One const instance per family is chosen at probe from the PCI table.
 */
struct igx_family {
	const char *name;
	u16 max_queues;
	u16 max_msix;
	u16 max_mtu;
	u16 rx_buf_len;
	u16 tx_buf_max;
	bool rss_udp;
	u8 reta_shift;
	u32 rxq_regs;
	u32 txq_regs;
	u32 q_stride;
	u32 fcrtv;
	const struct net_device_ops *netdev_ops;
	int (*reset)(struct igx_dev *dev);
	u16 (*nvm_lan_base)(struct igx_dev *dev);
	void (*mac_addr_fixup)(struct igx_dev *dev, u8 *addr);
	int (*swfw_acquire)(struct igx_dev *dev, u32 mask);
	void (*swfw_release)(struct igx_dev *dev, u32 mask);
	void (*configure_mac)(struct igx_dev *dev);
	void (*set_max_frame)(struct igx_dev *dev, u32 frame);
	void (*configure_tx_ring)(struct igx_dev *dev, struct igx_ring *ring);
	void (*configure_rx_ring)(struct igx_dev *dev, struct igx_ring *ring);
	void (*stop_rings)(struct igx_dev *dev);
	u32 (*rss_mrqc)(struct igx_dev *dev);
	void (*irq_mask)(struct igx_dev *dev);
	void (*irq_configure)(struct igx_dev *dev);
	void (*irq_enable)(struct igx_dev *dev);
	void (*msix_bits)(struct igx_dev *dev, unsigned int v, bool other,
			  struct igx_irq_bits *bits);
	bool (*other_ack)(struct igx_dev *dev);
	void (*write_itr)(struct igx_q_vector *qv);
	u32 (*rx_pb_bytes)(struct igx_dev *dev);
	netdev_features_t (*fix_features)(netdev_features_t features);
	const struct igx_hw_counter *hw_counters;
	unsigned int n_hw_counters;
	u64 (*tx_plain_cmd)(unsigned int len);
	void (*st_msix_setup)(struct igx_dev *dev, unsigned int nvec);
	const struct igx_st_reg *st_regs;
	unsigned int n_st_regs;
	const struct igx_regs_layout *regs;
};

extern const struct igx_family igx_family_82576;
extern const struct igx_family igx_family_i350;
extern const struct igx_family igx_family_82574;
extern const struct net_device_ops igx_netdev_ops_adv;
extern const struct net_device_ops igx_netdev_ops_82574;
/* The MAC counters: every family has them at the same offsets */
#define IGX_N_HW_COUNTERS	49
extern const struct igx_hw_counter igx_hw_counters[IGX_N_HW_COUNTERS];

/**
 * struct igx_tx_buf - software state of one TX descriptor
 * @skb: the packet, on the first descriptor of a packet only
 * @dma: mapping to undo when the descriptor completes
 * @len: its length; 0 when this descriptor owns no mapping
 * @single: mapped with dma_map_single() (skb head), not as a page
 * @last: first descriptor only: index of the packet's last descriptor
 * @segs: first descriptor only: frames on the wire (TSO segments)
 * @bytes: first descriptor only: bytes on the wire, headers of every
 *	   segment included
 */
struct igx_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool single;
	u16 last;
	u16 segs;
	u32 bytes;
};

/**
 * struct igx_tx_offload - what a packet asks of the hardware
 * @ctx_lo: context descriptor, first quad word (lengths, VLAN)
 * @ctx_hi: context descriptor, second quad word (L3/L4 type, MSS, L4LEN)
 * @cmd: bits for every data descriptor of the packet (TSE, VLE, POPTS)
 * @paylen: PAYLEN of the data descriptors: L4 payload for TSO, else
 *	    the whole frame
 * @segs: frames the packet becomes on the wire
 * @hdr_len: TSO: bytes of headers repeated in each segment, else 0
 * @need_ctx: a context descriptor must precede the data descriptors
 */
struct igx_tx_offload {
	u64 ctx_lo;
	u64 ctx_hi;
	u64 cmd;
	u32 paylen;
	u16 segs;
	u16 hdr_len;
	bool need_ctx;
};

struct igx_rx_buf {
	struct page *page;
};

/**
 * struct igx_ring_stats - counters of one ring, updated by its NAPI poll
 * @packets: frames completed (TX) or handed to the stack (RX)
 * @bytes: their bytes, from the first byte of the Ethernet header
 * @restarts: TX: times the queue was stopped for lack of descriptors
 * @wakes: TX: times completions woke a stopped queue
 * @dropped: TX: frames freed without being sent;
 *	     RX: good frames the driver could not pass up (no memory)
 * @errors: RX: frames the MAC flagged as bad (RXE), dropped
 * @alloc_fail: RX: buffer allocations that failed (retried later)
 * @csum_err: RX: frames whose L3/L4 checksum the hardware found bad
 * @csum_ok: RX: frames passed up as CHECKSUM_UNNECESSARY
 * @syncp: guards 64-bit reads on 32-bit hosts
 */
struct igx_ring_stats {
	u64 packets;
	u64 bytes;
	u64 restarts;
	u64 wakes;
	u64 dropped;
	u64 errors;
	u64 alloc_fail;
	u64 csum_err;
	u64 csum_ok;
	struct u64_stats_sync syncp;
};

/**
 * struct igx_ring - one TX or RX descriptor ring
 * @q_vector: the vector whose NAPI poll cleans this ring
 * @netdev: owning net device
 * @dev: device used for DMA
 * @desc: the descriptor array (coherent DMA memory)
 * @dma: its bus address
 * @tail: doorbell (RDT/TDT)
 * @tx_buf: TX bookkeeping, one per descriptor
 * @rx_buf: RX bookkeeping, one per descriptor
 * @pp: RX page pool
 * @skb: RX frame being assembled across descriptors
 * @count: number of descriptors
 * @qid: queue index
 * @next_to_use: next descriptor software fills
 * @next_to_clean: next descriptor software expects the hardware to finish
 * @stats: counters written by the NAPI poll
 * @xstats: TX counters written by the xmit path (restarts, dropped)
 */
struct igx_ring {
	struct igx_q_vector *q_vector;
	struct net_device *netdev;
	struct device *dev;
	struct igx_adv_tx_desc *tx_desc;
	struct igx_adv_rx_desc *rx_desc;
	dma_addr_t dma;
	u8 __iomem *tail;
	union {
		struct igx_tx_buf *tx_buf;
		struct igx_rx_buf *rx_buf;
	};
	struct page_pool *pp;
	struct sk_buff *skb;
	u16 count;
	u16 qid;
	u16 next_to_use;
	u16 next_to_clean;
	u16 tx_buf_max;
	struct igx_ring_stats stats;
	struct igx_ring_stats xstats;
};

/**
 * struct igx_q_vector - an interrupt vector, its NAPI context and rings
 * @dev: the device
 * @napi: NAPI context polling @tx and @rx
 * @tx: the TX ring this vector cleans
 * @rx: the RX ring this vector cleans
 * @irq_bits: how to unmask and raise this vector's causes
 * @v_idx: vector index (MSI-X table entry, or 0)
 * @irq: Linux IRQ number
 * @itr_usecs: throttle interval programmed in EITR
 * @itr_lock: serializes igx_update_itr() (the poll and ethtool -C)
 * @rx_dim: net DIM state for RX (adaptive-rx)
 * @tx_dim: net DIM state for TX (adaptive-tx)
 * @rx_dim_usecs: interval DIM last chose for RX
 * @tx_dim_usecs: interval DIM last chose for TX
 * @dim_events: polls completed, DIM's event counter
 * @rx_idle: no packet received in the last whole window of DIM_NEVENTS
 *	polls, nor since
 * @tx_idle: the same for packets sent
 * @rx_mark: @rx's packet count when the current window began
 * @tx_mark: @tx's packet count when the current window began
 * @name: IRQ name as shown in /proc/interrupts
 */
struct igx_q_vector {
	struct igx_dev *dev;
	struct napi_struct napi;
	struct igx_ring tx;
	struct igx_ring rx;
	struct igx_irq_bits irq_bits;
	u16 v_idx;
	int irq;
	u32 itr_usecs;
	spinlock_t itr_lock;	/* see igx_update_itr() */
	struct dim rx_dim;
	struct dim tx_dim;
	u16 rx_dim_usecs;
	u16 tx_dim_usecs;
	u16 dim_events;
	bool rx_idle;
	bool tx_idle;
	u64 rx_mark;
	u64 tx_mark;
	char name[IFNAMSIZ + 16];
};

enum igx_irq_mode {
	IGX_IRQ_MSIX,
	IGX_IRQ_MSI,
	IGX_IRQ_INTX,
};

/**
 * struct igx_coal - interrupt moderation settings (ethtool -C)
 * @rx_usecs: RX interval when not adaptive; 0 = no throttling
 * @tx_usecs: TX interval when not adaptive
 * @adaptive_rx: net DIM picks the RX interval
 * @adaptive_tx: net DIM picks the TX interval
 *
 * One vector serves a queue pair with one EITR, so it is programmed with
 * the shorter of the RX and TX intervals, an idle adaptive one left out
 * (igx_itr_usecs()).
 */
struct igx_coal {
	u16 rx_usecs;
	u16 tx_usecs;
	bool adaptive_rx;
	bool adaptive_tx;
};

/**
 * struct igx_link_cfg - link settings asked for with ethtool -s
 * @autoneg: negotiate; otherwise force @speed and @duplex
 * @advertising: ADVERTISED_* modes offered when negotiating
 * @speed: forced speed, SPEED_10 or SPEED_100
 * @duplex: forced duplex, DUPLEX_HALF or DUPLEX_FULL
 */
struct igx_link_cfg {
	bool autoneg;
	u32 advertising;
	u32 speed;
	u8 duplex;
};

/* What the copper PHY may advertise: 1000BASE-T half duplex is left out */
#define IGX_ADVERTISED_ALL	(ADVERTISED_10baseT_Half | \
				 ADVERTISED_10baseT_Full | \
				 ADVERTISED_100baseT_Half | \
				 ADVERTISED_100baseT_Full | \
				 ADVERTISED_1000baseT_Full)

/**
 * struct igx_pause - flow control settings (ethtool -A)
 * @autoneg: resolve pause from the PHY advertisements at link up
 * @rx: act on received pause frames (CTRL.RFCE), or advertise so
 * @tx: send pause frames when the RX buffer fills (CTRL.TFCE), or
 *	advertise so
 */
struct igx_pause {
	bool autoneg;
	bool rx;
	bool tx;
};

enum igx_priv_flags {
	IGX_PRIV_DISABLE_MSIX,	/* use MSI (or INTx) even when MSI-X works */
	IGX_PRIV_NUM
};

enum igx_state_bits {
	IGX_STATE_DOWN,		/* interface is stopped or going down */
	IGX_STATE_RESET_REQ,	/* the service work must reset the device */
	IGX_STATE_REMOVED,	/* the device fell off the bus */
	IGX_STATE_NO_SERVICE,	/* not bound (yet): no service work */
	IGX_STATE_OPEN,		/* ndo_open succeeded, ndo_stop not yet run */
};

/**
 * struct igx_dev - per-port driver state (netdev_priv())
 * @netdev: the net device
 * @pdev: the PCI function
 * @hw_addr: BAR0 for register access, NULL once the device is gone
 * @bar0: BAR0 mapping, kept to unmap it
 * @family: per-family operations chosen at probe
 * @q_vector: queue vectors, @num_q_vectors of them while the port is up
 * @num_q_vectors: number of queue vectors (and queue pairs)
 * @max_q_vectors: queue vectors the interrupt mode's vectors allow
 * @irq_mode: how interrupts are delivered
 * @other_vector: MSI-X vector index of the link/other causes
 * @irq_other: how to unmask its causes
 * @state: IGX_STATE_* bits
 * @service_task: link handling, watchdog and reset
 * @stats_lock: serialises stats readers against rings going away
 * @base_rx: counters of RX rings that no longer exist
 * @base_tx: counters of TX rings that no longer exist
 * @hw_stats_lock: serialises reading the MAC counters into @hw_stats
 * @hw_stats: MAC counters accumulated since probe
 * @tx_timeouts: TX timeouts seen (each schedules a reset)
 * @resets: device resets done by the service work
 * @link_speed: speed in Mb/s while the link is up, else 0
 * @link_full_duplex: duplex while the link is up
 * @rx_ring_count: RX descriptors per ring for the next open
 * @tx_ring_count: TX descriptors per ring for the next open
 * @coal: interrupt moderation settings
 * @link_cfg: link settings (ethtool -s), applied at open
 * @pause: flow control settings, applied at open and at link up
 * @ledctl_saved: LEDCTL before ethtool -p started blinking
 * @priv_flags: IGX_PRIV_* bits (ethtool --set-priv-flags)
 * @req_queues: queue pairs asked for with ethtool -L, 0 for the default
 * @rss_key: Toeplitz key
 * @rss_reta: redirection table, queue per entry
 * @rss_udp4: hash UDP/IPv4 ports, not only addresses
 * @rss_udp6: hash UDP/IPv6 ports, not only addresses
 * @vlans: VLAN IDs the stack asked to receive (mirrors VFTA)
 * @mii: PHY access for the generic MII ethtool helpers
 * @msg_enable: netif_msg bitmap
 * @nvm_csum_ok: the NVM checksum was valid at probe
 * @perm_addr_random: the NVM MAC was unusable, a random one is in use
 */
struct igx_dev {
	struct net_device *netdev;
	struct pci_dev *pdev;
	u8 __iomem *hw_addr;
	u8 __iomem *bar0;
	const struct igx_family *family;

	struct igx_q_vector *q_vector[IGX_MAX_QUEUES];
	unsigned int num_q_vectors;
	unsigned int max_q_vectors;
	enum igx_irq_mode irq_mode;
	unsigned int other_vector;
	struct igx_irq_bits irq_other;

	unsigned long state;
	struct delayed_work service_task;

	/* protects base_rx/base_tx and q_vector[] against stats readers */
	spinlock_t stats_lock;
	struct igx_ring_stats base_rx;
	struct igx_ring_stats base_tx;
	/* protects hw_stats; taken by the service work, ethtool, stats64 */
	spinlock_t hw_stats_lock;
	struct igx_hw_stats hw_stats;
	u64 tx_timeouts;
	u64 resets;

	u32 link_speed;
	bool link_full_duplex;

	u16 rx_ring_count;
	u16 tx_ring_count;
	struct igx_coal coal;
	struct igx_link_cfg link_cfg;
	struct igx_pause pause;
	u32 ledctl_saved;
	unsigned long priv_flags;
	unsigned int req_queues;
	u8 rss_key[IGX_RSS_KEY_SIZE];
	u8 rss_reta[IGX_RETA_ENTRIES];
	bool rss_udp4;
	bool rss_udp6;
	unsigned long vlans[BITS_TO_LONGS(VLAN_N_VID)];
	struct mii_if_info mii;
	u32 msg_enable;
	bool nvm_csum_ok;
	bool perm_addr_random;
};

/* Bytes of a ring's descriptor array: RDLEN/TDLEN are multiples of 128 */
static inline size_t igx_ring_bytes(const struct igx_ring *ring)
{
	return ALIGN(ring->count * sizeof(struct igx_adv_rx_desc),
		     IGX_RING_LEN_ALIGN);
}

/* Offset of register @reg (IGX_XQ_*) of RX or TX queue @q */
static inline u32 igx_rxq_reg(const struct igx_dev *dev, u16 q, u32 reg)
{
	return dev->family->rxq_regs + q * dev->family->q_stride + reg;
}

static inline u32 igx_txq_reg(const struct igx_dev *dev, u16 q, u32 reg)
{
	return dev->family->txq_regs + q * dev->family->q_stride + reg;
}

/* The queue causes of MSI and INTx mode, in ICR/IMS */
#define IGX_INT_QUEUE_CAUSES	(IGX_INT_RXDW | IGX_INT_TXDW | IGX_INT_RXDMT0)

/* igx_hw.c: register access and generic MAC/PHY/NVM helpers */
u32 igx_rd32(struct igx_dev *dev, u32 reg);
void igx_wr32(struct igx_dev *dev, u32 reg, u32 val);
void igx_rmw32(struct igx_dev *dev, u32 reg, u32 clear, u32 set);
void igx_flush(struct igx_dev *dev);
int igx_hw_reset_common(struct igx_dev *dev);
int igx_nvm_read(struct igx_dev *dev, u16 word, u16 *data);
int igx_nvm_validate(struct igx_dev *dev);
int igx_nvm_read_mac(struct igx_dev *dev, u8 *addr);
int igx_phy_read(struct igx_dev *dev, u32 reg, u16 *val);
int igx_phy_write(struct igx_dev *dev, u32 reg, u16 val);
int igx_phy_autoneg(struct igx_dev *dev);
void igx_mii_init(struct igx_dev *dev);
void igx_mac_init(struct igx_dev *dev);
void igx_set_rar(struct igx_dev *dev, unsigned int idx, const u8 *addr);
bool igx_link_update(struct igx_dev *dev);

/* igx_txrx.c: rings, NAPI, datapath */
int igx_alloc_q_vectors(struct igx_dev *dev, struct igx_q_vector **qvs,
			unsigned int count);
void igx_free_q_vectors(struct igx_dev *dev, struct igx_q_vector **qvs,
			unsigned int count);
void igx_fold_ring_stats(struct igx_dev *dev, struct igx_q_vector *qv);
void igx_move_ring_stats(struct igx_q_vector *to, struct igx_q_vector *from);
int igx_setup_rings(struct igx_dev *dev, struct igx_q_vector **qvs,
		    unsigned int count, u16 tx_count, u16 rx_count);
void igx_clean_rings(struct igx_q_vector **qvs, unsigned int count);
void igx_free_rings(struct igx_q_vector **qvs, unsigned int count);
void igx_configure_rings(struct igx_dev *dev);
void igx_stop_rings(struct igx_dev *dev);
void igx_rx_refill_all(struct igx_dev *dev);
int igx_tx_offload_build(struct sk_buff *skb, struct igx_tx_offload *off);
int igx_tso_prepare(struct sk_buff *skb);
struct igx_ring *igx_xmit_prepare(struct sk_buff *skb,
				  struct net_device *netdev,
				  netdev_tx_t *ret);
netdev_tx_t igx_xmit_submit(struct igx_ring *ring, struct sk_buff *skb,
			    const struct igx_tx_offload *off);
netdev_tx_t igx_xmit_drop(struct igx_ring *ring, struct sk_buff *skb);
netdev_tx_t igx_xmit_adv(struct sk_buff *skb, struct net_device *netdev);
netdev_tx_t igx_82574_xmit(struct sk_buff *skb, struct net_device *netdev);
void igx_wait_queue_enable(struct igx_dev *dev, u32 reg, bool on);
void igx_ring_regs_init(struct igx_dev *dev, const struct igx_ring *ring,
			u32 base);
int igx_poll(struct napi_struct *napi, int budget);
void igx_ring_stats_read(const struct igx_ring_stats *s,
			 struct igx_ring_stats *sum);

/* igx_rss.c: receive-side scaling */
void igx_rss_init(struct igx_dev *dev);
void igx_rss_reta_default(struct igx_dev *dev);
bool igx_rss_reta_fits(struct igx_dev *dev);
void igx_rss_configure(struct igx_dev *dev);
void igx_rx_hash(struct igx_ring *ring, struct sk_buff *skb, u64 qw0);

/* igx_irq.c: interrupt modes, vector map, moderation */
int igx_irq_init(struct igx_dev *dev);
void igx_irq_deinit(struct igx_dev *dev);
int igx_request_irqs(struct igx_dev *dev);
void igx_free_irqs(struct igx_dev *dev);
void igx_irq_configure(struct igx_dev *dev);
void igx_irq_enable(struct igx_dev *dev);
void igx_irq_disable(struct igx_dev *dev);
void igx_irq_vector_enable(struct igx_q_vector *qv);
u32 igx_eitr_value(u32 usecs);
void igx_irq_kick(struct igx_q_vector *qv);
void igx_irq_bits_init(struct igx_dev *dev, struct igx_q_vector *qv);
void igx_write_itr(struct igx_q_vector *qv);
u32 igx_qv_itr_usecs(const struct igx_q_vector *qv);
void igx_update_itr(struct igx_q_vector *qv);
void igx_dim_init(struct igx_q_vector *qv);
void igx_dim_sample(struct igx_q_vector *qv);
void igx_dim_cancel(struct igx_q_vector *qv);

/* igx_netdev.c */
int igx_netdev_init(struct igx_dev *dev);
void igx_rctl_rmw(struct igx_dev *dev, u32 clear, u32 set);
int igx_open(struct net_device *netdev);
int igx_stop(struct net_device *netdev);
int igx_reconfigure_irqs(struct igx_dev *dev, unsigned long priv_flags);
int igx_set_queues(struct igx_dev *dev, unsigned int count, u16 tx_count,
		   u16 rx_count, struct netlink_ext_ack *extack);
unsigned int igx_max_queues(struct igx_dev *dev);
void igx_request_reset(struct igx_dev *dev);
void igx_service_schedule(struct igx_dev *dev, unsigned long delay);
void igx_service_task(struct work_struct *work);

/* igx_stats.c: MAC counters and the ethtool standard statistics */
void igx_hw_stats_update(struct igx_dev *dev);
void igx_hw_stats_read(struct igx_dev *dev, struct igx_hw_stats *hw);
void igx_hw_stats_fill64(struct igx_dev *dev,
			 struct rtnl_link_stats64 *stats);
void igx_get_eth_mac_stats(struct net_device *netdev,
			   struct ethtool_eth_mac_stats *mac);
void igx_get_eth_ctrl_stats(struct net_device *netdev,
			    struct ethtool_eth_ctrl_stats *ctrl);
void igx_get_pause_stats(struct net_device *netdev,
			 struct ethtool_pause_stats *pause);
void igx_get_rmon_stats(struct net_device *netdev,
			struct ethtool_rmon_stats *rmon,
			const struct ethtool_rmon_hist_range **ranges);

/* igx_ethtool_hw.c: ethtool operations that reach the hardware directly */
void igx_pause_init(struct igx_dev *dev);
u16 igx_pause_advert(struct igx_dev *dev);
void igx_pause_configure(struct igx_dev *dev);
void igx_pause_link_up(struct igx_dev *dev);
void igx_get_fw_version(struct igx_dev *dev, char *buf, size_t len);
int igx_get_regs_len(struct net_device *netdev);
void igx_get_regs(struct net_device *netdev, struct ethtool_regs *regs,
		  void *p);
int igx_get_eeprom_len(struct net_device *netdev);
int igx_get_eeprom(struct net_device *netdev, struct ethtool_eeprom *ee,
		   u8 *data);
int igx_set_eeprom(struct net_device *netdev, struct ethtool_eeprom *ee,
		   u8 *data);
int igx_set_phys_id(struct net_device *netdev,
		    enum ethtool_phys_id_state state);
void igx_get_pauseparam(struct net_device *netdev,
			struct ethtool_pauseparam *pause);
int igx_set_pauseparam(struct net_device *netdev,
		       struct ethtool_pauseparam *pause);
int igx_get_ts_info(struct net_device *netdev,
		    struct kernel_ethtool_ts_info *info);

/* igx_ethtool.c */
void igx_set_ethtool_ops(struct net_device *netdev);

/* igx_selftest.c: ethtool -t */
int igx_selftest_count(void);
void igx_selftest_strings(u8 **data);
void igx_self_test(struct net_device *netdev, struct ethtool_test *et,
		   u64 *data);

#if IS_ENABLED(CONFIG_KUNIT)
/* Static in a kernel without KUnit; exported for igx_kunit.c otherwise */
u32 igx_max_frame(unsigned int mtu);
void igx_set_rx_len(struct igx_dev *dev, unsigned int mtu);
u32 igx_itr_usecs(const struct igx_coal *c, u32 rx_dim_usecs,
		  u32 tx_dim_usecs, bool rx_idle, bool tx_idle);
int igx_82574_tx_offload(struct sk_buff *skb, struct igx_tx_offload *off);
unsigned int igx_tx_desc_count(const struct igx_ring *ring,
			       const struct sk_buff *skb);
u16 igx_tx_write_buf(struct igx_ring *ring, u16 i, dma_addr_t dma,
		     unsigned int len, u64 cmd);
#endif

#endif /* _IGX_H_ */
