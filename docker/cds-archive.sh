#!/usr/bin/env bash
# Class data sharing (CDS) for the Diligence API on JDK 17, as Spring Boot documents it ("Class Data
# Sharing"): the application runs extracted (a plain app.jar whose manifest lists lib/*.jar), a training
# run starts it until its context has refreshed and exits (-Dspring.context.exit=onRefresh), and the JVM
# writes every class it loaded into an archive (-XX:ArchiveClassesAtExit). Started with
# -XX:SharedArchiveFile, the JVM maps those classes instead of reading, parsing and verifying them.
#
#   docker/cds-archive.sh <jar> <dir>    extracts the Spring Boot jar into <dir> (app.jar, lib/), trains,
#                                        writes <dir>/app.jsa
#   docker/cds-archive.sh --train <dir>  trains the application already extracted in <dir> (<dir>/app.jar
#                                        and its lib/; docker/Dockerfile, after copying the layers)
#
# Prints the command line that runs the application with the archive (give it the environment and
# JVM options of production as usual). The archive holds for exactly this JVM ($JAVA, default java on
# the PATH) and these jars at these paths: run it from <dir> as printed, with the same java, and make
# it again whenever the jar or the JDK changes. Should the JVM find it unusable, it says so
# ([warning][cds]) and starts without it, only slower.
#
# The training run needs no database, no token issuer and no network, so it works in an image build:
# it starts in the prod profile with the settings below (for the training run only), which keep
# everything that runs up to the end of the refresh from connecting anywhere. Production is not
# affected: it runs the Flyway migrations and the issuer discovery as always (their classes are then
# read from the jars, the rest from the archive).
set -euo pipefail

usage() { echo "usage: $0 <jar> <dir> | $0 --train <dir>" >&2; exit 2; }
JAVA=${JAVA:-java}

if [ "${1:-}" = --train ]; then
  [ $# = 2 ] || usage
  dir=$(cd "$2" && pwd)
else
  [ $# = 2 ] || usage
  [ -f "$1" ] || { echo "no such jar: $1" >&2; exit 1; }
  mkdir -p "$2"
  dir=$(cd "$2" && pwd)
  rm -rf "$dir/app.jar" "$dir/lib" "$dir/app.jsa"
  "$JAVA" -Djarmode=tools -jar "$1" extract --destination "$dir" --application-filename app.jar --force > /dev/null
fi
[ -f "$dir/app.jar" ] && [ -d "$dir/lib" ] || { echo "$dir holds no extracted application (app.jar and lib/)" >&2; exit 1; }

# Only for the training run. A database URL and an issuer that are never contacted; no Flyway
# migration; the token keys at a key set URI (fetched on the first token, never at start) rather than
# discovered through the issuer at start; ports chosen by the system (none is opened before the
# context has refreshed, but nothing in a build may clash).
training=(
  -Dspring.context.exit=onRefresh
  -Dspring.profiles.active=prod
  -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:9/cds-training
  -Dspring.flyway.enabled=false
  -Dspring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/cds-training
  -Dspring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/cds-training/keys
  -Dserver.port=0
  -Dmanagement.server.port=0
)

log="$dir/cds-training.log"
rm -f "$dir/app.jsa"
# what the training run writes besides the archive (Tomcat's directories) goes to a directory of its
# own, removed afterwards: nothing of it stays in an image
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# a fixed heap, so that the archive is made with compressed object pointers, as every run with a heap
# under 32 GB uses them (an archive made without them would not be used by such a run)
if ! "$JAVA" -Xmx512m -XX:-UsePerfData -Djava.io.tmpdir="$scratch" \
    -XX:ArchiveClassesAtExit="$dir/app.jsa" "${training[@]}" -jar "$dir/app.jar" > "$log" 2>&1; then
  rm -f "$dir/app.jsa"
  grep -v '^\[[0-9.]*s\]\[warning\]\[cds' "$log" | tail -40 >&2   # the JVM's notes on classes it leaves out aside
  echo "the training run failed (whole log: $log)" >&2
  exit 1
fi
[ -s "$dir/app.jsa" ] || { echo "the training run wrote no archive (log: $log)" >&2; exit 1; }
# the JVM maps the archive with this very class path, or refuses (-Xshare:on)
if ! "$JAVA" -XX:-UsePerfData -Xshare:on -XX:SharedArchiveFile="$dir/app.jsa" -cp "$dir/app.jar" -version > /dev/null 2>> "$log"; then
  tail -5 "$log" >&2
  echo "the archive cannot be used (log: $log)" >&2
  exit 1
fi
rm -f "$log"
echo "$JAVA -XX:SharedArchiveFile=$dir/app.jsa -jar $dir/app.jar"
