#ifndef SEMGATE_BUILD_INFO_H
#define SEMGATE_BUILD_INFO_H
// Facts about the build that `semgate --version` reports, asked of the compiler and the dynamic loader.

// The git commit semgate was built from, as given to the build in the SEMGATE_COMMIT environment variable (see
// Package.swift); an empty string when the build was not told.
const char *semgate_build_commit(void);

// 1 when `address` (of a function) lies in the executable itself, as a statically linked library's code does; 0
// when it lies in a shared library; -1 when the loader cannot tell.
int semgate_address_in_executable(const void *address);

// 1 when a shared library of this file name (`libswiftCore.so`) is loaded into the process, else 0.
int semgate_library_loaded(const char *name);

// The lowest address and the size of the calling thread's stack (for `StackGuard`): 1 when found, else 0.
int semgate_thread_stack(void **low, unsigned long *size);

// The lowest address the calling thread's stack may reach while `StackGuard` still finds room, as last set on this
// thread by semgate_set_stack_floor: 0 when not set (a thread-local variable: one load, no lock, no lookup).
unsigned long semgate_stack_floor(void);
void semgate_set_stack_floor(unsigned long floor);
#endif
