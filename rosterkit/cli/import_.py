"""`rosterkit import` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("import")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'import' is not implemented yet.")
