"""pytest fixtures: one contactkit-mocks for the whole run, reset before every test."""

from __future__ import annotations

from typing import Iterator

import pytest

from contactkit_mocks import Mocks, running_mocks


@pytest.fixture(scope="session")
def mocks() -> Iterator[Mocks]:
    """Every simulator, on free ports and a manual clock, for the whole test run."""
    with running_mocks() as running:
        yield running


@pytest.fixture(autouse=True)
def fresh_state(mocks: Mocks) -> None:
    """Each test starts from the simulators' documented accounts, with no imports or syncs left over."""
    mocks.reset()
