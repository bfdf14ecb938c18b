#!/bin/sh
# Writes `inspect` output of every fixture server, of each with a log of mutated rejection lines,
# and of the bench server with both logs (all cores and one core), so a speed change can be shown
# to change no output:
#
#   helofix-bench --write-fixtures /tmp/fx ; helofix-bench --generate-only --dir /tmp/hb
#   sh docs/tools/same-output.sh OLD/helofix /tmp/fx /tmp/hb /tmp/before
#   sh docs/tools/same-output.sh NEW/helofix /tmp/fx /tmp/hb /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# DNS is left out (--no-dns): answers depend on the resolver, not on the code being compared.
set -eu
[ $# -eq 4 ] || { echo "usage: same-output.sh HELOFIX FIXTURES_DIR BENCH_DIR OUT_DIR" >&2; exit 2; }
bin=$1 fixtures=$2 bench=$3 out=$4
mkdir -p "$out"
# Beside the fixtures, so the path in the output is the same for both builds.
mutated="$fixtures/mutated.log"

# The same mutated log every time: rejection lines from the fixtures and the flood log, each
# changed at a seeded random place (cut, byte dropped or doubled, byte replaced, case flipped).
python3 - "$mutated" "$fixtures" "$bench/flood/exim_mainlog" <<'EOF'
import os, random, sys
out, fixtures, flood = sys.argv[1], sys.argv[2], sys.argv[3]
lines = []
for dirpath, _, names in sorted(os.walk(fixtures)):
    for n in sorted(names):
        if 'mainlog' in n:
            with open(os.path.join(dirpath, n), 'rb') as f:
                lines += [l for l in f.read().split(b'\n') if b'HELO' in l or b'impersonat' in l]
with open(flood, 'rb') as f:
    for l in f:
        if b'impersonat' in l:
            lines.append(l.rstrip(b'\n'))
            if len(lines) > 3000: break
rnd = random.Random(12)
noise = [b'\x00', b'\xff', b'\xc3\xa9', b' ', b'\t', b'"', b'[', b']', b':', b'.', b'\r', b'X']
res = []
for i in range(5000):
    l = bytearray(rnd.choice(lines))
    if not l: continue
    k, p = rnd.randrange(6), rnd.randrange(len(l))
    if k == 0: l = l[:p]
    elif k == 1: del l[p]
    elif k == 2: l[p:p] = l[p:p+1]
    elif k == 3: l[p:p+1] = rnd.choice(noise)
    elif k == 4: l = bytearray(bytes(l).swapcase())
    res.append(bytes(l))
with open(out, 'wb') as f:
    f.write(b'\n'.join(res) + b'\n')
EOF

for dir in "$fixtures"/*/; do
    name=$(basename "$dir")
    "$bin" inspect --format json --no-dns --root "$dir" > "$out/$name.json" 2>&1 || true
    "$bin" inspect --no-dns --root "$dir" > "$out/$name.txt" 2>&1 || true
    "$bin" inspect --format json --no-dns --root "$dir" --log "$mutated" > "$out/$name.mutated.json" 2>&1 || true
done
for profile in sparse flood; do
    log="$bench/var/log/exim_mainlog"
    [ "$profile" = flood ] && log="$bench/flood/exim_mainlog"
    "$bin" inspect --format json --no-dns --root "$bench" --log "$log" > "$out/bench-$profile.json" 2>&1 || true
    taskset -c 0 "$bin" inspect --format json --no-dns --root "$bench" --log "$log" > "$out/bench-$profile.1core.json" 2>&1 || true
    cmp -s "$out/bench-$profile.json" "$out/bench-$profile.1core.json" || echo "DIFFERENT: $profile on one core and on all cores" >&2
done
echo "wrote $(ls "$out" | wc -l) outputs to $out"
