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


@click.group("import", help=labels.t("help.import"))
def command() -> None:
    """The import group; its help is the catalogue's ``help.import``."""


@command.command("curtois", help=labels.t("help.import.curtois"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help=labels.t("help.import.curtois.output"),
)
def curtois(file: Path, output: Path) -> None:
    refuse_overwriting_inputs([output], [file])
    team = parse_curtois(file)
    write_team(team, output)
    log(labels.t("wrote", path=output))
