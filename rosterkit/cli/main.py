"""The ``rosterkit`` command group and the one place that maps errors to exit codes.

Exit codes (spec section 2): 0 success; 1 unexpected internal error; 2 bad input or usage;
3 roster infeasible (or no roster found in the time limit); 4 ``check`` found hard violations.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass

import click

from rosterkit import labels
from rosterkit.cli import click_text, help_text
from rosterkit.errors import RosterkitError


@dataclass
class Settings:
    """Global options every command can read from ``click.get_current_context().obj``."""

    lang: str
    debug: bool = False
    quiet: bool = False

    @property
    def progress(self) -> bool:
        """Progress lines only for a person watching: not with --quiet, not when stderr is piped."""
        return not self.quiet and sys.stderr.isatty()


def settings() -> Settings:
    ctx = click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings(lang=labels.set_language(None))
    return root.obj


def log(message: str) -> None:
    """A log line on stderr (stdout carries data only)."""
    if not settings().quiet:
        click.echo(message, err=True)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help=labels.t("help.rosterkit"),
)
@click.version_option(package_name="rosterkit")
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help=labels.t("help.rosterkit.lang"),
)
@click.option("--debug", is_flag=True, help=labels.t("help.rosterkit.debug"))
@click.option("-q", "--quiet", is_flag=True, help=labels.t("help.rosterkit.quiet"))
@click.pass_context
def cli(ctx: click.Context, lang: str | None, debug: bool, quiet: bool) -> None:
    """The group (its help: ``help.rosterkit`` in ``rosterkit/labels/help.py``)."""
    ctx.obj = Settings(lang=labels.set_language(lang), debug=debug, quiet=quiet)


def _register() -> None:
    from rosterkit.cli import attendance, check, demo, forecast, import_, roster, staff, template

    for module in (forecast, staff, roster, check, attendance, template, import_, demo):
        cli.add_command(module.command)


_register()


def _early_language(argv: list[str]) -> None:
    """Apply ``--lang`` before click parses the command line, so that its errors (e.g. an unknown
    command, found before the group's callback runs) are in that language too."""
    args = iter(argv)
    for arg in args:
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] or next(args, "")
            if value in ("en", "zh"):
                labels.set_language(value)
                return
        elif not arg.startswith("-"):  # the command: group options come before it
            break
    labels.set_language(None)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the group, turning rosterkit errors into messages and exit codes."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    click_text.install()  # click's own parse errors in the chosen language too
    _early_language(argv if argv is not None else sys.argv[1:])
    help_text.localise_help(cli)  # --help in that language too
    help_text.install_wide_wrapping()  # Chinese help wrapped by terminal columns
    try:
        cli.main(args=argv, prog_name="rosterkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(labels.t("err.aborted"), err=True)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code == 2 else exc.exit_code)
    except RosterkitError as exc:
        if debug:
            traceback.print_exc()
        click.echo(labels.t("err.report", prefix=labels.t("error.prefix"), message=exc.message), err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the one place internal errors become exit 1
        if debug:
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}"
        click.echo(labels.t("error.internal", detail=detail), err=True)
        sys.exit(1)
    sys.exit(0)
