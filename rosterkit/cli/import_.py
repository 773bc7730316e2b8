"""`rosterkit import`: bring outside data into rosterkit's own files.

``rosterkit import curtois FILE -o TEAM`` converts a Curtois–Qu benchmark instance into a team file
(the team workbook ``.xlsx``, or its text twin ``.toml``),
so that the ordinary ``rosterkit roster`` solves it with the benchmark's own objective.
Python: ``rosterkit.io.curtois.parse_curtois(path)`` returns the ``Team``.
"""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit import labels
from rosterkit.cli.main import log
from rosterkit.io.atomic import refuse_overwriting_inputs
from rosterkit.io.curtois import parse_curtois
from rosterkit.io.team import write_team


@click.group("import")
def command() -> None:
    """Convert outside data into rosterkit's own team files.

    \b
    Example:
      rosterkit import curtois Instance1.txt -o instance1.toml
      rosterkit roster instance1.toml --out out --time-limit 60 --workers 2
    """


@command.command("curtois")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Team file to write: .xlsx (team workbook) or .toml (its text twin).",
)
def curtois(file: Path, output: Path) -> None:
    """Convert a Curtois–Qu benchmark instance (Instance1.txt ... Instance24.txt) into a team file.

    Employee ids and shift codes are kept; day 0 becomes Monday 2024-01-01. The ordinary `roster`
    command then solves it with the benchmark's objective.

    \b
    Example:
      rosterkit import curtois Instance1.txt -o instance1.toml
    """
    refuse_overwriting_inputs([output], [file])
    team = parse_curtois(file)
    write_team(team, output)
    log(labels.t("wrote", path=output))
