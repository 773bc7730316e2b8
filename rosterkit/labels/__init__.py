"""The one bilingual catalogue of user-facing labels (English / 中文).

Every header, sheet name, status word and report line a user sees comes from here, looked up by a
stable key. The entries live in small per-area modules (``common``, ``team``, ``roster``, ...) so
that each area edits its own file; this module merges them into ``CATALOGUE`` and refuses a key
defined twice.

``t(key, **fields)`` returns the label in the current language; ``set_language`` chooses it (the
CLI's ``--lang``), defaulting to the system locale. ``aliases(key)`` returns both spellings, which
readers use to accept a header written in either language.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterable

from rosterkit.labels import attendance, click, common, errors, forecast, help, roster, team

LANGUAGES = ("en", "zh")

Entry = tuple[str, str]  # (English, 中文)


def _merge(modules: Iterable) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for module in modules:
        for key, entry in module.LABELS.items():
            if key in merged:
                raise RuntimeError(f"label key {key!r} defined twice (in {module.__name__})")
            merged[key] = entry
    return merged


CATALOGUE: dict[str, Entry] = _merge([common, team, roster, forecast, attendance, errors, click, help])


def default_language() -> str:
    """'zh' when the system locale is Chinese, else 'en'."""
    for var in ("ROSTERKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - exotic locale strings
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


_current = default_language()


def set_language(lang: str | None) -> str:
    """Choose the language ('en' or 'zh'; None = system locale). Returns the language chosen."""
    global _current
    if lang is None:
        lang = default_language()
    lang = lang.lower()
    if lang.startswith("zh") or lang in ("cn", "chinese", "中文"):
        lang = "zh"
    elif lang.startswith("en"):
        lang = "en"
    else:
        raise ValueError(f"unknown language {lang!r}; use one of: en, zh")
    _current = lang
    return _current


def get_language() -> str:
    return _current


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The label for ``key`` in the current (or given) language, formatted with ``fields``."""
    en, zh = CATALOGUE[key]
    text = zh if (lang or _current) == "zh" else en
    return text.format(**fields) if fields else text


def aliases(key: str) -> tuple[str, str]:
    """Both spellings of a label: what a reader accepts as that header."""
    return CATALOGUE[key]
