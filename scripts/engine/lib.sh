# Shared helpers for scripts/engine/*.sh (sourced, not executed).
# shellcheck shell=bash

log()  { printf '[engine] %s\n' "$*" >&2; }
die()  { printf '[engine] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (installs packages, starts dockerd)"; }

# Print the URIs of every *active* apt source of this machine, one per line as "URI SUITE".
# Reads /etc/apt/sources.list and /etc/apt/sources.list.d/*.list|*.sources (deb822);
# files with any other suffix (e.g. *.disabled) are ignored, exactly as apt does.
apt_source_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # one-line format: deb [opts] URI SUITE COMPONENTS...
    sed -e 's/#.*//' "$f" | awk '$1=="deb" { i=2; if ($2 ~ /^\[/) { while (i<=NF && $i !~ /\]$/) i++; i++ } ; if (i+1<=NF) print $i, $(i+1) }'
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822: stanzas separated by blank lines; Types/URIs/Suites/Enabled fields
    awk '
      function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no") { n=split(uris,u," "); m=split(suites,s," "); for(i=1;i<=n;i++) for(j=1;j<=m;j++) print u[i], s[j] } types=uris=suites=""; enabled="yes" }
      BEGIN { enabled="yes" }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      { line=$0; key=tolower(line); sub(/:.*/, "", key); val=line; sub(/^[^:]*:[[:space:]]*/, "", val)
        if (key=="types") types=val; else if (key=="uris") uris=val; else if (key=="suites") suites=val; else if (key=="enabled") enabled=tolower(val) }
      END { flush() }' "$f"
  done
}

# The Debian mirror this machine's apt uses for the "bookworm" suite (no trailing slash).
debian_mirror() {
  local uri
  uri=$(apt_source_entries | awk '$2=="bookworm" {print $1; exit}')
  [ -n "$uri" ] || die "no active apt source for suite 'bookworm' found in /etc/apt/sources.list{,.d/*}"
  printf '%s\n' "${uri%/}"
}

# The Debian security mirror (suite bookworm-security), empty when the machine has none.
debian_security_mirror() {
  local uri
  uri=$(apt_source_entries | awk '$2=="bookworm-security" || $2=="bookworm/updates" {print $1; exit}')
  printf '%s\n' "${uri%/}"
}

# Installed version of a Debian package, empty when not (fully) installed.
pkg_version() {
  dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$1" 2>/dev/null | awk '$1=="ii" {print $2}'
}

# version_ge A B: true when Debian version A >= B.
version_ge() { [ -n "$1" ] && dpkg --compare-versions "$1" ge "$2"; }

# docker info answers within a few seconds?
docker_up() { timeout 10 docker info >/dev/null 2>&1; }
