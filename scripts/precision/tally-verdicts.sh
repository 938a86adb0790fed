#!/usr/bin/env bash
# Counts reviewers' verdict TSVs (docs/precision.md) into the table issue 9 asks for: changes per verdict
# with percentages, missed opportunities, files mergeable as-is, per-pass verdicts, and the targets.
#
#   bash scripts/precision/tally-verdicts.sh VERDICTS.tsv [MORE.tsv...]
#
# A row: corpus_file, change_no, pass, verdict, reason (tab-separated; a header row is skipped).
#   change_no 1, 2, ...  verdict: valuable | noise | breaks-build | unflagged-behaviour | flagged-unjustified
#   change_no u1, u2...  an edit in the diff that no finding explains, rated like a change
#   change_no m1, m2...  a missed opportunity (verdict: missed)
#   change_no merge      the file as a whole (verdict: yes | no), exactly one per file
# Exit 2 on a malformed row (file:line and why), 1 when a target is missed, 0 when all are met.
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
for f in "$@"; do [ -f "$f" ] || { echo "$f: no such file" >&2; exit 2; }; done

awk -F'\t' '
  function bad(why) { printf "%s:%d: %s\n", FILENAME, FNR, why > "/dev/stderr"; errors++ }
  function pct(a, b) { return b == 0 ? "-" : sprintf("%.1f %%", 100 * a / b) }
  BEGIN {
    split("valuable noise breaks-build unflagged-behaviour flagged-unjustified", order, " ")
    for (i in order) known[order[i]] = 1
  }
  /^[[:space:]]*$/ { next }
  FNR == 1 && $1 == "corpus_file" { next }
  {
    file = $1; no = $2; pass = $3; verdict = tolower($4); gsub(/[[:space:]]/, "", verdict)
    if (NF < 4 || file == "") { bad("expected corpus_file, change_no, pass, verdict, reason"); next }
    seenfile[file] = 1
    if (no == "merge") {
      if (verdict != "yes" && verdict != "no") { bad("merge row: verdict must be yes or no, not \"" $4 "\""); next }
      if (file in merge) { bad("second merge row for " file); next }
      merge[file] = verdict; next
    }
    if (no ~ /^m[0-9]+$/) { missed++; missedfile[file] = 1; missedpass[pass == "" ? "-" : pass]++; next }
    if (no !~ /^u?[0-9]+$/) { bad("change_no must be a number, uN, mN or merge, not \"" no "\""); next }
    if (no ~ /^u/) unexplained++
    if (!(verdict in known)) { bad("verdict \"" $4 "\" is not one of valuable, noise, breaks-build, unflagged-behaviour, flagged-unjustified"); next }
    if ((file SUBSEP no) in rated) { bad("change " no " of " file " rated twice"); next }
    rated[file, no] = 1
    count[verdict]++; total++; bypass[pass, verdict]++; passes[pass] = 1
  }
  END {
    if (errors) exit 2
    files = 0; yes = 0; nomerge = 0
    for (f in seenfile) { files++; if (!(f in merge)) { nomerge++; printf "warning: no merge row for %s\n", f > "/dev/stderr" } else if (merge[f] == "yes") yes++ }
    mfiles = 0; for (f in missedfile) mfiles++
    print "| verdict | changes | share of rated changes |"
    print "|---|---:|---:|"
    for (i = 1; i <= 5; i++) printf "| %s | %d | %s |\n", order[i], count[order[i]], pct(count[order[i]], total)
    printf "| **all rated changes** | **%d** | |\n", total
    printf "| missed opportunity (not a change; not in the share) | %d | in %d files |\n", missed, mfiles
    if (unexplained) printf "\n%d of the rated changes are edits no finding explains (uN rows).\n", unexplained
    print ""
    printf "Files reviewed: %d; mergeable as-is: %d (%s); not: %d", files, yes, pct(yes, files - nomerge), files - nomerge - yes
    if (nomerge) printf "; without a merge row: %d", nomerge
    print "."
    print ""
    print "| pass | valuable | noise | breaks-build | unflagged-behaviour | flagged-unjustified | missed |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    n = 0; for (p in passes) list[++n] = p
    for (p in missedpass) if (!(p in passes)) list[++n] = p
    for (i = 2; i <= n; i++) { key = list[i]; j = i - 1; while (j > 0 && list[j] > key) { list[j + 1] = list[j]; j-- } list[j + 1] = key }
    for (i = 1; i <= n; i++) { p = list[i]; printf "| %s", p; for (k = 1; k <= 5; k++) printf " | %d", bypass[p, order[k]]; printf " | %d |\n", missedpass[p] }
    print ""
    print "Targets (issue 9, Done when):"
    ok = 1
    t1 = count["breaks-build"] == 0; t2 = count["unflagged-behaviour"] == 0
    t3 = total > 0 && count["flagged-unjustified"] <= 0.05 * total; t4 = total > 0 && count["noise"] <= 0.20 * total
    t5 = files - nomerge > 0 && yes >= 0.90 * (files - nomerge)
    printf "- [%s] 0 changes that break the build (%d)\n", t1 ? "x" : " ", count["breaks-build"]
    printf "- [%s] 0 unflagged behaviour changes (%d)\n", t2 ? "x" : " ", count["unflagged-behaviour"]
    printf "- [%s] flagged but unjustified at most 5 %% of changes (%s)\n", t3 ? "x" : " ", pct(count["flagged-unjustified"], total)
    printf "- [%s] noise at most 20 %% of changes (%s)\n", t4 ? "x" : " ", pct(count["noise"], total)
    printf "- [%s] at least 90 %% of sampled rewrites mergeable as-is (%s)\n", t5 ? "x" : " ", pct(yes, files - nomerge)
    exit (t1 && t2 && t3 && t4 && t5) ? 0 : 1
  }' "$@"
