#!/usr/bin/env bash
# npm test: the typecheck and every spec but the browser walk-throughs, side by side with the designer build and the
# walk-throughs (test/browser, test/designer, and the built app's first-load check, which needs the build). vitest
# uses one worker on a 2-core machine, so one half alone leaves a core idle. Each half's lines carry its name;
# arguments go to the first half's vitest (e.g. --exclude). With VITEST_JSON=<file>.json the halves report to
# <file>.json and <file>.browser.json.
set -uo pipefail
cd "$(dirname "$0")/.."
browser=(test/browser test/designer test/http/static-assets.spec.ts)
json="${VITEST_JSON:-}"
(
  npm run typecheck --silent && VITEST_JSON="$json" npx vitest run --exclude 'test/browser/**' --exclude 'test/designer/**' \
    --exclude test/http/static-assets.spec.ts "$@"
) > >(sed -u 's/^/[node] /') 2>&1 &
node_half=$!
(
  npm run build:designer --silent && VITEST_JSON="${json:+${json%.json}.browser.json}" npx vitest run "${browser[@]}"
) > >(sed -u 's/^/[browser] /') 2>&1 &
browser_half=$!
status=0
wait "$node_half" || status=1
wait "$browser_half" || status=1
exit $status
