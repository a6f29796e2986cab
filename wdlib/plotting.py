"""Figures for the book. The only wdlib module that imports matplotlib.

Every function draws on the axes it is given (``ax=None`` means the current
axes), returns them, and never changes global ``rcParams``. Colours come from
the colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

__all__ = ["OKABE_ITO"]

#: Okabe-Ito colour-blind-safe palette (black first).
OKABE_ITO = (
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)


def _axes(ax: Axes | None) -> Axes:
    return plt.gca() if ax is None else ax
