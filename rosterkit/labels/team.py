"""Labels of the team area (English, 中文)."""

LABELS: dict[str, tuple[str, str]] = {}
