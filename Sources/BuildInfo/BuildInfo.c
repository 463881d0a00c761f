#include "BuildInfo.h"

#include <dlfcn.h>
#include <stddef.h>

#ifndef SEMGATE_COMMIT
#define SEMGATE_COMMIT ""
#endif

const char *semgate_build_commit(void) {
    return SEMGATE_COMMIT;
}

int semgate_address_in_executable(const void *address) {
    // This file is compiled into the executable, so its own function marks the executable's image.
    Dl_info target;
    Dl_info executable;
    if (dladdr(address, &target) == 0 || dladdr((const void *)&semgate_build_commit, &executable) == 0) {
        return -1;
    }
    return target.dli_fbase == executable.dli_fbase ? 1 : 0;
}

int semgate_library_loaded(const char *name) {
    void *handle = dlopen(name, RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) {
        return 0;
    }
    dlclose(handle);
    return 1;
}
