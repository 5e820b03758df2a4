/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Found only when the kernel has no <linux/stringhash.h> (4.8), whose
 * full_name_hash() takes a salt.  The older one in <linux/dcache.h> has no
 * salt: the salt (the datapath passes the namespace) is dropped, so names
 * in different namespaces hash alike; lookups compare the namespace anyway.
 */
#ifndef OVS_COMPAT_LINUX_STRINGHASH_H
#define OVS_COMPAT_LINUX_STRINGHASH_H
#include <linux/dcache.h>

#define full_name_hash(SALT, NAME, LEN) \
	full_name_hash((const unsigned char *)(NAME), (LEN))
#endif
