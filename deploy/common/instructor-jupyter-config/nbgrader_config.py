# nbgrader configuration for instructors' servers only (this folder is put on JUPYTER_CONFIG_PATH
# for the JupyterHub group "instructors"). It points the formgrader at the instructors' course folder,
# the full course with solutions/ and the gradebook, and loads that folder's own nbgrader_config.py.
# The folder is $NICHOS_COURSE_DIR: /srv/nichos/instructors on TLJH (set by jupyterhub_config.d/nichos.py),
# ~/nichos on Kubernetes (each instructor's clone). The exchange comes from /etc/jupyter/nbgrader_config.py.
import os
from pathlib import Path

c = get_config()  # noqa: F821  (provided by nbgrader)
course = Path(os.environ.get("NICHOS_COURSE_DIR", "~/nichos")).expanduser()
if (course / "nbgrader_config.py").is_file():
    load_subconfig(str(course / "nbgrader_config.py"))  # noqa: F821
c.CourseDirectory.root = str(course)
