"""`rosterkit check` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("check")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'check' is not implemented yet.")
