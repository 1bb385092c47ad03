#!/usr/bin/env bash
# Peak memory (maximum resident set size) of the app and of every export on a
# generated session of 50 participants and 3,000 answers. Budget: 30 MiB each.
# Needs GNU time (/usr/bin/time) and tmux; run after `cargo build --release`.
set -euo pipefail
bin="${1:-target/release/samspel}"
dir=$(mktemp -d)
trap 'tmux kill-session -t samspel-mem 2>/dev/null || true; rm -rf "$dir"' EXIT
export SAMSPEL_DATA_DIR="$dir"
session="$dir/stor.samspel.json"
"$bin" demo --generate --participants 50 --answers 3000 --out "$session" >/dev/null
peak() { # label, command...
    local label=$1; shift
    /usr/bin/time -f '%M' -o "$dir/kib" "$@" >/dev/null
    printf '%-16s %6.1f MiB\n' "$label" "$(awk '{print $1 / 1024}' "$dir/kib")"
}
for format in json csv notes-md notes-docx notes-txt agreement-md agreement-docx; do
    peak "$format" "$bin" export "$session" --format "$format" --out "$dir/out.$format"
done
# The app: opened in a terminal at projector size, a typed answer, the wall, quit.
tmux new-session -d -s samspel-mem -x 160 -y 45 \
    "/usr/bin/time -f '%M' -o '$dir/app-kib' '$bin' open '$session'"
sleep 1
tmux send-keys -t samspel-mem a 'Ett svar med åäö och 🙈' Enter p
sleep 1
# Escape and q apart: together a terminal reads them as Alt+q.
tmux send-keys -t samspel-mem Escape
sleep 0.3
tmux send-keys -t samspel-mem q
for _ in $(seq 50); do [ -s "$dir/app-kib" ] && break; sleep 0.1; done
printf '%-16s %6.1f MiB\n' "app" "$(awk '{print $1 / 1024}' "$dir/app-kib")"
