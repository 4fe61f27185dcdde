#!/usr/bin/env bash
# ci/docker-engine.sh: make sure a Docker engine answers, installing and starting one when none does.
#
# - If `docker info` already answers (with the current DOCKER_HOST/context), nothing is done.
# - Otherwise (as root): installs Debian's docker.io (apt-get update at most once per CI run), then starts
#   `dockerd` in the background on unix:///var/run/docker.sock with its log in $DOCKERD_LOG
#   (default /var/log/dsf-testbed-dockerd.log) and waits up to $DOCKERD_TIMEOUT seconds (default 60)
#   for `docker info` to answer. Fails with the log's tail when it doesn't.
# - If dockerd can't set up its iptables rules (some sandboxes), it is started once more with
#   --iptables=false: containers on one Docker network still reach each other (unless a FORWARD DROP
#   policy is left from elsewhere: warned about) and published ports still work through docker-proxy;
#   only outbound NAT from containers is lost. Not needed on CI's machine (iptables-nft works there).
# - Extra dockerd flags: DOCKERD_FLAGS (e.g. "--storage-driver=vfs").
#
# Idempotent. The started dockerd keeps running after the script ends; the later CI steps use it. If
# DOCKER_HOST/DOCKER_CONTEXT pointed elsewhere, run the following steps with
# DOCKER_HOST=unix:///var/run/docker.sock (.ci/run does that).
set -euo pipefail
# shellcheck source=ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LOCAL_SOCKET=/var/run/docker.sock
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dsf-testbed-dockerd.log}
DOCKERD_TIMEOUT=${DOCKERD_TIMEOUT:-60}

if docker_answers; then
	log "Docker engine answers: server $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'), nothing to do"
	exit 0
fi

# From here on, talk to the engine this script manages, whatever DOCKER_HOST/DOCKER_CONTEXT said.
if [[ -n "${DOCKER_HOST:-}" || -n "${DOCKER_CONTEXT:-}" ]]; then
	log "DOCKER_HOST/DOCKER_CONTEXT (${DOCKER_HOST:-}${DOCKER_CONTEXT:-}) does not answer; using a local engine on $LOCAL_SOCKET"
fi
export DOCKER_HOST=unix://$LOCAL_SOCKET
unset DOCKER_CONTEXT

if docker_answers; then
	log "Docker engine answers on $LOCAL_SOCKET: server $(docker version --format '{{.Server.Version}}'), nothing to do"
	exit 0
fi

[[ $(id -u) == 0 ]] || die "no Docker engine answers and starting one needs root: install and start Docker, then re-run"

if ! command -v dockerd >/dev/null 2>&1; then
	log "installing Docker engine (Debian package docker.io)"
	apt_install docker.io
fi
command -v docker >/dev/null 2>&1 || die "docker.io is installed but no docker client is on PATH"

# A dockerd that runs but doesn't answer (e.g. still starting, or hung) is left alone: don't start a second one.
if pgrep -x dockerd >/dev/null 2>&1; then
	log "a dockerd process exists (pid $(pgrep -x dockerd | tr '\n' ' ')) but does not answer yet; waiting for it"
else
	# cgroups are mounted on most hosts; cgroupfs-mount (Debian package) mounts them where they are not.
	if [[ ! -e /sys/fs/cgroup/cgroup.controllers && ! -d /sys/fs/cgroup/memory ]]; then
		log "no cgroup hierarchy mounted: mounting it with cgroupfs-mount"
		apt_install cgroupfs-mount
		cgroupfs-mount
	fi
fi

start_dockerd() {
	local -a flags
	# shellcheck disable=SC2206 # DOCKERD_FLAGS is a word list on purpose
	flags=(--host="unix://$LOCAL_SOCKET" ${DOCKERD_FLAGS:-} "$@")
	log "starting dockerd ${flags[*]} (log: $DOCKERD_LOG)"
	mkdir -p "$(dirname "$DOCKERD_LOG")"
	# setsid + nohup: the engine survives this script and the CI shell's job control.
	setsid nohup dockerd "${flags[@]}" >>"$DOCKERD_LOG" 2>&1 </dev/null &
	DOCKERD_PID=$!
}

# wait_for_engine PID: 0 when `docker info` answers, 1 when dockerd PID died, 2 on timeout
wait_for_engine() {
	local pid=$1 deadline=$(($(date +%s) + DOCKERD_TIMEOUT))
	while (($(date +%s) < deadline)); do
		docker_answers && return 0
		if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		sleep 1
	done
	return 2
}

DOCKERD_PID=
if ! pgrep -x dockerd >/dev/null 2>&1; then
	: >"$DOCKERD_LOG" 2>/dev/null || true
	start_dockerd
fi

status=0
wait_for_engine "$DOCKERD_PID" || status=$?
if ((status == 1)) && grep -qiE 'iptables|nat chain|ip6tables' "$DOCKERD_LOG"; then
	log "dockerd exited while setting up iptables; retrying without iptables management"
	start_dockerd --iptables=false
	status=0
	wait_for_engine "$DOCKERD_PID" || status=$?
	# Without Docker's rules, a DROP policy on FORWARD (with br_netfilter) also drops traffic between containers.
	if iptables -S FORWARD 2>/dev/null | grep -q -- '^-P FORWARD DROP'; then
		log "WARNING: iptables FORWARD policy is DROP: containers may not reach each other without Docker's rules"
	fi
fi

if ((status != 0)); then
	echo "----- last lines of $DOCKERD_LOG -----" >&2
	tail -n 40 "$DOCKERD_LOG" >&2 || true
	echo "-----" >&2
	if ((status == 1)); then
		die "dockerd exited before answering (log above, full log: $DOCKERD_LOG)"
	fi
	die "Docker engine did not answer within ${DOCKERD_TIMEOUT}s (log above, full log: $DOCKERD_LOG)"
fi

log "Docker engine answers on $LOCAL_SOCKET: server $(docker version --format '{{.Server.Version}}'), storage driver $(docker info --format '{{.Driver}}')"
