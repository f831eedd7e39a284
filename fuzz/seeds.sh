#!/bin/sh
# Seeds the fuzz corpora with the repository's own example plans. Run from
# anywhere; the corpora (fuzz/corpus/, git-ignored) are created as needed.
# Only examples/ is copied: third-party plans must never land in the repo.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
for target in parse edit lint; do
    mkdir -p "$fuzz/corpus/$target"
    cp "$fuzz"/../examples/*.md "$fuzz/corpus/$target/"
done
echo "seeded $(ls "$fuzz"/../examples/*.md | wc -l) example plans into $fuzz/corpus/{parse,edit,lint}"
