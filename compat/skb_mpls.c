// SPDX-License-Identifier: GPL-2.0-only
/*
 * MPLS label stack edits on an skb for kernels that do not export
 * skb_mpls_push(), skb_mpls_pop() and skb_mpls_update_lse() (5.3-5.5 on;
 * probe HAVE_SKB_MPLS).  Same contracts as the kernel's: skb->data at the
 * MAC header, skb->protocol the outermost EtherType, CHECKSUM_COMPLETE kept
 * consistent.  Symbols carry an ovs_compat_ prefix (see compat.h).
 */

#include <linux/if_ether.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <net/checksum.h>
#include <net/mpls.h>

#ifndef HAVE_SKB_MPLS

/* Adjust a CHECKSUM_COMPLETE sum for a 4-byte field changing @from → @to. */
static void ovs_compat_csum_replace4(struct sk_buff *skb, __be32 from,
				     __be32 to)
{
	if (skb->ip_summed == CHECKSUM_COMPLETE) {
		__be32 diff[] = { ~from, to };

		skb->csum = csum_partial(diff, sizeof(diff), skb->csum);
	}
}

/* Set an Ethernet header's type, adjusting a CHECKSUM_COMPLETE sum. */
static void ovs_compat_set_eth_type(struct sk_buff *skb, struct ethhdr *eth,
				    __be16 type)
{
	if (skb->ip_summed == CHECKSUM_COMPLETE) {
		__be16 diff[] = { ~eth->h_proto, type };

		skb->csum = csum_partial(diff, sizeof(diff), skb->csum);
	}
	eth->h_proto = type;
}

/**
 * skb_mpls_push - insert a label stack entry after the MAC header.
 * @skb: the packet; skb->data at the MAC header.
 * @mpls_lse: the new outermost entry (label, TC, S bit, TTL).
 * @mpls_proto: %ETH_P_MPLS_UC or %ETH_P_MPLS_MC, the new skb->protocol.
 * @mac_len: bytes of MAC header (and VLAN tags) the entry goes after.
 * @ethernet: the MAC header is Ethernet: also rewrite its EtherType.
 *
 * The first push records the original network header and protocol as the
 * inner ones, for GSO.  Tunnel-encapsulated packets are refused: the stack
 * cannot segment both at once.
 *
 * Return: 0, -EINVAL (not an MPLS type, or encapsulated), or -ENOMEM.
 */
int skb_mpls_push(struct sk_buff *skb, __be32 mpls_lse, __be16 mpls_proto,
		  int mac_len, bool ethernet)
{
	struct mpls_shim_hdr *lse;
	int err;

	if (!eth_p_mpls(mpls_proto) || skb->encapsulation)
		return -EINVAL;

	err = skb_cow_head(skb, MPLS_HLEN);
	if (err)
		return err;

#ifdef HAVE_SKB_INNER_PROTOCOL
	/* For MPLS GSO; kernels without the field (3.10) have none. */
	if (!skb->inner_protocol) {
		skb_set_inner_network_header(skb, skb_network_offset(skb));
		skb_set_inner_protocol(skb, skb->protocol);
	}
#endif

	/* Move the MAC header MPLS_HLEN bytes forward to open the gap. */
	skb_push(skb, MPLS_HLEN);
	memmove(skb_mac_header(skb) - MPLS_HLEN, skb_mac_header(skb), mac_len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, mac_len);
	skb_reset_mac_len(skb);

	lse = mpls_hdr(skb);
	lse->label_stack_entry = mpls_lse;
	skb_postpush_rcsum(skb, lse, MPLS_HLEN);

	if (ethernet && mac_len >= ETH_HLEN)
		ovs_compat_set_eth_type(skb, eth_hdr(skb), mpls_proto);
	skb->protocol = mpls_proto;
	return 0;
}

/**
 * skb_mpls_pop - remove the outermost label stack entry.
 * @skb: the packet; skb->data at the MAC header.
 * @next_proto: EtherType of what follows the removed entry.
 * @mac_len: bytes of MAC header (and VLAN tags) before the entry.
 * @ethernet: the MAC header is Ethernet: also rewrite its EtherType.
 *
 * A packet that is not MPLS is left alone.  Once no label is left the
 * inner protocol recorded by skb_mpls_push() is forgotten.
 *
 * Return: 0, or -ENOMEM if the headers could not be made writable.
 */
int skb_mpls_pop(struct sk_buff *skb, __be16 next_proto, int mac_len,
		 bool ethernet)
{
	int err;

	if (!eth_p_mpls(skb->protocol))
		return 0;

	err = skb_ensure_writable(skb, mac_len + MPLS_HLEN);
	if (err)
		return err;

	skb_postpull_rcsum(skb, mpls_hdr(skb), MPLS_HLEN);
	/* Slide the MAC header over the removed entry. */
	memmove(skb_mac_header(skb) + MPLS_HLEN, skb_mac_header(skb), mac_len);
	__skb_pull(skb, MPLS_HLEN);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, mac_len);

	if (ethernet && mac_len >= ETH_HLEN) {
		/* The EtherType sits just before the (former) label. */
		struct ethhdr *eth = (struct ethhdr *)((u8 *)mpls_hdr(skb) -
						       ETH_HLEN);

		ovs_compat_set_eth_type(skb, eth, next_proto);
	}
	skb->protocol = next_proto;
#ifdef HAVE_SKB_INNER_PROTOCOL
	if (!eth_p_mpls(next_proto))
		skb->inner_protocol = 0;
#endif
	return 0;
}

/**
 * skb_mpls_update_lse - rewrite the outermost label stack entry.
 * @skb: an MPLS packet; skb->data at the MAC header, skb->mac_len set.
 * @mpls_lse: the new entry.
 *
 * Return: 0, -EINVAL if @skb is not MPLS, or -ENOMEM.
 */
int skb_mpls_update_lse(struct sk_buff *skb, __be32 mpls_lse)
{
	int err;

	if (!eth_p_mpls(skb->protocol))
		return -EINVAL;

	err = skb_ensure_writable(skb, skb->mac_len + MPLS_HLEN);
	if (err)
		return err;

	ovs_compat_csum_replace4(skb, mpls_hdr(skb)->label_stack_entry,
				 mpls_lse);
	mpls_hdr(skb)->label_stack_entry = mpls_lse;
	return 0;
}

#endif /* !HAVE_SKB_MPLS */
