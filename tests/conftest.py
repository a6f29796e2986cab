"""Shared fixtures: one seeded generator per test."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(12345)


@pytest.fixture(scope="session")
def playwright_session():
    """One Playwright driver for every browser test module of the session.

    Playwright's sync API refuses to start a second driver while one is
    running, so the browser fixtures of the test modules share this one.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright
