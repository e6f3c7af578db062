#!/usr/bin/env bash
# `make run` / `make demo`: the demo loader makes the placeholder clip of the page in
# Deutsche Gebärdensprache with ffmpeg (demo/clips.py). Installs Debian's ffmpeg
# when it is missing and this runs as root; otherwise says how, and the loader
# leaves that page out with a warning. Idempotent: does nothing when ffmpeg is there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ffmpeg: installing (Debian package ffmpeg)"
  apt-get update -qq
  apt-get install -y -qq ffmpeg >/dev/null
else
  echo "ffmpeg fehlt: 'sudo apt-get install ffmpeg' installiert es. Ohne ffmpeg lässt" \
       "load_demo_content die Seite in Gebärdensprache (Platzhalter-Video) weg." >&2
fi
