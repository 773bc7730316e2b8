"""`rosterkit check`: recount every rule on a roster (the tool's own or one edited by hand)."""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit.errors import HardViolationsError, InputError, Location
from rosterkit.labels import t


@click.command("check", help=t("help.check"))
@click.argument("roster_file", metavar="ROSTER", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("team_file", metavar="TEAM", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--requirements",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.check.requirements"),
)
def command(roster_file: Path, team_file: Path, requirements: Path | None) -> None:
    from rosterkit.cli.roster import read_any_roster, with_requirements
    from rosterkit.io.team import read_team
    from rosterkit.solver.check import check

    team = read_team(team_file)
    if not roster_file.exists():
        raise InputError(
            t("err.io.not_found"), where=Location(file=roster_file), fix=t("err.roster.not_found.fix")
        )
    roster = read_any_roster(roster_file, {s.code for s in team.shifts})
    known = {e.id for e in team.employees}
    strangers = [eid for eid in roster.employee_ids if eid not in known]
    if strangers:
        raise InputError(
            t("err.roster.strangers", ids=", ".join(strangers[:5])),
            where=Location(file=roster_file),
            fix=t("err.roster.strangers.fix", team=team_file.name),
        )
    team = team.model_copy(update={"start": roster.start, "end": roster.end})
    if requirements is not None:
        team = with_requirements(team, requirements)
    report = check(roster, team)
    if report.violations:
        click.echo(t("check.hard", count=len(report.violations)))
        for v in report.violations:
            click.echo(f"  [{t('rule.' + v.rule)}] {v.message}")
    if report.penalties:
        click.echo(t("check.soft", count=len(report.penalties), cost=report.cost))
        for p in sorted(report.penalties, key=lambda p: -p.cost):
            click.echo(f"  [{t('rule.' + p.rule)}] {p.message} ({p.cost})")
    if report.violations:
        raise HardViolationsError(t("check.failed", count=len(report.violations)))
    click.echo(t("check.ok", cost=report.cost))
