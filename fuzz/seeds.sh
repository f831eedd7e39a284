#!/bin/sh
# Seeds the fuzz corpora with the repository's own example plans (and, for
# the fill target, its built-in templates). Run from
# anywhere; the corpora (fuzz/corpus/, git-ignored) are created as needed.
# Only examples/ is copied: third-party plans must never land in the repo.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
for target in parse edit lint; do
    mkdir -p "$fuzz/corpus/$target"
    cp "$fuzz"/../examples/*.md "$fuzz/corpus/$target/"
done
# The fill target reads its first byte as the choice of title and [fill]
# table, and the rest as a template: the built-in templates, and the
# examples as templates of a user's own, each behind one such byte.
mkdir -p "$fuzz/corpus/fill"
for f in "$fuzz"/../crates/planwright_core/data/dialects/*.md "$fuzz"/../examples/*.md; do
    { printf 'A'; cat "$f"; } > "$fuzz/corpus/fill/$(basename "$f" .md)"
done
echo "seeded $(ls "$fuzz"/../examples/*.md | wc -l) example plans into $fuzz/corpus/{parse,edit,lint}, and them and the built-in templates into $fuzz/corpus/fill"
