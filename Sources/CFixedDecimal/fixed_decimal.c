#include "fixed_decimal.h"
#include <stdio.h>

int sturing_fixed_decimal(char *buffer, size_t capacity, int decimals, double value) {
    return snprintf(buffer, capacity, "%.*f", decimals, value);
}
