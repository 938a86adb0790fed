#!/usr/bin/env bash
# The fixed review sample of the precision benchmark (docs/precision.md), drawn from one run's files.tsv:
# only files the tool changes at the default level (exit 1); one per repository, then the rest in
# proportion to each repository's number of changed files (largest remainder, ties by repository name);
# within a repository, the files whose sha256("SEED:corpus_file") sorts first. Same run + seed + size, same
# sample, on any machine.
#
#   bash scripts/precision/sample.sh --run DIR [--seed SEED] [--size N] > docs/precision/sample.tsv
set -euo pipefail
export LC_ALL=C  # sort and string order the same everywhere
run='' seed=dockeropt-precision-1 size=66
while [ $# -gt 0 ]; do
  case $1 in
    --run) run=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -f "$run/files.tsv" ] || { echo "--run DIR must hold a run's files.tsv (scripts/precision/run.sh)" >&2; exit 2; }

# Changed files with their rank key: corpus_file, repo, dockerfile, context, sha256(seed:corpus_file).
ranked=$(awk -F'\t' 'NR > 1 && $6 == 1 { print $2 "\t" $3 "\t" $4 "\t" $5 }' "$run/files.tsv" \
  | while IFS=$'\t' read -r corpus repo dockerfile context; do
      printf '%s\t%s\t%s\t%s\t%s\n' "$corpus" "$repo" "$dockerfile" "$context" \
        "$(printf '%s:%s' "$seed" "$corpus" | sha256sum | cut -c1-16)"
    done)

# Quotas per repository: 1 each, then the other (size - repositories) in proportion to its changed files,
# by largest remainder; a repository never gets more files than it has changed.
quotas=$(printf '%s\n' "$ranked" | awk -F'\t' -v size="$size" '
  { count[$2]++; total++ }
  END {
    repos = 0; for (r in count) repos++
    if (size < repos) { print "size " size " is below the " repos " repositories with a changed file" > "/dev/stderr"; exit 2 }
    rest = size - repos
    for (r in count) { quota = rest * count[r] / total; extra[r] = int(quota); frac[r] = quota - extra[r]; given += extra[r] }
    # Largest remainders first, then repository name: a stable order without randomness.
    n = 0; for (r in count) order[++n] = r
    for (i = 2; i <= n; i++) { key = order[i]; j = i - 1
      while (j > 0 && (frac[order[j]] < frac[key] || (frac[order[j]] == frac[key] && order[j] > key))) { order[j + 1] = order[j]; j-- }
      order[j + 1] = key }
    for (i = 1; given < rest; i = i % n + 1) if (1 + extra[order[i]] < count[order[i]]) { extra[order[i]]++; given++ }
    for (r in count) print r "\t" 1 + extra[r] "\t" count[r]
  }')

printf 'sample_no\tcorpus_file\trepo\tdockerfile\tcontext\trank_key\trepo_changed_files\n'
printf '%s\n' "$ranked" | sort -t$'\t' -k2,2 -k5,5 | awk -F'\t' -v OFS='\t' '
  FNR == NR { quota[$1] = $2; changed[$1] = $3; next }
  taken[$2]++ < quota[$2] { print ++n, $1, $2, $3, $4, $5, changed[$2] }' <(printf '%s\n' "$quotas") -
