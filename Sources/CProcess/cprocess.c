#include "cprocess.h"
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int cprocess_die_with_parent(void) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
#else
    return -1;
#endif
}
