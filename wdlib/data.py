"""Datasets for the book, generated or shipped inside installed packages (no downloads).

All generators are seeded and return plain numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_positive_float, check_positive_int

__all__ = ["Dataset", "make_article_data", "make_overfitting"]


@dataclass(frozen=True)
class Dataset:
    """A generated regression problem.

    Attributes
    ----------
    X : ndarray of shape (n_samples, n_features)
        Inputs.
    y : ndarray of shape (n_samples,)
        Noisy targets.
    coef : ndarray of shape (n_features,)
        The true weights used to generate ``y``.
    intercept : float
        The true intercept.
    noise : float
        Standard deviation of the Gaussian noise added to ``y``.
    """

    X: np.ndarray
    y: np.ndarray
    coef: np.ndarray
    intercept: float
    noise: float


def make_article_data(n_samples: int = 100, *, noise: float = 0.5, seed: int = 0) -> Dataset:
    r"""The source article's toy problem, :math:`y = 3x + 2 + 0.5\,\varepsilon`.

    Parameters
    ----------
    n_samples : int, default=100
        Number of points; :math:`x \sim U(0, 1)`.
    noise : float, default=0.5
        Standard deviation of the noise :math:`0.5\,\varepsilon`, with
        :math:`\varepsilon \sim N(0, 1)`.
    seed : int, default=0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    Dataset
        ``X`` of shape (n_samples, 1) and a 1-D ``y`` (the article's code makes
        ``y`` a column, which is the bug chapter 4 dissects).

    Examples
    --------
    >>> import wdlib as wd
    >>> data = wd.data.make_article_data()
    >>> data.X.shape, data.y.shape, data.coef.tolist(), data.intercept
    ((100, 1), (100,), [3.0], 2.0)
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    noise = check_positive_float(noise, "noise")
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.0, 1.0, size=(n_samples, 1))
    y = 3.0 * X[:, 0] + 2.0 + noise * rng.standard_normal(n_samples)
    return Dataset(X, y, np.array([3.0]), 2.0, noise)


def make_overfitting(
    n_samples: int = 20,
    n_features: int = 200,
    *,
    n_test: int = 100,
    noise: float = 0.1,
    coef_value: float = 0.01,
    intercept: float = 0.05,
    seed: int = 0,
) -> tuple[Dataset, Dataset]:
    r"""A high-dimensional problem that overfits without a penalty.

    The classic weight-decay experiment (Dive into Deep Learning, §3.7):
    :math:`y = 0.05 + \sum_{j=1}^{d} 0.01\,x_j + \varepsilon` with
    :math:`x \sim N(0, I_d)` and :math:`\varepsilon \sim N(0, 0.1^2)`,
    with far fewer training samples than features.

    Parameters
    ----------
    n_samples : int, default=20
        Training samples.
    n_features : int, default=200
        Features (all informative, each with weight ``coef_value``).
    n_test : int, default=100
        Test samples, drawn from the same distribution.
    noise : float, default=0.1
        Noise standard deviation.
    coef_value : float, default=0.01
        Value of every true weight.
    intercept : float, default=0.05
        True intercept.
    seed : int, default=0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    train, test : Dataset
        Two independent draws sharing the true ``coef`` and ``intercept``.

    Examples
    --------
    >>> import wdlib as wd
    >>> train, test = wd.data.make_overfitting(seed=1)
    >>> train.X.shape, test.X.shape
    ((20, 200), (100, 200))
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    n_features = check_positive_int(n_features, "n_features")
    n_test = check_positive_int(n_test, "n_test")
    noise = check_positive_float(noise, "noise")
    rng = np.random.default_rng(seed)
    coef = np.full(n_features, float(coef_value))

    def draw(n: int) -> Dataset:
        X = rng.standard_normal((n, n_features))
        y = X @ coef + intercept + noise * rng.standard_normal(n)
        return Dataset(X, y, coef, float(intercept), noise)

    return draw(n_samples), draw(n_test)
