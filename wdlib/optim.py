"""Optimizers following PyTorch's documented update rules (numpy, in place)."""

from __future__ import annotations

__all__: list[str] = []
