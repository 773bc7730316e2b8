"""Labels of the forecast area (English, 中文): history headers, day statuses, report lines."""

LABELS: dict[str, tuple[str, str]] = {
    # history headers readers accept (besides the English contract names)
    "fc.col.timestamp": ("timestamp", "时间"),
    "fc.col.datetime": ("datetime", "日期时间"),
    "fc.col.date": ("date", "日期"),
    "fc.col.time": ("time", "时段"),
    "fc.col.calls": ("calls", "来电量"),
    "fc.col.volume": ("volume", "话务量"),
    "fc.col.offered": ("offered", "呼入量"),
    "fc.col.aht": ("aht_s", "平均处理时长"),
    "fc.col.handle": ("handle_s", "处理时长"),
    "fc.col.talk": ("talk_s", "通话时长"),
    # special-days file
    "fc.col.kind": ("kind", "类型"),
    "fc.kind.closed": ("closed", "停业"),
    "fc.kind.special": ("special", "特殊"),
    # day statuses found while cleaning
    "fc.status.open": ("open", "正常"),
    "fc.status.closed": ("closed", "不营业"),
    "fc.status.missing": ("missing", "缺数据"),
    "fc.status.holiday": ("holiday", "节假日"),
    "fc.status.outage": ("outage", "中断"),
    "fc.status.anomalous": ("anomalous", "异常"),
    "fc.status.special": ("special day", "特殊日"),
    "fc.status.post_closure": ("after a closure", "停业之后"),
    "fc.status.after_gap": ("after a gap", "缺数据之后"),
    "fc.reason.missing": ("no data on a day the centre usually opens", "通常营业的日子没有数据"),
    "fc.reason.outage": (
        "{minutes} min below half the usual level ({start}-{end})",
        "{minutes} 分钟低于通常水平的一半（{start}-{end}）",
    ),
    "fc.reason.anomalous": (
        "day total {total} is {ratio} of the usual {usual}",
        "当日总量 {total}，为通常 {usual} 的 {ratio}",
    ),
    "fc.reason.special_closed": ("closed (special-days file)", "停业（特殊日文件）"),
    "fc.reason.special": ("special day (special-days file)", "特殊日（特殊日文件）"),
    "fc.reason.post_closure": ("open day {rank} after a holiday closure", "节假日停业后第 {rank} 个营业日"),
    "fc.reason.after_gap": (
        "first open day after a day without data, total {total} above the usual {usual}: "
        "it may carry the calls of an unannounced closure",
        "缺数据日之后的第一个营业日，总量 {total} 高于通常的 {usual}：可能含有未公告停业日转来的来电",
    ),
    # log lines
    "fc.log.history": (
        "history: {days} days ({open} open) from {first} to {last}, every {minutes} min",
        "历史数据：{days} 天（营业 {open} 天），{first} 至 {last}，每 {minutes} 分钟",
    ),
    "fc.log.excluded": ("excluded {date} ({status}): {reason}", "已剔除 {date}（{status}）：{reason}"),
    "fc.log.method": (
        "method {method} chosen by backtest (WAPE {wape:.2f} % over {origins} origins)",
        "按回测选择方法 {method}（{origins} 个起点平均 WAPE {wape:.2f} %）",
    ),
    "fc.log.unseen_holiday": (
        "{date} {name}: no history of this holiday; forecast as an ordinary day. "
        "If the centre closes that day, list it as 'closed' in a --special-days file",
        "{date} {name}：历史中没有该节假日；按普通日预测。若当天不营业，请在 --special-days 文件中标为 'closed'",
    ),
    "fc.log.overlap": (
        "the horizon starts on {start}, inside the history (last day {last}): it is forecast from the whole "
        "history, those days included",
        "预测期从 {start} 开始，落在历史数据之内（最后一天 {last}）：按全部历史数据预测，包括这些天",
    ),
    "fc.log.unseen_holiday_scaled": (
        "{date} {name}: no history of this holiday; forecast at {share} of an ordinary day, like the "
        "holidays the centre opened on",
        "{date} {name}：历史中没有该节假日；按普通日的 {share} 预测（与历史上营业的节假日相同）",
    ),
    # backtest table
    "fc.bt.method": ("method", "方法"),
    "fc.bt.origin": ("origin", "起点"),
    "fc.bt.wape": ("WAPE %", "WAPE %"),
    "fc.bt.mase": ("MASE", "MASE"),
    "fc.bt.mean": ("mean", "平均"),
    # traffic report (话务报表)
    "fc.rep.period": ("period", "期间"),
    "fc.rep.calls": ("calls", "来电量"),
    "fc.rep.days": ("days", "天数"),
    "fc.rep.per_day": ("calls per day", "日均来电"),
    "fc.rep.peak_interval": ("peak interval", "高峰时段"),
    "fc.rep.peak_calls": ("peak calls", "高峰来电"),
    "fc.rep.aht": ("AHT s", "平均处理时长(秒)"),
    "fc.rep.daily": ("Daily", "日报"),
    "fc.rep.weekly": ("Weekly", "周报"),
    "fc.rep.monthly": ("Monthly", "月报"),
    "fc.plot.missing": (
        "--plot needs matplotlib, which is not installed: pip install 'rosterkit[plot]' (the forecast was written)",
        "--plot 需要 matplotlib，但未安装：pip install 'rosterkit[plot]'（预测文件已写入）",
    ),
    "fc.plot.history": ("history", "历史"),
    "fc.plot.forecast": ("forecast", "预测"),
    "fc.plot.band": ("prediction interval", "预测区间"),
    "fc.plot.ylabel": ("calls per {minutes} min", "每 {minutes} 分钟来电量"),
}
