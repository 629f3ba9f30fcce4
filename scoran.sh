#!/usr/bin/env bash
# Scoran's two set-up commands (see README.md):
#   ./scoran.sh run    install what is missing, build, load the BFC reference data into the
#                      embedded SQLite file (var/scoran.db) and serve the platform
#   ./scoran.sh test   install what is missing (PostgreSQL, Chromium), start PostgreSQL on
#                      loopback, build and run every test (SQLite, PostgreSQL, browser)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CONFIGURATION=${SCORAN_CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'scoran.sh: %s\n' "$*" >&2; exit 1; }

apt_install() {
    [ "$(id -u)" = 0 ] || die "missing $*: install it (apt-get install $*) or run as root"
    say "apt-get install $*"
    if [ -z "${SCORAN_APT_UPDATED:-}" ]; then
        apt-get update -qq || die "apt-get update failed"
        SCORAN_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || die "apt-get install $* failed"
}

need_toolchain() {
    command -v dotnet >/dev/null || die ".NET SDK 10 not found: install it from your distribution or Microsoft's packages"
    command -v npm >/dev/null || apt_install nodejs npm
}

npm_ci() {
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "npm ci (front-end libraries and @etalab/decoupage-administratif, pinned by package-lock.json)"
        npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
    fi
}

scoran() { dotnet "src/Scoran.Cli/bin/$CONFIGURATION/net10.0/scoran.dll" "$@"; }

cmd_run() {
    need_toolchain
    npm_ci
    say "dotnet build ($CONFIGURATION)"
    dotnet build src/Scoran.Cli -c "$CONFIGURATION" -v quiet -nologo -clp:ErrorsOnly || die "build failed"
    say "scoran db migrate"
    scoran db migrate
    say "scoran territories import (France, then the BFC outlines of data/contours)"
    scoran territories import
    say "scoran observatory import arcep-ftth (Arcep FttH deployment, release T1 2018, data/arcep)"
    scoran observatory import arcep-ftth
    say "scoran observatory import commitments (AMII L. 33-13 commitments of 2018, from the same release's commune sheet)"
    scoran observatory import commitments
    say "scoran observatory import arcep-connexion (« Ma connexion internet »: SYNTHETIC demonstration files of data/arcep/connexion-demo)"
    scoran observatory import arcep-connexion
    say "scoran observatory import arcep-eligibilite (building-level eligibility: SYNTHETIC demo pair of data/arcep/eligibilite-demo)"
    scoran observatory import arcep-eligibilite
    say "scoran strategy import (SCORAN BFC 2019 and PPUN 2021 trees and indicators, data/strategy)"
    scoran strategy import
    say "scoran strategy import-barometre (Baromètre des résultats de l'action publique, BFC région series, as indicator values)"
    scoran strategy import-barometre
    say "scoran funding import schemes (aid schemes of the Région and other backers, data/funding/schemes-bfc.json)"
    scoran funding import schemes
    say "scoran funding import aides-territoires (national catalogue: Aides-territoires « périurbain » export of 2022, data/funding)"
    scoran funding import aides-territoires
    say "scoran resources places import (ANCT's France Services list of 2022-12-01, data/inclusion)"
    scoran resources places import
    say "scoran resources demo (resource space: a few entries labelled « démonstration »)"
    scoran resources demo
    say "scoran observatory import arcep-mobile / arcep-mobile-sites (mobile coverage and New Deal sites: SYNTHETIC demo files of data/arcep/mobile-demo)"
    scoran observatory import arcep-mobile
    scoran observatory import arcep-mobile-sites
    say "scoran observatory import arcep-mobile-antennas (antenna sites: SYNTHETIC demo list of data/arcep/mobile-demo, Arcep's 2018 layout)"
    scoran observatory import arcep-mobile-antennas
    say "scoran measurements purge (crowdsourced measurements: raw positions past the retention period)"
    scoran measurements purge
    local urls=${SCORAN_URLS:-http://127.0.0.1:5080}
    say "Scoran is starting on $urls (Ctrl+C to stop)"
    exec dotnet "src/Scoran.Cli/bin/$CONFIGURATION/net10.0/scoran.dll" serve --urls "$urls"
}

PG_DIR=""
start_postgres() {
    if [ -n "${SCORAN_TEST_POSTGRES:-}" ]; then
        say "PostgreSQL given by SCORAN_TEST_POSTGRES"
        return
    fi
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$bin" ]; then
        apt_install postgresql
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    local port=${SCORAN_PG_PORT:-54329}
    PG_DIR=${TMPDIR:-/tmp}/scoran-postgres-$port
    local as=()
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root: use the postgres system user, creating it if the binaries came without it.
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || die "cannot create the postgres user"
        as=(runuser -u postgres --)
    fi
    if ! "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
        rm -rf "$PG_DIR"
        mkdir -p "$PG_DIR"
        if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
        say "PostgreSQL: initdb + start on 127.0.0.1:$port"
        "${as[@]}" "$bin/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$PG_DIR.initdb.log" 2>&1 \
            || { cat "$PG_DIR.initdb.log" >&2; die "initdb failed"; }
        # Durability is pointless for throw-away test databases; speed is not.
        "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w start \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
        trap 'stop_postgres' EXIT
    fi
    export SCORAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
}

stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    local bin as=()
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
}

ensure_chromium() {
    export SCORAN_CHROMIUM=${SCORAN_CHROMIUM:-/usr/bin/chromium}
    [ -x "$SCORAN_CHROMIUM" ] || apt_install chromium fonts-dejavu-core
}

cmd_test() {
    need_toolchain
    ensure_chromium
    start_postgres
    npm_ci
    say "dotnet build Scoran.slnx ($CONFIGURATION)"
    dotnet build Scoran.slnx -c "$CONFIGURATION" -v quiet -nologo -clp:ErrorsOnly || die "build failed"
    # Database templates (migrated schema, France, BFC outlines) are built once per run, then copied per test.
    rm -rf artifacts/test-results artifacts/screenshots artifacts/test-databases
    export SCORAN_TEST_RUN="$(date +%s)-$$"
    say "dotnet test (SQLite file, PostgreSQL on loopback, Chromium)"
    local log=artifacts/test-output.log web_log=artifacts/test-output-web.log status=0 web_status=0 project
    # Test assemblies run side by side, each with many in-process hosts; inotify watchers would
    # exhaust the default 128 instances per user (see tests/Scoran.Web.Tests/PollingFileWatcher.cs).
    export DOTNET_USE_POLLING_FILE_WATCHER=1
    mkdir -p artifacts
    : >"$log"
    # Two lanes keep both cores busy to the end: the web and browser tests, the longest assembly, from the
    # first second; the other assemblies one after the other beside them. JUnit reports with each test's
    # duration go to artifacts/test-results.
    local options=(-c "$CONFIGURATION" --no-build --results-directory artifacts/test-results --report-xunit-junit)
    dotnet test --project tests/Scoran.Web.Tests "${options[@]}" "$@" >"$web_log" 2>&1 &
    local web_pid=$!
    for project in tests/Scoran.*.Tests; do
        [ "$project" = tests/Scoran.Web.Tests ] && continue
        dotnet test --project "$project" "${options[@]}" "$@" 2>&1 | tee -a "$log" || status=$?
    done
    wait "$web_pid" || web_status=$?
    cat "$web_log" | tee -a "$log"
    [ "$web_status" = 0 ] || status=$web_status
    # One closing line for the whole run, summed from each assembly's summary.
    awk '/^  failed: /{f+=$2} /^  succeeded: /{p+=$2} /^  skipped: /{s+=$2}
         END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    if [ "${CI:-}" = "true" ] && grep -qE "^  skipped: +[1-9]" "$log"; then
        die "tests were skipped on CI"
    fi
    if [ "$status" != 0 ]; then
        # The log is long; repeat each failed test with its message where a CI summary will show it.
        echo "Failed tests:" >&2
        grep -E -A 12 "^failed " "$log" | head -n 200 >&2 || true
        die "tests failed (see $log)"
    fi
    say "Screenshots of the browser tests: artifacts/screenshots/"
}

case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    *) echo "usage: ./scoran.sh run | test [dotnet test options]" >&2; exit 2 ;;
esac
