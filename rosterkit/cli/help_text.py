"""Command-line help in the user's language, wrapped for wide (CJK) characters.

The texts live in the catalogue (``rosterkit/labels/help.py``): a command's under ``help.<path>``
(``help.roster``, ``help.forecast.backtest``; the group is ``help.rosterkit``), an option's under
``help.<path>.<parameter name>``, or under a parent command's path when several subcommands share
the option (the ``forecast`` history options: ``help.forecast.interval``). The decorators read them
at import, in the language of that moment; ``localise_help`` re-applies every text once ``--lang``
is known (``main`` calls it right after applying the language).

click measures text in characters, but a Chinese character takes two terminal columns and Chinese
has no spaces to break at. ``install_wide_wrapping`` makes click's help wrapper count columns and
break between Chinese characters (not before closing punctuation such as ，。), so ``--help`` in
Chinese still fits an 80-column terminal; English wrapping is unchanged.
"""

from __future__ import annotations

import textwrap
import unicodedata

import click

from rosterkit.cli.click_text import click_gettext
from rosterkit.labels import CATALOGUE, get_language, t

ROOT = "rosterkit"
VERSION_HELP = "Show the version and exit."  # click's own message id (labels/click.py has its Chinese)
# Closing punctuation that must not start a line (stays with the character before it).
_NO_LINE_START = set("，。、；：！？）」』】》”’…%")
# Opening punctuation that must not end a line (stays with the character after it).
_NO_LINE_END = set("（「『【《“‘")


def command_key(path: tuple[str, ...]) -> str:
    """The catalogue key of a command's help: ``help.roster``; ``help.rosterkit`` for the group."""
    return "help." + (".".join(path) if path else ROOT)


def option_key(path: tuple[str, ...], name: str) -> str | None:
    """The catalogue key of an option's help: the command's own ``help.<path>.<name>``, else the
    nearest parent command's (options shared by subcommands); None when the catalogue has neither."""
    if not path:
        key = f"help.{ROOT}.{name}"
        return key if key in CATALOGUE else None
    for depth in range(len(path), 0, -1):
        key = "help." + ".".join(path[:depth]) + "." + name
        if key in CATALOGUE:
            return key
    return None


def walk(command: click.Command, path: tuple[str, ...] = ()):
    """Every command under ``command`` (itself first) with its path of names below the group."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


def localised_options(command: click.Command) -> list[click.Option]:
    """The options whose help comes from this catalogue (``--version`` keeps click's own text, which
    ``rosterkit.cli.click_text`` translates)."""
    return [p for p in command.params if isinstance(p, click.Option) and p.name != "version"]


def localise_help(group: click.Command) -> None:
    """Set every command's and option's help from the catalogue, in the current language."""
    for path, command in walk(group):
        command.help = t(command_key(path))
        command.short_help = first_sentence(command.help) if get_language() == "zh" else None
        if getattr(command, "_help_option", None) is not None:
            command._help_option = None  # click caches --help's own help text: make it afresh
        for param in command.params:
            if isinstance(param, click.Option) and param.name == "version":
                param.help = click_gettext(VERSION_HELP)
        for option in localised_options(command):
            key = option_key(path, option.name or "")
            if key is None:
                continue
            option.help = t(key)
            if isinstance(option.show_default, str) and f"{key}.default" in CATALOGUE:
                option.show_default = t(f"{key}.default")


def first_sentence(text: str) -> str:
    """A Chinese help text's first sentence, for the command list (click's own shortening looks
    for '. ' and spaces, which Chinese does not have)."""
    paragraph = text.partition("\n\n")[0].replace("\b", "").strip()
    head, stop, _rest = paragraph.partition("。")
    return " ".join((head + stop).split())


# --- wrapping for wide characters -------------------------------------------------------------


def display_width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters take two, ANSI codes none."""
    plain = click.unstyle(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in plain)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def split_wide(chunk: str) -> list[str]:
    """Split a chunk of text into pieces a line may break between: each wide character on its own
    (with any closing punctuation after it, and any opening punctuation before it), and each run of
    narrow characters whole."""
    pieces: list[str] = []
    glue_next = False
    for ch in chunk:
        if not pieces:
            pieces.append(ch)
        elif glue_next or ch in _NO_LINE_START:
            pieces[-1] += ch
        elif _is_wide(ch) or _is_wide(pieces[-1][-1]):
            pieces.append(ch)
        else:
            pieces[-1] += ch
        glue_next = ch in _NO_LINE_END
    return pieces


def _split(self: textwrap.TextWrapper, text: str) -> list[str]:
    """Split at spaces only (never inside a file or option name such as ``roster-worked.csv`` or
    ``--time-limit``), then between wide characters; a short bracketed note such as ``[默认：CN]``
    or ``[必填]`` stays whole."""
    chunks = self.wordsep_simple_re.split(text)
    return [
        piece for chunk in chunks if chunk for piece in ([chunk] if _keep_whole(chunk) else split_wide(chunk))
    ]


def _keep_whole(chunk: str) -> bool:
    if not any(_is_wide(ch) for ch in chunk):
        return True
    return chunk.startswith("[") and display_width(chunk) <= 16


def install_wide_wrapping() -> None:
    """Make click's help formatting count terminal columns and break between Chinese characters
    (idempotent). Only the measuring and the splitting into breakable pieces change; English
    text now breaks at spaces only, not after a hyphen inside a word (``CP-SAT``, ``YYYY-MM-DD``)."""
    from click import _textwrap, formatting

    _textwrap.term_len = display_width
    formatting.term_len = display_width
    _textwrap.TextWrapper._split = _split
