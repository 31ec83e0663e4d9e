#!/usr/bin/env bash
# End-to-end tests of the API against a real Keycloak (KeycloakEndToEndIT, and
# KeycloakPortfolioPageBrowserIT: the portfolio page signing in on Keycloak's login page, in headless
# Chromium, served on port 8080, which must be free), without Docker:
#   1. downloads org.keycloak:keycloak-quarkus-dist (zip) from Maven Central through Maven
#      (cached in ~/.m2; unpacked once under target/keycloak/, which git ignores),
#   2. starts it on 127.0.0.1 in dev mode with an in-memory database and the demo realm
#      docker/keycloak/diligence-realm.json imported fresh on every run,
#   3. waits until the realm's OpenID metadata answers,
#   4. runs those two tests (only those) of the api module against PostgreSQL,
#   5. stops Keycloak whatever happened.
# Keycloak 26 needs a JDK 21+; Maven and the tests keep using the default JDK. Without a JDK 21+
# the test is skipped and the script exits 0.
#
# Settings (environment): KEYCLOAK_JAVA_HOME (a JDK 21+ to run Keycloak), KEYCLOAK_PORT (18080),
# KEYCLOAK_MANAGEMENT_PORT (19000, health), KEYCLOAK_START_TIMEOUT (seconds, 300),
# KEYCLOAK_HEAP (JVM heap options of Keycloak, "-Xms64m -Xmx512m").
set -euo pipefail
cd "$(dirname "$0")/.."

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT="${KEYCLOAK_PORT:-18080}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-19000}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-300}"
KEYCLOAK_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
KEYCLOAK_URL="http://127.0.0.1:${KEYCLOAK_PORT}"
REALM=diligence
REALM_FILE=docker/keycloak/diligence-realm.json
WORK_DIR=target/keycloak
DIST="$WORK_DIR/keycloak-$KEYCLOAK_VERSION"
LOG="$WORK_DIR/keycloak.log"
REPORT=api/target/failsafe-reports/TEST-dev.diligence.api.keycloak.KeycloakEndToEndIT.xml
PAGE_REPORT=api/target/failsafe-reports/TEST-dev.diligence.api.keycloak.KeycloakPortfolioPageBrowserIT.xml

started=$SECONDS
log() { echo "== keycloak-e2e: $*"; }

# --- a JDK 21+ for Keycloak -------------------------------------------------------------------
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_jdk() {
  local candidates=() best="" best_major=0 home major
  [ -n "${KEYCLOAK_JAVA_HOME:-}" ] && candidates+=("$KEYCLOAK_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] || continue
    major="$(java_major "$home")"
    [ -n "$major" ] || continue
    # an explicit KEYCLOAK_JAVA_HOME wins when it is good enough
    if [ "$home" = "${KEYCLOAK_JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then
      echo "$home"
      return
    fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"
      best_major="$major"
    fi
  done
  echo "$best"
}

KC_JAVA_HOME="$(find_jdk)"
if [ -z "$KC_JAVA_HOME" ]; then
  echo "Keycloak end-to-end test SKIPPED: no JDK 21+ found (set KEYCLOAK_JAVA_HOME to one)"
  exit 0
fi
log "Keycloak $KEYCLOAK_VERSION runs on $KC_JAVA_HOME (Java $(java_major "$KC_JAVA_HOME"))"

# --- HTTP probe (curl, else wget) ---------------------------------------------------------------
if command -v curl >/dev/null; then
  http_get() { curl -fsS --max-time 5 "$1"; }
elif command -v wget >/dev/null; then
  http_get() { wget -q -T 5 -O - "$1"; }
else
  echo "keycloak-e2e: needs curl or wget" >&2
  exit 1
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --- download and unpack (once) ---------------------------------------------------------------
if [ ! -x "$DIST/bin/kc.sh" ]; then
  log "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip through Maven"
  mkdir -p "$WORK_DIR"
  mvn -B -q -N dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$WORK_DIR"
  rm -rf "$WORK_DIR/unpacking"
  mkdir -p "$WORK_DIR/unpacking"
  if command -v unzip >/dev/null; then
    unzip -q "$WORK_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$WORK_DIR/unpacking"
  else
    (cd "$WORK_DIR/unpacking" && "$KC_JAVA_HOME/bin/jar" xf "../keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    chmod +x "$WORK_DIR/unpacking/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
  fi
  rm -rf "$DIST"
  mv "$WORK_DIR/unpacking/keycloak-$KEYCLOAK_VERSION" "$DIST"
  rm -rf "$WORK_DIR/unpacking" "$WORK_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
fi

# --- start ------------------------------------------------------------------------------------
for port in "$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT"; do
  if port_in_use "$port"; then
    echo "keycloak-e2e: port $port on 127.0.0.1 is already in use; stop what listens there or set" \
      "KEYCLOAK_PORT / KEYCLOAK_MANAGEMENT_PORT" >&2
    exit 1
  fi
done

# the realm is imported fresh on every start: the database is in memory
rm -rf "$DIST/data"
mkdir -p "$DIST/data/import"
cp "$REALM_FILE" "$DIST/data/import/"

kc_pid=""
stop_keycloak() {
  local status=$? children deadline
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then
    log "stopping Keycloak (pid $kc_pid)"
    children="$(command -v pgrep >/dev/null && pgrep -P "$kc_pid" || true)"
    kill -TERM "$kc_pid" 2>/dev/null || true
    deadline=$((SECONDS + 30))
    while kill -0 "$kc_pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 1
    done
    for pid in $kc_pid $children; do
      kill -KILL "$pid" 2>/dev/null || true
    done
  fi
  log "finished with status $status after $((SECONDS - started)) s"
  exit "$status"
}
trap stop_keycloak EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting Keycloak on $KEYCLOAK_URL (log: $LOG)"
JAVA_HOME="$KC_JAVA_HOME" \
JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
KC_BOOTSTRAP_ADMIN_USERNAME=admin \
KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$DIST/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 \
    --http-port="$KEYCLOAK_PORT" \
    --hostname="$KEYCLOAK_URL" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --health-enabled=true \
    --db=dev-mem \
    --import-realm \
    >"$LOG" 2>&1 </dev/null &
kc_pid=$!

# --- wait until the realm answers ---------------------------------------------------------------
metadata="$KEYCLOAK_URL/realms/$REALM/.well-known/openid-configuration"
deadline=$((SECONDS + KEYCLOAK_START_TIMEOUT))
until answer="$(http_get "$metadata" 2>/dev/null)"; do
  if ! kill -0 "$kc_pid" 2>/dev/null; then
    echo "keycloak-e2e: Keycloak exited during startup; the end of $LOG:" >&2
    tail -n 60 "$LOG" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "keycloak-e2e: Keycloak did not answer $metadata within $KEYCLOAK_START_TIMEOUT s; the end of $LOG:" >&2
    tail -n 60 "$LOG" >&2
    exit 1
  fi
  sleep 2
done
issuer="$(echo "$answer" | sed -n 's/.*"issuer" *: *"\([^"]*\)".*/\1/p')"
log "Keycloak ready after $((SECONDS - started)) s; issuer $issuer"
if [ "$issuer" != "$KEYCLOAK_URL/realms/$REALM" ]; then
  echo "keycloak-e2e: unexpected issuer $issuer (tokens would not match the API's issuer-uri)" >&2
  exit 1
fi

# --- the test ---------------------------------------------------------------------------------
rm -f "$REPORT" "$PAGE_REPORT"
mvn -B verify -pl api -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='KeycloakEndToEndIT,KeycloakPortfolioPageBrowserIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkeycloak.url="$KEYCLOAK_URL"

# a test that was skipped (keycloak.url not reaching it) must not pass for a green run
if [ ! -f "$REPORT" ]; then
  echo "keycloak-e2e: KeycloakEndToEndIT did not run (no $REPORT)" >&2
  exit 1
fi
summary="$(grep -o '<testsuite [^>]*>' "$REPORT" | head -1)"
tests="$(echo "$summary" | sed -n 's/.* tests="\([0-9]*\)".*/\1/p')"
skipped="$(echo "$summary" | sed -n 's/.* skipped="\([0-9]*\)".*/\1/p')"
if [ -z "$tests" ] || [ "$tests" -eq 0 ] || [ "${skipped:-0}" -ne 0 ]; then
  echo "keycloak-e2e: KeycloakEndToEndIT ran $tests tests and skipped ${skipped:-?}: it must run them all" >&2
  exit 1
fi
log "KeycloakEndToEndIT: $tests tests against Keycloak $KEYCLOAK_VERSION passed"
# the page's test skips itself only where chromium is missing (.ci/run installs it)
if [ -f "$PAGE_REPORT" ]; then
  log "KeycloakPortfolioPageBrowserIT: $(grep -o '<testsuite [^>]*>' "$PAGE_REPORT" | head -1 | grep -o 'tests="[0-9]*"\|skipped="[0-9]*"' | tr '\n' ' ')"
fi
