# Nichos on The Littlest JupyterHub: copied to /opt/tljh/config/jupyterhub_config.d/nichos.py by
# deploy/tljh/setup_hub.sh (TLJH loads every *.py there after its own settings; `tljh-config reload hub`).
#
# * The JupyterHub group "instructors" lists the user names in /opt/nichos/instructors.txt
#   (one per line; setup_hub.sh writes it).
# * Participants see the Assignments panel only: the instructors' nbgrader panels are switched off
#   for the whole user environment. An instructor's server starts with JUPYTER_CONFIG_PATH pointing
#   at /etc/nichos/instructor-jupyter-config, which switches the formgrader, course list and
#   create-assignment panels back on (that folder has priority over the environment's settings) and
#   points the formgrader at the instructors' course folder (NICHOS_COURSE_DIR).
from pathlib import Path

INSTRUCTORS_FILE = Path("/opt/nichos/instructors.txt")
INSTRUCTOR_CONFIG = "/etc/nichos/instructor-jupyter-config"
INSTRUCTOR_COURSE = "/srv/nichos/instructors"  # the full course (solutions, gradebook); instructors only


def _instructors() -> list[str]:
    if not INSTRUCTORS_FILE.is_file():
        return []
    names = (line.split("#", 1)[0].strip() for line in INSTRUCTORS_FILE.read_text().splitlines())
    return sorted({n for n in names if n})


c = get_config()  # noqa: F821  (provided by JupyterHub)
c.JupyterHub.load_groups = {"instructors": {"users": _instructors()}}


def _nichos_pre_spawn(spawner):
    groups = {g.name for g in spawner.user.groups}
    if "instructors" in groups:
        spawner.environment = {**spawner.environment, "JUPYTER_CONFIG_PATH": INSTRUCTOR_CONFIG,
                               "NICHOS_COURSE_DIR": INSTRUCTOR_COURSE}


c.Spawner.pre_spawn_hook = _nichos_pre_spawn
# Open JupyterLab, and stop idle servers of people who went for lunch (memory back for the others).
c.Spawner.default_url = "/lab"
