"""The whole pipeline on the example centre: forecast → staff → roster → attendance.

    from rosterkit.pipeline import DemoSettings, run_demo
    paths = run_demo(Path("examples"), Path("demo-output"), DemoSettings(time_limit_s=20))

Each step calls the same library functions as its command and passes the same files between steps
(``forecast.csv`` → ``requirements.csv`` → the roster's interval demand), so the demo exercises the
real file contracts. Outputs are staged and moved into the output folder only when every step has
succeeded: a failed demo leaves no half-written output behind.

The attendance step reconciles the example month's punches against ``examples/roster-worked.csv``,
the roster they were generated from (see examples/README.md), not against the roster the demo has
just solved: punches can only be checked against the roster people actually worked to, and the
freshly solved roster is a proposal nobody has worked yet.

This is the one module besides ``cli`` that imports forecast, solver and attendance together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.labels import t

OUTPUTS = (
    "forecast.csv",
    "requirements.csv",
    "roster.xlsx",
    "roster.csv",
    "summary.json",
    "attendance.xlsx",
    "daily.csv",
)
INPUTS = {
    "history": "history.csv",
    "team": "team.xlsx",
    "worked_roster": "roster-worked.csv",
    "punches_zkteco": "punches-zkteco.xlsx",
    "punches_dingtalk": "punches-dingtalk.xlsx",
    "leave": "leave.xlsx",
}

Log = Callable[[str], None]


@dataclass(frozen=True)
class DemoSettings:
    """The demo's choices: staffing target of a typical Chinese hotline (80 % in 20 s), a short
    solver time limit so the demo finishes well under a minute."""

    interval_minutes: int = 30
    aht_s: float = 180.0
    service_level: float = 0.80
    answer_within_s: float = 20.0
    shrinkage: float = 0.30
    time_limit_s: float = 20.0
    workers: int = 2
    seed: int = 0


def _quiet(_: str) -> None:
    return None


def demo_inputs(examples_dir: Path) -> dict[str, Path]:
    """The example files the demo reads; an InputError lists any that are missing."""
    paths = {key: Path(examples_dir) / name for key, name in INPUTS.items()}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise InputError(
            t("err.demo.missing", names=", ".join(missing)),
            where=Location(file=examples_dir),
            fix=t("err.demo.missing.fix"),
        )
    return paths


def run_demo(
    examples_dir: Path, out_dir: Path, settings: DemoSettings | None = None, log: Log = _quiet
) -> list[Path]:
    """Run forecast → staff → roster → attendance on ``examples_dir``; write ``OUTPUTS`` into
    ``out_dir``. Returns the paths written."""
    from rosterkit.io.atomic import refuse_overwriting_inputs, staged_outputs

    settings = settings or DemoSettings()
    inputs = demo_inputs(Path(examples_dir))
    out_dir = Path(out_dir)
    refuse_overwriting_inputs([out_dir / name for name in OUTPUTS], inputs.values())
    with staged_outputs(out_dir) as stage:
        team = _read_team(inputs["team"])
        requirements = _forecast_and_staff(inputs["history"], team, stage, settings, log)
        _roster(team, requirements, stage, settings, log)
        _attendance(inputs, team, stage, log)
    return [out_dir / name for name in OUTPUTS]


def _read_team(path: Path):
    from rosterkit.io.team import read_team

    return read_team(path)


def _forecast_and_staff(history_path: Path, team, stage: Path, settings: DemoSettings, log: Log) -> Path:
    from rosterkit.calendar import WorkCalendar
    from rosterkit.forecast.forecaster import forecast_calls
    from rosterkit.forecast.staffing import StaffingTarget, staff_requirements
    from rosterkit.io.forecast_files import read_forecast, write_forecast, write_requirements
    from rosterkit.io.history import read_history

    history = read_history(history_path)
    calendar = WorkCalendar(team.country)
    result = forecast_calls(history, team.start, team.end, settings.interval_minutes, "auto", calendar)
    forecast_path = write_forecast(result.frame, stage / "forecast.csv")
    log(f"forecast: {len(result.frame)} intervals {team.start} .. {team.end}, method {result.method}")
    target = StaffingTarget(
        service_level=settings.service_level,
        answer_within_s=settings.answer_within_s,
        shrinkage=settings.shrinkage,
    )
    requirements = staff_requirements(
        read_forecast(forecast_path), target, settings.aht_s, settings.interval_minutes, source="forecast.csv"
    )
    path = write_requirements(requirements, stage / "requirements.csv")
    log(
        f"staff: AHT {settings.aht_s:g} s, {settings.service_level:.0%} in {settings.answer_within_s:g} s, "
        f"shrinkage {settings.shrinkage:.0%}: peak {int(requirements['agents_scheduled'].max())} agents scheduled"
    )
    return Path(path)


def _roster(team, requirements_path: Path, stage: Path, settings: DemoSettings, log: Log) -> None:
    """Solve the month on the requirements just written, check it with the independent checker,
    and write roster.xlsx, roster.csv and summary.json (the same library calls as `rosterkit roster`)."""
    from rosterkit.io.forecast_files import read_requirements
    from rosterkit.solver.check import check
    from rosterkit.solver.report import write_roster_outputs
    from rosterkit.solver.solve import SolveOptions, make_roster

    team = team.model_copy(update={"requirements": tuple(read_requirements(requirements_path))})
    options = SolveOptions(time_limit_s=settings.time_limit_s, workers=settings.workers, seed=settings.seed)
    result = make_roster(team, options)
    report = check(result.roster, team)
    status = f"{result.status}, objective {result.objective}, bound {result.best_bound}"
    write_roster_outputs(stage, team, result, report, status)
    log(
        f"roster: {result.status}, objective {result.objective}, bound {result.best_bound}, "
        f"{result.seconds:.1f} s, {report.hard_violations} hard violations"
    )


def _attendance(inputs: dict[str, Path], team, stage: Path, log: Log) -> None:
    import pandas as pd

    from rosterkit.attendance import AttendanceSettings, reconcile_month
    from rosterkit.calendar import WorkCalendar
    from rosterkit.io.attendance_workbook import write_attendance
    from rosterkit.io.leave_file import read_leave
    from rosterkit.io.punches import read_punches
    from rosterkit.io.roster_table import read_roster_table

    names = {e.id: e.name for e in team.employees}
    roster_table = read_roster_table(inputs["worked_roster"])
    punches = pd.concat(
        [read_punches(inputs["punches_zkteco"]), read_punches(inputs["punches_dingtalk"])], ignore_index=True
    )
    leave = read_leave(inputs["leave"], names)
    result = reconcile_month(
        roster_table, punches, leave, AttendanceSettings(), WorkCalendar(team.country), names
    )
    write_attendance(result, stage)
    counts = result.counts()
    log(
        f"attendance: {result.input_rows} punch rows against {inputs['worked_roster'].name}: "
        f"{counts['matched']} matched, {counts['outside_roster']} outside the roster, "
        f"{counts['unmatched']} unmatched"
    )
