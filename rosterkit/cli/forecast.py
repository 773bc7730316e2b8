"""`rosterkit forecast`: call volume per interval from history (plus `backtest` and `report`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from rosterkit.calendar import WorkCalendar
from rosterkit.cli.main import log
from rosterkit.cli.params import InputFile
from rosterkit.errors import InputError
from rosterkit.forecast.backtest import backtest as run_backtest
from rosterkit.forecast.backtest import rolling_origins
from rosterkit.forecast.forecaster import forecast_calls, make_calendar, prepare
from rosterkit.forecast.intervals import parse_interval
from rosterkit.forecast.methods import registry
from rosterkit.forecast.reports import PERIODS, plot_forecast, traffic_summary
from rosterkit.io.atomic import atomic_path, refuse_overwriting_inputs
from rosterkit.io.forecast_files import write_forecast, write_traffic_reports
from rosterkit.io.history import read_history, read_special_days
from rosterkit.labels import t

DEFAULT = "make"


class DefaultGroup(click.Group):
    """A group whose first argument may be a subcommand (``backtest``, ``report``) or, failing that,
    the HISTORY of the default command (``forecast HISTORY --start ...``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = [DEFAULT, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help(ctx, formatter)
        with formatter.section(t("help.forecast.options_section")):
            default = self.commands[DEFAULT]
            sub = click.Context(default, info_name="forecast", parent=ctx.parent)
            formatter.write_dl(
                [p.get_help_record(sub) for p in default.get_params(sub) if p.get_help_record(sub)]
            )


def history_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("history", type=InputFile()),
        click.option("--interval", default="30min", show_default=True, help=t("help.forecast.interval")),
        click.option("--country", default="CN", show_default=True, help=t("help.forecast.country")),
        click.option(
            "--special-days",
            type=InputFile(),
            help=t("help.forecast.special_days"),
        ),
        click.option("--timestamp-column", help=t("help.forecast.timestamp_column")),
        click.option("--calls-column", help=t("help.forecast.calls_column")),
        click.option("--aht-column", help=t("help.forecast.aht_column")),
        click.option("--sheet", help=t("help.forecast.sheet")),
        click.option("--records", is_flag=True, help=t("help.forecast.records")),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _load(kw: dict[str, Any]) -> tuple[Any, int, WorkCalendar, dict]:
    minutes = parse_interval(kw["interval"])
    history = read_history(
        kw["history"],
        timestamp_column=kw["timestamp_column"],
        calls_column=kw["calls_column"],
        aht_column=kw["aht_column"],
        sheet=kw["sheet"],
        records=True if kw["records"] else None,
    )
    special = read_special_days(kw["special_days"]) if kw["special_days"] else {}
    return history, minutes, make_calendar(kw["country"], special), special


def _day(text: str, option: str) -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise InputError(
            t("err.fc.not_date", option=option, text=text), fix=t("err.fc.not_date.fix")
        ) from None


@click.group(
    "forecast",
    cls=DefaultGroup,
    help=t("help.forecast"),
    invoke_without_command=False,
    subcommand_metavar="HISTORY --start DATE --end DATE -o FILE | backtest HISTORY | report HISTORY --out DIR",
)
def command() -> None:
    """The forecast group; its help is the catalogue's ``help.forecast``."""


@command.command(DEFAULT, hidden=True, help=t("help.forecast.make"))
@history_options
@click.option("--start", required=True, help=t("help.forecast.make.start"))
@click.option("--end", required=True, help=t("help.forecast.make.end"))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.forecast.make.output"),
)
@click.option(
    "--method",
    type=click.Choice(["auto", *registry()]),
    default="auto",
    show_default=True,
    help=t("help.forecast.make.method"),
)
@click.option("--level", type=click.FloatRange(1, 99), help=t("help.forecast.make.level"))
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.forecast.make.plot"),
)
def make(**kw: Any) -> None:
    start, end = _day(kw["start"], "--start"), _day(kw["end"], "--end")
    refuse_overwriting_inputs(
        [kw["output"], kw["plot"]] if kw["plot"] else [kw["output"]], [kw["history"], kw["special_days"]]
    )
    history, minutes, calendar, special = _load(kw)
    result = forecast_calls(history, start, end, minutes, kw["method"], calendar, special, kw["level"])
    for note in result.notes + calendar.warnings:
        log(note)
    write_forecast(result.frame, kw["output"])
    log(t("wrote", path=kw["output"]))
    if kw["plot"]:
        try:
            with atomic_path(kw["plot"]) as tmp:
                plot_forecast(result.clean.matrix, result.frame, tmp)
            log(t("wrote", path=kw["plot"]))
        except ImportError:
            log(t("fc.plot.missing"))


@command.command("backtest", help=t("help.forecast.backtest"))
@history_options
@click.option(
    "--origins",
    default=4,
    show_default=True,
    type=click.IntRange(1, 52),
    help=t("help.forecast.backtest.origins"),
)
@click.option(
    "--horizon",
    default=14,
    show_default=True,
    type=click.IntRange(1, 92),
    help=t("help.forecast.backtest.horizon"),
)
def backtest_command(**kw: Any) -> None:
    history, minutes, calendar, special = _load(kw)
    clean = prepare(history, minutes, calendar, special)
    origins = rolling_origins(clean, kw["horizon"], kw["origins"])
    if not origins:
        raise InputError(
            t("err.fc.backtest_short", horizon=kw["horizon"]),
            fix=t("err.fc.backtest_short.fix"),
        )
    rows, _pooled = run_backtest(clean, registry(), origins, kw["horizon"], calendar, special)
    header = [t("fc.bt.method"), t("fc.bt.origin"), t("fc.bt.wape"), t("fc.bt.mase")]
    click.echo("\t".join(header))
    for r in rows:
        click.echo(f"{r.method}\t{r.origin:%Y-%m-%d}\t{r.wape:.2f}\t{r.mase:.3f}")
    for name in registry():
        mine = [r for r in rows if r.method == name]
        if mine:
            w = sum(r.wape for r in mine) / len(mine)
            m = sum(r.mase for r in mine) / len(mine)
            click.echo(f"{name}\t{t('fc.bt.mean')}\t{w:.2f}\t{m:.3f}")


@command.command("report", help=t("help.forecast.report"))
@history_options
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.forecast.report.out_dir"),
)
def report_command(**kw: Any) -> None:
    history, minutes, calendar, special = _load(kw)
    clean = prepare(history, minutes, calendar, special)
    tables = {
        f"traffic_{period}": (t(f"fc.rep.{period}"), traffic_summary(clean.matrix, period))
        for period in PERIODS
    }
    for path in write_traffic_reports(tables, kw["out_dir"]):
        log(t("wrote", path=path))
