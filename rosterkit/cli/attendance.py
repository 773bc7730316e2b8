"""`rosterkit attendance`: reconcile the month's punches against the roster (spec section 5)."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from rosterkit.attendance import reconcile_month
from rosterkit.calendar import WorkCalendar
from rosterkit.cli.main import log
from rosterkit.errors import InputError
from rosterkit.io.atomic import refuse_overwriting_inputs
from rosterkit.io.attendance_settings import build_settings, read_settings_file
from rosterkit.io.attendance_workbook import DAILY_CSV_NAME, WORKBOOK_NAME, write_attendance
from rosterkit.io.employee_list import read_employee_list
from rosterkit.io.leave_file import read_leave
from rosterkit.io.punches import FORMAT, read_punches
from rosterkit.io.roster_table import read_roster_table
from rosterkit.labels import t

FILE = click.Path(dir_okay=False, path_type=Path)
# CLI option -> settings field
RULE_OPTIONS = {
    "window_before": "window_before_start_minutes",
    "window_after": "window_after_end_minutes",
    "late_grace": "late_grace_minutes",
    "early_grace": "early_grace_minutes",
    "serious_late": "serious_late_minutes",
    "half_day_absent": "half_day_absent_minutes",
    "absent": "absent_minutes",
    "duplicate_seconds": "duplicate_within_seconds",
    "overtime_min": "overtime_min_minutes",
    "overtime_unit": "overtime_unit_minutes",
    "overtime_before": "overtime_before_shift",
    "overtime_after": "overtime_after_shift",
}


def _names(employees: Path | None, team: Path | None) -> dict[str, str]:
    names: dict[str, str] = {}
    if team is not None:
        from rosterkit.io.team import read_team

        names.update({e.id: e.name for e in read_team(team).employees})
    if employees is not None:
        names.update(read_employee_list(employees))
    return names


@click.command("attendance", help=t("help.attendance"))
@click.argument("roster", type=FILE)
@click.argument("punches", type=FILE, nargs=-1, required=True)
@click.option("--leave", "leave_path", type=FILE, help=t("help.attendance.leave_path"))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help=t("help.attendance.out_dir"),
)
@click.option("--employees", type=FILE, help=t("help.attendance.employees"))
@click.option("--team", type=FILE, help=t("help.attendance.team"))
@click.option(
    "--settings",
    "settings_path",
    type=FILE,
    help=t("help.attendance.settings_path"),
)
@click.option("--country", default="CN", show_default=True, help=t("help.attendance.country"))
@click.option("--window-before", type=int, help=t("help.attendance.window_before"))
@click.option("--window-after", type=int, help=t("help.attendance.window_after"))
@click.option("--late-grace", type=int, help=t("help.attendance.late_grace"))
@click.option("--early-grace", type=int, help=t("help.attendance.early_grace"))
@click.option("--serious-late", type=int, help=t("help.attendance.serious_late"))
@click.option("--half-day-absent", type=int, help=t("help.attendance.half_day_absent"))
@click.option("--absent", type=int, help=t("help.attendance.absent"))
@click.option("--duplicate-seconds", type=int, help=t("help.attendance.duplicate_seconds"))
@click.option("--overtime-min", type=int, help=t("help.attendance.overtime_min"))
@click.option("--overtime-unit", type=int, help=t("help.attendance.overtime_unit"))
@click.option(
    "--overtime-before/--no-overtime-before", default=None, help=t("help.attendance.overtime_before")
)
@click.option("--overtime-after/--no-overtime-after", default=None, help=t("help.attendance.overtime_after"))
def command(
    roster: Path,
    punches: tuple[Path, ...],
    leave_path: Path | None,
    out_dir: Path,
    employees: Path | None,
    team: Path | None,
    settings_path: Path | None,
    country: str,
    **rules: object,
) -> None:
    outputs = [out_dir / WORKBOOK_NAME, out_dir / DAILY_CSV_NAME]
    refuse_overwriting_inputs(outputs, [roster, *punches, leave_path, employees, team, settings_path])
    values = read_settings_file(settings_path) if settings_path else {}
    values.update({RULE_OPTIONS[k]: v for k, v in rules.items() if v is not None})
    settings = build_settings(values, settings_path)
    try:
        calendar = WorkCalendar(country)
    except ValueError as exc:
        raise InputError(t("err.sentence", text=exc), fix=t("err.att.country.fix")) from None

    roster_table = read_roster_table(roster)
    names = _names(employees, team)
    frames = []
    for path in punches:
        frame = read_punches(path)
        log(
            t(
                "att.log.read",
                rows=len(frame),
                file=path.name,
                format=frame.attrs[FORMAT],
            )
        )
        frames.append(frame)
    punch_table = pd.concat(frames, ignore_index=True)
    leave = read_leave(leave_path, names) if leave_path else []

    result = reconcile_month(roster_table, punch_table, leave, settings, calendar, names)

    for warning in result.warnings:
        log(f"{t('warning.prefix')}: {warning}")
    for path in write_attendance(result, out_dir):
        log(t("wrote", path=path))
    counts = result.counts()
    log(
        t(
            "att.log.counts",
            input=result.input_rows,
            matched=counts["matched"],
            outside=counts["outside_roster"],
            unmatched=counts["unmatched"],
        )
    )
