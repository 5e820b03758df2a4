// SPDX-License-Identifier: GPL-2.0-only
/*
 * VLAN tag edits on an skb for kernels that do not export them (probes
 * HAVE___SKB_VLAN_POP, HAVE_SKB_VLAN_PUSH, HAVE___VLAN_HWACCEL_PUSH_INSIDE).  Same contracts as the current kernel's
 * functions; symbols carry an ovs_compat_ prefix (see compat.h).
 */

#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <net/checksum.h>

#ifndef HAVE___SKB_VLAN_POP
/**
 * __skb_vlan_pop - remove the outermost in-band VLAN tag of a frame.
 * @skb: the frame, skb->data at its Ethernet header, which is followed
 *	by an 802.1Q/802.1ad tag (the caller has checked the TPID).
 * @vlan_tci: set to the removed tag's TCI (host order).
 *
 * The addresses move up over the tag; skb->protocol becomes the
 * encapsulated type, the MAC header and length follow the frame, and a
 * CHECKSUM_COMPLETE sum loses the tag's bytes.  Exported by the kernel
 * from 4.6 on.
 *
 * Context: any; does not sleep (GFP_ATOMIC when the header is shared).
 * Return: 0; -EINVAL if skb->data is not at the MAC header; -ENOMEM.
 */
int __skb_vlan_pop(struct sk_buff *skb, u16 *vlan_tci)
{
	struct vlan_hdr *tag;
	int err;

	if (WARN_ONCE(skb->data != skb_mac_header(skb),
		      "vlan pop with data %d bytes from the MAC header\n",
		      (int)(skb->data - skb_mac_header(skb))))
		return -EINVAL;

	err = skb_ensure_writable(skb, VLAN_ETH_HLEN);
	if (unlikely(err))
		return err;

	tag = (struct vlan_hdr *)(skb->data + ETH_HLEN);
	*vlan_tci = ntohs(tag->h_vlan_TCI);
	skb_postpull_rcsum(skb, skb->data + 2 * ETH_ALEN, VLAN_HLEN);

	/* Addresses over TPID and TCI; the inner type stays in place. */
	memmove(skb->data + VLAN_HLEN, skb->data, 2 * ETH_ALEN);
	__skb_pull(skb, VLAN_HLEN);
	vlan_set_encap_proto(skb, tag);

	skb->mac_header += VLAN_HLEN;
	if (skb_network_offset(skb) < ETH_HLEN)
		skb_set_network_header(skb, ETH_HLEN);
	skb_reset_mac_len(skb);
	return 0;
}
#endif /* !HAVE___SKB_VLAN_POP */

#if !defined(HAVE_SKB_VLAN_PUSH) || !defined(HAVE___VLAN_HWACCEL_PUSH_INSIDE)
/*
 * Insert an 802.1Q/802.1ad tag after the MAC addresses of the frame at
 * skb->data, moving the MAC header with them.  The checksum, protocol
 * and MAC length are left to the caller.  Return: 0 or -ENOMEM.
 */
static int ovs_compat_vlan_insert_tag(struct sk_buff *skb, __be16 vlan_proto,
				      u16 vlan_tci)
{
	struct vlan_ethhdr *veth;

	if (skb_cow_head(skb, VLAN_HLEN) < 0)
		return -ENOMEM;
	skb_push(skb, VLAN_HLEN);
	memmove(skb->data, skb->data + VLAN_HLEN, 2 * ETH_ALEN);
	skb->mac_header -= VLAN_HLEN;

	veth = (struct vlan_ethhdr *)skb->data;
	veth->h_vlan_proto = vlan_proto;
	veth->h_vlan_TCI = htons(vlan_tci);
	return 0;
}
#endif

#ifndef HAVE_SKB_VLAN_PUSH
/**
 * skb_vlan_push - give a frame a new outermost VLAN tag.
 * @skb: the frame, skb->data at its MAC header.
 * @vlan_proto: %ETH_P_8021Q or %ETH_P_8021AD, network order.
 * @vlan_tci: the tag control information, host order.
 *
 * The new tag becomes the accelerated tag; an accelerated tag already
 * there is first written into the frame (keeping CHECKSUM_COMPLETE
 * right), becoming the inner one.  Exported by the kernel from 3.19 on.
 *
 * Context: any; GFP_ATOMIC when the header must be copied.
 * Return: 0 or -ENOMEM.
 */
int skb_vlan_push(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci)
{
	if (skb_vlan_tag_present(skb)) {
		int err = ovs_compat_vlan_insert_tag(skb, skb->vlan_proto,
						     skb_vlan_tag_get(skb));

		if (err)
			return err;
		skb->protocol = skb->vlan_proto;
		skb->mac_len += VLAN_HLEN;
		skb_postpush_rcsum(skb, skb->data + 2 * ETH_ALEN, VLAN_HLEN);
	}
	__vlan_hwaccel_put_tag(skb, vlan_proto, vlan_tci);
	return 0;
}

/**
 * skb_vlan_pop - remove a frame's outermost VLAN tag.
 * @skb: the frame, skb->data at its MAC header.
 *
 * The outermost tag is the accelerated one if present, else the first
 * in-band one; the in-band tag that is then outermost, if any, moves to
 * the accelerated tag.  A frame without tags is left alone.  Exported by
 * the kernel from 3.19 on.
 *
 * Context: any; GFP_ATOMIC when the header must be copied.
 * Return: 0, -ENOMEM, or -EINVAL (skb->data not at the MAC header).
 */
int skb_vlan_pop(struct sk_buff *skb)
{
	__be16 vlan_proto;
	u16 vlan_tci;
	int err;

	if (skb_vlan_tag_present(skb)) {
		__vlan_hwaccel_clear_tag(skb);
	} else {
		if (!eth_type_vlan(skb->protocol))
			return 0;
		err = __skb_vlan_pop(skb, &vlan_tci);
		if (err)
			return err;
	}

	if (!eth_type_vlan(skb->protocol))
		return 0;
	vlan_proto = skb->protocol;
	err = __skb_vlan_pop(skb, &vlan_tci);
	if (err)
		return err;
	__vlan_hwaccel_put_tag(skb, vlan_proto, vlan_tci);
	return 0;
}
#endif /* !HAVE_SKB_VLAN_PUSH */

#ifndef HAVE___VLAN_HWACCEL_PUSH_INSIDE
/**
 * __vlan_hwaccel_push_inside - write the accelerated tag into the frame.
 * @skb: the frame, skb->data at its MAC header, with an accelerated tag.
 *
 * Exported by the kernel from 4.0 on (inline).
 *
 * Context: any; GFP_ATOMIC when the header must be copied.
 * Return: @skb, now tagged in-band with skb->protocol the tag's TPID, or
 * NULL with @skb freed when there was no memory.
 */
struct sk_buff *__vlan_hwaccel_push_inside(struct sk_buff *skb)
{
	if (ovs_compat_vlan_insert_tag(skb, skb->vlan_proto,
				       skb_vlan_tag_get(skb))) {
		kfree_skb(skb);
		return NULL;
	}
	skb->protocol = skb->vlan_proto;
	__vlan_hwaccel_clear_tag(skb);
	return skb;
}
#endif /* !HAVE___VLAN_HWACCEL_PUSH_INSIDE */
