"""``python -m course_tools.cli``: the ``course`` command."""
import sys

from course_tools.cli import main

sys.exit(main())
