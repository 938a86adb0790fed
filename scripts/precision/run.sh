#!/usr/bin/env bash
# Precision benchmark, machine part (docs/precision.md): rewrites every shared-corpus Dockerfile inside its
# real repository tree at the default level and records, per file, what the tool did; then counts tally's
# findings per rule on every original and every rewrite.
#
#   bash scripts/precision/run.sh [--binary PATH] [--out DIR] [--contexts DIR] [--jobs N] [--no-tally] [--limit N]
#     --binary    the dockeropt to measure (default: a Release build of this checkout)
#     --out       where the run goes (default: artifacts/precision/run-<commit>); emptied first
#     --contexts  the shared contexts (default: ../shared/contexts beside the repository)
#     --jobs      files rewritten in parallel (default 2, the most this machine takes)
#     --no-tally  skip the peer-linter comparison
#     --limit N   only the first N rows of INDEX.tsv (to try the script)
#     --tally-only  keep the rewrites already in --out; redo only the tally comparison and the summary
#     --rows FILE  rewrite again only the rows (file numbers, one per line) listed in FILE, in a finished --out,
#                  with --binary; the other rows keep their rewrites; then the tally comparison and summary as usual
#
# Writes into --out:
#   files.tsv     one row per Dockerfile: exit code, passes that changed it, changes, behaviour-flagged
#                 changes, generated files proposed, the image role the tool assigned, generated header
#   findings.tsv  one row per finding: pass, kind, change number (applied findings), line, flag, message
#   tally.tsv     per tally rule: findings before, after, difference, files where it rose, examples
#   tally-rises.tsv  every file and rule whose count rose in the rewrite
#   summary.md    the tables (paste into docs/precision.md)
#   json/N.json   the tool's own output per file (N = row of INDEX.tsv)
# Needs: bash, jq, awk; npm for tally (installed into artifacts/tools/tally when missing).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$PRECISION_ROOT

binary='' out='' contexts='' jobs=2 tally=1 limit=0 rewrite=1 rows=''
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --contexts) contexts=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --no-tally) tally=0; shift ;;
    --tally-only) rewrite=0; shift ;;
    --limit) limit=$2; shift 2 ;;
    --rows) rows=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "jq missing: apt-get install -y jq" >&2; exit 2; }
contexts=$(find_contexts "$contexts")
[ -n "$binary" ] || [ $rewrite = 0 ] || binary=$(build_binary)
if [ -n "$binary" ]; then
  binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
  [ -x "$binary" ] || { echo "$binary is not an executable" >&2; exit 2; }
fi
[ -n "$out" ] || out=$ROOT/artifacts/precision/run-$(git -C "$ROOT" rev-parse --short HEAD)
mkdir -p "$out"; out=$(cd "$out" && pwd)
if [ $rewrite = 0 ]; then
  [ -f "$out/files.tsv" ] && [ -d "$out/tally/after" ] || { echo "--tally-only needs a finished run in $out" >&2; exit 2; }
  [ -n "$binary" ] || binary=$(cat "$out/binary" 2>/dev/null || true)
fi

# The rewrites: every file of INDEX.tsv, two at a time.
rewrite_all() {
  local selection=$out/index.tsv
  if [ -n "$rows" ]; then
    # Only the listed rows are rewritten again; every other row keeps what the earlier run recorded.
    [ -f "$out/files.tsv" ] && [ -f "$out/index.tsv" ] || { echo "--rows needs a finished run in $out" >&2; exit 2; }
    rm -rf "$out/rows" "$out/summary.md"
    mkdir -p "$out/rows"
    awk -F'\t' -v dir="$out/rows" 'NR > 1 { f = dir "/" $1 ".row"; print >> f; close(f) }' "$out/files.tsv"
    awk -F'\t' -v dir="$out/rows" 'NR > 1 { f = dir "/" $1 ".findings"; print >> f; close(f) }' "$out/findings.tsv"
    total=$(wc -l <"$out/index.tsv")
    for n in $(seq 1 "$total"); do touch "$out/rows/$n.findings"; done
    selection=$out/index.rows.tsv
    awk -F'\t' 'NR == FNR { want[$1]; next } ($1 in want)' "$rows" "$out/index.tsv" >"$selection"
    echo "precision run: $(wc -l <"$selection") of $total files again ($rows), $binary, out $out" >&2
  else
    rm -rf "${out:?}"/{json,rows,tally} "$out"/*.tsv "$out"/summary.md
    mkdir -p "$out/json" "$out/rows" "$out/tally/before" "$out/tally/after"

    # Row N of INDEX.tsv (header excluded) is file N everywhere below.
    awk -F'\t' -v limit="$limit" 'NR > 1 && (limit == 0 || NR <= limit + 1) { print NR - 1 "\t" $1 "\t" $2 "\t" $3 "\t" $4 }' \
      "$contexts/INDEX.tsv" >"$out/index.tsv"
    total=$(wc -l <"$out/index.tsv")
    echo "precision run: $total files, $binary, contexts $contexts, out $out" >&2
  fi

  # One file: the rewrite as JSON, its row and findings, and both texts under their own basename for tally.
  one() {
    local n corpus repo dockerfile context rc base
    IFS=$'\t' read -r n corpus repo dockerfile context <<<"$1"
    cd "$CONTEXTS"
    rc=0
    "$BINARY" rewrite "$dockerfile" --context "$context" --format json >"$OUT/json/$n.json" 2>"$OUT/json/$n.err" || rc=$?
    base=$(basename "$dockerfile")
    mkdir -p "$OUT/tally/before/$n" "$OUT/tally/after/$n"
    cat "$dockerfile" >"$OUT/tally/before/$n/$base"  # no executable bit: tally refuses such files
    local marker; marker=$(generated_marker "$dockerfile")
    if [ "$rc" -le 1 ] && jq -e '.path' "$OUT/json/$n.json" >/dev/null 2>&1; then
      jq -j '.rewritten' "$OUT/json/$n.json" >"$OUT/tally/after/$n/$base"
      # The JSON's "changed" also counts a proposed .dockerignore; the Dockerfile's own text is compared here.
      local text_changed=no
      cmp -s "$OUT/tally/before/$n/$base" "$OUT/tally/after/$n/$base" || text_changed=yes
      jq -r --arg n "$n" --arg corpus "$corpus" --arg repo "$repo" --arg df "$dockerfile" --arg ctx "$context" \
        --arg rc "$rc" --arg text "$text_changed" --arg marker "${marker:--}" '
        def clean: tostring | gsub("[\t\r\n]+"; " ");
        [.passes[] | .id as $id | .findings[] | . + {pass: $id}] as $all
        | [$all[] | select(.kind == "applied")] as $applied
        | (.treatedAs.role // null) as $role
        | ([$n, $corpus, $repo, $df, $ctx, $rc, $text,
            ([.passes[] | select(any(.findings[]; .kind == "applied")) | .id] | if length == 0 then "-" else join(",") end),
            ($applied | length), ([$applied[] | select(.changesBehaviour)] | length),
            ([.files[]? | .path + ":" + (if .originalContent == null then "new" else "merge" end)] | if length == 0 then "-" else join(",") end),
            (if $role == null then "-" else $role | clean end),
            $marker] | @tsv),
          ($applied | to_entries[] | [$n, $corpus, .value.pass, "applied", (.key + 1), .value.line,
            (if .value.changesBehaviour then "yes" else "no" end), (.value.message | clean)] | @tsv),
          ($all[] | select(.kind != "applied") | [$n, $corpus, .pass, .kind, "-", .line,
            (if .changesBehaviour then "yes" else "no" end), (.message | clean)] | @tsv)
        ' "$OUT/json/$n.json" | { IFS= read -r row; printf '%s\n' "$row" >"$OUT/rows/$n.row"; cat >"$OUT/rows/$n.findings"; }
    else
      cat "$dockerfile" >"$OUT/tally/after/$n/$base"
      local message; message=$(tr '\t\r\n' '   ' <"$OUT/json/$n.err" | cut -c1-300)
      printf '%s\t%s\t%s\t%s\t%s\t%s\tno\t-\t0\t0\t-\t-\t%s\n' "$n" "$corpus" "$repo" "$dockerfile" "$context" "$rc" "${marker:--}" >"$OUT/rows/$n.row"
      printf '%s\t%s\t-\terror\t-\t-\tno\t%s\n' "$n" "$corpus" "${message:-exit $rc}" >"$OUT/rows/$n.findings"
    fi
  }
  export -f one generated_marker
  export BINARY=$binary OUT=$out CONTEXTS=$contexts

  started=$(date +%s)
  xargs -d '\n' -P "$jobs" -I{} bash -c 'one "$1"' _ {} <"$selection"
  echo "rewrites: $(($(date +%s) - started)) s" >&2

  {
    printf 'n\tcorpus_file\trepo\tdockerfile\tcontext\texit\tdockerfile_changed\tpasses_changed\tchanges\tbehaviour_flagged\tfiles_proposed\trole\tgenerated_header\n'
    for n in $(seq 1 "$total"); do cat "$out/rows/$n.row"; done
  } >"$out/files.tsv"
  {
    printf 'n\tcorpus_file\tpass\tkind\tchange_no\tline\tchanges_behaviour\tmessage\n'
    for n in $(seq 1 "$total"); do cat "$out/rows/$n.findings"; done
  } >"$out/findings.tsv"
  rm -rf "$out/rows"
  if [ -n "$rows" ]; then
    printf '%s (the rows of %s); every other row: %s\n' "$binary" "$rows" "$(head -1 "$out/binary")" >"$out/binary.new"
    mv "$out/binary.new" "$out/binary"
  else
    echo "$binary" >"$out/binary"
  fi
}
if [ $rewrite = 1 ]; then rewrite_all; fi

# tally: the same rules, default configuration, on each original and each rewrite. No config discovery
# (the corpus's own .tally.toml files would differ per repository), no slow checks (they ask registries).
if [ $tally = 1 ]; then
  PRECISION_TALLY=$(bash "$ROOT/scripts/precision/tally.sh" --path)
  started=$(date +%s)
  # tally stops at the first file it cannot parse, so it runs on chunks of 100 files, and a chunk that fails
  # again file by file; a file it refuses counts as the pseudo rule tally/parse-error (a rewrite BuildKit
  # cannot parse is the worst peer finding there is). $PRECISION_TALLY_OPTS selects the rules of the pass.
  lint_chunk() {
    local result rules
    read -ra rules <<<"$PRECISION_TALLY_OPTS"  # words, never globs: the patterns hold '*'
    if result=$("$PRECISION_TALLY" lint --format json --no-config --slow-checks off --fail-level none "${rules[@]}" "$@" 2>/dev/null) \
      && printf '%s' "$result" | jq -e '.files' >/dev/null 2>&1; then
      printf '%s' "$result" | jq -r '.files[] | .file as $f | .violations[] | [($f | split("/")[0]), .rule, .location.start.line] | @tsv'
    elif [ $# -gt 1 ]; then
      local file; for file in "$@"; do lint_chunk "$file"; done
    else
      printf '%s\ttally/parse-error\t0\n' "${1%%/*}"
    fi
  }
  # Each chunk's lines go to a file of their own, concatenated after: two chunks writing into one pipe at once
  # interleave past the pipe's atomic size (4 KiB), which once cut a line into two made-up rules.
  lint_chunk_to_file() { lint_chunk "$@" >"$(mktemp -p "$PRECISION_CHUNKS")"; }
  export -f lint_chunk lint_chunk_to_file
  export PRECISION_TALLY  # not TALLY_*: tally reads those variables as its configuration
  # shellcheck's rules are nine tenths of tally's time, and they read only RUN scripts: they run on the files
  # whose text the rewrite changed (an unchanged file has the same findings on both sides); every other rule
  # runs on every file.
  awk -F'\t' 'NR > 1 && $7 == "yes" { print $1 }' "$out/files.tsv" >"$out/tally/changed.txt"
  for side in before after; do
    export PRECISION_CHUNKS=$out/tally/chunks; rm -rf "$PRECISION_CHUNKS"; mkdir -p "$PRECISION_CHUNKS"
    (cd "$out/tally/$side" && find . -mindepth 2 -type f | sort -t/ -k2,2n | sed 's|^\./||' \
      | PRECISION_TALLY_OPTS="--ignore shellcheck/*" xargs -d '\n' -n 100 -P "$jobs" bash -c 'lint_chunk_to_file "$@"' _)
    find "$PRECISION_CHUNKS" -type f -exec cat {} + >"$out/tally/$side.rules.tsv"
  done
  echo "tally, all rules but shellcheck's: $(($(date +%s) - started)) s" >&2
  for side in before after; do
    rm -rf "$PRECISION_CHUNKS"; mkdir -p "$PRECISION_CHUNKS"
    (cd "$out/tally/$side" && while read -r n; do find "$n" -type f; done <"$out/tally/changed.txt" \
      | PRECISION_TALLY_OPTS="--ignore * --select shellcheck/*" xargs -d '\n' -n 50 -P "$jobs" bash -c 'lint_chunk_to_file "$@"' _)
    find "$PRECISION_CHUNKS" -type f -exec cat {} + | grep -v $'\ttally/parse-error\t' >"$out/tally/$side.shellcheck.tsv" || true
  done
  rm -rf "$PRECISION_CHUNKS"
  echo "tally, shellcheck's rules: $(($(date +%s) - started)) s" >&2
  for side in before after; do
    sort -t$'\t' -k1,1n -k2,2 -k3,3n "$out/tally/$side.rules.tsv" "$out/tally/$side.shellcheck.tsv" >"$out/tally/$side.tsv"
  done
  # Per file and rule where the count rose (tally-rises.tsv), then per rule: findings before and after,
  # the files where it rose, the first five of them (by corpus name) as examples.
  awk -F'\t' -v OFS='\t' '
    FNR == NR { name[$1] = $2; next }
    FILENAME ~ /before.tsv$/ { fb[$1 SUBSEP $2]++; next }
    { fa[$1 SUBSEP $2]++ }
    END {
      for (key in fa) {
        split(key, parts, SUBSEP)
        if (fa[key] > fb[key] + 0) print parts[2], name[parts[1]], fb[key] + 0, fa[key]
      }
    }' "$out/index.tsv" "$out/tally/before.tsv" "$out/tally/after.tsv" \
    | sort -t$'\t' -k1,1 -k2,2 | { printf 'rule\tcorpus_file\tbefore\tafter\n'; cat; } >"$out/tally-rises.tsv"
  awk -F'\t' -v OFS='\t' '
    FILENAME ~ /rises.tsv$/ { if (FNR > 1) { rising[$1]++; if (rising[$1] <= 5) examples[$1] = examples[$1] (rising[$1] > 1 ? ", " : "") $2 " (+" $4 - $3 ")" } next }
    FILENAME ~ /before.tsv$/ { before[$2]++; rules[$2] = 1; next }
    { after[$2]++; rules[$2] = 1 }
    END {
      print "rule", "before", "after", "change", "files_rising", "examples"
      for (r in rules) print r, before[r] + 0, after[r] + 0, after[r] - before[r], rising[r] + 0, (r in examples ? examples[r] : "-")
    }' "$out/tally-rises.tsv" "$out/tally/before.tsv" "$out/tally/after.tsv" \
    | { IFS= read -r header; echo "$header"; sort -t$'\t' -k4,4nr -k5,5nr -k1,1; } >"$out/tally.tsv"
fi

bash "$ROOT/scripts/precision/summary.sh" "$out" "$binary" >"$out/summary.md"
cat "$out/summary.md"
