#!/usr/bin/env bash
# Liyuan's set-up, build and run in one script (the README's two commands).
#
#   tools/setup.sh run     install what is missing, build, and play the bundled exhibition (liyuan demo)
#   tools/setup.sh test    install what is missing, build, and run the whole test suite
#   tools/setup.sh build   install what is missing and build
#
# Missing Debian packages (tools/setup/debian-packages.txt) are installed with apt-get, through sudo when not root.
# Nothing is downloaded from anywhere else. Idempotent, and quiet when there is nothing to do.
# LIYUAN_BUILD_DIR chooses the build directory (default: build/ in the repository).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${LIYUAN_BUILD_DIR:-$root/build}
mode=${1:-run}

say() { echo "liyuan-setup: $*"; }

install_missing_packages() {
  local wanted=() missing=() package
  mapfile -t wanted < <(sed 's/#.*//' "$root/tools/setup/debian-packages.txt" | awk 'NF { print $1 }')
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "run as root or install sudo: missing ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_and_build() {
  if [ ! -f "$build/build.ninja" ]; then
    say "configuring $build"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  # Quiet when there is nothing to do; a failed build still prints everything and stops the script.
  local output
  if ! output=$(cmake --build "$build" -- --quiet 2>&1); then
    printf '%s\n' "$output"
    exit 1
  fi
  output=$(printf '%s\n' "$output" | grep -v '^ninja: no work to do\.$' || true)
  [ -z "$output" ] || printf '%s\n' "$output"
}

# Lavapipe probes Wayland and complains when XDG_RUNTIME_DIR is unset (headless machines, CI): give it a private one.
ensure_runtime_dir() {
  if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ]; then
    export XDG_RUNTIME_DIR="$build/xdg-runtime"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  fi
}

# The bundled Tang Palace exhibition on the best presenter available: a headset when an OpenXR runtime answers, else
# a window when there is a display, else recorded offscreen into build/out/demo (contact sheet and MP4).
run_main_job() {
  "$build/runtime/app/liyuan" demo --out "$build/out/demo"
}

case "$mode" in
  run | test | build) ;;
  -h | --help | help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) say "unknown command '$mode' (run, test or build)"; exit 2 ;;
esac

install_missing_packages
configure_and_build
ensure_runtime_dir
case "$mode" in
  run) run_main_job ;;
  test) ctest --test-dir "$build" --output-on-failure --timeout 600 -j "$(nproc)" ;;
  build) ;;
esac
