"""`rosterkit roster`: solve the month's duty roster and write roster.xlsx, roster.csv, summary.json."""

from __future__ import annotations

import calendar as _calendar
from datetime import date
from pathlib import Path

import click

from rosterkit.cli.main import log, settings
from rosterkit.errors import InputError, Location
from rosterkit.labels import t


def _month(text: str) -> tuple[date, date]:
    try:
        year, month = (int(p) for p in text.split("-"))
        last = _calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last)
    except ValueError:
        raise InputError(
            t("err.cli.not_month", value=repr(text)),
            where=Location(column="--month"),
            fix=t("err.cli.not_month.fix"),
        ) from None


def read_any_roster(path: Path, known_codes: set[str]):
    """roster.xlsx (as written, or edited by hand) or roster.csv."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from rosterkit.io.roster_workbook import read_roster_workbook

        return read_roster_workbook(path, known_codes)
    from rosterkit.io.roster_csv import read_roster_csv

    return read_roster_csv(path, known_codes)


@click.command("roster", help=t("help.roster"))
@click.argument("team_file", metavar="TEAM", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.roster.out_dir"),
)
@click.option(
    "--time-limit",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help=t("help.roster.time_limit"),
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(min=1), help=t("help.roster.workers")
)
@click.option("--seed", default=0, show_default=True, type=int, help=t("help.roster.seed"))
@click.option("--month", default=None, help=t("help.roster.month"))
@click.option(
    "--requirements",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.roster.requirements"),
)
@click.option(
    "--repair-from",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=t("help.roster.repair_from"),
)
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.roster.previous"),
)
@click.option(
    "--change-weight",
    default=200,
    show_default=True,
    type=click.IntRange(min=0),
    help=t("help.roster.change_weight"),
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.roster.summary_path"),
)
@click.option("--nondeterministic", is_flag=True, help=t("help.roster.nondeterministic"))
def command(
    team_file: Path,
    out_dir: Path,
    time_limit: float,
    workers: int,
    seed: int,
    month: str | None,
    requirements: Path | None,
    repair_from,
    previous: Path | None,
    change_weight: int,
    summary_path: Path | None,
    nondeterministic: bool,
) -> None:
    from rosterkit.io.atomic import refuse_overwriting_inputs, staged_outputs
    from rosterkit.io.summary import write_summary
    from rosterkit.io.team import read_team
    from rosterkit.solver.check import check
    from rosterkit.solver.report import summary, write_roster_outputs
    from rosterkit.solver.solve import Progress, SolveOptions, make_roster

    if (repair_from is None) != (previous is None):
        raise InputError(
            t("err.cli.repair_pair"),
            where=Location(column="--repair-from" if repair_from is None else "--previous"),
            fix=t("err.cli.repair_pair.fix"),
        )
    inputs = [team_file, requirements, previous]
    outputs = [out_dir / "roster.xlsx", out_dir / "roster.csv", out_dir / "summary.json", summary_path]
    refuse_overwriting_inputs([o for o in outputs if o is not None], inputs)
    team = read_team(team_file)
    if month:
        start, end = _month(month)
        team = team.model_copy(update={"start": start, "end": end})
    if requirements is not None:
        team = with_requirements(team, requirements)

    from rosterkit.calendar import WorkCalendar

    calendar = WorkCalendar(team.country)
    for day in team.days:
        calendar.kind(day)
    for warning in calendar.warnings:  # e.g. a year without the official 调休 notice yet
        log(f"{t('warning.prefix')}: {warning}")
    show = settings().progress

    def progress(p: Progress) -> None:
        if show:
            click.echo(
                t("roster.progress", objective=p.objective, bound=p.bound, gap=p.gap, seconds=p.seconds),
                err=True,
            )

    options = SolveOptions(
        time_limit_s=time_limit, workers=workers, seed=seed, deterministic=not nondeterministic, log=progress
    )
    known = {s.code for s in team.shifts}
    if repair_from is not None:
        from rosterkit.solver.repair import repair

        before = read_any_roster(previous, known)
        result = repair(team, before, repair_from.date(), options, change_weight=change_weight)
        solved = result.team or team
        report = check(
            result.roster,
            solved,
            previous=before,
            repair_from=repair_from.date(),
            change_weight=change_weight,
        )
    else:
        result = make_roster(team, options)
        solved = team
        report = check(result.roster, solved)
    status_line = t(
        "roster.summary_line",
        status=t(f"status.{result.status}"),
        objective=result.objective,
        bound=_fmt(result.best_bound),
    )
    with staged_outputs(out_dir) as staging:
        write_roster_outputs(staging, solved, result, report, status_line)
    if summary_path is not None:
        write_summary(summary_path, summary(result, report))
    log(
        t(
            "roster.done",
            status=t(f"status.{result.status}"),
            objective=result.objective,
            bound=_fmt(result.best_bound),
            seconds=result.seconds,
            violations=report.hard_violations,
        )
    )
    for name in ("roster.xlsx", "roster.csv", "summary.json"):
        log(t("wrote", path=out_dir / name))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def with_requirements(team, path: Path):
    """``team`` with the interval requirements of ``path`` (requirements.csv) inside its period:
    how `roster --requirements` and `check --requirements` read them, so that their costs agree."""
    from rosterkit.io.forecast_files import read_requirements

    return team.model_copy(update={"requirements": tuple(_in_horizon(read_requirements(path), team, path))})


def _in_horizon(rows: list, team, path: Path) -> list:
    """The requirement rows inside the roster's horizon. Rows outside it are reported, never dropped
    silently; no overlap at all is an input error (a forecast for the wrong month)."""
    from datetime import datetime, time, timedelta

    first = datetime.combine(team.start, time())
    last = datetime.combine(team.end + timedelta(days=1), time())
    inside = [r for r in rows if first <= r.interval_start < last]
    if rows and not inside:
        span = f"{min(r.interval_start for r in rows):%Y-%m-%d} .. {max(r.interval_start for r in rows):%Y-%m-%d}"
        raise InputError(
            t("err.cli.no_overlap", span=span, start=team.start, end=team.end),
            where=Location(file=path, column="interval_start"),
            fix=t("err.cli.no_overlap.fix"),
        )
    if len(inside) < len(rows):
        log(t("roster.requirements_outside", used=len(inside), ignored=len(rows) - len(inside)))
    return inside
