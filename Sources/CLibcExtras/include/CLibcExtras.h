#ifndef CLIBCEXTRAS_H
#define CLIBCEXTRAS_H
#include <malloc.h>
#include <spawn.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
#include <sys/types.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* glibc functions that Swift's Glibc module leaves out: wcwidth and closefrom because their
   headers declare them only under feature macros (_XOPEN_SOURCE, _GNU_SOURCE) it does not set,
   mallopt because it does not include <malloc.h>; and the compiler's prefetch hint and vector
   instructions. Declared here apart from curses, so the console module stays curses-free. */

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

/** Where the first byte of `p[0..<n]` is that a JSON string must escape (a control character, a
    double quote or a backslash), or `n` when there is none. Sixteen bytes a step (SSE2, on every
    x86-64): a flood's report is 60 MB of such strings, and Swift's own SIMD types compiled to
    code twenty times slower than eight bytes a step in a plain integer (measured). */
static inline size_t cx_json_escape_find(const uint8_t *p, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        /* v <= 0x1F (unsigned) exactly when min(v, 0x1F) == v. */
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; i < n; i++) {
        uint8_t b = p[i];
        if (b < 0x20 || b == '"' || b == '\\') return i;
    }
    return n;
}

/** Makes malloc ask the kernel for `bytes` more than it needs whenever it grows its heap, and keep
    as much when it gives memory back (mallopt M_TOP_PAD). */
static inline int cx_malloc_top_pad(int bytes) { return mallopt(M_TOP_PAD, bytes); }

#endif
