// SPDX-License-Identifier: GPL-2.0-only
/* The netdevice_tracker type exists (5.17+). */
#include <linux/netdevice.h>

static netdevice_tracker probe_tracker __maybe_unused;
