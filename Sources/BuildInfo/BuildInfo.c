#include "BuildInfo.h"

#include <dlfcn.h>
#include <pthread.h>
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

int semgate_thread_stack(void **low, unsigned long *size) {
#if defined(__linux__)
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
        return 0;
    }
    size_t found = 0;
    int ok = pthread_attr_getstack(&attributes, low, &found) == 0;
    pthread_attr_destroy(&attributes);
    *size = (unsigned long)found;
    return ok && found > 0;
#elif defined(__APPLE__)
    char *high = (char *)pthread_get_stackaddr_np(pthread_self());
    size_t found = pthread_get_stacksize_np(pthread_self());
    *low = high - found;
    *size = (unsigned long)found;
    return found > 0;
#else
    (void)low;
    (void)size;
    return 0;
#endif
}

// The floor of the calling thread's stack for `StackGuard` (see BuildInfo.h).
static __thread unsigned long stack_floor;

unsigned long semgate_stack_floor(void) { return stack_floor; }

void semgate_set_stack_floor(unsigned long floor) { stack_floor = floor; }
