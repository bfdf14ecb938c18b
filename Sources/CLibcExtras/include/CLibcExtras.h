#ifndef CLIBCEXTRAS_H
#define CLIBCEXTRAS_H
#include <malloc.h>
#include <spawn.h>
#include <wchar.h>
#include <sys/types.h>

/* glibc functions that Swift's Glibc module leaves out: wcwidth and closefrom because their
   headers declare them only under feature macros (_XOPEN_SOURCE, _GNU_SOURCE) it does not set,
   mallopt because it does not include <malloc.h>; and the compiler's prefetch hint. Declared here apart from curses, so the console
   module stays curses-free. */

/* wcwidth(3). */
extern int wcwidth(wchar_t);
/* posix_spawn_file_actions_addclosefrom_np(3), glibc 2.34 and later. */
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int);

/** Columns `c` takes on a terminal, by the calling thread's LC_CTYPE; -1 when not printable. */
static inline int cx_wcwidth(wchar_t c) { return wcwidth(c); }

/** Makes the child close every descriptor from `from` up. */
static inline int cx_spawn_closefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

/** Starts bringing the cache line that holds `p` into the caches and returns at once: the log scan
    fetches a rejection line's table entries while the lines before it are counted (Swift has no
    way to say this itself). */
static inline void cx_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#ifdef __linux__
/* getdents64(2), glibc 2.30 and later (declared by <dirent.h> only under _GNU_SOURCE). */
extern ssize_t getdents64(int, void *, size_t);

/** Reads directory entries (`struct linux_dirent64` records) from the directory open on `fd` into
    `buffer`: the bytes filled, 0 at the end, -1 with errno on failure. */
static inline ssize_t cx_getdents64(int fd, void *buffer, size_t size) { return getdents64(fd, buffer, size); }
#endif

/** Lets malloc use at most `n` arenas (mallopt M_ARENA_MAX); call before threads start. */
static inline int cx_malloc_arena_limit(int n) { return mallopt(M_ARENA_MAX, n); }

/** Makes malloc ask the kernel for `bytes` more than it needs whenever it grows its heap, and keep
    as much when it gives memory back (mallopt M_TOP_PAD). */
static inline int cx_malloc_top_pad(int bytes) { return mallopt(M_TOP_PAD, bytes); }

#endif
