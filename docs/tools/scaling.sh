#!/bin/sh
# The scaling table of docs/performance.md: `helofix inspect --format json` against `grep -c` for
# 10,000 / 100,000 / 1,000,000 domains and 64 MiB / 1 GiB / 4 GiB logs, both log profiles, one
# timed run each (CPU user+sys, wall, peak RSS from GNU time), the load average beside every row.
#
#   sh docs/tools/scaling.sh WORKDIR [DOMAINS...] [-- LOG_MIBS...]
#
# Generates one server per domain count and the logs per size under WORKDIR (about 60 GB of disk
# for the full table), prints Markdown rows, and deletes what it generated unless KEEP=1 (a second
# run reuses what is kept). GEN_ONLY=1 generates without timing anything.
# Build first: swift build -c release --product helofix --product helofix-bench
set -eu
work=${1:?usage: scaling.sh WORKDIR [DOMAINS...] [-- LOG_MIBS...]}; shift
bin=${BIN:-.build/release}
domains="" ; mibs=""
while [ $# -gt 0 ]; do [ "$1" = "--" ] && { shift; mibs="$*"; break; }; domains="$domains $1"; shift; done
domains=${domains:-10000 100000 1000000}; mibs=${mibs:-64 1024 4096}
mkdir -p "$work"
time_one() { # LABEL CMD... -> "cpu wall rss"
    /usr/bin/time -f "%U %S %e %M" -o "$work/.time" "$@" > "$work/.out" 2>/dev/null || true
    awk '{ printf "%.2f %.2f %.0f", $1 + $2, $3, $4 / 1024 }' "$work/.time"
}
echo "| domains | log | profile | inspect CPU | grep CPU | CPU ratio | inspect wall | grep wall | inspect peak RSS | load |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in $domains; do
    server="$work/server-$n"
    "$bin/helofix-bench" --generate-only --domains "$n" --log-mib 1 --profile sparse --dir "$server" > /dev/null
    for m in $mibs; do
        logs="$work/logs-$n-$m"
        "$bin/helofix-bench" --generate-only --logs-only --domains "$n" --log-mib "$m" --dir "$logs" > /dev/null
        [ "${GEN_ONLY:-0}" = 1 ] && continue
        for p in sparse flood; do
            log="$logs/var/log/exim_mainlog"; [ $p = flood ] && log="$logs/flood/exim_mainlog"
            grep -c 'Host impersonating' "$log" > /dev/null # into the page cache
            "$bin/helofix" inspect --format json --no-dns --root "$server" --log "$log" > /dev/null 2>&1 || true
            set -- $(time_one "$bin/helofix" inspect --format json --no-dns --root "$server" --log "$log"); ic=$1 iw=$2 ir=$3
            set -- $(time_one grep -c 'Host impersonating' "$log"); gc=$1 gw=$2
            ratio=$(awk -v i="$ic" -v g="$gc" 'BEGIN { if (g <= 0.02) print "n/a (grep <= 0.02 s)"; else printf "%.1f", i / g }')
            load=$(cut -d' ' -f1 /proc/loadavg)
            echo "| $n | $m MiB | $p | $ic s | $gc s | $ratio | $iw s | $gw s | $ir MiB | $load |"
        done
        [ "${KEEP:-0}" = 1 ] || rm -rf "$logs"
    done
    [ "${KEEP:-0}" = 1 ] || rm -rf "$server"
done
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
