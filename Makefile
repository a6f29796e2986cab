# Two commands: `make book` builds the HTML book, `make test` runs every check.
# Both create .venv on first use and install the pinned working set.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NB     ?= $(wildcard book/*.ipynb)
JB     := $(BIN)/jupyter-book build . -W -n --keep-going

export PYTHONHASHSEED := 0

.PHONY: help venv book test unit nbval browser notebooks lab bench lock clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[book,test,lab]"
	@touch $@

venv: $(STAMP)  ## create or update .venv

book: $(STAMP)  ## build the HTML book strictly into _build/html
	$(JB)
	@echo "Open $(CURDIR)/_build/html/index.html"

test: book  ## build the book, then run unit, doctest, nbval, install and browser tests
	$(BIN)/python -m pytest tests wdlib book \
		--nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

unit: $(STAMP)  ## only the fast tests (unit, property, doctests)
	$(BIN)/python -m pytest tests wdlib -m "not browser and not install"

nbval: $(STAMP)  ## only the notebooks, strictly
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg $(NB)

notebooks: $(STAMP)  ## re-execute chapters in place (NB=book/04_code.ipynb for one)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=300 $(NB)

lab: $(STAMP)  ## open the chapters in JupyterLab with this environment's kernel
	$(BIN)/jupyter lab book/

bench: $(STAMP)  ## benchmarks against scikit-learn and the hardware floor
	$(BIN)/python benchmarks/run.py

lock:  ## re-resolve the pinned working set into constraints.txt
	rm -rf /tmp/wdlib-lock && $(PYTHON) -m venv /tmp/wdlib-lock
	/tmp/wdlib-lock/bin/python -m pip install --quiet -e ".[book,test,lab]"
	/tmp/wdlib-lock/bin/python -m pip freeze --exclude-editable > constraints.txt

clean:  ## remove the build and caches (keeps .venv)
	rm -rf _build .pytest_cache .hypothesis .mypy_cache
