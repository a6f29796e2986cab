"""The book's experiments and figures: one module per chapter.

This package is not part of the stable API of :mod:`wdlib`: it holds the
code that serves one chapter's experiment or figure, and it may change with
the chapter, without notice. Reusable tools live in the other modules.

* :mod:`wdlib.experiments.trends`: chapter 5 (trends and challenges).
"""
