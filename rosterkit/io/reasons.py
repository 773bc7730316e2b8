"""Why pydantic refused a value, in the user's language.

In English the reason is pydantic's own sentence (``Input should be greater than or equal to 0``); in
Chinese the common error types come from the catalogue (``err.pyd.<type>``, filled with pydantic's
context such as ``ge``). Reasons written by our models' validators (``Value error, ...``) and any
type without an entry stay as pydantic gives them.
"""

from __future__ import annotations

from typing import Any

from rosterkit.labels import CATALOGUE, get_language, t


def reason(err: dict[str, Any]) -> str:
    """The reason of one pydantic error (an item of ``ValidationError.errors()``), without a final
    full stop."""
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    key = f"err.pyd.{err.get('type')}"
    if get_language() == "en" or key not in CATALOGUE:
        return msg
    fields = {k: v for k, v in (err.get("ctx") or {}).items() if k != "error"}
    if "expected" in fields:  # pydantic lists choices as "'a', 'b' or 'c'"
        fields["expected"] = str(fields["expected"]).replace(" or ", " 或 ")
    try:
        return t(key, **fields)
    except (KeyError, IndexError):  # a context field this entry does not expect: keep pydantic's text
        return msg
