# Convenience wrappers: everything is in course.py, which needs only Python 3.
PYTHON ?= python3

.PHONY: lab test setup build clean
lab:    ## set up .venv and start JupyterLab on lessons/
	$(PYTHON) course.py lab
test:   ## set up .venv and run the whole test suite
	$(PYTHON) course.py test
setup:  ## only set up .venv
	$(PYTHON) course.py setup --tests
build: setup  ## regenerate exercises/ from solutions/
	.venv/bin/course build
clean:
	rm -rf .venv .pytest_cache
