#!/usr/bin/env bash
# The install scripts that `npm ci --ignore-scripts` skipped. better-sqlite3 and re2 compile from source here (their
# prebuilt downloads are not reachable; better-sqlite3 alone takes ~2 CPU minutes), so a build that loads is kept
# outside the clone, keyed by package version, Node ABI, platform and architecture, and copied back on the next run.
# A kept build that does not load is built again. ZC_NATIVE_CACHE moves the cache (default ~/.cache/zc-ci/native).
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${ZC_NATIVE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zc-ci/native}
abi=$(node -p 'process.versions.modules + "-" + process.platform + "-" + process.arch')

npm rebuild esbuild --no-audit --no-fund >/dev/null

# package, its built file, and a line of Node that loads and uses it
modules=(
  "better-sqlite3|build/Release/better_sqlite3.node|new (require('better-sqlite3'))(':memory:').prepare('select 1 as x').get()"
  "re2|build/Release/re2.node|if (!new (require('re2'))('a+').test('caab')) process.exit(1)"
)
for m in "${modules[@]}"; do
  IFS='|' read -r pkg file check <<<"$m"
  version=$(node -p "require('./node_modules/$pkg/package.json').version")
  kept="$cache/$pkg-$version-abi$abi/$(basename "$file")"
  if [ -f "$kept" ]; then
    mkdir -p "node_modules/$pkg/$(dirname "$file")"
    cp "$kept" "node_modules/$pkg/$file"
    if node -e "$check" 2>/dev/null; then echo "$pkg $version: kept build reused ($kept)"; continue; fi
    echo "$pkg $version: the kept build does not load; building again"
  fi
  npm rebuild "$pkg" --no-audit --no-fund
  node -e "$check"
  mkdir -p "$(dirname "$kept")" && cp "node_modules/$pkg/$file" "$kept.tmp" && mv "$kept.tmp" "$kept"
  echo "$pkg $version: built and kept ($kept)"
done
