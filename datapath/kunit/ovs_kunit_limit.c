// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite: conntrack zone limits (the ovs_ct_limit generic netlink
 * family and the accounting at commit, in conntrack.c).
 *
 * The cases talk to the family the way ovs-vswitchd does -- requests on a
 * NETLINK_GENERIC socket (a kernel socket here), replies and acks read
 * back from it -- and commit real connections with ovs_ct_execute() to
 * see the limits enforced through nf_conncount.
 *
 * This needs what the module's init sets up (the family, the namespace's
 * zone-limit state), which suites registered with kunit_test_suites() do
 * not have on 6.1: they run before the module's init.  So this suite is
 * not registered that way; dp_init() runs it through ovs_kunit_run_live()
 * once everything is in place (see ovs_kunit.h).
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <linux/udp.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>

#include "conntrack.h"
#include "datapath.h"
#include "flow.h"
#include "ovs_kunit.h"
#include "ovs_kunit_util.h"

#define OVS_KUNIT_LIMIT_ZONE	0x7c00
#define ZONE(n)			(OVS_KUNIT_LIMIT_ZONE + (n))
#define LIMIT_ZONES		10
#define DEFAULT_ZONE		OVS_ZONE_LIMIT_DEFAULT_ZONE

#define CLIENT	htonl(0xc0000201)	/* 192.0.2.1 */
#define SERVER	htonl(0xc6336402)	/* 198.51.100.2 */

/* What came back for one request. */
struct limit_reply {
	int err;	/* the ack's error code */
	int cmd;	/* command of the reply message, -1 if none */
	int n;		/* zone limit entries in it */
	struct ovs_zone_limit zl[16];
};

/* A NETLINK_GENERIC socket of the test, in init_net. */
static struct socket *limit_sock(struct kunit *test)
{
	return test->priv;
}

#if OVS_CT_LIMIT_SUPPORTED

/* Parse what the socket has queued into @rep, until the ack. */
static void limit_read(struct kunit *test, struct limit_reply *rep)
{
	const size_t size = NLMSG_GOODSIZE;
	void *buf = kunit_kzalloc(test, size, GFP_KERNEL);
	bool acked = false;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	while (!acked) {
		struct msghdr msg = {};
		struct kvec iov = { .iov_base = buf, .iov_len = size };
		struct nlmsghdr *nlh;
		int len;

		len = kernel_recvmsg(limit_sock(test), &msg, &iov, 1, size,
				     MSG_DONTWAIT);
		KUNIT_ASSERT_GT_MSG(test, len, 0, "no ack from the family");

		for (nlh = buf; nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len)) {
			const struct genlmsghdr *gh = nlmsg_data(nlh);
			const int hdrs = GENL_HDRLEN + sizeof(struct ovs_header);
			const struct nlattr *a;
			int rem;

			if (nlh->nlmsg_type == NLMSG_ERROR) {
				rep->err = ((struct nlmsgerr *)
					    nlmsg_data(nlh))->error;
				acked = true;
				break;
			}
			KUNIT_ASSERT_EQ(test, nlh->nlmsg_type,
					dp_ct_limit_genl_family.id);
			KUNIT_ASSERT_GE(test, nlmsg_len(nlh), hdrs);
			rep->cmd = gh->cmd;
			nla_for_each_attr(a, (void *)gh + hdrs,
					  nlmsg_len(nlh) - hdrs, rem) {
				int n = nla_len(a) / sizeof(rep->zl[0]);

				KUNIT_ASSERT_EQ(test, nla_type(a) & NLA_TYPE_MASK,
						OVS_CT_LIMIT_ATTR_ZONE_LIMIT);
				KUNIT_ASSERT_EQ(test, nla_len(a) %
						sizeof(rep->zl[0]), 0);
				KUNIT_ASSERT_LE(test, n, ARRAY_SIZE(rep->zl));
				memcpy(rep->zl, nla_data(a), nla_len(a));
				rep->n = n;
			}
		}
	}
}

/*
 * Send @cmd with @len bytes of zone limits at @zl as the ZONE_LIMIT
 * attribute (@len < 0: no attribute), as ovs-vswitchd does, and collect
 * the reply and the ack.
 * Return: the ack's error code (also in @rep).
 */
static int limit_request(struct kunit *test, u8 cmd,
			 const struct ovs_zone_limit *zl, int len,
			 struct limit_reply *rep)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct sk_buff *b = ovs_kunit_nlbuf(test, 0);
	struct msghdr msg = {
		.msg_name = &kernel,
		.msg_namelen = sizeof(kernel),
	};
	struct ovs_header *hdr;
	struct kvec iov;

	memset(rep, 0, sizeof(*rep));
	rep->cmd = -1;

	hdr = genlmsg_put(b, 0, 1, &dp_ct_limit_genl_family,
			  NLM_F_REQUEST | NLM_F_ACK, cmd);
	KUNIT_ASSERT_NOT_NULL(test, hdr);
	hdr->dp_ifindex = 0;
	if (len >= 0) {
		struct nlattr *a = nla_reserve(b, OVS_CT_LIMIT_ATTR_ZONE_LIMIT,
					       len);

		KUNIT_ASSERT_NOT_NULL(test, a);
		memcpy(nla_data(a), zl, len);
	}
	genlmsg_end(b, hdr);

	iov.iov_base = b->data;
	iov.iov_len = b->len;
	KUNIT_ASSERT_EQ(test, kernel_sendmsg(limit_sock(test), &msg, &iov, 1,
					     b->len), (int)b->len);
	limit_read(test, rep);
	return rep->err;
}

/* The entry of @zone in @rep, or NULL. */
static const struct ovs_zone_limit *limit_find(const struct limit_reply *rep,
					       s32 zone)
{
	int i;

	for (i = 0; i < rep->n; i++)
		if (rep->zl[i].zone_id == zone)
			return &rep->zl[i];
	return NULL;
}

#define ZL(zone, lim)	{ .zone_id = (zone), .limit = (lim) }

/* Expect GET of @zone alone to report @limit and @count. */
static void expect_zone(struct kunit *test, s32 zone, u32 limit, u32 count)
{
	const struct ovs_zone_limit q = ZL(zone, 0);
	struct limit_reply rep;

	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_GET, &q,
					    sizeof(q), &rep), 0);
	KUNIT_ASSERT_EQ(test, rep.n, 1);
	KUNIT_EXPECT_EQ(test, rep.zl[0].zone_id, zone);
	KUNIT_EXPECT_EQ_MSG(test, rep.zl[0].limit, limit, "zone %d", zone);
	KUNIT_EXPECT_EQ_MSG(test, rep.zl[0].count, count, "zone %d", zone);
}

static void limit_set_get_del(struct kunit *test)
{
	const struct ovs_zone_limit set[] = {
		ZL(DEFAULT_ZONE, 10), ZL(ZONE(1), 3), ZL(ZONE(2), 0),
	};
	const struct ovs_zone_limit two[] = { ZL(ZONE(1), 0), ZL(ZONE(3), 0) };
	const struct ovs_zone_limit del1 = ZL(ZONE(1), 0);
	const struct ovs_zone_limit deld = ZL(DEFAULT_ZONE, 0);
	const struct ovs_zone_limit del2 = ZL(ZONE(2), 0);
	const struct ovs_zone_limit *e;
	struct limit_reply rep;

	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, set,
					    sizeof(set), &rep), 0);
	KUNIT_EXPECT_EQ(test, rep.cmd, OVS_CT_LIMIT_CMD_SET);

	/* GET without a list: the default first, then each zone's own. */
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_GET, NULL,
					    -1, &rep), 0);
	KUNIT_EXPECT_EQ(test, rep.cmd, OVS_CT_LIMIT_CMD_GET);
	KUNIT_ASSERT_GE(test, rep.n, 3);
	KUNIT_EXPECT_EQ(test, rep.zl[0].zone_id, DEFAULT_ZONE);
	KUNIT_EXPECT_EQ(test, rep.zl[0].limit, 10);
	e = limit_find(&rep, ZONE(1));
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, e->limit, 3);
	KUNIT_EXPECT_EQ(test, e->count, 0);
	e = limit_find(&rep, ZONE(2));
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, e->limit, 0);
	KUNIT_EXPECT_NULL(test, limit_find(&rep, ZONE(3)));

	/* GET with a list: the limit that applies to each zone. */
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_GET, two,
					    sizeof(two), &rep), 0);
	KUNIT_ASSERT_EQ(test, rep.n, 2);
	KUNIT_EXPECT_EQ(test, rep.zl[0].zone_id, ZONE(1));
	KUNIT_EXPECT_EQ(test, rep.zl[0].limit, 3);
	KUNIT_EXPECT_EQ(test, rep.zl[1].zone_id, ZONE(3));
	KUNIT_EXPECT_EQ(test, rep.zl[1].limit, 10);	/* the default */

	/* DEL of a zone: back to the default; of the default: unlimited. */
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_DEL, &del1,
					    sizeof(del1), &rep), 0);
	KUNIT_EXPECT_EQ(test, rep.cmd, OVS_CT_LIMIT_CMD_DEL);
	expect_zone(test, ZONE(1), 10, 0);
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_DEL, &deld,
					    sizeof(deld), &rep), 0);
	expect_zone(test, ZONE(1), 0, 0);
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_DEL, &del2,
					    sizeof(del2), &rep), 0);

	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_GET, NULL,
					    -1, &rep), 0);
	KUNIT_EXPECT_EQ(test, rep.zl[0].limit, 0);
	KUNIT_EXPECT_NULL(test, limit_find(&rep, ZONE(1)));
	KUNIT_EXPECT_NULL(test, limit_find(&rep, ZONE(2)));
}

static void limit_malformed(struct kunit *test)
{
	const struct ovs_zone_limit big = ZL(65536, 5);
	const struct ovs_zone_limit neg = ZL(-2, 5);
	const struct ovs_zone_limit half[] = { ZL(ZONE(4), 5), ZL(70000, 1) };
	const struct ovs_zone_limit ok = ZL(ZONE(4), 5);
	struct limit_reply rep;

	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, NULL,
					    -1, &rep), -EINVAL);
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_DEL, NULL,
					    -1, &rep), -EINVAL);
	/* Not a whole number of entries. */
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, &ok,
					    sizeof(ok) - 2, &rep), -EINVAL);
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, &big,
					    sizeof(big), &rep), -EINVAL);
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, &neg,
					    sizeof(neg), &rep), -EINVAL);
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_GET, &big,
					    sizeof(big), &rep), -EINVAL);
	/* A bad entry anywhere: nothing at all is written. */
	KUNIT_EXPECT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, half,
					    sizeof(half), &rep), -EINVAL);
	expect_zone(test, ZONE(4), 0, 0);
	/* A failed request leaves no reply message, only the ack. */
	KUNIT_EXPECT_EQ(test, rep.cmd, -1);
}

/* Commit a UDP connection from port @sport in @zone. */
static int commit_udp(struct kunit *test, u16 zone, u16 sport,
		      struct sk_buff **skbp)
{
	struct {
		struct udphdr uh;
		u8 data[4];
	} __packed l4 = {
		.uh = {
			.source = htons(sport),
			.dest = htons(53),
			.len = htons(sizeof(l4)),
		},
	};
	const struct ovs_conntrack_info *info;
	struct sw_flow_key *key;
	struct nlattr *acts, *ct;
	struct sk_buff *skb, *b;

	skb = ovs_kunit_ipv4(test, CLIENT, SERVER, IPPROTO_UDP, &l4,
			     sizeof(l4));
	key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_EQ(test, ovs_kunit_extract(skb, key), 0);

	b = ovs_kunit_nlbuf(test, 0);
	acts = nla_nest_start_noflag(b, OVS_FLOW_ATTR_ACTIONS);
	ct = nla_nest_start_noflag(b, OVS_ACTION_ATTR_CT);
	nla_put_flag(b, OVS_CT_ATTR_COMMIT);
	nla_put_u16(b, OVS_CT_ATTR_ZONE, zone);
	nla_nest_end(b, ct);
	nla_nest_end(b, acts);
	info = ovs_kunit_ct_action(test, &init_net, key, acts);

	if (skbp)
		*skbp = skb;
	return ovs_kunit_ct_exec(&init_net, skb, key, info);
}

static void limit_accounting(struct kunit *test)
{
	const struct ovs_zone_limit set[] = { ZL(ZONE(5), 2) };
	const struct ovs_zone_limit del = ZL(ZONE(5), 0);
	enum ip_conntrack_info ctinfo;
	struct limit_reply rep;
	struct sk_buff *first;
	int i;

	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, set,
					    sizeof(set), &rep), 0);

	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 1, &first), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 2, NULL), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 3, NULL), -ENOMEM);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(5)), 2);
	/*
	 * nf_conncount forgets the refused connection (never confirmed)
	 * once it is a couple of jiffies old.
	 */
	msleep(20);
	expect_zone(test, ZONE(5), 2, 2);

	/*
	 * Other zones are not limited (no default limit), and, as in the
	 * in-tree datapath, their connections are not counted either.
	 */
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(6), 10 + i, NULL),
				0);
	expect_zone(test, ZONE(6), 0, 0);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(6)), 4);

	/* A connection that goes makes room (once nf_conncount sees it). */
	nf_ct_delete(nf_ct_get(first, &ctinfo), 0, 0);
	msleep(20);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 4, NULL), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 5, NULL), -ENOMEM);
	msleep(20);
	expect_zone(test, ZONE(5), 2, 2);

	/* Limit removed: unlimited again. */
	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_DEL, &del,
					    sizeof(del), &rep), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(5), 6, NULL), 0);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(5)), 3);
}

static void limit_default(struct kunit *test)
{
	const struct ovs_zone_limit set[] = {
		ZL(DEFAULT_ZONE, 1), ZL(ZONE(8), 0),
	};
	struct limit_reply rep;

	KUNIT_ASSERT_EQ(test, limit_request(test, OVS_CT_LIMIT_CMD_SET, set,
					    sizeof(set), &rep), 0);

	/* A zone without a limit of its own gets the default ... */
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(7), 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(7), 2, NULL), -ENOMEM);
	msleep(20);
	expect_zone(test, ZONE(7), 1, 1);

	/* ... one with its own limit 0 is unlimited (and not counted). */
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(8), 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(8), 2, NULL), 0);
	expect_zone(test, ZONE(8), 0, 0);
	KUNIT_EXPECT_EQ(test, ovs_kunit_ct_count_zone(&init_net, ZONE(8)), 2);

	/* Packets of an existing connection are never refused. */
	KUNIT_EXPECT_EQ(test, commit_udp(test, ZONE(7), 1, NULL), 0);
}

static int limit_test_init(struct kunit *test)
{
	struct socket *sock;
	int err;

	if (!dp_ct_limit_genl_family.id)
		kunit_skip(test, "ovs_ct_limit family not registered");
	err = sock_create_kern(&init_net, AF_NETLINK, SOCK_RAW,
			       NETLINK_GENERIC, &sock);
	if (err)
		return err;
	test->priv = sock;
	return 0;
}

static void limit_test_exit(struct kunit *test)
{
	const struct ovs_zone_limit all[] = {
		ZL(DEFAULT_ZONE, 0), ZL(ZONE(1), 0), ZL(ZONE(2), 0),
		ZL(ZONE(4), 0), ZL(ZONE(5), 0), ZL(ZONE(8), 0),
	};
	struct limit_reply rep;
	unsigned int z;

	if (!test->priv)
		return;
	limit_request(test, OVS_CT_LIMIT_CMD_DEL, all, sizeof(all), &rep);
	sock_release(test->priv);
	test->priv = NULL;
	for (z = 0; z < LIMIT_ZONES; z++)
		ovs_kunit_ct_flush_zone(&init_net, ZONE(z));
}

static struct kunit_case ovs_ct_limit_cases[] = {
	KUNIT_CASE(limit_set_get_del),
	KUNIT_CASE(limit_malformed),
	KUNIT_CASE(limit_accounting),
	KUNIT_CASE(limit_default),
	{}
};

static struct kunit_suite ovs_ct_limit_suite __maybe_unused = {
	.name = "ovs_ct_limit",
	.init = limit_test_init,
	.exit = limit_test_exit,
	.test_cases = ovs_ct_limit_cases,
};

#else /* !OVS_CT_LIMIT_SUPPORTED */

static void limit_unsupported(struct kunit *test)
{
	kunit_skip(test, "no nf_conncount in this kernel: no zone limits");
}

static struct kunit_case ovs_ct_limit_cases[] = {
	KUNIT_CASE(limit_unsupported),
	{}
};

static struct kunit_suite ovs_ct_limit_suite __maybe_unused = {
	.name = "ovs_ct_limit",
	.test_cases = ovs_ct_limit_cases,
};

#endif /* OVS_CT_LIMIT_SUPPORTED */

#if IS_ENABLED(CONFIG_KUNIT)	/* else ovs_kunit.h has empty inlines */

/* Suites that need the module initialised; see ovs_kunit.h. */
static struct kunit_suite *ovs_kunit_live_suites[] = {
	&ovs_ct_limit_suite,
};

/**
 * ovs_kunit_run_live - run the suites that need the initialised module.
 *
 * To be called at the end of the module's init, once the generic netlink
 * families and the per-namespace state exist.  Results go to the kernel
 * log as KTAP, numbered after the suites KUnit ran at module load.
 * Context: process context (module init), may sleep.
 */
void ovs_kunit_run_live(void)
{
	__kunit_test_suites_init(ovs_kunit_live_suites,
				 ARRAY_SIZE(ovs_kunit_live_suites));
}

/**
 * ovs_kunit_exit_live - forget the suites ovs_kunit_run_live() ran.
 *
 * Removes their debugfs results; to be called first thing in the module's
 * exit.
 * Context: process context (module exit).
 */
void ovs_kunit_exit_live(void)
{
	__kunit_test_suites_exit(ovs_kunit_live_suites,
				 ARRAY_SIZE(ovs_kunit_live_suites));
}

#endif /* CONFIG_KUNIT */
