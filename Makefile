# Two commands: `make book` builds the HTML book (both editions), `make test`
# runs every check. Both create .venv on first use and install the pinned
# working set. `make translations` updates the Chinese edition's catalogs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NB     ?= $(wildcard book/*.ipynb)
JB     := $(BIN)/jupyter-book build . -W -n --keep-going

export PYTHONHASHSEED := 0

.PHONY: help venv book translations test unit nbval browser notebooks lab bench lock clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[book,test,lab]"
	@touch $@

venv: $(STAMP)  ## create or update .venv

# Both editions, strictly (-W -n --keep-going, as $(JB)); the notebooks execute
# once, into a fresh jupyter-cache, then the two editions build side by side.
book: $(STAMP)  ## build the HTML book strictly: English in _build/html, Chinese in _build/html/zh
	rm -rf _build/.jupyter_cache
	$(BIN)/python tools/build_book.py book
	@echo "Open $(CURDIR)/_build/html/index.html (中文版: $(CURDIR)/_build/html/zh/index.html)"

# Re-extract the English text and merge it into book/locales/zh_CN/LC_MESSAGES:
# new text arrives untranslated, changed text becomes fuzzy (revisit it).
translations: $(STAMP)  ## update the Chinese catalogs from the sources (then translate the msgstr)
	$(BIN)/python tools/build_book.py translations

# Two workers, one file at a time each (--dist loadfile): a notebook's cells
# stay in one kernel, and the browser tests run beside the notebooks.
test: book  ## build the book, then run unit, doctest, nbval, install and browser tests
	$(BIN)/python -m pytest tests wdlib book -n 2 --dist loadfile \
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
