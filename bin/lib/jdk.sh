# Sourced by bin/* and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME.
# The machine's default java may be 17; a Temurin JDK is installed beside it.
badgeflow_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

badgeflow_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(badgeflow_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*); install a Temurin JDK 21+" >&2
  return 1
}
