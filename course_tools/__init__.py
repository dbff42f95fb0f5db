"""course_tools: the Python package behind the Nichos course.

Every number a lesson shows comes from a named, tested function here, so a learner can open
the function and read the formula. Modules:

- ``course_tools.data``        load the shipped datasets and your own files into tidy tables
- ``course_tools.indicators``  trade, complexity, input-output and territorial indicators
- ``course_tools.course.record``      ``record(name, value)``: values that the regression tests read
- ``course_tools.course.selfcheck``   ``check("q1")``: self-check for exercises, offline
- ``course_tools.cli``         the ``course`` command (build, grade, report, ...)
"""
__version__ = "0.1.0"
