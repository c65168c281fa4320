# The two commands of the README: `make run` (set up, index corpus/, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= var/index
PORT ?= 8000

.PHONY: setup run test bench clean

$(BIN)/vnsearch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/vnsearch

setup: $(BIN)/vnsearch

# var/index is the sample's own index, rebuilt from corpus/ each time: an index left by an older
# version (which this one refuses to read) is replaced rather than stopping the quick start.
run: setup
	$(BIN)/vnsearch index corpus/ --index $(INDEX) --rebuild
	$(BIN)/vnsearch serve --index $(INDEX) --port $(PORT)

test: setup
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
