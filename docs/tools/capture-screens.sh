#!/bin/sh
# Captures the console screens shown in docs/user-guide.md (100x30) and docs/console.md (80x24)
# from a real terminal (tmux) running `helofix demo`, and those of docs/fleet.md (100x30) from
# `helofix fleet DEST --console` on the demo fleet (`helofix demo --fleet-to DEST`), so the
# documents show what the program really draws. Run from the repository after `swift build`:
#   sh docs/tools/capture-screens.sh            print the screens as Markdown
#   sh docs/tools/capture-screens.sh --update   rewrite the captures in the documents
#   sh docs/tools/capture-screens.sh --check    exit 1 (with a diff) when a document is out of date
# In the documents, `<!-- screen: NAME -->` marks the ```text block that holds capture NAME.
set -eu
MODE=${1:-print}
HELOFIX=${HELOFIX:-.build/debug/helofix}
SOCKET=helofix-docs-$$
T="tmux -L $SOCKET -f /dev/null"
SHOTS=$(mktemp -d)
trap '$T kill-server 2>/dev/null || true; rm -rf "$SHOTS"' EXIT

# Polls the screen until it contains $1 (at most ~60 s: a loaded CI machine is slow); never a fixed sleep.
wait_for() {
    i=0
    while ! $T capture-pane -p -t docs | grep -qF -- "$1"; do
        i=$((i + 1))
        [ $i -gt 1200 ] && { echo "timed out waiting for: $1" >&2; $T capture-pane -p -t docs >&2; exit 1; }
        sleep 0.05
    done
}

# Saves the screen as capture $1, with what changes from run to run made stable: the demo's
# temporary folder, transaction ids and their times (the digits become 9s, so widths stay).
shot() {
    $T capture-pane -p -t docs | perl -pe '
        s{/tmp/helofix-demo-[0-9a-f]+}{/tmp/helofix-demo-XXXXXXXX}g;
        s{\b(\d{8}-\d{6}-[0-9a-f]+)\b}{ $1 =~ tr/0-9a-f/9/r }ge;
        s{^(\s*)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(  \S+  (?:committed|rolled-back|rollback|failed))}{$1 . "9999-99-99 99:99:99" . $2}e;
        s{[ \t]+$}{};
    ' > "$SHOTS/$1.txt"
    printf '%s\n' "$2" > "$SHOTS/$1.title"
}

keys() { $T send-keys -t docs "$@"; }
text() { $T send-keys -t docs -l "$1"; }
start() { $T new-session -d -s docs -x "$1" -y "$2" "exec env TERM=tmux-256color LANG=C.UTF-8 HOME=$SHOTS $HELOFIX demo"; }

# The user guide: a whole session at 100x30.
start 100 30
wait_for "!! 3 critical"
wait_for "log: 21 rejections"
shot ug-main "The main screen"
keys n Enter
wait_for "refused 12 times"
shot ug-detail "A finding's detail (n, then Enter)"
keys Escape
wait_for "Whitelisted senders"
keys /; text shop.example; keys Enter
wait_for "Hosted domains (1/5)"
keys e
wait_for "What can be done"
shot ug-options "Fixing a row: the options (e)"
keys Enter
wait_for "OK: Remove every trace"
shot ug-form "The form, validated as you type"
keys Enter
wait_for "+++ b/etc/localdomains"
shot ug-preview "The preview: every file's diff"
keys Enter
wait_for "Type the domain"
shot ug-confirm "The confirmation names the change"
text shop.example.com; keys Enter
wait_for "The finding is gone"
shot ug-applied "Applied, and the finding is gone"
keys Enter H
wait_for "committed  remove-domain-traces"
shot ug-history "The history (H)"
keys Escape
wait_for "Whitelisted senders"
keys Escape w
wait_for "What is wrong"
shot ug-wizard-explain "The wizard: what is wrong (w)"
keys Enter
wait_for "What can be done"
shot ug-wizard-options "The wizard: the options with their trade-offs"
keys Enter
wait_for "By hand:"
shot ug-wizard-by-hand "The wizard: a change made by hand"
keys q
$T kill-session -t docs 2>/dev/null || true

# The console reference: the common SSH size, 80x24.
start 80 24
wait_for "!! 3 critical"
wait_for "watching the mail log"
shot console-main "The main screen at 80x24"
keys n
wait_for "!! 1/"
shot console-next-finding "n selects the first finding's rows"
keys Enter
wait_for "refused 12 times"
shot console-detail "A finding's detail at 80x24"
keys Escape
wait_for "Whitelisted senders"
keys ?
wait_for "Help: keys on the main screen"
shot console-help "The help page at 80x24"
keys Escape Escape
keys /; text sho
wait_for "Filter: sho"
shot console-filter "The filter being typed"
keys Escape q
$T kill-session -t docs 2>/dev/null || true

# The fleet console: the three demo servers as the playbook collects them, DNS off (no network here).
$HELOFIX demo --fleet-to "$SHOTS/fleet" >/dev/null
$T new-session -d -s docs -x 100 -y 30 "exec env TERM=tmux-256color LANG=C.UTF-8 HOME=$SHOTS $HELOFIX fleet $SHOTS/fleet --no-dns --console"
wait_for "fleet: all servers"
wait_for "shop.example.net"
shot fleet-main "The fleet console: every server's rows, with the server column"
keys s s
wait_for "fleet: server old"
shot fleet-server "s twice: only the server old"
keys S S f
wait_for "domain-on-two-servers"
shot fleet-findings "The findings (f): the cross-server ones first"
keys Enter
wait_for "fix on: old"
shot fleet-detail "A cross-server finding: servers, fix on, the commands to run there"
keys e
wait_for "fleet view is read-only"
shot fleet-fix-key "The fix key in the fleet console says where to run what"
keys q

case "$MODE" in
print)
    for f in "$SHOTS"/*.txt; do
        printf '### %s\n\n```text\n' "$(cat "${f%.txt}.title")"
        cat "$f"
        printf '```\n\n'
    done
    ;;
--update|--check)
    python3 "$(dirname "$0")/sync-screens.py" "$MODE" "$SHOTS" docs/user-guide.md docs/console.md docs/fleet.md
    ;;
*)
    echo "usage: $0 [--update|--check]" >&2
    exit 2
    ;;
esac
