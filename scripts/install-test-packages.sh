#!/usr/bin/env bash
# Installs the Debian packages Parc's integration tests drive for real: headless Chromium and its driver, and the OCS
# Inventory NG Unix agent 2.10 (the OpenSSH server joins with the agentless issue). Idempotent: does nothing when they are present.
# Run by the Maven build just before the integration tests (app module, pre-integration-test), or by hand.
set -euo pipefail

packages=(chromium chromium-driver ocsinventory-agent)

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
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
