// SPDX-License-Identifier: GPL-2.0-only
/* strscpy() (4.3+). */
#include <linux/string.h>

static ssize_t probe(char *d, const char *s)
{
	return strscpy(d, s, 8);
}
