#!/usr/bin/env bash
# Installs the Debian packages Parc's integration tests drive for real: headless Chromium and its driver, the OCS
# Inventory NG Unix agent 2.10 and the FusionInventory agent 2.6 (both speak the OCS protocol), the OpenSSH server
# the agentless tests start on a loopback port, and Debian's
# `wakeonlan` tool whose datagram the Wake-on-LAN test compares with ours, and curl, which the teledeployment guide's
# agent commands use; iproute2 and nftables, with which the discovery tests build network namespaces holding test hosts
# (one of them silent behind a drop rule), and nmap, the discovery benchmark's yardstick; aiosmtpd, the SMTP server
# the notification tests send e-mails to; systemd, whose systemd-analyze checks the unit the operations guide gives. Idempotent: does nothing when they are
# present. Run by the Maven build just before the tests that need them, or by hand.
set -euo pipefail

packages=(chromium chromium-driver ocsinventory-agent fusioninventory-agent openssh-server wakeonlan curl iproute2 nftables nmap python3-aiosmtpd systemd)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Test packages present: ${packages[*]}"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing test packages: ${missing[*]}." >&2
  echo "Install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing test packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# openssh-server's post-install would start a system sshd listening on every address; the tests start their own on
# 127.0.0.1 only. A policy-rc.d answering 101 tells Debian's maintainer scripts not to start services.
policy=/usr/sbin/policy-rc.d
placed_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  placed_policy=true
fi
cleanup() { if [ "$placed_policy" = true ]; then rm -f "$policy"; fi; }
trap cleanup EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
