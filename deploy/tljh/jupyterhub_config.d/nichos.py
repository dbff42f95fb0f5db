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
# * The JupyterHub group "spanish" lists the user names in /opt/nichos/spanish.txt (one per line): their
#   servers start with NICHOS_LANG=es (the course's messages and self-check in Spanish) and with
#   /etc/nichos/spanish-jupyter-config on JUPYTER_CONFIG_PATH, whose labconfig/default_setting_overrides.json
#   makes Spanish (es_ES) JupyterLab's default interface language. A language the participant picks in
#   Settings > Language is saved in their home and still wins.
from pathlib import Path

INSTRUCTORS_FILE = Path("/opt/nichos/instructors.txt")
SPANISH_FILE = Path("/opt/nichos/spanish.txt")
INSTRUCTOR_CONFIG = "/etc/nichos/instructor-jupyter-config"
SPANISH_CONFIG = "/etc/nichos/spanish-jupyter-config"
INSTRUCTOR_COURSE = "/srv/nichos/instructors"  # the full course (solutions, gradebook); instructors only


def _names(roster: Path) -> list[str]:
    if not roster.is_file():
        return []
    names = (line.split("#", 1)[0].strip() for line in roster.read_text().splitlines())
    return sorted({n for n in names if n})


c = get_config()  # noqa: F821  (provided by JupyterHub)
c.JupyterHub.load_groups = {"instructors": {"users": _names(INSTRUCTORS_FILE)},
                            "spanish": {"users": _names(SPANISH_FILE)}}


def _nichos_pre_spawn(spawner):
    groups = {g.name for g in spawner.user.groups}
    env, config_path = dict(spawner.environment), []
    if "instructors" in groups:
        config_path.append(INSTRUCTOR_CONFIG)
        env["NICHOS_COURSE_DIR"] = INSTRUCTOR_COURSE
    if "spanish" in groups:
        config_path.append(SPANISH_CONFIG)
        env["NICHOS_LANG"] = "es"
    if config_path:
        env["JUPYTER_CONFIG_PATH"] = ":".join(config_path)
    spawner.environment = env


c.Spawner.pre_spawn_hook = _nichos_pre_spawn
# Open JupyterLab, and stop idle servers of people who went for lunch (memory back for the others).
c.Spawner.default_url = "/lab"
