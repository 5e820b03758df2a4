// SPDX-License-Identifier: GPL-2.0-only
/* hlist_for_each_entry_rcu() takes an optional lockdep condition (5.5+). */
#include <linux/rculist.h>

struct probe_node {
	struct hlist_node node;
};

static int probe(struct hlist_head *head)
{
	struct probe_node *n;
	int i = 0;

	hlist_for_each_entry_rcu(n, head, node, true)
		i++;
	return i;
}
