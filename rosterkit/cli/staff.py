"""`rosterkit staff` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("staff")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'staff' is not implemented yet.")
