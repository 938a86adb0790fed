#!/usr/bin/env bash
# Review packets of the precision benchmark (docs/precision.md): one markdown per file of the committed
# sample, for a reviewer who did not write the passes, plus the batch's verdict template.
#
#   bash scripts/precision/packets.sh --binary PATH --out DIR [--sample FILE] [--contexts DIR]
#     --sample   default docs/precision/sample.tsv
#
# Each packet: the file's corpus name, repository, path and context; the context's top-level listing,
# its .dockerignore (or <Dockerfile name>.dockerignore) and the other Dockerfiles sharing it; the original
# with line numbers; the unified diff and the findings exactly as 'dockeropt rewrite' prints them; and the
# numbered changes to rate (change N = the tool's N-th applied finding). DIR/verdicts-template.tsv has one
# row per change and one 'merge' row per file, to fill in.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$PRECISION_ROOT
binary='' out='' sample=$ROOT/docs/precision/sample.tsv contexts=''
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --contexts) contexts=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$binary" ] && [ -n "$out" ] || { echo "usage: packets.sh --binary PATH --out DIR [--sample FILE]" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq missing: apt-get install -y jq" >&2; exit 2; }
contexts=$(find_contexts "$contexts")
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
sample=$(cd "$(dirname "$sample")" && pwd)/$(basename "$sample")
mkdir -p "$out"; out=$(cd "$out" && pwd)
rm -f "$out"/[0-9]*.md "$out/verdicts-template.tsv" "$out/README.md"
commit=$( [ -f "$(dirname "$binary")/COMMIT" ] && cat "$(dirname "$binary")/COMMIT" || echo unknown)

fence() { # a code fence longer than any backtick run in the text
  local longest; longest=$({ grep -o '`*' "$1" 2>/dev/null || true; } | awk '{ if (length > m) m = length } END { print m + 0 }')
  printf '%*s' $((longest < 3 ? 3 : longest + 1)) '' | tr ' ' '`'
}

printf 'corpus_file\tchange_no\tpass\tverdict\treason\n' >"$out/verdicts-template.tsv"
{
  echo "# Review packets ($(($(wc -l <"$sample") - 1)) files)"
  echo
  echo "dockeropt \`$binary\` (commit $commit), $(date -u +%Y-%m-%dT%H:%MZ). How to rate: docs/precision.md in the"
  echo "repository (rubric, verdict TSV). Fill in verdicts-template.tsv beside this file."
  echo
} >"$out/README.md"

tail -n +2 "$sample" | while IFS=$'\t' read -r no corpus repo dockerfile context _; do
  packet=$out/$(printf '%02d' "$no")-$(echo "$corpus" | tr '/' '_').md
  work=$(mktemp -d)
  (cd "$contexts" && "$binary" rewrite "$dockerfile" --context "$context" >"$work/text" 2>&1) || true
  (cd "$contexts" && "$binary" rewrite "$dockerfile" --context "$context" --format json >"$work/json" 2>/dev/null) || true
  # The text output is the diff(s) first, then the report, whose first line is '<path>: ...'.
  awk -v p="$dockerfile: " 'index($0, p) == 1 { report = 1 } { print > (report ? "'"$work/report"'" : "'"$work/diff"'") }' "$work/text"
  touch "$work/diff" "$work/report"
  base=$(basename "$dockerfile") dir=$(dirname "$dockerfile")
  marker=$(generated_marker "$contexts/$dockerfile")
  in_repo=${context#*/}; [ "$context" = "${context%%/*}" ] && in_repo=.  # the context's path inside its repository
  {
    echo "# $no. $corpus"
    echo
    echo "- repository: $repo (path in it: \`${dockerfile#*/}\`)"
    echo "- build context: \`$in_repo\`$( [ "$in_repo" = . ] && echo " (the repository root)")"
    echo "- header says generated: ${marker:-no}"
    echo "- dockeropt: commit $commit, default level, \`dockeropt rewrite ${dockerfile#*/} --context $in_repo\`"
    echo
    echo "## Build context"
    echo
    if [ -f "$contexts/$context/.dockerignore" ]; then echo "- \`.dockerignore\` in the context: yes ($(wc -l <"$contexts/$context/.dockerignore") lines)"; else echo "- \`.dockerignore\` in the context: no"; fi
    if [ -f "$contexts/$dir/$base.dockerignore" ]; then echo "- \`$base.dockerignore\` beside the Dockerfile (takes precedence): yes"; else echo "- \`$base.dockerignore\` beside the Dockerfile (takes precedence): no"; fi
    others=$(awk -F'\t' -v c="$context" -v d="$dockerfile" 'NR > 1 && $4 == c && $3 != d { print $3 }' "$contexts/INDEX.tsv")
    echo "- other corpus Dockerfiles using this context: $( [ -z "$others" ] && echo none || echo "$others" | wc -l)"
    if [ -n "$others" ]; then echo "$others" | head -n 10 | sed 's|^[^/]*/|  - `|; s|$|`|'; fi
    echo
    echo "Top level (files are placeholders except manifests, scripts and Dockerfiles; \`/\` marks a folder):"
    echo
    echo '```'
    (cd "$contexts/$context" && ls -A -p | head -n 80; n=$(ls -A | wc -l); if [ "$n" -gt 80 ]; then echo "... and $((n - 80)) more"; fi)
    echo '```'
    for ignore in "$contexts/$context/.dockerignore" "$contexts/$dir/$base.dockerignore"; do
      [ -f "$ignore" ] || continue
      f=$(fence "$ignore")
      echo
      echo "<details><summary>$(basename "$ignore") as it is</summary>"
      echo
      echo "$f"; head -n 100 "$ignore"; echo "$f"
      echo "</details>"
    done
    echo
    echo "## Original"
    echo
    f=$(fence "$contexts/$dockerfile")
    echo "${f}dockerfile"
    awk '{ sub(/\r$/, ""); printf "%4d  %s\n", NR, $0 }' "$contexts/$dockerfile"
    echo "$f"
    echo
    echo "## Diff (as dockeropt prints it)"
    echo
    if [ -s "$work/diff" ]; then f=$(fence "$work/diff"); echo "${f}diff"; cat "$work/diff"; echo "$f"; else echo "(no diff)"; fi
    echo
    echo "## Findings (as dockeropt prints them)"
    echo
    f=$(fence "$work/report")
    echo "$f"; cat "$work/report"; echo "$f"
    echo
    echo "## Changes to rate"
    echo
    echo "Change N is the tool's N-th applied finding above (the \"N changes\" of its first line). Rate each one;"
    echo "add missed opportunities as m1, m2...; then say whether the whole rewrite is mergeable as-is."
    echo
    if jq -e '.passes' "$work/json" >/dev/null 2>&1; then
      changes=$(jq -r '[.passes[] | .id as $id | .findings[] | select(.kind == "applied") | . + {pass: $id}]
        | to_entries[] | "\(.key + 1). `\(.value.pass)`, line \(.value.line): \(.value.message)\(if .value.changesBehaviour then " **[changes behaviour]**" else "" end)"' "$work/json")
    else
      changes=''
    fi
    if [ -n "$changes" ]; then echo "$changes"; else echo "(none: the tool changes nothing here; rate only missed opportunities and 'merge')"; fi
  } >"$packet"
  jq -r --arg c "$corpus" '[.passes[] | .id as $id | .findings[] | select(.kind == "applied") | $id]
    | to_entries[] | [$c, (.key + 1), .value, "", ""] | @tsv' "$work/json" >>"$out/verdicts-template.tsv" 2>/dev/null || true
  printf '%s\tmerge\t-\t\t\n' "$corpus" >>"$out/verdicts-template.tsv"
  summary=$(head -n 1 "$work/report"); echo "- [$no. $corpus]($(basename "$packet")): ${summary#"$dockerfile: "}" >>"$out/README.md"
  rm -rf "$work"
done
echo "packets: $(ls "$out"/[0-9]*.md | wc -l) in $out; verdict template $out/verdicts-template.tsv" >&2
