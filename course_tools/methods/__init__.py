"""course_tools.methods."""
