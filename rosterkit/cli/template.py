"""`rosterkit template`: write a fillable team workbook (or the filled example centre)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from rosterkit.cli.main import log
from rosterkit.errors import InputError, Location
from rosterkit.io.template import write_template
from rosterkit.labels import t


def _month(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        year, month = (int(p) for p in value.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise InputError(
            t("team.err.not_month", value=repr(value)),
            where=Location(column="--month"),
            fix=t("team.fix.month"),
        ) from None


@click.command("template", help=t("help.template"))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("team.xlsx"),
    show_default=True,
    help=t("help.template.output"),
)
@click.option("--example", is_flag=True, help=t("help.template.example"))
@click.option("--month", metavar="YYYY-MM", help=t("help.template.month"))
@click.option("--force", is_flag=True, help=t("help.template.force"))
def command(output: Path, example: bool, month: str | None, force: bool) -> None:
    if output.exists() and not force:
        raise InputError(
            t("team.err.exists"), where=Location(file=output), fix=t("team.fix.exists")
        )  # a filled team workbook is hours of work: never replace it by accident
    path = write_template(output, example=example, month=_month(month))
    log(t("wrote", path=path))
