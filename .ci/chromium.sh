#!/usr/bin/env bash
# Makes Debian's Chromium and its WebDriver available to the browser test of the demo
# (DemoBrowserTest drives /usr/bin/chromium through /usr/bin/chromedriver; Selenium Manager
# never downloads a browser). Idempotent: does nothing when both are installed.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
