"""Labels of the attendance area (English, 中文)."""

LABELS: dict[str, tuple[str, str]] = {}
