"""Instructor tools for workshops of dozens of participants: release, collect, grade, feedback, grades.

``course release | collect | grade | feedback | grades | dashboard`` (see ``course --help``) run on the
instructor's copy of the course; nbgrader does the work, these modules make it fast and safe at workshop
scale: parallel grading with time and memory limits, submissions never modified, every student
accounted for.

- ``assignments``   an assignment's notebooks, its secret lines (solutions, hidden tests), nbgrader runs
- ``release``       ``course release``: a zip for an LMS / e-mail, or the nbgrader exchange
- ``roster``, ``names``, ``collect``   ``course collect``: the roster, who handed in which file, filing
  submissions into ``submitted/<student>/<exNN>/``
- ``grade``         ``course grade``: the grading run, which schedules ``submissions`` (checks before
  grading), ``gradebook`` (the assignment in gradebook.db), ``worker`` (one submission in its scratch
  folder), ``limits`` (output caps, memory limit), ``writer`` (the one writer of gradebook.db) and
  ``outcome`` (statuses and messages)
- ``results``       ``course feedback | grades | dashboard``
"""
