"""Small helpers shared by every Excel writer: text that must never become a formula, styles."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@")


def set_cell(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value`` into an openpyxl worksheet cell; text from user data that looks like a
    formula (``=``, ``+``, ``-``, ``@``) is stored as plain text, never evaluated (spec section 7)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
    else:
        cell.value = value
    return cell
