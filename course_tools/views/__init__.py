"""course_tools.views."""
