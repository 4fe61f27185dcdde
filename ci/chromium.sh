#!/usr/bin/env bash
# ci/chromium.sh: make sure headless Chromium is installed, for the tests that render the HTML reports
# (@RequiresChromium; in CI they fail instead of skipping without it).
#
# - If /usr/bin/chromium (or $DSF_TESTBED_CHROMIUM) is executable, nothing is done.
# - Otherwise (as root): installs Debian's chromium package (apt-get update at most once per CI run).
#
# Idempotent. Prints the installed version.
set -euo pipefail
# shellcheck source=ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM=${DSF_TESTBED_CHROMIUM:-/usr/bin/chromium}

if [[ ! -x "$CHROMIUM" ]]; then
	[[ -z "${DSF_TESTBED_CHROMIUM:-}" ]] || die "DSF_TESTBED_CHROMIUM=$DSF_TESTBED_CHROMIUM is not an executable file"
	log "installing Chromium (Debian package chromium)"
	apt_install chromium
	[[ -x "$CHROMIUM" ]] || die "the chromium package is installed but $CHROMIUM is missing"
fi

log "Chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM (version unknown)")"
