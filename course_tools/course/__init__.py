"""The course machinery: what turns the package into a course (the top layer; it uses views, data, methods).

- ``record``, ``runner``, ``offline``   values a lesson records; running a notebook with parameters
  (papermill), offline (the network blocked in the kernel)
- ``selfcheck``, ``checks``             ``check("q1")`` in exercises, and each exercise's visible checks
- ``build``                             the learners' exercises built from solutions/ with nbgrader
- ``grading``                           autograde a few notebooks; feedback without hidden tests (nbgrader
  preprocessor ``HideHiddenTests``)
- ``export``                            one standalone offline HTML page from a notebook (package: formulas
  as MathML, cleaning the outputs, the offline check, the page)
- ``report``                            the country report (L12) for one or all countries (package: thin-data
  rule and coverage, the datasheet, running the reports)
- ``instructor``                        release, collect, grade, feedback at workshop scale (package)
- ``delivery``                          the participants' copy and the hub link

The ``course`` command that drives them is :mod:`course_tools.cli`. Input errors derive from
:class:`CourseInputError` (:class:`CourseTypeError` for an argument of the wrong type); failures that are not
about an input (a notebook that stops, nbgrader that fails, a page that cannot be made offline) derive from
:class:`course_tools.errors.NichosError` and ``RuntimeError``.
"""
from course_tools.errors import InputError


class CourseInputError(InputError):
    """A command or file of the course machinery cannot be used as given (the message says how to fix it)."""


class CourseTypeError(CourseInputError, TypeError):
    """An argument of the course machinery is of a type it cannot use (a ``TypeError`` too)."""


__all__ = ["CourseInputError", "CourseTypeError"]
