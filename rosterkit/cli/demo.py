"""`rosterkit demo`: the whole pipeline on the example centre (examples/)."""

from __future__ import annotations

from pathlib import Path

import click

from rosterkit.cli.main import log
from rosterkit.labels import t
from rosterkit.pipeline import DemoSettings, run_demo

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@click.command("demo", help=t("help.demo"))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.demo.out_dir"),
)
@click.option(
    "--examples",
    "examples_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=EXAMPLES,
    show_default=t("help.demo.examples_dir.default"),
    help=t("help.demo.examples_dir"),
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1),
    default=20.0,
    show_default=True,
    help=t("help.demo.time_limit"),
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=2, show_default=True, help=t("help.demo.workers")
)
@click.option("--seed", type=int, default=0, show_default=True, help=t("help.demo.seed"))
def command(out_dir: Path, examples_dir: Path, time_limit: float, workers: int, seed: int) -> None:
    settings = DemoSettings(time_limit_s=time_limit, workers=workers, seed=seed)
    for path in run_demo(examples_dir, out_dir, settings, log=log):
        log(t("wrote", path=path))
