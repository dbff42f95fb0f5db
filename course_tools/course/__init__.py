"""The course machinery: what turns the package into a course (the top layer).

- ``record``, ``runner``, ``offline``   values a lesson records; running a notebook with
  parameters (papermill), offline
- ``selfcheck``, ``checks``             ``check("q1")`` in exercises, and each exercise's visible checks
- ``grading``                           exercises built from solutions/ with nbgrader; hidden tests kept hidden
- ``export``                            one standalone offline HTML page from a notebook
- ``report``                            the country report (L12) for one or all countries
- ``instructor``                        release, collect, grade, feedback at workshop scale
- ``delivery``                          the participants' copy and the hub link

Input errors derive from :class:`CourseInputError`.
"""
from course_tools.errors import InputError


class CourseInputError(InputError):
    """A command or file of the course machinery cannot be used as given (the message says how to fix it)."""


__all__ = ["CourseInputError"]
