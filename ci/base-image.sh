#!/usr/bin/env bash
# ci/base-image.sh: build the testbed's local JRE base image when Docker doesn't have it yet.
#
# No registry is reachable here, so the base of every image in docker-images/ is made locally:
#   1. debootstrap (Debian package) of Debian bookworm, variant minbase, with openjdk-17-jre-headless
#      and ca-certificates, from the mirror this machine's apt sources use (DEBIAN_MIRROR overrides it)
#   2. apt caches, package lists, docs and logs removed to keep it small
#   3. `tar -C rootfs -c . | docker import - NAME`
#   4. check: `docker run --rm NAME java -version`
# NAME comes from testbed-core/src/main/resources/org/dsftestbed/runtime/container/images.properties
# (base.image), or DSF_TESTBED_BASE_IMAGE. The Dockerfiles take it as `ARG BASE_IMAGE`.
#
# Idempotent: skipped when `docker image inspect NAME` finds it. FORCE=1 rebuilds. Needs root and a
# running Docker engine (ci/docker-engine.sh). Takes a few minutes; the debootstrap log is kept in
# $BASE_IMAGE_LOG (default /var/log/dsf-testbed-debootstrap.log).
set -euo pipefail
# shellcheck source=ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=$(base_image_name)
SUITE=bookworm
INCLUDE=openjdk-17-jre-headless,ca-certificates
BASE_IMAGE_LOG=${BASE_IMAGE_LOG:-/var/log/dsf-testbed-debootstrap.log}

docker_answers || die "no Docker engine answers: run ci/docker-engine.sh first"

if [[ "${FORCE:-0}" != 1 ]] && docker image inspect "$NAME" >/dev/null 2>&1; then
	log "base image $NAME present ($(docker image inspect --format '{{.Size}}' "$NAME" | awk '{printf "%d MB", $1 / 1000000}')), nothing to do"
	exit 0
fi

[[ $(id -u) == 0 ]] || die "building the base image with debootstrap needs root"

apt_install debootstrap debian-archive-keyring

MIRROR=$(debian_mirror)
WORK=$(mktemp -d /var/tmp/dsf-testbed-base.XXXXXX)
ROOTFS=$WORK/rootfs

# Unmount whatever debootstrap may have left mounted in the rootfs (on failure), then remove it. Never
# deletes through a mount point.
cleanup() {
	local mounts m
	mounts=$(awk -v root="$ROOTFS" 'index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r)
	for m in $mounts; do umount -l "$m" 2>/dev/null || true; done
	if awk -v root="$ROOTFS" 'index($2, root "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
		echo "WARNING: mounts left under $ROOTFS; not deleting $WORK" >&2
		return
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

log "phase 1/4: debootstrap $SUITE (minbase + $INCLUDE) from $MIRROR into $ROOTFS (log: $BASE_IMAGE_LOG)"
mkdir -p "$(dirname "$BASE_IMAGE_LOG")"
: >"$BASE_IMAGE_LOG"
# debootstrap prints a line per package; show only its stage lines ("I: Installing core packages...",
# "I: Configuring the base system..."), errors and warnings.
if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$ROOTFS" "$MIRROR" 2>&1 |
	tee -a "$BASE_IMAGE_LOG" |
	grep --line-buffered -E '^(E|W): |^I: [^ ]+ [^ ]+ .*\.\.\.$|^I: Base system' |
	while IFS= read -r line; do log "  debootstrap: $line"; done; then
	:
fi
if [[ ! -x "$ROOTFS/usr/bin/java" || ! -f "$ROOTFS/etc/debian_version" ]] || ! grep -q 'I: Base system installed successfully' "$BASE_IMAGE_LOG"; then
	echo "----- last lines of $BASE_IMAGE_LOG -----" >&2
	tail -n 40 "$BASE_IMAGE_LOG" >&2
	die "debootstrap failed (log above, full log: $BASE_IMAGE_LOG)"
fi

log "phase 2/4: cleaning apt caches, package lists, docs and logs"
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/cache/debconf/*-old \
	"$ROOTFS"/var/log/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/tmp/* \
	"$ROOTFS"/var/cache/ldconfig/aux-cache
# keep the licences (copyright files), drop the rest of /usr/share/doc
find "$ROOTFS"/usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$ROOTFS"/usr/share/doc -mindepth 1 -type d -empty -delete 2>/dev/null || true
# the machine's resolver and host name don't belong in an image (Docker provides both at run time)
: >"$ROOTFS/etc/resolv.conf"
rm -f "$ROOTFS/etc/hostname"
JAVA_HOME_IN_IMAGE=$(dirname "$(dirname "$(readlink -f "$ROOTFS/usr/bin/java")")")
JAVA_HOME_IN_IMAGE=${JAVA_HOME_IN_IMAGE#"$ROOTFS"}
log "  rootfs: $(du -sh --apparent-size "$ROOTFS" | cut -f1), JAVA_HOME=$JAVA_HOME_IN_IMAGE"

log "phase 3/4: docker import -> $NAME"
tar --numeric-owner -C "$ROOTFS" -c . |
	docker import \
		--change "ENV LANG=C.UTF-8" \
		--change "ENV JAVA_HOME=$JAVA_HOME_IN_IMAGE" \
		--change 'CMD ["bash"]' \
		--change "LABEL org.opencontainers.image.title=dsf-testbed-jre-base" \
		--change "LABEL org.opencontainers.image.description=\"Debian $SUITE minbase + openjdk-17-jre-headless, made by ci/base-image.sh\"" \
		--message "dsf-testbed ci/base-image.sh: debootstrap $SUITE from $MIRROR" \
		- "$NAME" >/dev/null

log "phase 4/4: checking the image (java -version in a container)"
java_version=$(docker run --rm "$NAME" java -version 2>&1) ||
	{ echo "$java_version" >&2; die "the imported base image $NAME does not run java (output above)"; }
log "  ${java_version%%$'\n'*}"

log "base image $NAME ready ($(docker image inspect --format '{{.Size}}' "$NAME" | awk '{printf "%d MB", $1 / 1000000}'))"
