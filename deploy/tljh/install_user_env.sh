#!/usr/bin/env bash
# Install the Nichos course into TLJH's user environment (/opt/tljh/user), from this clone.
# Run as root (sudo) on the hub machine; setup_hub.sh calls it. Safe to run again (idempotent).
#
#   sudo deploy/tljh/install_user_env.sh [COURSE_DIR]     (default: the clone this script is in)
#
# TLJH's user environment is a conda environment at /opt/tljh/user shared by every user; admins
# install into it with its own pip/conda (TLJH docs, "Install conda, pip or apt packages").
# The course pins Python 3.11 (pandas 3): if the environment has an older Python, it is upgraded as
# TLJH's docs describe ("Upgrade to a newer Python version"): note the pip-installed Jupyter packages,
# install the new Python with conda, reinstall them.
set -euo pipefail
COURSE_DIR="$(cd "${1:-$(dirname "$0")/../..}" && pwd)"
PREFIX="${TLJH_USER_ENV:-/opt/tljh/user}"
PY="$PREFIX/bin/python"
[ -x "$PY" ] || { echo "No TLJH user environment at $PREFIX: install TLJH first (docs/hub_tljh.md, step 1)." >&2; exit 1; }
[ -f "$COURSE_DIR/requirements/lock.txt" ] || { echo "$COURSE_DIR is not the Nichos course (no requirements/lock.txt)." >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "Run with sudo: the user environment belongs to root." >&2; exit 1; }

version=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "[nichos] user environment has Python $version"
else
    echo "[nichos] user environment has Python $version; upgrading it to 3.11 (TLJH docs procedure)"
    keep=$(mktemp)
    # The Jupyter packages TLJH installed with pip must be reinstalled under the new Python.
    "$PREFIX/bin/pip" list --format=freeze 2>/dev/null \
        | grep -iE '^(jupyterhub|nbgitpuller|jupyter-resource-usage|jupyterhub-idle-culler)==' > "$keep" || true
    CONDA="$PREFIX/bin/mamba"; [ -x "$CONDA" ] || CONDA="$PREFIX/bin/conda"
    "$CONDA" install -y -p "$PREFIX" -c conda-forge "python=3.11"
    if [ -s "$keep" ]; then "$PREFIX/bin/pip" install -r "$keep"; fi
    rm -f "$keep"
fi

# The exact pins of the course (the same versions as environment.yml; a test checks it).
"$PREFIX/bin/pip" install --disable-pip-version-check -r "$COURSE_DIR/requirements/lock.txt"
# course_tools from this clone (editable: a `git pull` here updates every user at once).
"$PREFIX/bin/pip" install --disable-pip-version-check --no-deps -e "$COURSE_DIR"
# nbgitpuller gives participants the course through `course link`; TLJH ships it, check anyway.
"$PY" -c "import nbgitpuller" 2>/dev/null || "$PREFIX/bin/pip" install "nbgitpuller==1.3.0"

"$PY" -c "import course_tools, nbgrader, pandas; print('[nichos] course_tools', course_tools.__version__, '| nbgrader', nbgrader.__version__, '| pandas', pandas.__version__)"
