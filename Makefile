# The two commands a newcomer needs (see README):
#   make demo   set up, start the service with its own Redis, moderate the seed pages, print the decisions
#   make test   set up and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup setup-demo demo test bench clean

# The demo needs Redis and the project (no torch, no browser); the tests need their tools too.
setup:
	@VENV=$(VENV) ./scripts/setup.sh test

setup-demo:
	@VENV=$(VENV) ./scripts/setup.sh demo

demo: setup-demo
	@$(VENV)/bin/moderation demo seeds/*.txt

test: setup
	@$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	@$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var .pytest_cache
