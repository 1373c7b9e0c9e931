#ifndef CPROCESS_H
#define CPROCESS_H

/// Asks the kernel to send SIGKILL to this process when its parent dies (Linux prctl
/// PR_SET_PDEATHSIG), so a worker stuck in a library call never outlives the run.
/// Returns 0 on success, -1 where it is not supported.
int cprocess_die_with_parent(void);

#endif
