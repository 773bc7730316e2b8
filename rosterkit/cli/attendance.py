"""`rosterkit attendance` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("attendance")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'attendance' is not implemented yet.")
