#!/bin/sh
# Runs Microsoft's Bing Ads example programs, unmodified, against this checkout's adcenter.
# usage: tools/sdk-examples/run.sh python-soap --git /path/to/BingAds-Python-SDK.git [--ref soap] [options]
#        tools/sdk-examples/run.sh python-soap --checkout /path/to/sdk [options]
# Builds adcenter first when dist/ is missing (set ADCENTER_SKIP_BUILD=1 to never build).
# Details: docs/sdk-examples.md
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if [ ! -f "$repo/dist/src/cli/main.js" ] && [ "${ADCENTER_SKIP_BUILD:-}" != 1 ]; then
  (cd "$repo" && npm run build)
fi
# Debian's interpreter: python3-suds and python3-requests are installed for it.
exec /usr/bin/python3 "$here/harness/run.py" "$@"
