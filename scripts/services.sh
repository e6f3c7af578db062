#!/usr/bin/env bash
# `make services`: installs PostgreSQL 15 and Redis from Debian when missing,
# lets 127.0.0.1 connect without a password (development and CI machines only)
# and starts both. Idempotent: safe to run twice, does nothing that is done.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "services: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Debian package creates the cluster; a machine without it gets one.
if [ ! -d /etc/postgresql/15/main ]; then
  $SUDO pg_createcluster 15 main
fi

HBA=/etc/postgresql/15/main/pg_hba.conf
if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA"; then
  # Trust loopback (TCP) for every user: the suite and `make run` connect as postgres.
  $SUDO sed -i -E 's/^(host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1\/32[[:space:]]+)[a-z0-9-]+/\1trust/' "$HBA"
  grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA" \
    || echo "host    all             all             127.0.0.1/32            trust" | $SUDO tee -a "$HBA" >/dev/null
  if pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect 15 main reload
  fi
fi

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break
    sleep 1
  done
fi
pg_isready -h 127.0.0.1 -p 5432

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
echo "redis: $(redis-cli -h 127.0.0.1 ping)"
