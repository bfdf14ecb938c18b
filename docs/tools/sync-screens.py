#!/usr/bin/env python3
"""Puts fresh console captures into the documents, or checks that they are there.

usage: sync-screens.py --update|--check SHOTS_DIR DOC.md...

Each `<!-- screen: NAME -->` line in a document is followed by a ```text block; that block is
replaced by SHOTS_DIR/NAME.txt (--update), or compared with it (--check: a unified diff and exit
status 1 when any differs, so CI notices a screen that changed without its documentation).
"""
import difflib
import os
import re
import sys

MARK = re.compile(r"^<!-- screen: ([\w-]+) -->$")


def sync(path, shots, update):
    lines = open(path, encoding="utf-8").read().split("\n")
    out, stale, used = [], [], set()
    i = 0
    while i < len(lines):
        out.append(lines[i])
        m = MARK.match(lines[i])
        i += 1
        if not m:
            continue
        name = m.group(1)
        shot = os.path.join(shots, name + ".txt")
        if not os.path.exists(shot):
            sys.exit(f"{path}: no capture named {name} (see docs/tools/capture-screens.sh)")
        fresh = open(shot, encoding="utf-8").read().rstrip("\n").split("\n")
        if i >= len(lines) or lines[i] != "```text":
            sys.exit(f"{path}:{i + 1}: a ```text block must follow the screen: {name} mark")
        end = lines.index("```", i + 1)
        old = lines[i + 1:end]
        if old != fresh:
            stale.append((name, old, fresh))
        out += ["```text"] + fresh + ["```"]
        used.add(name)
        i = end + 1
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    return stale, used


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("--update", "--check"):
        sys.exit(__doc__)
    update = sys.argv[1] == "--update"
    shots = sys.argv[2]
    failed = False
    for path in sys.argv[3:]:
        stale, used = sync(path, shots, update)
        for name, old, fresh in stale:
            if update:
                print(f"{path}: updated {name}")
            else:
                failed = True
                print(f"{path}: the capture {name} is out of date:")
                sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(old, fresh, "documented", "drawn now", lineterm=""))
    if failed:
        print("Run: sh docs/tools/capture-screens.sh --update, review the diff and commit it.")
        sys.exit(1)


main()
