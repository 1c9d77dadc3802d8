#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Node packages, Debian's Chromium for the
# browser tests, and a running PostgreSQL server for the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium drives the browser tests; a Chinese font makes their screenshots readable.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wqy; then
  echo "installing Chromium and a Chinese font (browser tests)…"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -E"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "starting PostgreSQL…"
  for v in /etc/postgresql/*; do
    pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

npm ci --no-audit --no-fund
