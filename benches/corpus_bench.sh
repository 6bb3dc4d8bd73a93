#!/usr/bin/env bash
# Corpus benchmark: tigang against the I/O-and-scan floor (ripgrep counting heading lines).
#
# Builds a corpus of about 100 MB by copying the texts at hand (../shared/seeds and
# ../shared/corpus when present, else examples/ and tests/fixtures/) into a temporary folder,
# then times, best of 3:
#   tigang extract --format json --jobs 1   and   --jobs 2
#   rg -j1 -c PATTERN   (single-threaded ripgrep counting lines that start with a heading marker)
# and prints MB/s for each, the ratios tigang / ripgrep, and tigang's peak memory.
# Usage: benches/corpus_bench.sh [MB]   (needs ripgrep: apt-get install ripgrep)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-100}
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/tigang

sources=()
for d in ../shared/seeds ../shared/corpus; do [ -d "$d" ] && sources+=("$d"/*.txt); done
[ ${#sources[@]} -gt 0 ] || sources=(examples/*.txt tests/fixtures/*.txt)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
set_bytes=$(cat "${sources[@]}" | wc -c)
copies=$(( target_mb * 1000000 / set_bytes + 1 ))
for ((i = 0; i < copies; i++)); do
  mkdir -p "$corpus/$((i / 100))"
  for f in "${sources[@]}"; do cp "$f" "$corpus/$((i / 100))/${i}_$(basename "$f")"; done
done
bytes=$(du -sb "$corpus" | cut -f1)
files=$(find "$corpus" -name '*.txt' | wc -l)
cat "$corpus"/*/* > /dev/null  # warm the page cache

best() {  # best wall time of 3 runs, in seconds
  local b=
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    b=$(python3 -c "print(min(float('${b:-1e9}'), $e - $s))")
  done
  echo "$b"
}
pattern='^[\s\x{3000}]*([一二三四五六七八九十]+[、．.，是要]|[（(][一二三四五六七八九十0-9]+[）)]|第[一二三四五六七八九十]+|[0-9０-９]+[.．、]|[①-⑳]|——|首先|其次|再次|最后)'
rg_t=$(best rg -j1 -c "$pattern" "$corpus")
t1=$(best "$bin" extract --format json --quiet --jobs 1 "$corpus")
t2=$(best "$bin" extract --format json --quiet --jobs 2 "$corpus")
peak1=$(/usr/bin/time -f %M "$bin" extract --format json --quiet --jobs 1 "$corpus" 2>&1 >/dev/null | tail -1)
peak2=$(/usr/bin/time -f %M "$bin" extract --format json --quiet --jobs 2 "$corpus" 2>&1 >/dev/null | tail -1)
python3 - "$bytes" "$files" "$rg_t" "$t1" "$t2" "$peak1" "$peak2" <<'PY'
import sys
b, files, rg, t1, t2, p1, p2 = sys.argv[1:]
b, files, rg, t1, t2 = int(b), int(files), float(rg), float(t1), float(t2)
mb = b / 1e6
print(f"corpus: {mb:.1f} MB in {files} files")
print(f"ripgrep -j1 -c:           {rg:6.3f} s  {mb/rg:7.1f} MB/s")
print(f"tigang --jobs 1:          {t1:6.3f} s  {mb/t1:7.1f} MB/s  ratio {t1/rg:4.2f}  peak {int(p1)/1024:.1f} MB")
print(f"tigang --jobs 2:          {t2:6.3f} s  {mb/t2:7.1f} MB/s  ratio {t2/rg:4.2f}  peak {int(p2)/1024:.1f} MB")
PY
