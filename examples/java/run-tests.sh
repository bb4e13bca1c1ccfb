#!/usr/bin/env bash
# Compiles the example suite with javac and runs it with the JUnit 5 console launcher, no build
# tool needed: Debian's `junit5` package and a JDK 17 are enough. Arguments go to the launcher
# (for example --select-method 'contactkit.examples.CloudSpongeXmlImportTest#aPageOfOneSaysHowManyThereAreInAll').
# The last line says "N passed, N failed", as pytest's does.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
launcher="${JUNIT_CONSOLE_JAR:-/usr/share/java/junit-platform-console-standalone.jar}"
if [ ! -f "$launcher" ]; then
  echo "The JUnit console launcher is not at $launcher: install Debian's junit5 package or set JUNIT_CONSOLE_JAR." >&2
  exit 2
fi

build="$here/build"
rm -rf "$build"
mkdir -p "$build/classes"
find "$here/src/test/java" -name '*.java' -print0 | xargs -0 javac -Xlint:all -Werror -d "$build/classes" -cp "$launcher" || exit 2

java -Dcontactkit.repository="$here/../.." -jar "$launcher" \
  --class-path "$build/classes" --scan-class-path --fail-if-no-tests \
  --disable-banner --disable-ansi-colors --details=tree "$@" | tee "$build/output.txt"
status=${PIPESTATUS[0]}

# The launcher's summary table, e.g. "[         3 tests successful      ]"; a class that cannot
# start (its extension, its constructor) fails as a container and runs none of its tests.
count() { sed -n "s/^\[ *\([0-9]*\) $1 *\]\$/\1/p" "$build/output.txt" | head -n 1; }
passed=$(count 'tests successful')
failed=$(($(count 'tests failed') + $(count 'containers failed')))
echo "${passed:-0} passed, ${failed} failed"
exit "$status"
