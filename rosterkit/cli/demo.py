"""`rosterkit demo`: the whole pipeline on the example centre (examples/)."""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit.cli.main import log
from rosterkit.labels import t
from rosterkit.pipeline import DemoSettings, run_demo

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@click.command("demo")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for forecast.csv, requirements.csv, roster.xlsx, roster.csv, summary.json, "
    "attendance.xlsx and daily.csv.",
)
@click.option(
    "--examples",
    "examples_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=EXAMPLES,
    show_default="the checkout's examples/",
    help="Folder holding the example centre's files (made by examples/generate.py).",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1),
    default=20.0,
    show_default=True,
    help="Roster solver seconds.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Roster solver threads."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Roster solver random seed.")
def command(out_dir: Path, examples_dir: Path, time_limit: float, workers: int, seed: int) -> None:
    """Run forecast -> staff -> roster -> attendance on the example centre and write every file of
    the pipeline into --out. Takes about half a minute. The attendance step checks the example
    punches against examples/roster-worked.csv, the roster they were worked to.

    \b
    Example:
      rosterkit demo --out demo-output
    Python:
      from rosterkit.pipeline import DemoSettings, run_demo
      run_demo(Path("examples"), Path("demo-output"), DemoSettings(time_limit_s=20))
    """
    settings = DemoSettings(time_limit_s=time_limit, workers=workers, seed=seed)
    for path in run_demo(examples_dir, out_dir, settings, log=log):
        log(t("wrote", path=path))
