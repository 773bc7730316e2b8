"""Option and argument types shared by the commands.

``InputFile`` replaces ``click.Path(exists=True)`` for input files: a missing file or a folder is an
``InputError`` from the error catalogue (in the user's --lang, exit 2) instead of click's English-only
"does not exist" message.
"""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit.errors import InputError, Location
from rosterkit.labels import t


class InputFile(click.ParamType):
    """An existing file to read (not a folder), as a ``Path``."""

    name = "file"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(value)  # type: ignore[arg-type]
        if not path.exists():
            raise InputError(t("err.io.not_found"), where=Location(file=path), fix=t("err.fix.check_path"))
        if path.is_dir():
            raise InputError(t("err.io.folder"), where=Location(file=path), fix=t("err.io.folder.fix"))
        return path
