"""`rosterkit demo` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("demo")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'demo' is not implemented yet.")
