#!/bin/sh
# Benchmark `dangxue report` over generated completion files (SPEC budget: 10,000
# files in under 1 s). Usage: bench/report.sh [N] [DIR]
set -eu
n=${1:-10000}
dir=${2:-${TMPDIR:-/tmp}/dangxue-report-bench}
home=$(mktemp -d)
cargo build --release --bin dangxue --example gen_completions
rm -rf "$dir"
./target/release/examples/gen_completions "$dir" "$n"
echo "files: $(ls "$dir" | wc -l), $(du -sh "$dir" | cut -f1)"
for format in json table; do
  for run in 1 2 3; do
    # Exit 1 is expected: every tenth generated file claims too high a score.
    /usr/bin/time -f "$format run $run: %e s wall, %U s user, %S s sys, %M KB max RSS" \
      ./target/release/dangxue report "$dir" --home "$home" --format "$format" >/dev/null || true
  done
done
rm -rf "$home"
