#!/usr/bin/env bash
# The README's set-up, as written, on a fresh clone: clone this repository into a temporary folder
# and run the commands of the ```sh block under "## Set up" there, with nothing but what they
# install on the PATH. Installs into the temporary folder (CARGO_INSTALL_ROOT), not ~/.cargo, and
# builds into this checkout's target/ so that CI does not compile everything twice.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

commands=$(awk '/^## Set up/ { s = 1 } s && /^```sh/ { b = 1; next } b && /^```/ { exit } b' "$repo/README.md" |
  sed 's/[[:space:]][[:space:]]*#.*$//' | grep -v '^[[:space:]]*$')
count=$(printf '%s\n' "$commands" | wc -l)
if [ "$count" -ne 2 ]; then
  echo "readme_setup: the README's set-up block has $count commands, not two:" >&2
  printf '%s\n' "$commands" >&2
  exit 1
fi

git clone --quiet "$repo" "$tmp/clone"
cd "$tmp/clone"
printf '%s\n' "$commands" | sed 's/^/readme_setup: $ /'
out=$(CARGO_INSTALL_ROOT="$tmp/root" CARGO_TARGET_DIR="$repo/target" PATH="$tmp/root/bin:$PATH" \
  bash -euo pipefail -c "$commands")
# The second command outlines the bundled example: its first section must be there.
if ! printf '%s\n' "$out" | grep -q '认清形势，增强抓好水利建设的紧迫感'; then
  echo "readme_setup: the example's outline is not in the output:" >&2
  printf '%s\n' "$out" | head -20 >&2
  exit 1
fi
echo "readme_setup: the README's set-up works on a fresh clone"
