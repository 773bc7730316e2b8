"""Labels of the roster area (English, 中文)."""

LABELS: dict[str, tuple[str, str]] = {}
