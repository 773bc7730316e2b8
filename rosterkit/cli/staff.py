"""`rosterkit staff`: agents needed per interval from a forecast (Erlang C, or Erlang A with patience)."""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit.cli.main import log
from rosterkit.cli.params import InputFile
from rosterkit.errors import InputError
from rosterkit.forecast.intervals import parse_interval
from rosterkit.forecast.staffing import StaffingTarget, staff_requirements
from rosterkit.io.atomic import refuse_overwriting_inputs
from rosterkit.io.forecast_files import read_forecast, write_requirements
from rosterkit.labels import t


@click.command("staff", help=t("help.staff"))
@click.argument("forecast", type=InputFile())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.staff.output"),
)
@click.option(
    "--aht",
    type=click.FloatRange(min=0, min_open=True),
    help=t("help.staff.aht"),
)
@click.option(
    "--service-level",
    type=click.FloatRange(0, 100, min_open=True, max_open=True),
    help=t("help.staff.service_level"),
)
@click.option(
    "--answer-within",
    type=click.FloatRange(min=0),
    default=20.0,
    show_default=True,
    help=t("help.staff.answer_within"),
)
@click.option(
    "--asa",
    type=click.FloatRange(min=0, min_open=True),
    help=t("help.staff.asa"),
)
@click.option(
    "--shrinkage",
    type=click.FloatRange(0, 1, max_open=True),
    default=0.0,
    show_default=True,
    help=t("help.staff.shrinkage"),
)
@click.option(
    "--max-occupancy",
    type=click.FloatRange(0, 100, min_open=True),
    help=t("help.staff.max_occupancy"),
)
@click.option(
    "--min-agents",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help=t("help.staff.min_agents"),
)
@click.option(
    "--patience",
    type=click.FloatRange(min=0, min_open=True),
    help=t("help.staff.patience"),
)
@click.option(
    "--interval",
    default=None,
    help=t("help.staff.interval"),
)
@click.option("--use-upper", is_flag=True, help=t("help.staff.use_upper"))
def command(
    forecast: Path,
    output: Path,
    aht: float | None,
    service_level: float | None,
    answer_within: float,
    asa: float | None,
    shrinkage: float,
    max_occupancy: float | None,
    min_agents: int,
    patience: float | None,
    interval: str | None,
    use_upper: bool,
) -> None:
    if service_level is None and asa is None:
        raise InputError(
            t("err.staff.no_target"),
            fix=t("err.staff.no_target.fix"),
        )
    refuse_overwriting_inputs([output], [forecast])
    frame = read_forecast(forecast)
    target = StaffingTarget(
        service_level=None if service_level is None else service_level / 100.0,
        answer_within_s=answer_within,
        asa_s=asa,
        shrinkage=shrinkage,
        max_occupancy=None if max_occupancy is None else max_occupancy / 100.0,
        min_agents=min_agents,
        patience_s=patience,
    )
    default_minutes = parse_interval(interval) if interval else 30
    requirements = staff_requirements(frame, target, aht, default_minutes, use_upper, source=forecast.name)
    write_requirements(requirements, output)
    log(t("wrote", path=output))
