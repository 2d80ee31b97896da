/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igx: hardware definitions for the Intel 82576 / I350 and 82574 gigabit
 * controllers.  Registers named IGX_82574_* exist on the 82574 only (or at
 * another offset there); the others are common, or 82576/I350 only where
 * their comment says so.
 *
 * Only facts about the hardware live here: register offsets, their fields,
 * descriptor layouts and PCI device IDs.  No code and no driver state.
 * Fields are masks for FIELD_PREP()/FIELD_GET(); enumerated field values
 * follow the mask they belong to.
 */
#ifndef _IGX_REGS_H_
#define _IGX_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

/* PCI device IDs (vendor 0x8086) */
#define IGX_DEV_ID_82576		0x10c9
#define IGX_DEV_ID_82576_FIBER		0x10e6
#define IGX_DEV_ID_82576_SERDES		0x10e7
#define IGX_DEV_ID_82576_QUAD_COPPER	0x10e8
#define IGX_DEV_ID_82576_QUAD_COPPER_ET2 0x1526
#define IGX_DEV_ID_82576_NS		0x150a
#define IGX_DEV_ID_82576_NS_SERDES	0x1518
#define IGX_DEV_ID_82576_SERDES_QUAD	0x150d
#define IGX_DEV_ID_I350_COPPER		0x1521
#define IGX_DEV_ID_I350_FIBER		0x1522
#define IGX_DEV_ID_I350_SERDES		0x1523
#define IGX_DEV_ID_I350_SGMII		0x1524
#define IGX_DEV_ID_82574L		0x10d3
#define IGX_DEV_ID_82574LA		0x10f6

/* ---- General control and status ---- */
#define IGX_CTRL			0x00000
#define   IGX_CTRL_FD			BIT(0)
#define   IGX_CTRL_GIO_MASTER_DISABLE	BIT(2)
#define   IGX_CTRL_SLU			BIT(6)
/* same encoding as STATUS.SPEED; applies with FRCSPD */
#define   IGX_CTRL_SPEED		GENMASK(9, 8)
#define   IGX_CTRL_FRCSPD		BIT(11)
#define   IGX_CTRL_FRCDPX		BIT(12)
#define   IGX_CTRL_RST			BIT(26)
#define   IGX_CTRL_RFCE			BIT(27)
#define   IGX_CTRL_TFCE			BIT(28)
#define   IGX_CTRL_VME			BIT(30)
#define   IGX_CTRL_PHY_RST		BIT(31)

#define IGX_STATUS			0x00008
#define   IGX_STATUS_FD			BIT(0)
#define   IGX_STATUS_LU			BIT(1)
#define   IGX_STATUS_FUNC_ID		GENMASK(3, 2)
#define   IGX_STATUS_SPEED		GENMASK(7, 6)
enum igx_status_speed {
	IGX_STATUS_SPEED_10		= 0,
	IGX_STATUS_SPEED_100		= 1,
	IGX_STATUS_SPEED_1000		= 2,
};

#define   IGX_STATUS_GIO_MASTER_EN	BIT(19)

#define IGX_EECD			0x00010
#define   IGX_EECD_PRES			BIT(8)
#define   IGX_EECD_AUTO_RD		BIT(9)
#define   IGX_EECD_SIZE			GENMASK(14, 11)	/* 2^(n + 6) words */
#define   IGX_EECD_SIZE_SHIFT_BASE	6

/* NVM read through the EEPROM Read register, one 16-bit word at a time */
#define IGX_EERD			0x00014
#define   IGX_EERD_START		BIT(0)
#define   IGX_EERD_DONE			BIT(1)
#define   IGX_EERD_ADDR			GENMASK(15, 2)
#define   IGX_EERD_DATA			GENMASK(31, 16)

#define IGX_CTRL_EXT			0x00018
#define   IGX_CTRL_EXT_PFRSTD		BIT(14)
#define   IGX_CTRL_EXT_DRV_LOAD		BIT(28)
/* 82574: clear the MSI-X pending bits when the cause is masked */
#define   IGX_CTRL_EXT_PBA_CLR		BIT(31)

/* PHY access through the MDI Control register */
#define IGX_MDIC			0x00020
#define   IGX_MDIC_DATA			GENMASK(15, 0)
#define   IGX_MDIC_REG			GENMASK(20, 16)
#define   IGX_MDIC_PHY			GENMASK(25, 21)
#define   IGX_MDIC_OP			GENMASK(27, 26)
enum igx_mdic_op {
	IGX_MDIC_OP_WRITE		= 1,
	IGX_MDIC_OP_READ		= 2,
};

#define   IGX_MDIC_READY		BIT(28)
#define   IGX_MDIC_ERROR		BIT(30)

/* Flow control: where received pause frames are recognised (802.3x) */
#define IGX_FCAL			0x00028	/* address, low 32 bits */
#define IGX_FCAH			0x0002c	/* address, high 16 bits */
#define   IGX_FCAH_ADDR			GENMASK(15, 0)
#define IGX_FCT				0x00030	/* EtherType */
#define   IGX_FCT_TYPE			GENMASK(15, 0)

#define IGX_VET				0x00038
#define   IGX_VET_VET			GENMASK(15, 0)

/* 82574: XOFF refresh (same field as 82576's FCRTV, another offset) */
#define IGX_82574_FCRTV			0x05f40

/* Pause time sent in XOFF frames, in 512 bit-time quanta */
#define IGX_FCTTV			0x00170
#define   IGX_FCTTV_TTV			GENMASK(15, 0)

/*
 * LED control: one byte per LED (LED0 in bits 7:0 ... LED3 in 31:24);
 * GLOBAL_BLINK_MODE exists only in LED0's byte.
 */
#define IGX_LEDCTL			0x00e00
#define   IGX_LEDCTL_LED0		GENMASK(7, 0)
#define   IGX_LEDCTL_LED1		GENMASK(15, 8)
#define   IGX_LEDCTL_LED2		GENMASK(23, 16)
#define   IGX_LEDCTL_LED3		GENMASK(31, 24)
/* fields of each LED's byte */
#define   IGX_LEDCTL_MODE		GENMASK(3, 0)
enum igx_ledctl_mode {
	IGX_LEDCTL_MODE_ON		= 0xe,
	IGX_LEDCTL_MODE_OFF		= 0xf,
};

#define   IGX_LEDCTL_GLOBAL_BLINK_MODE	BIT(5)
#define   IGX_LEDCTL_IVRT		BIT(6)
#define   IGX_LEDCTL_BLINK		BIT(7)

/* ---- Interrupt causes: legacy (MSI/INTx) and "other" causes ---- */
#define IGX_ICR				0x000c0
#define IGX_ICS				0x000c8
#define IGX_IMS				0x000d0
#define IGX_IMC				0x000d8
#define IGX_IAM				0x000e0
#define   IGX_INT_TXDW			BIT(0)
#define   IGX_INT_LSC			BIT(2)
#define   IGX_INT_RXDMT0		BIT(4)
#define   IGX_INT_RXDW			BIT(7)
#define   IGX_INT_DRSTA			BIT(30)
#define   IGX_INT_ASSERTED		BIT(31)
/* 82574 in MSI-X mode: one cause per queue and one for all the others */
#define   IGX_82574_INT_RXQ(q)		BIT(20 + (q))
#define   IGX_82574_INT_TXQ(q)		BIT(22 + (q))
#define   IGX_82574_INT_OTHER		BIT(24)
#define   IGX_82574_INT_QUEUES		GENMASK(23, 20)

/* 82574: interrupt throttling, 256 ns units; ITR for MSI/INTx */
#define IGX_82574_ITR			0x000c4
#define IGX_82574_EITR(v)		(0x000e8 + 4 * (v))
#define   IGX_82574_ITR_INTERVAL	GENMASK(15, 0)
#define IGX_82574_ITR_NS		256
/* 82574: ICR bits cleared when their MSI-X message is sent (auto-clear;
 * with CTRL_EXT.IAME clear they are masked in IMS as well)
 */
#define IGX_82574_EIAC			0x000dc
/*
 * 82574: MSI-X vector of each cause, a 4-bit entry each (vector in bits
 * 2:0, valid in bit 3): RXQ0, RXQ1, TXQ0, TXQ1, OTHER from bit 0 up
 */
#define IGX_82574_IVAR			0x000e4
#define   IGX_82574_IVAR_VECTOR		GENMASK(2, 0)
#define   IGX_82574_IVAR_VALID		BIT(3)
#define   IGX_82574_IVAR_ENTRY		GENMASK(3, 0)
enum igx_82574_ivar_slot {
	IGX_82574_IVAR_RXQ0		= 0,
	IGX_82574_IVAR_RXQ1		= 1,
	IGX_82574_IVAR_TXQ0		= 2,
	IGX_82574_IVAR_TXQ1		= 3,
	IGX_82574_IVAR_OTHER		= 4,
};

#define IGX_82574_IVAR_SLOT_BITS	4
#define IGX_82574_MSIX_VECTORS		5

/* 82574: software ownership of the PHY and the NVM (no SW_FW_SYNC) */
#define IGX_82574_EXTCNF_CTRL		0x00f00
#define   IGX_82574_EXTCNF_SWFLAG	BIT(5)

/* 82574: packet buffer allocation, KiB; RX in the low half */
#define IGX_82574_PBA			0x01000
#define   IGX_82574_PBA_RX		GENMASK(15, 0)

/* ---- Receive and transmit control ---- */
#define IGX_RCTL			0x00100
#define   IGX_RCTL_EN			BIT(1)
#define   IGX_RCTL_SBP			BIT(2)
#define   IGX_RCTL_UPE			BIT(3)
#define   IGX_RCTL_MPE			BIT(4)
#define   IGX_RCTL_LPE			BIT(5)
#define   IGX_RCTL_LBM			GENMASK(7, 6)
enum igx_rctl_lbm {
	IGX_RCTL_LBM_NONE		= 0,
	IGX_RCTL_LBM_MAC		= 1,
};

#define   IGX_RCTL_MO			GENMASK(13, 12)
#define   IGX_RCTL_BAM			BIT(15)
/* 82574: receive buffer size (with BSEX clear: 2048 >> BSIZE) */
#define   IGX_82574_RCTL_BSIZE		GENMASK(17, 16)
#define   IGX_82574_RCTL_BSIZE_2048	0
#define   IGX_RCTL_VFE			BIT(18)
#define   IGX_RCTL_DPF			BIT(22)
#define   IGX_RCTL_PMCF			BIT(23)
#define   IGX_82574_RCTL_BSEX		BIT(25)
#define   IGX_RCTL_SECRC		BIT(26)

#define IGX_TCTL			0x00400
#define   IGX_TCTL_EN			BIT(1)
#define   IGX_TCTL_PSP			BIT(3)
#define   IGX_TCTL_CT			GENMASK(11, 4)
#define   IGX_TCTL_COLD			GENMASK(21, 12)
#define   IGX_TCTL_RTLC			BIT(24)

#define IGX_TIPG			0x00410
#define   IGX_TIPG_IPGT			GENMASK(9, 0)
#define   IGX_TIPG_IPGR1		GENMASK(19, 10)
#define   IGX_TIPG_IPGR2		GENMASK(29, 20)

/*
 * ---- Receive packet buffer and its flow control thresholds; the
 * threshold fields hold a byte count, 16 byte aligned ----
 */
#define IGX_FCRTL			0x02160	/* XON: fill fell below */
#define   IGX_FCRTL_RTL			GENMASK(16, 4)
#define   IGX_FCRTL_XONE		BIT(31)
#define IGX_FCRTH			0x02168	/* XOFF: fill rose above */
#define   IGX_FCRTH_RTH			GENMASK(16, 4)
#define IGX_RXPBS			0x02404
#define   IGX_RXPBS_SIZE		GENMASK(6, 0)	/* 82576: KiB */
#define   IGX_RXPBS_I350_IDX		GENMASK(3, 0)	/* I350: size index */
/* XOFF is sent again this long (quanta) after the last one */
#define IGX_FCRTV			0x02460
#define   IGX_FCRTV_FCRTV		GENMASK(15, 0)

/* ---- Extended interrupts: one EICR bit per MSI-X vector ---- */
#define IGX_GPIE			0x01514
#define   IGX_GPIE_NSICR		BIT(0)
#define   IGX_GPIE_MULTIPLE_MSIX	BIT(4)
#define   IGX_GPIE_EIAME		BIT(30)
#define   IGX_GPIE_PBA			BIT(31)

#define IGX_EICS			0x01520
#define IGX_EIMS			0x01524
#define IGX_EIMC			0x01528
#define IGX_EIAC			0x0152c
#define IGX_EIAM			0x01530
#define IGX_EICR			0x01580

/* Interrupt throttle per vector; the interval counts microseconds */
#define IGX_EITR(v)			(0x01680 + 4 * (v))
#define   IGX_EITR_INTERVAL		GENMASK(14, 2)
#define   IGX_EITR_CNT_WDIS		BIT(31)

/*
 * Interrupt vector allocation: each byte of an IVAR register routes one
 * queue cause to an MSI-X vector.  Which queue sits in which byte differs
 * between the 82576 and the I350 (see igx_mac_82576.c).
 */
#define IGX_IVAR(n)			(0x01700 + 4 * (n))
#define IGX_IVAR_MISC			0x01740
#define   IGX_IVAR_VECTOR		GENMASK(4, 0)
#define   IGX_IVAR_VALID		BIT(7)
#define   IGX_IVAR_ENTRY		GENMASK(7, 0)
#define   IGX_IVAR_MISC_OTHER		GENMASK(15, 8)

/* ---- Software/firmware synchronisation ---- */
#define IGX_SWSM			0x05b50
#define   IGX_SWSM_SMBI			BIT(0)
#define   IGX_SWSM_SWESMBI		BIT(1)
#define IGX_SW_FW_SYNC			0x05b5c
#define   IGX_SW_FW_SYNC_SW		GENMASK(15, 0)
#define   IGX_SW_FW_SYNC_FW		GENMASK(31, 16)
/* resources in the SW half; the FW half has the same bits shifted by 16 */
#define   IGX_SWFW_EEP			BIT(0)
#define   IGX_SWFW_PHY0			BIT(1)
#define   IGX_SWFW_PHY1			BIT(2)
#define   IGX_SWFW_PHY2			BIT(5)
#define   IGX_SWFW_PHY3			BIT(6)

/* ---- Receive filtering and offloads ---- */
#define IGX_RXCSUM			0x05000
#define   IGX_RXCSUM_IPOFL		BIT(8)
#define   IGX_RXCSUM_TUOFL		BIT(9)
#define   IGX_RXCSUM_CRCOFL		BIT(11)
#define   IGX_RXCSUM_PCSD		BIT(13)

/* 82574: receive filter control; EXTEN selects extended descriptors */
#define IGX_82574_RFCTL			0x05008
#define   IGX_82574_RFCTL_ACK_DIS	BIT(12)	/* no ICR.ACK per TCP ACK */
#define   IGX_82574_RFCTL_EXTEN		BIT(15)

/* Long packet maximum length, used when RCTL.LPE is set (82576/I350) */
#define IGX_RLPML			0x05004
#define   IGX_RLPML_LEN			GENMASK(13, 0)

#define IGX_MTA(n)			(0x05200 + 4 * (n))
#define IGX_MTA_NUM			128

/* Receive address registers; the first 16 (more at 0x54e0 for VMDq) */
#define IGX_RAL(n)			(0x05400 + 8 * (n))
#define IGX_RAH(n)			(0x05404 + 8 * (n))
#define   IGX_RAH_ADDR			GENMASK(15, 0)
#define   IGX_RAH_POOL			GENMASK(25, 18)
#define   IGX_RAH_AV			BIT(31)

#define IGX_VFTA(n)			(0x05600 + 4 * (n))
#define IGX_VFTA_NUM			128

/* Multiple receive queues: RSS */
#define IGX_MRQC			0x05818
#define   IGX_MRQC_MRQE			GENMASK(2, 0)
enum igx_mrqc_mrqe {
	IGX_MRQC_MRQE_NONE		= 0,
	IGX_MRQC_MRQE_RSS		= 2,
};

#define   IGX_MRQC_TCP_IPV4		BIT(16)
#define   IGX_MRQC_IPV4			BIT(17)
#define   IGX_MRQC_TCP_IPV6_EX		BIT(18)
#define   IGX_MRQC_IPV6_EX		BIT(19)
#define   IGX_MRQC_IPV6			BIT(20)
#define   IGX_MRQC_TCP_IPV6		BIT(21)
#define   IGX_MRQC_UDP_IPV4		BIT(22)
#define   IGX_MRQC_UDP_IPV6		BIT(23)
#define   IGX_MRQC_UDP_IPV6_EX		BIT(24)
/* 82574: MRQE is two bits wide and 01b enables RSS; no UDP hash types */
#define   IGX_82574_MRQC_MRQE		GENMASK(1, 0)
#define   IGX_82574_MRQC_MRQE_RSS	1

/* Redirection table: 128 one-byte entries, four per register */
#define IGX_RETA(n)			(0x05c00 + 4 * (n))
#define IGX_RETA_ENTRIES		128
/* 82574: an entry's bit 7 picks the queue (two queues) */
#define   IGX_82574_RETA_QUEUE		BIT(7)
/* Toeplitz key: 40 bytes, four per register, first byte lowest */
#define IGX_RSSRK(n)			(0x05c80 + 4 * (n))
#define IGX_RSS_KEY_SIZE		40

/* ---- Per-queue receive registers ---- */
#define IGX_RDBAL(q)			(0x0c000 + 0x40 * (q))
#define IGX_RDBAH(q)			(0x0c004 + 0x40 * (q))
#define IGX_RDLEN(q)			(0x0c008 + 0x40 * (q))
#define IGX_SRRCTL(q)			(0x0c00c + 0x40 * (q))
#define   IGX_SRRCTL_BSIZEPKT		GENMASK(6, 0)	/* 1 KiB units */
#define   IGX_SRRCTL_BSIZEHDR		GENMASK(11, 8)	/* 64 byte units */
#define   IGX_SRRCTL_DESCTYPE		GENMASK(27, 25)
enum igx_srrctl_desctype {
	IGX_SRRCTL_DESCTYPE_ADV_ONEBUF	= 1,
};

#define   IGX_SRRCTL_DROP_EN		BIT(31)
#define IGX_RDH(q)			(0x0c010 + 0x40 * (q))
#define IGX_RDT(q)			(0x0c018 + 0x40 * (q))
#define IGX_RXDCTL(q)			(0x0c028 + 0x40 * (q))
#define   IGX_XDCTL_PTHRESH		GENMASK(4, 0)
#define   IGX_XDCTL_HTHRESH		GENMASK(12, 8)
#define   IGX_XDCTL_WTHRESH		GENMASK(20, 16)
#define   IGX_XDCTL_ENABLE		BIT(25)
#define   IGX_XDCTL_SWFLUSH		BIT(26)
#define IGX_RQDPC(q)			(0x0c030 + 0x40 * (q))

/* ---- Per-queue transmit registers ---- */
#define IGX_TDBAL(q)			(0x0e000 + 0x40 * (q))
#define IGX_TDBAH(q)			(0x0e004 + 0x40 * (q))
#define IGX_TDLEN(q)			(0x0e008 + 0x40 * (q))
#define IGX_TDH(q)			(0x0e010 + 0x40 * (q))
#define IGX_TDT(q)			(0x0e018 + 0x40 * (q))
#define IGX_TXDCTL(q)			(0x0e028 + 0x40 * (q))

/*
 * 82574: the two queues' registers sit in the legacy blocks, 0x100 apart,
 * in the same order as above (BAL, BAH, LEN, head, tail, DCTL).  The
 * 82574's RXDCTL/TXDCTL have no enable bit: RCTL.EN and TCTL.EN with
 * TARC.ENABLE start the queues.
 */
#define IGX_82574_RDBAL(q)		(0x02800 + 0x100 * (q))
#define IGX_82574_RDBAH(q)		(0x02804 + 0x100 * (q))
#define IGX_82574_RDLEN(q)		(0x02808 + 0x100 * (q))
#define IGX_82574_RDH(q)		(0x02810 + 0x100 * (q))
#define IGX_82574_RDT(q)		(0x02818 + 0x100 * (q))
#define IGX_82574_RXDCTL(q)		(0x02828 + 0x100 * (q))
#define IGX_82574_TDBAL(q)		(0x03800 + 0x100 * (q))
#define IGX_82574_TDBAH(q)		(0x03804 + 0x100 * (q))
#define IGX_82574_TDLEN(q)		(0x03808 + 0x100 * (q))
#define IGX_82574_TDH(q)		(0x03810 + 0x100 * (q))
#define IGX_82574_TDT(q)		(0x03818 + 0x100 * (q))
#define IGX_82574_TXDCTL(q)		(0x03828 + 0x100 * (q))
#define   IGX_82574_XDCTL_PTHRESH	GENMASK(5, 0)
#define   IGX_82574_XDCTL_HTHRESH	GENMASK(13, 8)
#define   IGX_82574_XDCTL_WTHRESH	GENMASK(21, 16)
/* thresholds count descriptors, not cache lines */
#define   IGX_82574_XDCTL_GRAN		BIT(24)
#define IGX_82574_TARC(q)		(0x03840 + 0x100 * (q))
#define   IGX_82574_TARC_ENABLE		BIT(10)

/*
 * Registers of one queue, relative to its block (RDBAL(q) or TDBAL(q)):
 * the same layout in both families
 */
#define IGX_XQ_BAL			0x00
#define IGX_XQ_BAH			0x04
#define IGX_XQ_LEN			0x08
#define IGX_XQ_HEAD			0x10
#define IGX_XQ_TAIL			0x18
#define IGX_XQ_DCTL			0x28

/* Ring length registers take bytes, in multiples of 128 */
#define IGX_RING_LEN_ALIGN		128
/* RDBAL/TDBAL: the low bits of a ring's base are always zero */
#define   IGX_XDBAL_ADDR		GENMASK(31, 7)
/* RDLEN/TDLEN: the bits that hold the length */
#define   IGX_XDLEN_LEN			GENMASK(19, 4)

/*
 * ---- Statistics: clear on read; 64-bit counters as low/high pairs,
 * the low half read first ----
 */
#define IGX_CRCERRS			0x04000	/* CRC errors */
#define IGX_ALGNERRC			0x04004	/* alignment errors */
#define IGX_SYMERRS			0x04008	/* symbol errors */
#define IGX_RXERRC			0x0400c	/* RX errors (PHY) */
#define IGX_MPC				0x04010	/* missed: RX FIFO full */
#define IGX_SCC				0x04014	/* single collision */
#define IGX_ECOL			0x04018	/* excessive collisions */
#define IGX_MCC				0x0401c	/* multiple collisions */
#define IGX_LATECOL			0x04020	/* late collisions */
#define IGX_COLC			0x04028	/* collisions */
#define IGX_DC				0x04030	/* deferred */
#define IGX_TNCRS			0x04034	/* TX with no carrier sense */
#define IGX_RLEC			0x04040	/* RX length errors */
#define IGX_XONRXC			0x04048
#define IGX_XONTXC			0x0404c
#define IGX_XOFFRXC			0x04050
#define IGX_XOFFTXC			0x04054
#define IGX_FCRUC			0x04058	/* unsupported flow control */
#define IGX_PRC64			0x0405c	/* RX size histogram ... */
#define IGX_PRC127			0x04060
#define IGX_PRC255			0x04064
#define IGX_PRC511			0x04068
#define IGX_PRC1023			0x0406c
#define IGX_PRC1522			0x04070	/* ... up to 1522 bytes */
#define IGX_GPRC			0x04074	/* good packets received */
#define IGX_BPRC			0x04078	/* broadcast received */
#define IGX_MPRC			0x0407c	/* multicast received */
#define IGX_GPTC			0x04080	/* good packets sent */
#define IGX_GORCL			0x04088	/* good octets received */
#define IGX_GOTCL			0x04090	/* good octets sent */
#define IGX_RNBC			0x040a0	/* RX with no descriptors */
#define IGX_RUC				0x040a4	/* undersize (runts) */
#define IGX_RFC				0x040a8	/* fragments */
#define IGX_ROC				0x040ac	/* oversize */
#define IGX_RJC				0x040b0	/* jabbers */
#define IGX_TORL			0x040c0	/* total octets received */
#define IGX_TOTL			0x040c8	/* total octets sent */
#define IGX_TPR				0x040d0	/* total packets received */
#define IGX_TPT				0x040d4	/* total packets sent */
#define IGX_PTC64			0x040d8	/* TX size histogram ... */
#define IGX_PTC127			0x040dc
#define IGX_PTC255			0x040e0
#define IGX_PTC511			0x040e4
#define IGX_PTC1023			0x040e8
#define IGX_PTC1522			0x040ec	/* ... up to 1522 bytes */
#define IGX_MPTC			0x040f0	/* multicast sent */
#define IGX_BPTC			0x040f4	/* broadcast sent */
#define IGX_TSCTC			0x040f8	/* TSO contexts sent */
#define IGX_TSCTFC			0x040fc	/* TSO contexts failed */
#define IGX_IAC				0x04100	/* interrupts asserted */

/* ---- NVM layout ---- */
#define IGX_NVM_MAC_ADDR		0x00	/* words 0-2 of a LAN section */
#define IGX_NVM_CSUM_WORDS		0x40	/* checksum covers 0x00..0x3f */
#define IGX_NVM_CSUM_SUM		0xbaba
/* Words shared by all functions: image version and eTrack ID */
#define IGX_NVM_VERSION			0x05
#define   IGX_NVM_VERSION_MAJOR		GENMASK(15, 12)
#define   IGX_NVM_VERSION_MINOR		GENMASK(11, 4)
#define   IGX_NVM_VERSION_IMAGE		GENMASK(3, 0)
#define IGX_NVM_ETRACK_LO		0x42
#define IGX_NVM_ETRACK_HI		0x43
/* EERD addresses 14 bits of words */
#define IGX_NVM_MAX_WORDS		BIT(14)
/* I350: each LAN function has its own NVM section */
#define IGX_NVM_I350_LAN0		0x000
#define IGX_NVM_I350_LAN1		0x080
#define IGX_NVM_I350_LAN2		0x0c0
#define IGX_NVM_I350_LAN3		0x100

/* ---- PHY registers (IEEE 802.3 clause 22) ---- */
#define IGX_PHY_ADDR			1

/*
 * Advanced receive descriptor.  Software writes the read format; the
 * hardware overwrites it with the write-back format.
 */
struct igx_adv_rx_desc {
	__le64 addr;		/* read: packet buffer; wb: pkt info, rss */
	__le64 hdr_or_status;	/* read: header buffer; wb: status, len */
};

static_assert(sizeof(struct igx_adv_rx_desc) == 16);

/* write-back, first quad word (lo: info, hi: RSS hash) */
#define IGX_RXD_WB_RSSTYPE		GENMASK_ULL(3, 0)
enum igx_rxd_rsstype {
	IGX_RSSTYPE_NONE		= 0,
	IGX_RSSTYPE_TCP_IPV4		= 1,
	IGX_RSSTYPE_IPV4		= 2,
	IGX_RSSTYPE_TCP_IPV6		= 3,
	IGX_RSSTYPE_IPV6_EX		= 4,
	IGX_RSSTYPE_IPV6		= 5,
	IGX_RSSTYPE_TCP_IPV6_EX		= 6,
	IGX_RSSTYPE_UDP_IPV4		= 7,
	IGX_RSSTYPE_UDP_IPV6		= 8,
	IGX_RSSTYPE_UDP_IPV6_EX		= 9,
};

#define IGX_RXD_WB_PKTTYPE		GENMASK_ULL(16, 4)
#define IGX_RXD_WB_RSSHASH		GENMASK_ULL(63, 32)
/* write-back, second quad word */
#define IGX_RXD_WB_DD			BIT_ULL(0)
#define IGX_RXD_WB_EOP			BIT_ULL(1)
#define IGX_RXD_WB_VP			BIT_ULL(3)
#define IGX_RXD_WB_UDPCS		BIT_ULL(4)
#define IGX_RXD_WB_L4CS			BIT_ULL(5)
#define IGX_RXD_WB_IPCS			BIT_ULL(6)
#define IGX_RXD_WB_PIF			BIT_ULL(7)
#define IGX_RXD_WB_L4E			BIT_ULL(29)
#define IGX_RXD_WB_IPE			BIT_ULL(30)
#define IGX_RXD_WB_RXE			BIT_ULL(31)
#define IGX_RXD_WB_LEN			GENMASK_ULL(47, 32)
#define IGX_RXD_WB_VLAN			GENMASK_ULL(63, 48)

/* Advanced transmit descriptor: data and context share the layout */
struct igx_adv_tx_desc {
	__le64 addr;		/* data: buffer; context: lens, seed */
	__le64 cmd;		/* data: cmd_type_len, olinfo_status */
};

static_assert(sizeof(struct igx_adv_tx_desc) == 16);

/* data descriptor, second quad word */
#define IGX_TXD_LEN			GENMASK_ULL(15, 0)
#define IGX_TXD_DTYP			GENMASK_ULL(23, 20)
enum igx_txd_dtyp {
	IGX_TXD_DTYP_CTXT		= 2,
	IGX_TXD_DTYP_DATA		= 3,
};

#define IGX_TXD_CMD_EOP			BIT_ULL(24)
#define IGX_TXD_CMD_IFCS		BIT_ULL(25)
#define IGX_TXD_CMD_RS			BIT_ULL(27)
#define IGX_TXD_CMD_DEXT		BIT_ULL(29)
#define IGX_TXD_CMD_VLE			BIT_ULL(30)
#define IGX_TXD_CMD_TSE			BIT_ULL(31)
#define IGX_TXD_STA_DD			BIT_ULL(32)
#define IGX_TXD_IDX			GENMASK_ULL(38, 36)
#define IGX_TXD_POPTS_IXSM		BIT_ULL(40)
#define IGX_TXD_POPTS_TXSM		BIT_ULL(41)
#define IGX_TXD_PAYLEN			GENMASK_ULL(63, 46)

/* context descriptor, first quad word */
#define IGX_TXC_IPLEN			GENMASK_ULL(8, 0)
#define IGX_TXC_MACLEN			GENMASK_ULL(15, 9)
#define IGX_TXC_VLAN			GENMASK_ULL(31, 16)
/* context descriptor, second quad word (DTYP and DEXT as for data) */
#define IGX_TXC_TUCMD_IPV4		BIT_ULL(10)
#define IGX_TXC_TUCMD_L4T		GENMASK_ULL(12, 11)
enum igx_txc_l4t {
	IGX_TXC_L4T_UDP			= 0,
	IGX_TXC_L4T_TCP			= 1,
	IGX_TXC_L4T_SCTP		= 2,
	IGX_TXC_L4T_NONE		= 3,
};

#define IGX_TXC_IDX			GENMASK_ULL(38, 36)
#define IGX_TXC_L4LEN			GENMASK_ULL(47, 40)
#define IGX_TXC_MSS			GENMASK_ULL(63, 48)

/*
 * 82574 descriptors.  RX: the extended format (RFCTL.EXTEN), which is
 * laid out like the advanced one in what igx reads back: DD, EOP, VP,
 * UDPCS, L4CS (TCPCS), IPCS and the L4E/IPE/RXE errors at the same bits,
 * length and VLAN in the same fields, and with RXCSUM.PCSD the RSS type
 * in bits 3:0 and the hash in bits 63:32 of the first quad word, with
 * the same type numbers for IPv4, TCP/IPv4, TCP/IPv6, IPv6 and IPv6 EX.
 * Software writes the buffer address and a zero second quad word, as for
 * the advanced format, so struct igx_adv_rx_desc describes both.
 *
 * TX: a TCP/IP context descriptor holds checksum offsets and the TSO
 * parameters; extended data descriptors (DEXT, DTYP 1) carry the buffers,
 * the VLAN tag and the per-packet options.  The command bits EOP, IFCS,
 * RS, DEXT and VLE, the DD status bit, IXSM/TXSM and the buffer length
 * field (bits 15:0 at least) sit where the advanced format has them; TSE
 * does not (bit 26 here, 31 there, where the 82574 has IDE).
 */
#define IGX_82574_TXD_DTYP		GENMASK_ULL(23, 20)
enum igx_82574_txd_dtyp {
	IGX_82574_TXD_DTYP_CTXT		= 0,
	IGX_82574_TXD_DTYP_DATA		= 1,
};

#define IGX_82574_TXD_LEN		GENMASK_ULL(19, 0)
#define IGX_82574_TXD_CMD_TSE		BIT_ULL(26)
#define IGX_82574_TXD_VLAN		GENMASK_ULL(63, 48)
/* context descriptor, first quad word: checksum start/offset/end */
#define IGX_82574_TXC_IPCSS		GENMASK_ULL(7, 0)
#define IGX_82574_TXC_IPCSO		GENMASK_ULL(15, 8)
#define IGX_82574_TXC_IPCSE		GENMASK_ULL(31, 16)
#define IGX_82574_TXC_TUCSS		GENMASK_ULL(39, 32)
#define IGX_82574_TXC_TUCSO		GENMASK_ULL(47, 40)
#define IGX_82574_TXC_TUCSE		GENMASK_ULL(63, 48)
/* context descriptor, second quad word */
#define IGX_82574_TXC_PAYLEN		GENMASK_ULL(19, 0)
#define IGX_82574_TXC_TUCMD_TCP		BIT_ULL(24)
#define IGX_82574_TXC_TUCMD_IP		BIT_ULL(25)
#define IGX_82574_TXC_TUCMD_TSE		BIT_ULL(26)
#define IGX_82574_TXC_HDRLEN		GENMASK_ULL(47, 40)
#define IGX_82574_TXC_MSS		GENMASK_ULL(63, 48)

#endif /* _IGX_REGS_H_ */
