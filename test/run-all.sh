#!/usr/bin/env bash
# `npm test`: the type check and the lint run beside the build and the test files, not before
# them. They compute while most test files wait on sockets, child processes and Chromium, and a
# failure in any of the three still fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results

npm run -s typecheck > test-results/typecheck.log 2>&1 &
typecheck=$!
npm run -s lint > test-results/lint.log 2>&1 &
lint=$!

npm run -s build && npx vitest run "$@"
tests=$?

status=0
wait "$typecheck" || { echo "typecheck failed:"; cat test-results/typecheck.log; status=1; }
wait "$lint" || { echo "lint failed:"; cat test-results/lint.log; status=1; }
[ "$tests" -eq 0 ] || { echo "tests failed (exit $tests)"; status=1; }
[ "$status" -eq 0 ] && echo "typecheck, lint and tests passed"
exit "$status"
