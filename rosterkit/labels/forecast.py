"""Labels of the forecast area (English, 中文)."""

LABELS: dict[str, tuple[str, str]] = {}
