"""Reading and writing the team: the workbook a supervisor fills in Excel, or its TOML twin.

``read_team(path)`` dispatches on the suffix (``.xlsx``/``.xlsm`` workbook, ``.toml`` text twin) and
returns one validated ``Team``; every problem is an ``InputError`` naming file, sheet, row and
column and saying how to fix it (several are reported together).
"""

from __future__ import annotations

from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.io.team_toml import read_team_toml, write_team_toml
from rosterkit.labels import t
from rosterkit.model import Team

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".toml",)

__all__ = ["read_team", "write_team", "write_team_toml", "write_team_workbook", "write_team_xlsx"]


def read_team(path: Path | str) -> Team:
    """Read a team file: ``.xlsx`` team workbook or ``.toml`` text twin."""
    path = Path(path)
    if not path.exists():
        raise InputError(
            t("team.err.no_file"),
            where=Location(file=path),
            fix=t("team.fix.no_file"),
        )
    if path.is_dir():
        raise InputError(
            t("team.err.folder"),
            where=Location(file=path),
            fix=t("team.fix.team_file"),
        )
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        from rosterkit.io.team_workbook import read_team_workbook

        return read_team_workbook(path)
    if suffix in TEXT_SUFFIXES:
        return read_team_toml(path)
    raise InputError(
        t("team.err.file_type", suffix=path.suffix),
        where=Location(file=path),
        fix=t("team.fix.team_file"),
    )


def write_team_workbook(team: Team, path: Path | str) -> Path:
    """Write ``team`` as a filled team workbook (atomically)."""
    from rosterkit.io.team_workbook_write import write_team_workbook as _write

    return _write(team, Path(path))


write_team_xlsx = write_team_workbook  # the name `rosterkit import curtois` looks for


def write_team(team: Team, path: Path | str) -> Path:
    """Write ``team`` in the format its suffix names (.xlsx or .toml)."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return write_team_workbook(team, path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return write_team_toml(team, path)
    raise InputError(
        t("team.err.file_type", suffix=path.suffix),
        where=Location(file=path),
        fix=t("team.fix.output_type"),
    )
