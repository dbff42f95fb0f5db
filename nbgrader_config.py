"""nbgrader configuration for the Nichos course.

solutions/ holds the source notebooks (with solutions and hidden tests); `course build`
generates the student versions in exercises/. Submissions, autograded work, feedback and the
gradebook live in folders that git ignores.
"""
from pathlib import Path

c = get_config()  # noqa: F821  (provided by nbgrader)

here = Path(__file__).resolve().parent

c.CourseDirectory.root = str(here)
c.CourseDirectory.course_id = "nichos"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = f"sqlite:///{here / 'gradebook.db'}"
# Data stay in datasets/ and are read through course_tools; only notebooks are assignment files.
c.CourseDirectory.include = ["*.ipynb"]
# solutions/exNN/oracle.py computes the expected answers for the hidden tests: nbgrader must never copy it
# (not into a release, not next to a submission being graded, not into feedback). `course grade` imports it
# in its clean scoring process only (course_tools.course.instructor.scoring).
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "oracle.py"]

# A notebook that loops forever must not hold up a whole class.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
c.ExecutePreprocessor.kernel_name = "python3"

# Student versions: strip solutions and hidden tests; keep outputs cleared.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Feedback: nbgrader puts the hidden tests back into autograded notebooks and shows them in the
# feedback by design (jupyter/nbgrader#917). Learners may resubmit, so hide them, and the
# tracebacks that would quote them (course_tools.course.grading.HideHiddenTests, tested in
# tests/course/test_pipeline.py).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "course_tools.course.grading.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
