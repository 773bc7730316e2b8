"""Drive the real ``rosterkit`` entry point in-process: exit codes and both output streams.

Import it as ``from cli_runner import run_cli`` (not from ``conftest``: several test folders have a
conftest of their own, and the name ``conftest`` is ambiguous)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from rosterkit.cli.main import main


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str | Path) -> Result:
    """Run ``rosterkit ARGS`` in-process through the real ``main`` (error mapping and exit codes)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Result(code, out.getvalue(), err.getvalue())
