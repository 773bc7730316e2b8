"""`rosterkit template` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("template")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'template' is not implemented yet.")
