"""Shared fixtures: the corpora folder (skip without it, fail in CI) and a seeded rng."""

from __future__ import annotations

import os

import numpy as np
import pytest

from framing import corpora_dir
from framing._config import corpora_skip_reason


@pytest.fixture(scope="session")
def corpora():
    """The shared corpora folder. Skips when absent; fails instead when CI is set."""
    path = corpora_dir(required=False)
    message = corpora_skip_reason()  # the tests read all nine corpora
    if message is not None:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def rng():
    return np.random.default_rng(20190227)
