"""Exercises a student can check without seeing the answer.

Every exercise of the book has a checker. :func:`check` computes the
reference at check time (closed forms, brute force, exact refits), compares
the answer with a tolerance that fits the question and returns a
:class:`Feedback`: whether it passed, and a message that names the typical
mistake the answer matches (the intercept penalized, the sum instead of the
mean, lam off by a factor n, a sign, ...) without ever giving the value.
Function answers are called on fresh inputs, seeded by the exercise id,
so a hard-coded result does not pass.

Examples
--------
>>> from wdlib import exercises as ex
>>> [e.id for e in ex.catalog() if e.chapter == 3]
['3.1', '3.2', '3.3', '3.4']
>>> ex.check("3.3", lambda s, n: s**2 / n)
Correct: lam = s^2/n, whatever d is.
>>> ex.check("3.3", lambda s, n: s**2).passed
False
"""

from __future__ import annotations

from typing import Any

from . import ch1, ch2, ch3, ch4, ch5, ch6  # noqa: F401  (registration)
from ._feedback import Exercise, Feedback, UnknownExerciseError, registry

__all__ = ["Exercise", "Feedback", "UnknownExerciseError", "catalog", "check"]


def catalog() -> list[Exercise]:
    """Every exercise with a checker, in chapter order.

    Returns
    -------
    list of Exercise
        Each has ``.id`` (``"4.2"``), ``.chapter`` (4), ``.title`` (one
        line) and ``.answer`` (the form :func:`check` expects).

    Examples
    --------
    >>> from wdlib import exercises as ex
    >>> first = ex.catalog()[0]
    >>> first.id, first.chapter
    ('1.1', 1)
    >>> print(first.answer)  # doctest: +NORMALIZE_WHITESPACE
    a function w_ridge_1d(x, y, lam) -> float: the ridge weight of one
    feature with an unpenalized intercept
    """
    return [entry for entry, _ in registry().values()]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check an answer to one exercise.

    Parameters
    ----------
    exercise_id : str
        The exercise, ``"chapter.number"`` as in :func:`catalog`.
    answer : object
        What the exercise asks for (``catalog()``'s ``.answer`` says:
        a number, a tuple of numbers, an array or a function).

    Returns
    -------
    Feedback
        ``.passed`` and ``.message``. An answer of the wrong type or shape
        does not pass, and the message says what was expected.

    Raises
    ------
    UnknownExerciseError
        (a ``KeyError`` and a ``ValueError``) if ``exercise_id`` is not in
        the catalog; the message lists the valid ids.
    TypeError
        If ``exercise_id`` is not a string.

    Notes
    -----
    The reference is computed at check time and only compared with the
    answer; it appears in no message, attribute or representation.

    Examples
    --------
    >>> from wdlib import exercises as ex
    >>> ex.check("2.1", lambda lam: 2 / lam)  # doctest: +NORMALIZE_WHITESPACE
    Not yet: 2/lam is the stability limit 2/L of gradient descent on the
    penalty alone; the factor 1 - eta lam changes sign earlier.
    >>> print(ex.check("2.1", 0.5).message)  # doctest: +NORMALIZE_WHITESPACE
    Expected a function eta_threshold(lam); got a float. Pass the
    function itself, not its result.
    """
    if not isinstance(exercise_id, str):
        raise TypeError(
            f"exercise_id must be a str such as '4.2'; got "
            f"{type(exercise_id).__name__} {exercise_id!r}. "
            "Write the id in quotes."
        )
    entries = registry()
    key = exercise_id.strip()
    if key not in entries:
        raise UnknownExerciseError(
            f"exercise_id {exercise_id!r} is not an exercise with a "
            f"checker; valid ids: {', '.join(entries)}."
        )
    return entries[key][1](answer)
