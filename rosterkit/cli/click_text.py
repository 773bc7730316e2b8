"""click's own messages (a missing argument, a bad option value, "Usage:") in the user's language.

click translates its texts with gettext: each of its modules calls ``_`` (``gettext.gettext``) or
``ngettext`` with the English text. ``install`` points those names at the catalogue (``click:``
entries, ``rosterkit/labels/click.py``), so that ``--lang zh`` (or a Chinese system locale) also
covers the errors click raises while parsing the command line. English is returned unchanged, and so
is any text the catalogue does not list.
"""

from __future__ import annotations

import gettext
import sys

from rosterkit.labels import CATALOGUE, get_language


def click_gettext(message: str) -> str:
    entry = CATALOGUE.get(f"click:{message}")
    return entry[1] if entry is not None and get_language() == "zh" else message


def click_ngettext(singular: str, plural: str, n: int) -> str:
    return click_gettext(singular if n == 1 else plural)


def install() -> None:
    """Route every loaded click module's ``_`` / ``ngettext`` through the catalogue (idempotent)."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        if getattr(module, "_", None) in (gettext.gettext, click_gettext):
            module._ = click_gettext
        if getattr(module, "ngettext", None) in (gettext.ngettext, click_ngettext):
            module.ngettext = click_ngettext
