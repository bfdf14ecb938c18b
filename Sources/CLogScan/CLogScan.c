/* The log scan's candidate search, one loop for every instruction set.

   Each kind of vector code turns 64 bytes into four 64-bit masks (bit k set when byte k is 'i',
   'g', '_' or a newline); the loop then finds candidates with shifts on those masks, taking the
   bits that fall past the block from the next block's masks, so each byte is loaded once. The
   newline mask is counted with popcount up to the first candidate, so the caller's line numbers
   stay exact. The last bytes before `end` or `limit` (less than two blocks) are read one by one. */
#include "CLogScan.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

typedef struct {
    uint64_t i, g, u, n;
} cls_masks;

/* The byte rule itself, for the bytes the block loop leaves. */
static cls_candidate cls_tail(const uint8_t *base, size_t i, size_t end, size_t limit, size_t newlines) {
    for (; i < end; i++) {
        uint8_t c = base[i];
        if (c == '\n') {
            newlines++;
        } else if ((c == 'i' && i + 12 < limit && base[i + 12] == 'g') || (c == '_' && i + 3 < limit && base[i + 3] == '_')) {
            break;
        }
    }
    return (cls_candidate){i, newlines};
}

/* How far ahead the loop asks for memory. The loop's work per block keeps the CPU from running
   far enough ahead to have many loads in flight, so without it every page's first load waited on
   memory (`perf annotate`: two thirds of the loop on the compare after the load); 4 KiB ahead cut
   the loop's CPU on a 1 GiB log by a third to a half at every level. A prefetch never faults, so
   asking past the buffer's end is harmless. */
#define CLS_PREFETCH_AHEAD 4096

/* The loop shared by every level: MASKS(p) gives the masks of the 64 bytes at p, POPCOUNT counts
   bits. A block needs the next one loaded (a candidate's 'g' lies 12 bytes on), hence 128 bytes. */
#define CLS_SCAN(MASKS, POPCOUNT)                                                                      \
    size_t i = from, newlines = 0;                                                                     \
    if (end - i >= 64 && limit - i >= 128) {                                                           \
        cls_masks cur = MASKS(base + i);                                                               \
        for (;;) {                                                                                     \
            __builtin_prefetch((const void *)((uintptr_t)(base + i) + CLS_PREFETCH_AHEAD));           \
            cls_masks next = MASKS(base + i + 64);                                                     \
            uint64_t found = (cur.i & ((cur.g >> 12) | (next.g << 52))) |                              \
                             (cur.u & ((cur.u >> 3) | (next.u << 61)));                                \
            if (found) {                                                                               \
                uint64_t before = cur.n & ((found & (0 - found)) - 1);                                 \
                return (cls_candidate){i + (size_t)__builtin_ctzll(found), newlines + (size_t)POPCOUNT(before)}; \
            }                                                                                          \
            newlines += (size_t)POPCOUNT(cur.n);                                                       \
            cur = next;                                                                                \
            i += 64;                                                                                   \
            if (end - i < 64 || limit - i < 128) break;                                                \
        }                                                                                              \
    }                                                                                                  \
    return cls_tail(base, i, end, limit, newlines);

/* ---- Plain C: eight bytes a word, a byte equal to the pattern found without carries between
   bytes, the eight flags gathered into eight bits by one multiply. ---- */

static inline uint64_t cls_word(const uint8_t *p) {
    uint64_t w;
    __builtin_memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline uint64_t cls_equal_bits(uint64_t w, uint64_t pattern) {
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
    uint64_t t = w ^ pattern;
    uint64_t zero = ~(((t & low7) + low7) | t | low7); /* 0x80 in each byte that matched */
    return ((zero >> 7) * 0x0102040810204080ULL) >> 56;
}

static inline cls_masks cls_masks_portable(const uint8_t *p) {
    cls_masks m = {0, 0, 0, 0};
    for (int k = 0; k < 8; k++) {
        uint64_t w = cls_word(p + 8 * k);
        m.i |= cls_equal_bits(w, 0x6969696969696969ULL) << (8 * k);
        m.g |= cls_equal_bits(w, 0x6767676767676767ULL) << (8 * k);
        m.u |= cls_equal_bits(w, 0x5f5f5f5f5f5f5f5fULL) << (8 * k);
        m.n |= cls_equal_bits(w, 0x0a0a0a0a0a0a0a0aULL) << (8 * k);
    }
    return m;
}

static cls_candidate cls_scan_portable(const uint8_t *base, size_t from, size_t end, size_t limit) {
    CLS_SCAN(cls_masks_portable, __builtin_popcountll)
}

#if defined(__x86_64__)

/* ---- SSE2 (every x86-64): four 16-byte blocks. ---- */

static inline cls_masks cls_masks_sse2(const uint8_t *p) {
    const __m128i ci = _mm_set1_epi8('i'), cg = _mm_set1_epi8('g'), cu = _mm_set1_epi8('_'), cn = _mm_set1_epi8('\n');
    cls_masks m = {0, 0, 0, 0};
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        m.i |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, ci)) << (16 * k);
        m.g |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cg)) << (16 * k);
        m.u |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cu)) << (16 * k);
        m.n |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cn)) << (16 * k);
    }
    return m;
}

static cls_candidate cls_scan_sse2(const uint8_t *base, size_t from, size_t end, size_t limit) {
    CLS_SCAN(cls_masks_sse2, __builtin_popcountll)
}

/* ---- AVX2: two 32-byte blocks. ---- */

__attribute__((target("avx2,popcnt"))) static inline cls_masks cls_masks_avx2(const uint8_t *p) {
    const __m256i ci = _mm256_set1_epi8('i'), cg = _mm256_set1_epi8('g'), cu = _mm256_set1_epi8('_'), cn = _mm256_set1_epi8('\n');
    __m256i a = _mm256_loadu_si256((const __m256i *)p), b = _mm256_loadu_si256((const __m256i *)(p + 32));
#define CLS_BITS(c) ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, c)) | \
                     (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, c)) << 32)
    cls_masks m = {CLS_BITS(ci), CLS_BITS(cg), CLS_BITS(cu), CLS_BITS(cn)};
#undef CLS_BITS
    return m;
}

__attribute__((target("avx2,popcnt"))) static cls_candidate cls_scan_avx2(const uint8_t *base, size_t from, size_t end, size_t limit) {
    CLS_SCAN(cls_masks_avx2, __builtin_popcountll)
}

/* ---- AVX-512BW: one 64-byte block, compares straight into mask registers. ---- */

__attribute__((target("avx512f,avx512bw,popcnt"))) static inline cls_masks cls_masks_avx512(const uint8_t *p) {
    __m512i v = _mm512_loadu_si512((const void *)p);
    cls_masks m = {
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('i')),
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('g')),
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('_')),
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n')),
    };
    return m;
}

__attribute__((target("avx512f,avx512bw,popcnt"))) static cls_candidate cls_scan_avx512(const uint8_t *base, size_t from, size_t end, size_t limit) {
    CLS_SCAN(cls_masks_avx512, __builtin_popcountll)
}

static inline uint64_t cls_xgetbv0(void) {
    uint32_t eax, edx;
    __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((uint64_t)edx << 32) | eax;
}

/* AVX needs the OS to save the YMM registers (XCR0 bits 1-2), AVX-512 also the mask and ZMM
   registers (bits 5-7): a CPU that has the instructions under an OS that does not is SSE2 only. */
static int cls_detect_level(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return CLS_LEVEL_SSE2;
    int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1, popcnt = (c >> 23) & 1;
    if (!osxsave || !avx || !popcnt) return CLS_LEVEL_SSE2;
    uint64_t xcr0 = cls_xgetbv0();
    if ((xcr0 & 0x6) != 0x6) return CLS_LEVEL_SSE2;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return CLS_LEVEL_SSE2;
    int avx2 = (b >> 5) & 1, avx512f = (b >> 16) & 1, avx512bw = (b >> 30) & 1;
    if (!avx2) return CLS_LEVEL_SSE2;
    if (avx512f && avx512bw && (xcr0 & 0xe6) == 0xe6) return CLS_LEVEL_AVX512BW;
    return CLS_LEVEL_AVX2;
}

#else

static int cls_detect_level(void) { return CLS_LEVEL_PORTABLE; }

#endif

int cls_best_level(void) {
    /* Every thread that races here computes the same value. */
    static int cached = -1;
    int level = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (level < 0) {
        level = cls_detect_level();
        __atomic_store_n(&cached, level, __ATOMIC_RELAXED);
    }
    return level;
}

int cls_level_supported(int level) { return level >= CLS_LEVEL_PORTABLE && level <= cls_best_level(); }

cls_candidate cls_next_candidate(const uint8_t *base, size_t from, size_t end, size_t limit, int level) {
    if (!cls_level_supported(level)) level = cls_best_level();
    switch (level) {
#if defined(__x86_64__)
    case CLS_LEVEL_AVX512BW: return cls_scan_avx512(base, from, end, limit);
    case CLS_LEVEL_AVX2: return cls_scan_avx2(base, from, end, limit);
    case CLS_LEVEL_SSE2: return cls_scan_sse2(base, from, end, limit);
#endif
    default: return cls_scan_portable(base, from, end, limit);
    }
}
