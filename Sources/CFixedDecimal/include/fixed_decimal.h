#ifndef FIXED_DECIMAL_H
#define FIXED_DECIMAL_H
#include <stddef.h>

/// Writes `value` with `decimals` decimals into `buffer` as printf's "%.*f" does (C locale) and
/// returns the length it needs, like snprintf. Swift cannot call the variadic snprintf, and its
/// va_list builder costs a dynamic cast per argument; this is a plain C call.
int sturing_fixed_decimal(char *buffer, size_t capacity, int decimals, double value);

#endif
