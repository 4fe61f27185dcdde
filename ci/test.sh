#!/usr/bin/env bash
# ci/test.sh: the README's test command, `mvn -B verify`, from the repository root.
#
# Container tests (@RequiresDocker) fail instead of skipping when CI=true and Docker isn't usable, so run
# ci/docker-engine.sh and ci/base-image.sh first (.ci/run does). Extra Maven arguments are passed on,
# e.g. `bash ci/test.sh -pl docker-images -am`.
set -euo pipefail
# shellcheck source=ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$DSF_TESTBED_REPO_ROOT"

log "mvn -B verify $*"
mvn -B verify "$@"
