# Sourced by .ci/run: adds up the closing "N passed, N failed[, N skipped]" lines of several jest runs (each from
# tests/support/summary-reporter.js) into one. A run that exited non-zero counts at least one failure, and a run
# that printed no such line (it broke before jest reported) counts as one failure.
passed=0
failed=0
skipped=0
status=0
tally() { # log-file exit-status
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [ -z "$line" ]; then line="0 passed, 1 failed"; fi # the run broke before jest reported
  if [ "$2" -ne 0 ] && [[ "$line" == *" 0 failed"* ]]; then line="${line%% passed*} passed, 1 failed"; fi
  passed=$((passed + $(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')))
  failed=$((failed + $(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')))
  if [[ "$line" =~ ([0-9]+)\ skipped ]]; then skipped=$((skipped + BASH_REMATCH[1])); fi
  [ "$2" -eq 0 ] || status=1
  echo "=> $3: ${line}"
}

closing_line() {
  if [ "$skipped" -gt 0 ]; then
    echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  else
    echo "${passed} passed, ${failed} failed"
  fi
}
