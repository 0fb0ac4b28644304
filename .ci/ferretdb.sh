#!/usr/bin/env bash
# A real MongoDB-protocol server for the store tests: FerretDB v1.24.2 on its embedded SQLite backend, loopback only,
# telemetry off. Builds it into .tools/ (ignored) on first use, starts it in the background on a fresh data folder,
# waits until it answers, and prints the MONGODB_URL to use:
#
#   MONGODB_URL=$(.ci/ferretdb.sh) && MONGODB_URL=$MONGODB_URL npx vitest run test/store
#   .ci/ferretdb.sh stop
#
# Progress goes to stderr; stdout carries only the URL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=v1.24.2
BIN="$ROOT/.tools/ferretdb"
PORT="${FERRETDB_PORT:-27017}"
RUN_DIR="${TMPDIR:-/tmp}"
PID_FILE="$RUN_DIR/zc-ferretdb-$PORT.pid"
DIR_FILE="$RUN_DIR/zc-ferretdb-$PORT.dir"
log() { echo "ferretdb.sh: $*" >&2; }

works() { [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; }

build() {
  mkdir -p "$ROOT/.tools"
  log "building FerretDB $VERSION into .tools/ (go install, about a minute the first time)"
  (cd "$ROOT" && GOFLAGS=-mod=mod GOBIN="$ROOT/.tools" go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$VERSION") >&2
  if works; then return; fi
  # `go install module@version` builds without build/version/version.txt (a generated, git-ignored file), and
  # that binary panics at start: "Invalid build/version/version.txt file content. Please run `bin/task
  # gen-version`." So build the same module source again with that one file written, as FerretDB's own
  # Taskfile does.
  log "the go install binary does not start (missing build/version/version.txt); rebuilding the same source with it"
  local modcache src
  modcache="$(go env GOMODCACHE)"
  src="$(mktemp -d "$RUN_DIR/ferretdb-src.XXXXXX")"
  cp -r "$modcache/github.com/!ferret!d!b/!ferret!d!b@$VERSION/." "$src/"
  chmod -R u+w "$src"
  echo "$VERSION" > "$src/build/version/version.txt"
  (cd "$src" && GOFLAGS=-mod=mod go build -o "$BIN" ./cmd/ferretdb) >&2
  rm -rf "$src"
  works || { log "FerretDB $VERSION built but does not start: $("$BIN" --version 2>&1 | head -3)"; exit 1; }
}

stop() {
  if [ -f "$PID_FILE" ]; then
    local pid
    pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      log "stopped FerretDB (pid $pid)"
    fi
    rm -f "$PID_FILE"
  fi
  if [ -f "$DIR_FILE" ]; then
    rm -rf "$(cat "$DIR_FILE")"
    rm -f "$DIR_FILE"
  fi
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  works || build
  stop # a fresh database every time
  if answers; then log "something else already listens on 127.0.0.1:$PORT"; exit 1; fi
  local data
  data="$(mktemp -d "$RUN_DIR/ferretdb.XXXXXX")"
  echo "$data" > "$DIR_FILE"
  mkdir -p "$data/sqlite"
  nohup "$BIN" --handler=sqlite --sqlite-url="file:$data/sqlite/" --listen-addr="127.0.0.1:$PORT" \
    --debug-addr=127.0.0.1:0 --state-dir="$data" --telemetry=disable --log-level=warn \
    >"$data/ferretdb.log" 2>&1 </dev/null &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 300); do # at most 30 s
    if answers; then
      log "FerretDB $VERSION on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"), data and log in $data)"
      echo "mongodb://127.0.0.1:$PORT/"
      return
    fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { log "FerretDB exited:"; tail -20 "$data/ferretdb.log" >&2; exit 1; }
    sleep 0.1
  done
  log "FerretDB did not answer on 127.0.0.1:$PORT within 30 s"; tail -20 "$data/ferretdb.log" >&2
  stop
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  build) works || build ;;
  *) echo "usage: $0 [start|stop|build]" >&2; exit 2 ;;
esac
