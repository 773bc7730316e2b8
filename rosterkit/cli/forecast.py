"""`rosterkit forecast` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("forecast")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'forecast' is not implemented yet.")
