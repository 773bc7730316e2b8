"""Shared fixtures: a CLI runner that drives the real entry point (exit codes included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import Result, run_cli  # noqa: F401 - re-exported for fixtures

from rosterkit import labels

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def _english_labels():
    """Tests assert English text unless they choose otherwise."""
    labels.set_language("en")
    yield
    labels.set_language("en")
