#!/usr/bin/env bash
# Runs each fuzz target for a while (default 60 s each; `scripts/fuzz.sh 600` for
# ten minutes). Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Findings land in fuzz/artifacts/<target>/; add each as a regression test.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")/../fuzz"
# New inputs go to corpus/<target> (not committed); seeds/<target> holds the
# committed interesting inputs (the small ones of a ten-minute run, after cmin).
for target in session_loader program_loader keys; do
    mkdir -p "corpus/$target" "seeds/$target"
    # Key sequences: two bytes a step, up to 256 steps; files: up to 64 KB.
    max_len=65536
    [ "$target" = keys ] && max_len=512
    cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -len_control=0
done
