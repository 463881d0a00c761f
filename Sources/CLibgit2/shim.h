#ifndef SEMGATE_CLIBGIT2_SHIM_H
#define SEMGATE_CLIBGIT2_SHIM_H
#include <git2.h>

/// Opens with the given flags; wraps GIT_REPOSITORY_OPEN_* usage without macros.
static inline int semgate_repository_open(git_repository **out, const char *path) {
    return git_repository_open_ext(out, path, 0, NULL);
}

/// Sets libgit2's object cache limit (git_libgit2_opts is variadic and not imported).
static inline int semgate_set_cache_max_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

/// Turns off the safe.directory owner check for this process (opt-in only).
static inline int semgate_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
#endif
