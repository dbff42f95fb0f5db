#!/usr/bin/env bash
# Configure a fresh The Littlest JupyterHub for a Nichos workshop (about 30 participants).
# Run as root on the hub machine, from the instructors' clone of the course:
#
#   sudo git clone https://github.com/REPLACE-ORG/nichos /srv/nichos/instructors
#   sudo /srv/nichos/instructors/deploy/tljh/setup_hub.sh INSTRUCTOR [INSTRUCTOR ...]
#
# Two folders on the server:
#   /srv/nichos/instructors    the full course (solutions/, gradebook): instructors only (mode 2770)
#   /srv/nichos/participants   `course participant-copy` of it (no answers): what the user
#                              environment's course_tools and datasets come from, readable by all
# Idempotent: run it again after adding an instructor or pulling a new version of the course.
# Step by step, with the reasons: docs/hub_tljh.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
COURSE_DIR="$(cd "$HERE/../.." && pwd)"
COMMON="$COURSE_DIR/deploy/common"
PARTICIPANTS_DIR="${NICHOS_PARTICIPANTS_DIR:-/srv/nichos/participants}"
[ "$(id -u)" = 0 ] || { echo "Run with sudo." >&2; exit 1; }
[ "$#" -ge 1 ] || { echo "usage: sudo $0 INSTRUCTOR [INSTRUCTOR ...]   (the instructors' hub user names)" >&2; exit 2; }
command -v tljh-config >/dev/null || { echo "tljh-config not found: install TLJH first (docs/hub_tljh.md, step 1)." >&2; exit 1; }

# 1. The participants' copy (standard library only: no package needed yet), then the course in
#    TLJH's user environment from it (Python 3.11, the pinned packages, course_tools).
PYTHONPATH="$COURSE_DIR" python3 -c "import sys; from course_tools.course.delivery import participant_copy; \
print(len(participant_copy(sys.argv[1], sys.argv[2])), 'files in', sys.argv[1])" "$PARTICIPANTS_DIR" "$COURSE_DIR"
chmod -R a+rX "$PARTICIPANTS_DIR"
"$HERE/install_user_env.sh" "$PARTICIPANTS_DIR"

# 2. Per-user limits: 2 GB of memory and one CPU each; JupyterLab by default; idle servers stop
#    after an hour (their memory goes back to the others).
tljh-config set limits.memory 2G
tljh-config set limits.cpu 1
tljh-config set user_environment.default_app jupyterlab
tljh-config set services.cull.timeout 3600

# 3. Instructors: hub admins (Unix group jupyterhub-admins, with sudo) and members of the JupyterHub
#    group "instructors" (formgrader). Only they can read the full course.
mkdir -p /opt/nichos
: > /opt/nichos/instructors.txt
for name in "$@"; do
    tljh-config add-item users.admin "$name"
    echo "$name" >> /opt/nichos/instructors.txt
done
chgrp -R jupyterhub-admins "$COURSE_DIR"
chmod -R g+rwX,o-rwx "$COURSE_DIR"
find "$COURSE_DIR" -type d -exec chmod g+s {} +

# 4. nbgrader: one global configuration and the exchange, world-writable with the sticky bit (every
#    participant's server writes its submissions there as that participant's Unix user).
install -d -m 0755 /etc/jupyter
install -m 0644 "$COMMON/nbgrader_config.py" /etc/jupyter/nbgrader_config.py
install -d -m 1777 /srv/nbgrader/exchange
chmod 1777 /srv/nbgrader/exchange

# 5. Participants see the Assignments panel only; instructors get the rest back through
#    JUPYTER_CONFIG_PATH (jupyterhub_config.d/nichos.py).
J=/opt/tljh/user/bin/jupyter
$J server extension disable --sys-prefix nbgrader.server_extensions.formgrader
$J server extension disable --sys-prefix nbgrader.server_extensions.course_list
$J server extension enable --sys-prefix nbgrader.server_extensions.assignment_list
$J server extension enable --sys-prefix nbgrader.server_extensions.validate_assignment
$J labextension disable --level=sys_prefix @jupyter/nbgrader:formgrader
$J labextension disable --level=sys_prefix @jupyter/nbgrader:course-list
$J labextension disable --level=sys_prefix @jupyter/nbgrader:create-assignment
rm -rf /etc/nichos/instructor-jupyter-config /etc/nichos/spanish-jupyter-config
install -d -m 0755 /etc/nichos
cp -r "$COMMON/instructor-jupyter-config" /etc/nichos/instructor-jupyter-config
# The group "spanish" (the names in /opt/nichos/spanish.txt): JupyterLab and the course in Spanish.
cp -r "$COMMON/spanish-jupyter-config" /etc/nichos/spanish-jupyter-config
touch /opt/nichos/spanish.txt
chmod -R a+rX /etc/nichos
install -m 0644 "$HERE/jupyterhub_config.d/nichos.py" /opt/tljh/config/jupyterhub_config.d/nichos.py

# 6. Apply.
tljh-config reload hub
echo "[nichos] hub ready. Next: docs/hub_tljh.md step 4 (the participants' repository and the link)."
