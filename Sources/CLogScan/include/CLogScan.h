#ifndef CLOGSCAN_H
#define CLOGSCAN_H
#include <stddef.h>
#include <stdint.h>

/* The log scan's inner loop: the next position in a buffer that may start a rejection marker
   ("impersonating", "_my_ address"), with the newlines before it, so a caller can number lines.
   In C because Swift compiles for baseline x86-64 (16-byte SSE2) and cannot turn on AVX2 or
   AVX-512 for one function; C can (target attributes), and picks the widest kind the CPU has
   once, at run time, so one binary runs on any x86-64. */

/** Instruction set a search uses. `CLS_LEVEL_PORTABLE` is plain C (eight bytes at a time) and
    exists on every architecture; the others exist on x86-64 only. */
enum {
    CLS_LEVEL_PORTABLE = 0,
    CLS_LEVEL_SSE2 = 1,
    CLS_LEVEL_AVX2 = 2,
    CLS_LEVEL_AVX512BW = 3
};

/** What `cls_next_candidate` found: `position` is the candidate's index (`end` when none), and
    `newlines` the newline bytes in `[from, position)`. */
typedef struct {
    size_t position;
    size_t newlines;
} cls_candidate;

/** The widest level this CPU and operating system support (the CPU is asked once). */
int cls_best_level(void);

/** Whether `level` runs on this CPU. */
int cls_level_supported(int level);

/** The first `i` in `[from, end)` where `base[i]` is 'i' and `base[i + 12]` is 'g', or `base[i]`
    and `base[i + 3]` are both '_' (bytes at `limit` and beyond count as neither), with the
    newlines in `[from, i)`. Reads bytes in `[from, limit)` only; needs `from <= end <= limit`.
    A `level` the CPU lacks falls back to the best one it has. */
cls_candidate cls_next_candidate(const uint8_t *base, size_t from, size_t end, size_t limit, int level);

#endif
