#!/bin/sh
# Captures the console screens shown in docs/user-guide.md from a real terminal (tmux) running
# `helofix demo`, and prints them as Markdown code blocks. Run from the repository after
# `swift build`:  sh docs/tools/capture-screens.sh > /tmp/screens.md
set -eu
HELOFIX=${HELOFIX:-.build/debug/helofix}
SOCKET=helofix-docs-$$
T="tmux -L $SOCKET -f /dev/null"
trap '$T kill-server 2>/dev/null || true' EXIT

# Polls the screen until it contains $1 (at most ~10 s); never a fixed sleep.
wait_for() {
    i=0
    while ! $T capture-pane -p -t docs | grep -qF -- "$1"; do
        i=$((i + 1))
        [ $i -gt 200 ] && { echo "timed out waiting for: $1" >&2; exit 1; }
        sleep 0.05
    done
}

# Prints the screen under a heading, with the demo's temporary folder made stable.
shot() {
    printf '### %s\n\n```text\n' "$1"
    $T capture-pane -p -t docs | sed -e 's|/tmp/helofix-demo-[0-9a-f]*|/tmp/helofix-demo-XXXXXXXX|g' -e 's/[[:space:]]*$//'
    printf '```\n\n'
}

keys() { $T send-keys -t docs "$@"; }
text() { $T send-keys -t docs -l "$1"; }

$T new-session -d -s docs -x 100 -y 30 "exec env TERM=tmux-256color LANG=C.UTF-8 $HELOFIX demo"
wait_for "!! 3 critical"
shot "The main screen"
keys n Enter
wait_for "Evidence"
shot "A finding's detail (n, then Enter)"
keys Escape
wait_for "Whitelisted senders"
keys /; text shop.example; keys Enter
wait_for "Hosted domains (1/5)"
keys e
wait_for "What can be done"
shot "Fixing a row: the options (e)"
keys Enter
wait_for "OK: Remove every trace"
shot "The form, validated as you type"
keys Enter
wait_for "+++ b/etc/localdomains"
shot "The preview: every file's diff"
keys Enter
wait_for "Type the domain"
shot "The confirmation names the change"
text shop.example.com; keys Enter
wait_for "The finding is gone"
shot "Applied, and the finding is gone"
keys Enter H
wait_for "committed  remove-domain-traces"
shot "The history (H)"
keys Escape
wait_for "Whitelisted senders"
keys w
wait_for "What is wrong"
shot "The wizard: what is wrong (w)"
keys Enter
wait_for "What can be done"
shot "The wizard: the options with their trade-offs"
