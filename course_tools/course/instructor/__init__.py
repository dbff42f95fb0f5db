"""Instructor tools for workshops of dozens of participants: release, collect, grade, feedback, grades.

``course release | collect | grade | feedback | grades | dashboard`` (see ``course --help``) run on the
instructor's copy of the course; nbgrader does the work, these modules make it fast and safe at workshop
scale: parallel grading with time and memory limits, submissions never modified, every student
accounted for.
"""
