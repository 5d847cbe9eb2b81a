"""Shared fixtures: one engine per test session (building it is the slow part)."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.build(cache_dir=tmp_path_factory.mktemp("cache"))
