#!/bin/sh
# Runs on each server, sent by collect.yml (ansible.builtin.script): copies the files helofix reads
# and only the impersonation lines of the mail logs into a temporary tree and packs it.
# Read-only towards the server's own files; installs nothing; needs only sh, grep, gzip, tar, find.
#
#   collect.sh collect|list ROOT DAYS SPEC...
#   SPEC: USE|PATH|SUFFIX (USE as printed by `helofix files`), log|PATH, marker|TEXT
set -u
mode=$1 root=${2%/} days=$3
shift 3
export LC_ALL=C
# The copies are the server's private mail configuration: readable by the collecting user only.
umask 077

if [ "$mode" = list ]; then
    for spec in "$@"; do
        use=${spec%%|*} rest=${spec#*|}
        path=${rest%%|*}
        case $use in
            content) [ -f "$root$path" ] && echo "would fetch $path" ;;
            directory) [ -d "$root$path" ] && echo "would fetch $path/*" ;;
            names | subdirectories) [ -d "$root$path" ] && echo "would list $path" ;;
            log) for f in "$root$path" "$root$path".* "$root$path"-*; do
                     [ -f "$f" ] && echo "would filter ${f#"$root"}"
                 done ;;
        esac
    done
    exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/helofix-collect.XXXXXX") || { echo "cannot create a temporary directory" >&2; exit 1; }
echo "work=$work"
tree=$work/tree
patterns=$work/patterns
mkdir "$tree" && : > "$patterns" || exit 1
for spec in "$@"; do
    case $spec in marker\|*) printf '%s\n' "${spec#marker|}" >> "$patterns" ;; esac
done
# Lines older than DAYS are dropped; lines that do not start with a date (syslog format) are kept.
since=$(date -d "-$days days" +%F 2>/dev/null || echo 0000-00-00)
files=0 absent=0 logs=0 lines=0

parent() { mkdir -p "$tree${1%/*}"; }

for spec in "$@"; do
    use=${spec%%|*} rest=${spec#*|}
    path=${rest%%|*} suffix=${rest#*|}
    [ "$suffix" = "$rest" ] && suffix=""
    src=$root$path
    case $use in
        content)
            if [ -f "$src" ]; then
                parent "$path"
                if cat "$src" > "$tree$path" 2>/dev/null; then files=$((files + 1)); else echo "unreadable $path"; rm -f "$tree$path"; fi
            else
                absent=$((absent + 1))
            fi ;;
        presence)
            if [ -d "$src" ]; then mkdir -p "$tree$path"
            elif [ -e "$src" ] && [ ! -e "$tree$path" ]; then parent "$path"; : > "$tree$path"; fi ;;
        names)
            [ -d "$src" ] || continue
            mkdir -p "$tree$path"
            for f in "$src"/*"$suffix"; do [ -f "$f" ] && : > "$tree$path/${f##*/}"; done ;;
        subdirectories)
            [ -d "$src" ] || continue
            mkdir -p "$tree$path"
            for d in "$src"/*/; do [ -d "$d" ] && d=${d%/} && mkdir -p "$tree$path/${d##*/}"; done ;;
        directory)
            [ -d "$src" ] || continue
            mkdir -p "$tree$path"
            for f in "$src"/*; do
                [ -f "$f" ] || continue
                if cat "$f" > "$tree$path/${f##*/}" 2>/dev/null; then files=$((files + 1)); else echo "unreadable $path/${f##*/}"; fi
            done ;;
        log)
            for f in "$src" "$src".* "$src"-*; do
                [ -f "$f" ] || continue
                [ -n "$(find "$f" -prune -mtime +"$days")" ] && continue
                name=${f##*/}
                out=$tree${path%/*}/${name%.gz}
                parent "$path"
                case $f in
                    *.gz) gzip -dc "$f" 2>/dev/null | grep -F -f "$patterns" ;;
                    *) grep -F -f "$patterns" "$f" ;;
                esac | awk -v s="$since" '{ d = substr($0, 1, 10) } d !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ || d >= s' > "$out"
                logs=$((logs + 1))
                lines=$((lines + $(wc -l < "$out")))
            done ;;
    esac
done

[ "$logs" -gt 0 ] || echo "no mail log found under ${root:-/} (looked for the paths helofix files lists)"
echo "collected $files files, $lines impersonation log lines from $logs log files; $absent listed files absent (other platforms' files are expected to be absent)"
tar -czf "$work/tree.tgz" -C "$tree" . || exit 1
echo "archive=$work/tree.tgz"
