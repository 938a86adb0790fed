#!/usr/bin/env bash
# The markdown summary of one precision run (called by run.sh; rerun it alone on a run folder):
#   bash scripts/precision/summary.sh OUT_DIR [BINARY]
set -euo pipefail
out=${1:?usage: summary.sh OUT_DIR [BINARY]}
binary=${2:-}
files=$out/files.tsv findings=$out/findings.tsv

echo "# Precision run"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); files: $(($(wc -l <"$files") - 1)) (INDEX.tsv rows, default level, each with its --context)"
[ -n "$binary" ] && echo "- binary: \`$binary\`$( [ -f "$(dirname "$binary")/COMMIT" ] && echo " (commit $(cat "$(dirname "$binary")/COMMIT"))" )"
echo
echo "## Files"
echo
awk -F'\t' '
  NR == 1 { next }
  { total++; exit_code[$6]++ }
  $6 == 1 { pending++ }
  $7 == "yes" { text++ }
  $6 == 1 && $7 == "no" { only_files++ }
  { changes += $9; flagged += $10 }
  $10 > 0 { files_flagged++ }
  $11 ~ /\.dockerignore:new/ { ignore_new++ }
  $11 ~ /\.dockerignore:merge/ { ignore_merge++ }
  $13 != "-" { generated++; if ($6 == 1) generated_changed++; if ($7 == "yes") generated_text++ }
  function pct(a, b) { return b == 0 ? "-" : sprintf("%.1f %%", 100 * a / b) }
  END {
    print "| what | files | share |"
    print "|---|---:|---:|"
    printf "| Dockerfiles run | %d | |\n", total
    printf "| exit 0, nothing to change | %d | %s |\n", exit_code[0], pct(exit_code[0], total)
    printf "| exit 1, changes pending (Dockerfile or a generated file) | %d | %s |\n", pending, pct(pending, total)
    printf "| the Dockerfile text changed | %d | %s |\n", text, pct(text, total)
    printf "| only a generated file (.dockerignore) changed | %d | %s |\n", only_files, pct(only_files, total)
    printf "| at least one change flagged [changes behaviour] | %d | %s |\n", files_flagged, pct(files_flagged, total)
    printf "| .dockerignore proposed, new | %d | %s |\n", ignore_new, pct(ignore_new, total)
    printf "| .dockerignore proposed, merged into an existing one | %d | %s |\n", ignore_merge, pct(ignore_merge, total)
    printf "| exit 2, bad input | %d | %s |\n", exit_code[2], pct(exit_code[2], total)
    printf "| exit 3, internal failure | %d | %s |\n", exit_code[3], pct(exit_code[3], total)
    printf "| header marks it generated (a comment above the first instruction) | %d | %s |\n", generated, pct(generated, total)
    printf "| generated, changed anyway (any change) | %d | %s of generated |\n", generated_changed, pct(generated_changed, generated)
    printf "| generated, Dockerfile text changed anyway | %d | %s of generated |\n", generated_text, pct(generated_text, generated)
    print ""
    printf "Changes (applied findings, the \"N changes\" of the text report): %d, of which %d flagged [changes behaviour] (%s).\n", changes, flagged, pct(flagged, changes)
  }' "$files"

echo
echo "## Per pass"
echo
order=$(for j in "$out"/json/*.json; do jq -r '.passes[]?.id' "$j" 2>/dev/null && break; done | paste -sd' ' || true)
[ -n "$order" ] || order=$(awk -F'\t' 'NR > 1 && !seen[$3]++ { printf "%s ", $3 }' "$findings")
awk -F'\t' -v order="$order" '
  NR == 1 { next }
  $4 == "applied" { changes[$3]++; if (!(($3, $1) in seen)) { seen[$3, $1] = 1; files[$3]++ } if ($7 == "yes") flagged[$3]++ }
  $4 == "declined" { declined[$3]++ }
  $4 == "advice" { advice[$3]++ }
  END {
    print "| pass | files changed | changes | flagged [changes behaviour] | declined (left alone) | advice |"
    print "|---|---:|---:|---:|---:|---:|"
    n = split(order, ids, " ")
    for (i = 1; i <= n; i++) { p = ids[i]; printf "| %s | %d | %d | %d | %d | %d |\n", p, files[p], changes[p], flagged[p], declined[p], advice[p] }
  }' "$findings"

if awk -F'\t' 'NR > 1 && $12 != "-" { found = 1 } END { exit !found }' "$files"; then
  echo
  echo "## Image role the tool assigned"
  echo
  awk -F'\t' '
    NR == 1 { next }
    { files[$12]++; if ($6 == 1) changed[$12]++; changes[$12] += $9; flagged[$12] += $10 }
    END {
      print "| role | files | changed | changes | flagged [changes behaviour] |"
      print "|---|---:|---:|---:|---:|"
      for (r in files) printf "| %s | %d | %d | %d | %d |\n", r, files[r], changed[r], changes[r], flagged[r]
    }' "$files"
fi

if awk -F'\t' 'NR > 1 && $13 != "-" && $6 == 1 { found = 1 } END { exit !found }' "$files"; then
  echo
  echo "## Generated files changed anyway (first 15)"
  echo
  echo "| file | passes | header |"
  echo "|---|---|---|"
  awk -F'\t' 'NR > 1 && $13 != "-" && $6 == 1 && shown++ < 15 { gsub(/\|/, "\\|", $13); printf "| %s | %s | %s |\n", $2, $8, $13 }' "$files"
fi

if awk -F'\t' 'NR > 1 && $6 >= 2 { found = 1 } END { exit !found }' "$files"; then
  echo
  echo "## Exit 2 and 3"
  echo
  awk -F'\t' 'NR > 1 && $4 == "error" { gsub(/\|/, "\\|", $8); printf "- %s: %s\n", $2, $8 }' "$findings"
fi

if [ -f "$out/tally.tsv" ]; then
  echo
  echo "## tally 0.45.0, findings per rule over the whole corpus (originals vs rewrites)"
  echo
  awk -F'\t' '
    NR == 1 { next }
    { before += $2; after += $3; if ($4 > 0) rising++ }
    { rows[NR] = $0 }
    END {
      printf "Total: %d before, %d after; rules whose count rises: %d. shellcheck/* rules are counted on the %d files whose text changed (on the others both sides are the same file).\n\n", before, after, rising, changed
      print "| rule | before | after | change | files where it rose | examples (rise in that file) |"
      print "|---|---:|---:|---:|---:|---|"
      for (i = 2; i <= NR; i++) {
        split(rows[i], f, "\t")
        printf "| %s | %d | %d | %s%d | %d | %s |\n", f[1], f[2], f[3], (f[4] > 0 ? "+" : ""), f[4], f[5], (f[5] > 0 ? f[6] : "")
      }
    }' changed="$(wc -l <"$out/tally/changed.txt" 2>/dev/null || echo 0)" "$out/tally.tsv"
fi
