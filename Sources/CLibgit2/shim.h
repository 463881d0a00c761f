#ifndef SEMGATE_CLIBGIT2_SHIM_H
#define SEMGATE_CLIBGIT2_SHIM_H
// libgit2's public API. Macro initialisers (GIT_*_OPTIONS_INIT) and variadic functions (git_libgit2_opts) are not
// imported by Swift: wrap any that semgate comes to need in static inline functions here.
#include <git2.h>
#endif
