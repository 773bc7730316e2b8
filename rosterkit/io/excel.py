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


def print_landscape_fit_width(ws: Any, title_rows: str | None = None) -> None:
    """Print setup every report sheet shares: A4 landscape, all columns on one page width, as many
    pages down as needed, with ``title_rows`` (e.g. ``"1:1"``) repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4 (a constant, also on write-only sheets)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
