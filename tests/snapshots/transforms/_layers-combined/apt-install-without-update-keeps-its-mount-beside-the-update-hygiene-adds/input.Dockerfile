# A RUN of two commands whose apt install has no apt-get update before it. package-hygiene adds the update anyway
# (a cached update layer would install from stale lists), so the RUN becomes three commands, which tally's
# prefer-run-heredoc reports, with or without the cache mount. The mount must not be declined for that report on the
# first run and then added on the second (found by the fuzz run, seed 7 index 16600).
FROM debian:12
RUN apt-get install -y curl && curl -fsSL https://example.com/install.sh -o /usr/local/bin/install.sh
