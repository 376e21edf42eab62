#!/usr/bin/env bash
# Differential parse check of dbt Jinja: Python's Jinja2 (the judge) against dbtls, over every
# .sql file and docs .md file under the given folders. Reads only those folders.
#   test-projects/jinja-parse-diff.sh ~/src/dbt-utils ~/src/my-project
set -euo pipefail
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jinja_parse_diff.py" "$@"
