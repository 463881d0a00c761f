#ifndef SEMGATE_CLIBGIT2_SHIM_H
#define SEMGATE_CLIBGIT2_SHIM_H
// libgit2's public API. Macro initialisers (GIT_*_OPTIONS_INIT) and variadic functions (git_libgit2_opts) are not
// imported by Swift: wrap any that semgate comes to need in static inline functions here.
#include <git2.h>

// Lets libgit2 open repositories that git marked with `extensions.partialclone` (older git writes it on a partial
// clone). libgit2 cannot fetch promised objects; semgate treats the ones it needs and lacks as errors.
static inline int semgate_allow_partialclone_extension(void) {
    const char *extensions[] = {"partialclone"};
    return git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, (size_t)1);
}

// Caps libgit2's cache of decoded objects (256 MB a repository handle by default): semgate keeps what it reuses in
// bounded caches of its own (folder listings, parsed files), so libgit2's would only add to the peak memory.
static inline int semgate_set_object_cache_bytes(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

// Turns off libgit2's re-hashing of every object it reads (on by default; a third of reading a blob). git itself
// does not re-hash what it reads (`cat-file`, `log`): objects are checked when they enter the store (`index-pack`,
// `fsck`), and zlib's checksum still catches damaged bytes of a loose object or pack entry. Whoever can rewrite the
// object store in place could write any content under any id anyway.
static inline int semgate_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif
