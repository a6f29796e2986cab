"""Feedback, the exercise registry and the comparison helpers.

Every checker receives the student's answer, computes its reference at
check time and returns a :class:`Feedback`. The helpers here turn answers
into arrays, call function answers on fresh inputs and compare the result
with the reference and with the values of typical mistakes, each computed
independently. No helper puts a reference value into a message.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["Exercise", "Feedback", "UnknownExerciseError"]

Checker = Callable[[Any], "Feedback"]
Mistake = tuple[Callable[..., Any], str]
# what a function exercise builds: fresh cases, reference, mistakes
FunctionParts = tuple[Sequence[tuple], Callable[..., Any], Sequence[Mistake]]
# what a numbers exercise builds: reference values, (values, hint) pairs
NumberParts = tuple[Any, Sequence[tuple[Any, str]]]

_PASS_COLOUR = "#0072B2"  # Okabe-Ito blue: colour-blind safe
_FAIL_COLOUR = "#D55E00"  # Okabe-Ito vermilion


@dataclass(frozen=True, repr=False)
class Feedback:
    """The verdict on one answer.

    Attributes
    ----------
    passed : bool
        Whether the answer is correct within the exercise's tolerance.
    message : str
        What was checked, or a hint about what went wrong. It never
        contains the reference value.

    Notes
    -----
    The plain-text and HTML representations depend only on ``passed`` and
    ``message``, so a notebook's stored output is reproducible. The HTML
    uses the theme's text colour (``currentColor``) and marks the verdict
    with a coloured left border and the words "Correct" or "Not yet".

    Examples
    --------
    >>> Feedback(True, "The weight matches.")
    Correct: The weight matches.
    >>> page = Feedback(False, "x < n & y > 0")._repr_html_()
    >>> page.startswith('<div class="wdlib-feedback wdlib-feedback-fail"')
    True
    >>> page.endswith("Not yet</strong>: x &lt; n &amp; y &gt; 0</div>")
    True
    """

    passed: bool
    message: str

    def __post_init__(self) -> None:
        if not isinstance(self.passed, (bool, np.bool_)):
            raise TypeError(
                f"passed must be a bool; got {type(self.passed).__name__}."
            )
        if not isinstance(self.message, str):
            raise TypeError(
                f"message must be a str; got {type(self.message).__name__}."
            )
        object.__setattr__(self, "passed", bool(self.passed))

    @property
    def mark(self) -> str:
        """``"Correct"`` or ``"Not yet"``."""
        return "Correct" if self.passed else "Not yet"

    def __repr__(self) -> str:
        return f"{self.mark}: {self.message}"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        kind = "pass" if self.passed else "fail"
        colour = _PASS_COLOUR if self.passed else _FAIL_COLOUR
        style = (
            f"border-left: 0.3em solid {colour}; padding: 0.3em 0.8em; "
            "margin: 0.3em 0; color: currentColor; "
            "background: transparent"
        )
        return (
            f'<div class="wdlib-feedback wdlib-feedback-{kind}" '
            f'style="{style}"><strong>{self.mark}</strong>: '
            f"{html.escape(self.message)}</div>"
        )


@dataclass(frozen=True)
class Exercise:
    """One entry of the catalog.

    Attributes
    ----------
    id : str
        ``"chapter.number"``, e.g. ``"4.2"``, the number in the chapter.
    chapter : int
        The chapter the exercise belongs to.
    title : str
        One line saying what the exercise asks.
    answer : str
        The form of the answer :func:`wdlib.exercises.check` expects.

    Examples
    --------
    >>> from wdlib import exercises as ex
    >>> entry = {e.id: e for e in ex.catalog()}["6.4"]
    >>> entry.chapter, entry.title
    (6, "k-fold cross-validation: the penalty of a fold's fit")
    """

    id: str
    chapter: int
    title: str
    answer: str


class UnknownExerciseError(KeyError, ValueError):
    """An exercise id that is not in the catalog (a KeyError and a
    ValueError, so either ``except`` clause catches it)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


_REGISTRY: dict[str, tuple[Exercise, Checker]] = {}


def exercise(
    ex_id: str, title: str, answer: str
) -> Callable[[Checker], Checker]:
    """Register ``checker`` under ``ex_id`` (used by the chapter modules)."""
    chapter = int(ex_id.split(".")[0])

    def register(checker: Checker) -> Checker:
        if ex_id in _REGISTRY:
            raise RuntimeError(f"exercise {ex_id} registered twice")
        _REGISTRY[ex_id] = (Exercise(ex_id, chapter, title, answer), checker)
        return checker

    return register


def _sort_key(ex_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in ex_id.split("."))


def registry() -> dict[str, tuple[Exercise, Checker]]:
    """The registered exercises, in chapter order."""
    return {k: _REGISTRY[k] for k in sorted(_REGISTRY, key=_sort_key)}


# ---------------------------------------------------------------- answers
class WrongAnswer(Exception):
    """Raised inside a checker when the answer has the wrong form."""


def rng_for(ex_id: str) -> np.random.Generator:
    """A generator seeded by the exercise id: fresh inputs, same every run."""
    return np.random.default_rng([20251201, *_sort_key(ex_id)])


def _describe(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"a {type(value).__name__}"


def as_values(value: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """``value`` as a finite-or-not float array of ``shape``, or raise
    :class:`WrongAnswer` saying what was expected."""
    if (
        value is None
        or isinstance(value, (str, bytes, dict, set, bool))
        or callable(value)
    ):
        raise WrongAnswer(f"Expected {what}; got {_describe(value)}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise WrongAnswer(
            f"Expected {what}; got {_describe(value)}, which "
            "is not made of real numbers."
        ) from None
    if arr.shape != shape:
        raise WrongAnswer(
            f"Expected {what}, shape {shape}; got "
            f"{type(value).__name__} of shape {arr.shape}."
        )
    return arr


def as_function(value: Any, signature: str) -> Callable[..., Any]:
    """``value`` if callable, else :class:`WrongAnswer`."""
    if not callable(value):
        raise WrongAnswer(
            f"Expected a function {signature}; got "
            f"{_describe(value)}. Pass the function itself, "
            "not its result."
        )
    return value


def call(
    func: Callable[..., Any],
    args: Sequence[Any],
    signature: str,
    shape: tuple[int, ...],
    what: str,
) -> np.ndarray:
    """Call ``func`` on copies of ``args`` and return its output as an
    array of ``shape``; an exception or a wrong output is a
    :class:`WrongAnswer`."""
    copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    try:
        out = func(*copies)
    except Exception as exc:  # the student's code: report, do not crash
        raise WrongAnswer(
            f"Calling your function {signature} raised "
            f"{type(exc).__name__}: {exc}"
        ) from None
    return as_values(out, shape, f"your function to return {what}")


def close(a: ArrayLike, b: ArrayLike, rtol: float, atol: float) -> bool:
    """Whether ``a`` and ``b`` agree (NaN never agrees)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return bool(
        a.shape == b.shape
        and np.all(np.isfinite(a))
        and np.allclose(a, b, rtol=rtol, atol=atol)
    )


def verdict(
    got: Sequence[np.ndarray],
    expected: Sequence[np.ndarray],
    mistakes: Sequence[tuple[Sequence[np.ndarray], str]],
    *,
    rtol: float,
    atol: float,
    success: str,
    general: str,
) -> Feedback:
    """Compare ``got`` with ``expected`` case by case, then with each
    mistake's values; the first mistake matching every case gives its
    hint, otherwise the general hint."""
    if all(close(g, e, rtol, atol) for g, e in zip(got, expected)):
        return Feedback(True, success)
    for values, hint in mistakes:
        if all(close(g, m, rtol, atol) for g, m in zip(got, values)):
            return Feedback(False, hint)
    return Feedback(False, general)


def check_function(
    answer: Any,
    *,
    signature: str,
    cases: Sequence[tuple],
    reference: Callable[..., Any],
    mistakes: Sequence[Mistake],
    shape: Callable[..., tuple] | None,
    what: str,
    rtol: float,
    atol: float,
    success: str,
    general: str,
) -> Feedback:
    """Check a function answer on fresh ``cases`` (tuples of arguments).

    ``reference(*case)`` and each mistake ``m(*case)`` give the expected
    and the mistaken outputs; ``shape(*case)`` the expected shape, or,
    if ``shape`` is None, the shape of ``reference(*case)``, which is
    then computed before the answer is called.
    """

    def expect() -> list[np.ndarray]:
        return [np.asarray(reference(*case), dtype=float) for case in cases]

    try:
        func = as_function(answer, signature)
        expected = expect() if shape is None else []
        shapes = (
            [e.shape for e in expected]
            if shape is None
            else [shape(*case) for case in cases]
        )
        got = [
            call(func, case, signature, s, what)
            for case, s in zip(cases, shapes)
        ]
    except WrongAnswer as exc:
        return Feedback(False, str(exc))
    expected = expected or expect()
    wrong = [
        ([np.asarray(m(*case), dtype=float) for case in cases], hint)
        for m, hint in mistakes
    ]
    return verdict(
        got,
        expected,
        wrong,
        rtol=rtol,
        atol=atol,
        success=success,
        general=general,
    )


def check_numbers(
    answer: Any,
    *,
    shape: tuple[int, ...],
    what: str,
    reference: Callable[[], Any],
    mistakes: Sequence[Mistake],
    rtol: float,
    atol: float,
    success: str,
    general: str,
) -> Feedback:
    """Check an answer made of numbers against ``reference()`` and the
    mistakes' values (each a function of no argument)."""
    try:
        got = as_values(answer, shape, what)
    except WrongAnswer as exc:
        return Feedback(False, str(exc))
    expected = np.asarray(reference(), dtype=float)
    wrong = [([np.asarray(m(), dtype=float)], hint) for m, hint in mistakes]
    return verdict(
        [got],
        [expected],
        wrong,
        rtol=rtol,
        atol=atol,
        success=success,
        general=general,
    )


# ------------------------------------------------------------ registration
def _signature(answer: str) -> str:
    """``"f(x, y)"`` from the answer ``"a function f(x, y) -> ..."``."""
    match = re.match(r"a function (\w+\([^)]*\))", answer)
    if match is None:
        raise ValueError(
            f"answer must start with 'a function name(args)'; got {answer!r}."
        )
    return match.group(1)


def _named_like(checker: Checker, build: Callable[..., Any]) -> Checker:
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(checker, name, getattr(build, name))
    return checker


def function_exercise(
    ex_id: str,
    title: str,
    answer: str,
    *,
    what: str,
    tol: tuple[float, float],
    success: str,
    general: str | Callable[[Any, Sequence[tuple]], str],
) -> Callable[[Callable[[np.random.Generator], FunctionParts]], Checker]:
    """Register the checker of a function answer.

    The decorated function receives the exercise's generator
    (:func:`rng_for`) and returns ``(cases, reference, mistakes)`` as
    :func:`check_function` takes them; the signature called in messages
    is read from ``answer`` (``"a function name(args) ..."``), the shape
    expected of each output is the reference's and ``tol`` is ``(rtol,
    atol)``. A callable ``general`` is called as
    ``general(answer, cases)`` when no mistake matches.
    """
    signature = _signature(answer)
    rtol, atol = tol

    def register(
        build: Callable[[np.random.Generator], FunctionParts],
    ) -> Checker:
        def checker(given: Any) -> Feedback:
            cases, reference, mistakes = build(rng_for(ex_id))
            feedback = check_function(
                given,
                signature=signature,
                cases=cases,
                reference=reference,
                mistakes=mistakes,
                shape=None,
                what=what,
                rtol=rtol,
                atol=atol,
                success=success,
                general=general if isinstance(general, str) else "",
            )
            if feedback.passed or feedback.message or isinstance(general, str):
                return feedback
            return Feedback(False, general(given, cases))

        return exercise(ex_id, title, answer)(_named_like(checker, build))

    return register


def numbers_exercise(
    ex_id: str,
    title: str,
    answer: str,
    *,
    shape: tuple[int, ...],
    what: str,
    tol: tuple[float, float],
    success: str,
    general: str,
) -> Callable[[Callable[[np.ndarray], NumberParts]], Checker]:
    """Register the checker of an answer made of numbers.

    The decorated function receives the answer as an array of ``shape``
    (:func:`as_values` with ``what``) and returns ``(reference,
    mistakes)``, the mistakes as ``(values, hint)`` pairs; it may raise
    :class:`WrongAnswer` to reject the answer with its own message.
    ``tol`` is ``(rtol, atol)``.
    """
    rtol, atol = tol

    def register(build: Callable[[np.ndarray], NumberParts]) -> Checker:
        def checker(given: Any) -> Feedback:
            try:
                got = as_values(given, shape, what)
                reference, mistakes = build(got)
            except WrongAnswer as exc:
                return Feedback(False, str(exc))
            wrong = [([np.asarray(v, dtype=float)], h) for v, h in mistakes]
            return verdict(
                [got],
                [np.asarray(reference, dtype=float)],
                wrong,
                rtol=rtol,
                atol=atol,
                success=success,
                general=general,
            )

        return exercise(ex_id, title, answer)(_named_like(checker, build))

    return register
