#!/usr/bin/env bash
# Makes Debian's Prometheus available to the integration tests (they start their own instance on a
# free port; nothing here starts or enables a service). Idempotent: does nothing when installed.
set -euo pipefail
if [ ! -x /usr/bin/prometheus ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # policy-rc.d in containers already stops the package's services from starting; on a full
  # Debian they would start, so stop them: the tests need nothing on 9090/9100.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus
  if [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true
  fi
fi
/usr/bin/prometheus --version | head -1
