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


@click.command("attendance")
@click.argument("roster", type=FILE)
@click.argument("punches", type=FILE, nargs=-1, required=True)
@click.option(
    "--leave", "leave_path", type=FILE, help="Leave records (xlsx/csv): 工号, 开始, 结束, 类型, 半天, 审批人."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for attendance.xlsx and daily.csv.",
)
@click.option(
    "--employees", type=FILE, help="Employee list (employee_id,name) to match punches that carry names only."
)
@click.option(
    "--team", type=FILE, help="Team workbook: its employees' names match punches that carry names only."
)
@click.option(
    "--settings",
    "settings_path",
    type=FILE,
    help="Rule settings file (TOML or JSON, AttendanceSettings fields).",
)
@click.option("--country", default="CN", show_default=True, help="Holiday calendar (ISO code, or 'none').")
@click.option(
    "--window-before", type=int, help="Minutes before a shift's start a punch still belongs to it [180]."
)
@click.option(
    "--window-after", type=int, help="Minutes after a shift's end a punch still belongs to it [240]."
)
@click.option("--late-grace", type=int, help="Late by at most this many minutes is not late [5].")
@click.option("--early-grace", type=int, help="Leaving at most this many minutes early is not early [0].")
@click.option("--serious-late", type=int, help="Late by this many minutes or more is serious [30].")
@click.option("--half-day-absent", type=int, help="Late + early minutes counting as half a day absent [120].")
@click.option("--absent", type=int, help="Late + early minutes counting as a whole day absent [240].")
@click.option("--duplicate-seconds", type=int, help="Punches this close together count once [60].")
@click.option("--overtime-min", type=int, help="Overtime shorter than this many minutes is not counted [30].")
@click.option(
    "--overtime-unit", type=int, help="Overtime is rounded down to units of this many minutes [30]."
)
@click.option(
    "--overtime-before/--no-overtime-before", default=None, help="Count early arrival as overtime [yes]."
)
@click.option(
    "--overtime-after/--no-overtime-after", default=None, help="Count staying late as overtime [yes]."
)
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
    """Reconcile the month's punches (ZKTeco, DingTalk, WeCom or csv exports) against the roster.

    ROSTER is the roster.csv (or roster.xlsx) that `rosterkit roster` wrote, or the one the month
    was worked to; PUNCHES are one or more exports, each recognised by its header row.

    Writes attendance.xlsx (月度汇总, daily detail, exceptions, punch accounting) and daily.csv into
    --out. Every punch is matched to a shift, flagged as work outside the roster, or listed as
    unmatched with the reason; the counts add up to the input rows.

    \b
    Example (the example centre's month, from the repository root):
      rosterkit attendance examples/roster-worked.csv examples/punches-zkteco.xlsx \\
          examples/punches-dingtalk.xlsx --leave examples/leave.xlsx \\
          --team examples/team.xlsx --out attendance-2026-10
    """
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
