// SPDX-License-Identifier: GPL-2.0
/*
 * igx: what is particular to the 82576 and the I350.
 *
 * Both use advanced descriptors, EICR-style MSI-X and the same reset; they
 * differ in how IVAR bytes map to queues and in how the NVM is split
 * between the LAN functions.
 */
#include <linux/bitfield.h>

#include "igx.h"

static unsigned int igx_func_id(struct igx_dev *dev)
{
	return FIELD_GET(IGX_STATUS_FUNC_ID, igx_rd32(dev, IGX_STATUS));
}

static void igx_ivar_set(struct igx_dev *dev, unsigned int reg,
			 unsigned int byte, unsigned int vector)
{
	u32 shift = byte * 8;

	igx_rmw32(dev, IGX_IVAR(reg), IGX_IVAR_ENTRY << shift,
		  (FIELD_PREP(IGX_IVAR_VECTOR, vector) | IGX_IVAR_VALID) <<
		  shift);
}

/* 82576: IVAR(n) holds RX n, TX n, RX n + 8, TX n + 8 */
static void igx_82576_map_queue(struct igx_dev *dev, unsigned int queue,
				unsigned int vector)
{
	unsigned int hi = queue >= 8 ? 2 : 0;

	igx_ivar_set(dev, queue & 7, hi, vector);
	igx_ivar_set(dev, queue & 7, hi + 1, vector);
}

/* I350: IVAR(n) holds RX 2n, TX 2n, RX 2n + 1, TX 2n + 1 */
static void igx_i350_map_queue(struct igx_dev *dev, unsigned int queue,
			       unsigned int vector)
{
	unsigned int odd = queue & 1 ? 2 : 0;

	igx_ivar_set(dev, queue >> 1, odd, vector);
	igx_ivar_set(dev, queue >> 1, odd + 1, vector);
}

static void igx_82576_map_other(struct igx_dev *dev, unsigned int vector)
{
	igx_wr32(dev, IGX_IVAR_MISC,
		 FIELD_PREP(IGX_IVAR_MISC_OTHER,
			    FIELD_PREP(IGX_IVAR_VECTOR, vector) |
			    IGX_IVAR_VALID));
}

/* The 82576 keeps one MAC address in the NVM for both ports */
static u16 igx_82576_nvm_lan_base(struct igx_dev *dev)
{
	return 0;
}

static void igx_82576_mac_addr_fixup(struct igx_dev *dev, u8 *addr)
{
	/* the second port uses the address with its lowest bit flipped */
	addr[ETH_ALEN - 1] ^= igx_func_id(dev) & 1;
}

static u16 igx_i350_nvm_lan_base(struct igx_dev *dev)
{
	static const u16 lan_base[] = {
		IGX_NVM_I350_LAN0, IGX_NVM_I350_LAN1,
		IGX_NVM_I350_LAN2, IGX_NVM_I350_LAN3,
	};

	return lan_base[igx_func_id(dev)];
}

/* The 82576 and the I350 count the same events at the same offsets */
static const struct igx_hw_counter igx_82576_counters[] = {
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
	IGX_HW_CTR(IGX_RLEC, rlec, false),
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

/* RXPBS holds the RX packet buffer size in KiB */
static u32 igx_82576_rx_pb_bytes(struct igx_dev *dev)
{
	return FIELD_GET(IGX_RXPBS_SIZE, igx_rd32(dev, IGX_RXPBS)) * SZ_1K;
}

/* The I350's RXPBS holds an index into a table of sizes (KiB) */
static u32 igx_i350_rx_pb_bytes(struct igx_dev *dev)
{
	static const u8 kib[] = { 36, 72, 144, 1, 2, 4, 8, 16, 35, 70, 140 };
	u32 idx = FIELD_GET(IGX_RXPBS_I350_IDX, igx_rd32(dev, IGX_RXPBS));

	return idx < ARRAY_SIZE(kib) ? kib[idx] * SZ_1K : 0;
}

const struct igx_family igx_family_82576 = {
	.name		= "82576",
	.max_queues	= 16,
	.max_msix	= 10,
	.reset		= igx_hw_reset_common,
	.nvm_lan_base	= igx_82576_nvm_lan_base,
	.mac_addr_fixup	= igx_82576_mac_addr_fixup,
	.map_queue	= igx_82576_map_queue,
	.map_other	= igx_82576_map_other,
	.rx_pb_bytes	= igx_82576_rx_pb_bytes,
	.hw_counters	= igx_82576_counters,
	.n_hw_counters	= ARRAY_SIZE(igx_82576_counters),
};
EXPORT_SYMBOL_IF_KUNIT(igx_family_82576);

const struct igx_family igx_family_i350 = {
	.name		= "I350",
	.max_queues	= 8,
	.max_msix	= 10,
	.reset		= igx_hw_reset_common,
	.nvm_lan_base	= igx_i350_nvm_lan_base,
	.map_queue	= igx_i350_map_queue,
	.map_other	= igx_82576_map_other,
	.rx_pb_bytes	= igx_i350_rx_pb_bytes,
	.hw_counters	= igx_82576_counters,
	.n_hw_counters	= ARRAY_SIZE(igx_82576_counters),
};
