"""`rosterkit roster` (not implemented yet)."""

import click

from rosterkit.errors import RosterkitError


@click.command("roster")
def command() -> None:
    """Not implemented yet."""
    raise RosterkitError("'roster' is not implemented yet.")
