"""Labels shared by every command: exit messages, weekdays, day kinds, yes/no."""

LABELS: dict[str, tuple[str, str]] = {
    "error.prefix": ("Error", "错误"),
    "error.internal": (
        "Internal error: {detail}. This is a bug in rosterkit; re-run with --debug and report the traceback.",
        "内部错误：{detail}。这是 rosterkit 的缺陷；请加 --debug 重新运行并报告回溯信息。",
    ),
    "warning.prefix": ("Warning", "警告"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "hard": ("hard", "硬约束"),
    "soft": ("soft", "软约束"),
    "weekday.0": ("Mon", "周一"),
    "weekday.1": ("Tue", "周二"),
    "weekday.2": ("Wed", "周三"),
    "weekday.3": ("Thu", "周四"),
    "weekday.4": ("Fri", "周五"),
    "weekday.5": ("Sat", "周六"),
    "weekday.6": ("Sun", "周日"),
    "day.workday": ("workday", "工作日"),
    "day.rest": ("rest day", "休息日"),
    "day.holiday": ("statutory holiday", "法定节假日"),
    "day.makeup": ("make-up working day", "调休上班日"),
    "wrote": ("wrote {path}", "已写入 {path}"),
    "calendar.no_data": (
        "no official holiday data for {country} {year}: treated as ordinary weekdays and weekends",
        "{country} {year} 年没有官方节假日数据：按普通工作日和周末处理",
    ),
}
