"""The book's experiments and figures: one module per chapter.

This package is not part of the stable API of :mod:`wdlib`: it holds the
code that serves one chapter's experiment or figure, and it may change with
the chapter, without notice. Reusable tools live in the other modules.

* :mod:`wdlib.experiments.background`: chapter 1 (background): the penguin
  columns, ``prepare`` (imputation, one-hot coding and standardization
  learned on the training split) and the chapter's figures.
* :mod:`wdlib.experiments.code`: chapter 4 (code): the fitted-lines and
  iterations-against-condition-number figures.
* :mod:`wdlib.experiments.trends`: chapter 5 (trends and challenges).
* :mod:`wdlib.experiments.explorers`: the data of the interactive
  explorers (JSON that the pages' JavaScript reads, no kernel needed).
"""
