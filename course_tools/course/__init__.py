"""course_tools.course."""
