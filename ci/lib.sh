# shellcheck shell=bash
# Shared helpers for the CI scripts in ci/ and for .ci/run. Source it, don't run it.
#
#   log MSG...            one progress line: "[ci hh:mm:ss +Ns] MSG" (seconds since .ci/run, or the script run alone, started)
#   die MSG...            print "ERROR: MSG" to stderr and exit 1
#   docker_answers        true when `docker info` answers with the current environment
#   apt_update_once       `apt-get update` unless one of these scripts ran it in the last 30 minutes
#   apt_install PKG...    install Debian packages that are not installed yet (non-interactive)
#   base_image_name       the local JRE base image's name (one place: see below)
#   debian_mirror         the Debian mirror this machine's apt sources use

DSF_TESTBED_CI_START=${DSF_TESTBED_CI_START:-$(date +%s)}
# apt's output goes to these logs (shown when apt fails); the marker keeps one CI run to one `apt-get update`
DSF_TESTBED_APT_LOG=${DSF_TESTBED_APT_LOG:-/var/log/dsf-testbed-apt.log}
DSF_TESTBED_APT_MARKER=/var/tmp/dsf-testbed-apt-updated
DSF_TESTBED_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() {
	printf '[ci %s +%ss] %s\n' "$(date +%H:%M:%S)" "$(($(date +%s) - DSF_TESTBED_CI_START))" "$*"
}

die() {
	printf 'ERROR: %s\n' "$*" >&2
	exit 1
}

docker_answers() {
	command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1
}

apt_update_once() {
	if [[ -z $(find "$DSF_TESTBED_APT_MARKER" -mmin -30 2>/dev/null) ]]; then
		log "apt-get update"
		DEBIAN_FRONTEND=noninteractive apt-get update -q >"$DSF_TESTBED_APT_LOG" 2>&1 ||
			{ tail -n 20 "$DSF_TESTBED_APT_LOG" >&2; die "apt-get update failed (log above, full log: $DSF_TESTBED_APT_LOG)"; }
		touch "$DSF_TESTBED_APT_MARKER"
	fi
}

apt_install() {
	local missing=() pkg
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	((${#missing[@]} == 0)) && return 0
	[[ $(id -u) == 0 ]] || die "installing ${missing[*]} needs root (run as root or install them first)"
	apt_update_once
	log "apt-get install ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$DSF_TESTBED_APT_LOG" 2>&1 ||
		{ tail -n 30 "$DSF_TESTBED_APT_LOG" >&2; die "apt-get install ${missing[*]} failed (log above, full log: $DSF_TESTBED_APT_LOG)"; }
}

# The base image's name lives in exactly one place: testbed-core's images.properties, which the Java code
# (org.dsftestbed.runtime.container.TestbedImages) reads too. The Dockerfiles' `ARG BASE_IMAGE=` defaults
# repeat it; a unit test in docker-images checks that they agree. DSF_TESTBED_BASE_IMAGE overrides it for
# scripts and tests alike.
base_image_name() {
	if [[ -n "${DSF_TESTBED_BASE_IMAGE:-}" ]]; then
		printf '%s\n' "$DSF_TESTBED_BASE_IMAGE"
		return
	fi
	local props="$DSF_TESTBED_REPO_ROOT/testbed-core/src/main/resources/org/dsftestbed/runtime/container/images.properties"
	local name
	name=$(sed -n 's/^[[:space:]]*base\.image[[:space:]]*=[[:space:]]*//p' "$props" 2>/dev/null | tr -d '[:space:]')
	[[ -n "$name" ]] || die "no base.image in $props"
	printf '%s\n' "$name"
}

# The first http(s) mirror of the Debian archive (not debian-security) in this machine's apt sources,
# one-line (*.list) or deb822 (*.sources) style; DEBIAN_MIRROR overrides it.
debian_mirror() {
	if [[ -n "${DEBIAN_MIRROR:-}" ]]; then
		printf '%s\n' "$DEBIAN_MIRROR"
		return
	fi
	local f uri
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[[ -r "$f" ]] || continue
		uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\//) { print $i; break } }' "$f" |
			grep -v -- '-security' | grep -E '/debian/?$' | head -n 1 || true)
		[[ -n "$uri" ]] && { printf '%s\n' "${uri%/}"; return; }
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[[ -r "$f" ]] || continue
		uri=$(awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$f" |
			grep -E '^https?://' | grep -v -- '-security' | grep -E '/debian/?$' | head -n 1 || true)
		[[ -n "$uri" ]] && { printf '%s\n' "${uri%/}"; return; }
	done
	printf '%s\n' "http://deb.debian.org/debian"
}
