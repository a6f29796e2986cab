"""Datasets and data cleaning for the book (nothing is downloaded).

Generators are seeded and return plain numpy arrays. The Palmer penguins
data ships inside the ``palmerpenguins`` package. The cleaning helpers learn
their statistics on the training split only (``fit_*`` returns a frozen
dataclass whose ``transform`` applies them to any split), never modify their
input, and report what they removed or filled. pandas is imported only
inside the functions that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from ._validation import (
    _as_float_array,
    check_positive_float,
    check_positive_int,
    check_real,
    check_seed,
    check_X,
)

if TYPE_CHECKING:  # pandas is optional at run time
    import pandas as pd

__all__ = [
    "Curve",
    "Dataset",
    "DropReport",
    "FillReport",
    "Imputer",
    "MissingReport",
    "OneHotCoding",
    "Standardizer",
    "drop_missing",
    "fit_imputer",
    "fit_one_hot",
    "fit_standardizer",
    "load_penguins",
    "make_article_data",
    "make_overfitting",
    "make_sine",
    "missing_report",
    "polynomial_features",
    "split_train_test",
]


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


def make_article_data(
    n_samples: int = 100, *, noise: float = 0.5, seed: int = 0
) -> Dataset:
    r"""The source article's toy problem, :math:`y = 3x + 2 + 0.5\varepsilon`.

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
    rng = np.random.default_rng(check_seed(seed))
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

    The problem of the weight-decay section of Dive into Deep Learning
    (Zhang et al., 2023, 3.7):
    :math:`y = 0.05 + \sum_{j=1}^{d} 0.01\,x_j + \varepsilon` with
    :math:`x \sim N(0, I_d)`, :math:`d = 200`, 20 training and 100 test
    samples. d2l draws :math:`\varepsilon \sim N(0, 0.01^2)`. The default
    here, ``noise=0.1``, is ten times larger, so that fitting the noise
    shows when ``n`` is close to ``d``; pass ``noise=0.01`` for d2l's data.
    With :math:`n = 20 \ll d` a fit started from zero learns almost nothing
    (test MSE :math:`\approx \operatorname{Var}(y) = \lVert w^*\rVert^2 +
    \sigma^2` at every :math:`\lambda`).

    Parameters
    ----------
    n_samples : int, default=20
        Training samples.
    n_features : int, default=200
        Features (all informative, each with weight ``coef_value``).
    n_test : int, default=100
        Test samples, drawn from the same distribution.
    noise : float, default=0.1
        Noise standard deviation (d2l uses 0.01).
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
    coef_value = check_real(coef_value, "coef_value")
    intercept = check_real(intercept, "intercept")
    rng = np.random.default_rng(check_seed(seed))
    coef = np.full(n_features, coef_value)

    def draw(n: int) -> Dataset:
        X = rng.standard_normal((n, n_features))
        y = X @ coef + intercept + noise * rng.standard_normal(n)
        return Dataset(X, y, coef, intercept, noise)

    return draw(n_samples), draw(n_test)


# ---------------------------------------------------------------------------
# A smooth 1-D curve for polynomial overfitting
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """Noisy samples of a known 1-D function (no true weights exist).

    Attributes
    ----------
    x : ndarray of shape (n_samples,)
        Inputs in ``[0, 1]``.
    y : ndarray of shape (n_samples,)
        Noisy targets :math:`\\sin(2\\pi x) + \\sigma\\varepsilon`.
    noise : float
        Noise standard deviation :math:`\\sigma`.
    """

    x: np.ndarray
    y: np.ndarray
    noise: float


def make_sine(
    n_samples: int = 15,
    *,
    n_test: int = 200,
    noise: float = 0.25,
    seed: int = 0,
) -> tuple[Curve, Curve]:
    r"""Samples of :math:`y = \sin(2\pi x) + \sigma\varepsilon`, x ~ U(0, 1).

    The textbook setting for polynomial overfitting (Bishop, PRML §1.1): a
    high-degree polynomial through a handful of noisy points.

    Parameters
    ----------
    n_samples : int, default=15
        Training points.
    n_test : int, default=200
        Test points from the same distribution.
    noise : float, default=0.25
        Noise standard deviation :math:`\sigma`.
    seed : int, default=0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    train, test : Curve

    Examples
    --------
    >>> import wdlib as wd
    >>> train, test = wd.data.make_sine(seed=3)
    >>> train.x.shape, test.y.shape, train.noise
    ((15,), (200,), 0.25)
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    n_test = check_positive_int(n_test, "n_test")
    noise = check_positive_float(noise, "noise")
    rng = np.random.default_rng(check_seed(seed))

    def draw(n: int) -> Curve:
        x = rng.uniform(0.0, 1.0, size=n)
        return Curve(
            x, np.sin(2 * np.pi * x) + noise * rng.standard_normal(n), noise
        )

    return draw(n_samples), draw(n_test)


def polynomial_features(x: object, degree: int) -> np.ndarray:
    r"""Powers :math:`x, x^2, \dots, x^{p}` of a 1-D input (no constant).

    The constant is left out because the intercept is fitted separately and
    is not penalized.

    Parameters
    ----------
    x : array-like of shape (n_samples,)
        One input value per sample.
    degree : int
        Highest power :math:`p \ge 1`.

    Returns
    -------
    ndarray of shape (n_samples, degree)

    Examples
    --------
    >>> import wdlib as wd
    >>> wd.data.polynomial_features([1.0, 2.0, 3.0], 3)
    array([[ 1.,  1.,  1.],
           [ 2.,  4.,  8.],
           [ 3.,  9., 27.]])
    """
    degree = check_positive_int(degree, "degree")
    arr = _as_float_array(x, "x")
    if arr.ndim != 1 or not np.all(np.isfinite(arr)):
        raise ValueError(
            f"x must be a 1-D array of finite numbers; got shape {arr.shape}. "
            f"Pass one value per sample, e.g. x.ravel()."
        )
    return arr[:, None] ** np.arange(1, degree + 1)[None, :]


# ---------------------------------------------------------------------------
# A real, messy data set shipped inside a package
# ---------------------------------------------------------------------------

_PANDAS_HINT = (
    'pip install pandas palmerpenguins (or pip install "wdlib[book]")'
)


def _require_pandas():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            f"this function needs pandas, which wdlib does not install by "
            f"default; run: {_PANDAS_HINT}"
        ) from None
    return pd


def _check_frame(df: object, name: str = "df"):
    pd = _require_pandas()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame; got {type(df).__name__}. "
            f"Wrap arrays with pandas.DataFrame(...) first."
        )
    return df


def _check_columns(
    df, columns: object, name: str = "columns"
) -> tuple[str, ...]:
    if isinstance(columns, str):
        columns = [columns]
    cols = tuple(columns)  # type: ignore[arg-type]
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(
            f"{name} must name columns of the DataFrame; {missing} not found "
            f"among {list(df.columns)}. Check the spelling."
        )
    return cols


def load_penguins() -> pd.DataFrame:
    """The Palmer penguins data, exactly as shipped (missing values kept).

    344 penguins from three islands of the Palmer Archipelago, Antarctica:
    species, island and sex as text, bill and flipper sizes in millimetres,
    body mass in grams, study year. The CSV file ships inside the
    ``palmerpenguins`` package (CC0), so nothing is downloaded.

    Returns
    -------
    pandas.DataFrame of shape (344, 8)
        A fresh copy on every call; missing values are ``NaN``.

    Raises
    ------
    ImportError
        If pandas or palmerpenguins is not installed.

    References
    ----------
    .. [1] A. M. Horst, A. P. Hill and K. B. Gorman, palmerpenguins: Palmer
       Archipelago (Antarctica) penguin data, R package version 0.1.0, 2020,
       doi:10.5281/zenodo.3960218.

    Examples
    --------
    >>> import wdlib as wd
    >>> df = wd.data.load_penguins()
    >>> df.shape, int(df["sex"].isna().sum())
    ((344, 8), 11)
    """
    _require_pandas()
    try:
        from palmerpenguins import load_penguins as _load
    except (
        ImportError
    ):  # pragma: no cover - exercised only without the package
        raise ImportError(
            "load_penguins needs the palmerpenguins package; run: "
            f"{_PANDAS_HINT}"
        ) from None
    return _load().copy()


# ---------------------------------------------------------------------------
# Reports: what is missing, what was removed, what was filled
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingReport:
    """Missing values of a DataFrame, per column.

    Attributes
    ----------
    n_rows : int
        Rows in the DataFrame.
    n_incomplete : int
        Rows with at least one missing value.
    counts : dict of str to int
        Missing values per column (every column, in order, zeros included).
    """

    n_rows: int
    n_incomplete: int
    counts: dict

    def to_frame(self) -> pd.DataFrame:
        """The counts as a DataFrame with columns ``n_missing`` and "
        "``percent``."""
        pd = _require_pandas()
        n = pd.Series(self.counts, name="n_missing", dtype="int64")
        return pd.DataFrame(
            {"n_missing": n, "percent": (100.0 * n / self.n_rows).round(1)}
        )

    def __str__(self) -> str:
        lines = [
            f"{self.n_rows} rows, {self.n_incomplete} with at least one "
            "missing value"
        ]
        width = max((len(c) for c in self.counts), default=0)
        for col, k in self.counts.items():
            lines.append(
                f"  {col:<{width}}  {k:4d} missing "
                f"({100.0 * k / max(self.n_rows, 1):.1f}%)"
            )
        return "\n".join(lines)


def missing_report(df: pd.DataFrame) -> MissingReport:
    """Count missing values per column and incomplete rows.

    Parameters
    ----------
    df : pandas.DataFrame

    Returns
    -------
    MissingReport
        Printable; ``.to_frame()`` gives a table.

    Examples
    --------
    >>> import pandas as pd, wdlib as wd
    >>> df = pd.DataFrame({"a": [1.0, None, 3.0], "b": ["x", "y", None]})
    >>> print(wd.data.missing_report(df))
    3 rows, 2 with at least one missing value
      a     1 missing (33.3%)
      b     1 missing (33.3%)
    """
    df = _check_frame(df)
    isna = df.isna()
    counts = {str(c): int(k) for c, k in isna.sum().items()}
    return MissingReport(int(len(df)), int(isna.any(axis=1).sum()), counts)


@dataclass(frozen=True)
class DropReport:
    """Rows removed by :func:`drop_missing`.

    Attributes
    ----------
    columns : tuple of str
        Columns that were required to be present.
    n_before, n_after : int
        Row counts before and after.
    removed : tuple
        Index labels of the removed rows.
    """

    columns: tuple
    n_before: int
    n_after: int
    removed: tuple

    def __str__(self) -> str:
        return (
            f"removed {len(self.removed)} of {self.n_before} rows with a "
            "missing "
            f"{' or '.join(self.columns)}; {self.n_after} rows remain\n"
            f"index labels of the removed rows: {list(self.removed)}"
        )


def drop_missing(
    df: pd.DataFrame, columns: str | Iterable[str]
) -> tuple[pd.DataFrame, DropReport]:
    """Return a copy without the rows missing any of ``columns``, and a report.

    Use it for the target (a missing target cannot be imputed); impute
    features instead of dropping them.

    Parameters
    ----------
    df : pandas.DataFrame
    columns : str or sequence of str
        Columns that must be present.

    Returns
    -------
    kept : pandas.DataFrame
        A new DataFrame (original index labels kept); ``df`` is unchanged.
    report : DropReport

    Examples
    --------
    >>> import pandas as pd, wdlib as wd
    >>> df = pd.DataFrame({"x": [1.0, 2.0, None], "y": [1.0, None, 3.0]})
    >>> kept, report = wd.data.drop_missing(df, "y")
    >>> print(report)
    removed 1 of 3 rows with a missing y; 2 rows remain
    index labels of the removed rows: [1]
    """
    df = _check_frame(df)
    cols = _check_columns(df, columns)
    bad = df[list(cols)].isna().any(axis=1)
    kept = df.loc[~bad].copy()
    removed = tuple(df.index[bad].tolist())
    return kept, DropReport(cols, int(len(df)), int(len(kept)), removed)


# ---------------------------------------------------------------------------
# Splitting
# ---------------------------------------------------------------------------


def split_train_test(
    *arrays: Any, test_size: float = 0.25, seed: int = 0
) -> tuple[Any, ...]:
    r"""Split arrays or DataFrames into random train and test parts, seeded.

    Every row goes to exactly one part; rows keep their original order (and
    DataFrames their index labels) within each part.

    Parameters
    ----------
    *arrays : numpy arrays or pandas DataFrames/Series
        All with the same number of rows.
    test_size : float, default=0.25
        Fraction of rows in the test part, in (0, 1); the test part has
        :math:`\lceil \text{test\_size}\cdot n\rceil` rows.
    seed : int, default=0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    tuple
        ``(a_train, a_test, b_train, b_test, ...)``, new objects.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X, y = np.arange(20.0).reshape(10, 2), np.arange(10.0)
    >>> X_tr, X_te, y_tr, y_te = wd.data.split_train_test(
    ...     X, y, test_size=0.3, seed=0
    ... )
    >>> same = sorted(y_tr.tolist() + y_te.tolist()) == y.tolist()
    >>> X_tr.shape, X_te.shape, same
    ((7, 2), (3, 2), True)
    """
    if not arrays:
        raise TypeError(
            "split_train_test needs at least one array; got none. Pass e.g. "
            "X, y."
        )
    if (
        isinstance(test_size, bool)
        or not isinstance(test_size, (int, float))
        or not 0 < test_size < 1
    ):
        raise ValueError(
            f"test_size must be a fraction strictly between 0 and 1; got "
            f"{test_size!r}. Pass e.g. test_size=0.25."
        )
    n = len(arrays[0])
    lengths = [len(a) for a in arrays]
    if any(k != n for k in lengths):
        raise ValueError(
            f"all arrays must have the same number of rows; got {lengths}. "
            f"Pass matching X and y."
        )
    n_test = int(np.ceil(test_size * n))
    if n_test >= n:
        raise ValueError(
            f"test_size={test_size} leaves no training rows out of {n}; pass "
            "a "
            f"smaller test_size or more rows."
        )
    perm = np.random.default_rng(check_seed(seed)).permutation(n)
    test_idx, train_idx = np.sort(perm[:n_test]), np.sort(perm[n_test:])
    out = []
    for a in arrays:
        take = a.iloc if hasattr(a, "iloc") else np.asarray(a)
        out += [take[train_idx].copy(), take[test_idx].copy()]
    return tuple(out)


# ---------------------------------------------------------------------------
# Fit on the training split, apply everywhere
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FillReport:
    """Values filled by :meth:`Imputer.transform`.

    Attributes
    ----------
    filled : dict of str to int
        Number of values filled per column (columns with none are omitted).
    values : dict
        The fill value used for each column in ``filled``.
    still_missing : dict of str to int
        Missing values in columns the imputer was not fitted on (left as is).
    """

    filled: dict
    values: dict
    still_missing: dict

    @property
    def n_filled(self) -> int:
        """Total number of values filled."""
        return int(sum(self.filled.values()))

    def __str__(self) -> str:
        if not self.filled:
            text = "filled nothing"
        else:
            text = "filled " + ", ".join(
                f"{k} {col} with {_fmt(self.values[col])}"
                for col, k in self.filled.items()
            )
        if self.still_missing:
            text += f"; still missing (not fitted): {self.still_missing}"
        return text


def _fmt(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


@dataclass(frozen=True)
class Imputer:
    """Fill values learned by :func:`fit_imputer` (on the training split).

    Attributes
    ----------
    values : dict
        Column name to fill value (a float for numeric columns, the most
        frequent category for text columns).
    strategy : dict
        Column name to ``"mean"``, ``"median"`` or ``"most_frequent"``.
    """

    values: dict
    strategy: dict

    def transform(self, df: pd.DataFrame) -> tuple[pd.DataFrame, FillReport]:
        """Return ``(filled copy of df, FillReport)``; ``df`` is unchanged.

        Examples
        --------
        >>> import pandas as pd, wdlib as wd
        >>> train = pd.DataFrame({"a": [1.0, 2.0, 9.0], "s": ["m", "f", "m"]})
        >>> test = pd.DataFrame({"a": [None, 5.0], "s": [None, "f"]})
        >>> filled, report = wd.data.fit_imputer(train).transform(test)
        >>> filled["a"].tolist(), filled["s"].tolist()
        ([2.0, 5.0], ['m', 'f'])
        >>> print(report)
        filled 1 a with 2, 1 s with 'm'
        """
        df = _check_frame(df)
        cols = _check_columns(df, self.values.keys(), "the imputer's columns")
        out = df.copy()
        filled, values = {}, {}
        for col in cols:
            k = int(out[col].isna().sum())
            if k:
                out[col] = out[col].fillna(self.values[col])
                filled[col], values[col] = k, self.values[col]
        rest = out.isna().sum()
        still = {
            str(c): int(k)
            for c, k in rest.items()
            if k and c not in self.values
        }
        return out, FillReport(filled, values, still)


def fit_imputer(
    df: pd.DataFrame,
    columns: Iterable[str] | None = None,
    *,
    numeric: Literal["median", "mean"] = "median",
) -> Imputer:
    """Learn fill values for missing data from ``df`` (the training split).

    Numeric columns get their mean or median, text columns their most frequent
    value (ties broken alphabetically). Learning these on the whole data set
    would let the test split leak into the model.

    Parameters
    ----------
    df : pandas.DataFrame
        The training split.
    columns : sequence of str, optional
        Columns to learn fill values for; default all columns.
    numeric : {"median", "mean"}, default="median"
        Statistic for numeric columns.

    Returns
    -------
    Imputer
        Frozen; apply it with ``.transform(df)``.

    Examples
    --------
    >>> import pandas as pd, wdlib as wd
    >>> train = pd.DataFrame(
    ...     {"a": [1.0, None, 2.0, 9.0], "s": ["m", "f", None, "m"]}
    ... )
    >>> imp = wd.data.fit_imputer(train)
    >>> imp.values, imp.strategy
    ({'a': 2.0, 's': 'm'}, {'a': 'median', 's': 'most_frequent'})
    """
    pd = _require_pandas()
    df = _check_frame(df)
    cols = _check_columns(df, df.columns if columns is None else columns)
    if numeric not in ("median", "mean"):
        raise ValueError(
            f"numeric must be 'median' or 'mean'; got {numeric!r}. Use "
            f"numeric='median' (robust to outliers)."
        )
    values, strategy = {}, {}
    for col in cols:
        s = df[col].dropna()
        if s.empty:
            raise ValueError(
                f"column {col!r} has no observed values to learn a fill value "
                f"from; drop the column or use a larger training split."
            )
        if pd.api.types.is_numeric_dtype(s):
            values[col] = float(
                s.median() if numeric == "median" else s.mean()
            )
            strategy[col] = numeric
        else:
            counts = s.value_counts()
            top = counts[counts == counts.max()].index
            values[col] = sorted(str(v) for v in top)[0]
            strategy[col] = "most_frequent"
    return Imputer(values, strategy)


@dataclass(frozen=True)
class Standardizer:
    r"""Means and standard deviations learned by :func:`fit_standardizer`.

    Attributes
    ----------
    columns : tuple of str or None
        DataFrame columns scaled, or ``None`` if fitted on an array.
    mean, scale : ndarray of shape (n_columns,)
        Training means and population standard deviations (``ddof=0``).

    Notes
    -----
    :math:`z_j = (x_j - \mu_j) / \sigma_j`. A model fitted on :math:`z` with
    weights :math:`v` has weights :math:`w_j = v_j / \sigma_j` in original
    units.
    """

    columns: tuple | None
    mean: np.ndarray
    scale: np.ndarray

    def transform(self, data: Any) -> Any:
        """Return a standardized copy of ``data`` (DataFrame or array).

        Examples
        --------
        >>> import numpy as np, wdlib as wd
        >>> sc = wd.data.fit_standardizer(np.array([[1.0], [3.0]]))
        >>> sc.transform(np.array([[2.0], [5.0]]))  # mean 2, sd 1
        array([[0.],
               [3.]])
        """
        if self.columns is None:
            X = check_X(data, "data")
            if X.shape[1] != self.mean.shape[0]:
                raise ValueError(
                    f"data must have {self.mean.shape[0]} column(s) like the "
                    f"training data; got shape {X.shape}."
                )
            return (X - self.mean) / self.scale
        df = _check_frame(data, "data")
        cols = _check_columns(df, self.columns, "the standardizer's columns")
        out = df.copy()
        out[list(cols)] = (
            df[list(cols)].to_numpy(dtype=np.float64) - self.mean
        ) / self.scale
        return out


def fit_standardizer(
    data: Any, columns: Iterable[str] | None = None
) -> Standardizer:
    """Learn per-column means and standard deviations (the training split).

    Parameters
    ----------
    data : pandas.DataFrame or array-like of shape (n_samples, n_features)
        Training data, without missing values (impute first).
    columns : sequence of str, optional
        For a DataFrame, the numeric columns to scale (default: all numeric
        columns). Ignored for arrays.

    Returns
    -------
    Standardizer
        Frozen; apply it with ``.transform(data)``.

    Examples
    --------
    >>> import pandas as pd, wdlib as wd
    >>> train = pd.DataFrame(
    ...     {"mm": [190.0, 200.0, 210.0], "s": ["a", "b", "a"]}
    ... )
    >>> sc = wd.data.fit_standardizer(train)
    >>> sc.columns, sc.mean.tolist(), sc.scale.round(4).tolist()
    (('mm',), [200.0], [8.165])
    """
    if hasattr(data, "columns"):
        pd = _require_pandas()
        df = _check_frame(data, "data")
        if columns is None:
            columns = [
                c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])
            ]
        cols = _check_columns(df, columns)
        X = check_X(df[list(cols)].to_numpy(dtype=np.float64), "data[columns]")
    else:
        cols, X = None, check_X(data, "data")
    scale = X.std(axis=0)
    if np.any(scale == 0):
        const = [
            cols[j] if cols else int(j) for j in np.flatnonzero(scale == 0)
        ]
        raise ValueError(
            f"cannot standardize constant column(s) {const}: their standard "
            f"deviation on the training data is 0. Drop them first."
        )
    return Standardizer(cols, X.mean(axis=0), scale)


@dataclass(frozen=True)
class OneHotCoding:
    """Categories learned by :func:`fit_one_hot`.

    Attributes
    ----------
    categories : dict of str to tuple of str
        Column name to its categories, in sorted order, as seen in training.
    drop : dict of str to str
        Column name to the reference category left out (empty: keep all).
    """

    categories: dict
    drop: dict

    @property
    def feature_names(self) -> list[str]:
        """Names of the indicator columns, ``"column_category"``."""
        return [
            f"{col}_{cat}"
            for col, cats in self.categories.items()
            for cat in cats
            if self.drop.get(col) != cat
        ]

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        """Replace each categorical column by 0/1 float indicator columns.

        The columns are those learned in training, in the same order, so the
        train and test matrices align. A category never seen in training or
        a missing value raises ``ValueError``.

        Examples
        --------
        >>> import pandas as pd, wdlib as wd
        >>> train = pd.DataFrame({"c": ["a", "b", "c"]})
        >>> enc = wd.data.fit_one_hot(train, ["c"])
        >>> enc.transform(pd.DataFrame({"c": ["b"]}))
           c_a  c_b  c_c
        0  0.0  1.0  0.0
        """
        pd = _require_pandas()
        df = _check_frame(df)
        _check_columns(df, self.categories.keys(), "the encoder's columns")
        parts, out = [], df.drop(columns=list(self.categories))
        for col, cats in self.categories.items():
            s = df[col]
            if s.isna().any():
                raise ValueError(
                    f"column {col!r} has {int(s.isna().sum())} missing "
                    "value(s); "
                    f"impute them (fit_imputer) before one-hot encoding."
                )
            unseen = sorted(set(s.astype(str)) - set(cats))
            if unseen:
                raise ValueError(
                    f"column {col!r} has categories {unseen} not seen in "
                    "training "
                    f"{list(cats)}; refit on data that contains them or map "
                    "them "
                    f"to a known category."
                )
            keep = [c for c in cats if self.drop.get(col) != c]
            codes = pd.Index(keep).get_indexer(
                s.astype(str)
            )  # -1: the reference
            indicators = (
                codes[:, None] == np.arange(len(keep))[None, :]
            ).astype(np.float64)
            parts.append(
                pd.DataFrame(
                    indicators,
                    index=df.index,
                    columns=[f"{col}_{c}" for c in keep],
                )
            )
        return pd.concat([out, *parts], axis=1)


def fit_one_hot(
    df: pd.DataFrame,
    columns: Iterable[str],
    *,
    drop: None | Literal["first"] | Mapping[str, str] = None,
) -> OneHotCoding:
    """Learn the categories of text columns (pass the training split).

    Parameters
    ----------
    df : pandas.DataFrame
        The training split, without missing values in ``columns``.
    columns : sequence of str
        Categorical columns to encode.
    drop : None, "first" or dict, default=None
        Reference categories to leave out: ``None`` keeps one indicator per
        category (fine with an unpenalized intercept plus a penalty, which
        makes the fit unique); ``"first"`` drops each column's first category;
        a dict names the reference per column.

    Returns
    -------
    OneHotCoding
        Frozen; apply it with ``.transform(df)``.

    Examples
    --------
    >>> import pandas as pd, wdlib as wd
    >>> df = pd.DataFrame({"island": ["Dream", "Biscoe", "Dream"]})
    >>> enc = wd.data.fit_one_hot(df, ["island"], drop="first")
    >>> enc.categories, enc.feature_names
    ({'island': ('Biscoe', 'Dream')}, ['island_Dream'])
    """
    df = _check_frame(df)
    cols = _check_columns(df, columns)
    categories = {}
    for col in cols:
        if df[col].isna().any():
            raise ValueError(
                f"column {col!r} has {int(df[col].isna().sum())} missing "
                f"value(s); impute them (fit_imputer) before fit_one_hot."
            )
        categories[col] = tuple(sorted(set(df[col].astype(str))))
    if drop is None:
        ref = {}
    elif drop == "first":
        ref = {col: cats[0] for col, cats in categories.items()}
    elif isinstance(drop, Mapping):
        ref = dict(drop)
        for col, cat in ref.items():
            if col not in categories or cat not in categories[col]:
                raise ValueError(
                    f"drop names {col!r}={cat!r}, which is not a learned "
                    f"category; choose from {categories}."
                )
    else:
        raise ValueError(
            "drop must be None, 'first' or a dict column -> category; got "
            f"{drop!r}."
        )
    return OneHotCoding(categories, ref)
