#!/usr/bin/env bash
# Times planwright against two general Markdown linters on the same
# generated tree: rumdl (PyPI, installed into a throwaway virtualenv) and
# markdownlint-cli2 (npm, installed into a throwaway folder). Neither checks
# what planwright checks; they show what "fast for a Markdown linter" means.
#
#   scripts/bench-compare.sh [TREE] [PLANS]
#
# TREE defaults to a temporary folder, generated with PLANS plans (10000).
# Needs cargo, python3 (with venv) and npm; prints medians of 3 runs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=${1:-$work/plans}
plans=${2:-10000}

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p planwright -p planwright_bench
target=$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
bin="$target/release"

if [ ! -d "$tree" ]; then
  "$bin/planwright-bench" gen "$tree" --plans "$plans"
fi
"$bin/planwright-bench" run "$tree" --planwright "$bin/planwright"

echo
echo "installing rumdl and markdownlint-cli2 into $work ..."
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet rumdl
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund markdownlint-cli2 >/dev/null)

# Median wall time in seconds of 3 runs of a command (exit status ignored:
# every linter reports findings on this tree).
median() {
  local times=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

pw=$(median "$bin/planwright" lint --format concise "$tree")
rumdl=$(median "$work/venv/bin/rumdl" check --no-cache "$tree")
mdl=$(cd "$tree" && median "$work/node_modules/.bin/markdownlint-cli2" "**/*.md" "#node_modules")

echo
printf '%-24s %10s %12s\n' tool seconds "x planwright"
for row in "planwright:$pw" "rumdl:$rumdl" "markdownlint-cli2:$mdl"; do
  name=${row%%:*}
  t=${row#*:}
  printf '%-24s %10.3f %12.1f\n' "$name" "$t" "$(echo "$t / $pw" | bc -l)"
done
