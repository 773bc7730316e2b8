"""Labels of the team area (English, 中文): team workbook sheet names, headers and cell values."""

LABELS: dict[str, tuple[str, str]] = {
    # sheet names
    "team.sheet.readme": ("README", "说明"),
    "team.sheet.settings": ("Settings", "设置"),
    "team.sheet.employees": ("Employees", "员工"),
    "team.sheet.shifts": ("Shifts", "班次"),
    "team.sheet.rules": ("Rules", "规则"),
    "team.sheet.leave": ("Leave", "请假"),
    "team.sheet.requests": ("Requests", "申请"),
    "team.sheet.pinned": ("Pinned", "固定排班"),
    "team.sheet.history": ("History", "上月排班"),
    "team.sheet.demand": ("Demand", "班次需求"),
    "team.sheet.skill_cover": ("SkillCover", "技能覆盖"),
    "team.sheet.lists": ("Lists", "下拉列表"),
    # Settings sheet: its two columns and the setting names
    "team.col.setting": ("setting", "设置项"),
    "team.col.value": ("value", "值"),
    "team.set.name": ("team name", "团队名称"),
    "team.set.month": ("month", "月份"),
    "team.set.start": ("start date", "开始日期"),
    "team.set.end": ("end date", "结束日期"),
    "team.set.country": ("holiday country", "节假日国家"),
    "team.set.interval_minutes": ("interval minutes", "时段分钟"),
    # columns shared by several sheets
    "team.col.note": ("note", "备注"),
    "team.col.employee": ("employee_id", "工号"),
    "team.col.date": ("date", "日期"),
    "team.col.shift": ("shift", "班次"),
    "team.col.weight": ("weight", "权重"),
    "team.col.hard": ("hard", "硬约束"),
    "team.col.weekday": ("weekday", "星期"),
    "team.col.weekdays": ("weekdays", "星期范围"),
    # Employees
    "team.col.name": ("name", "姓名"),
    "team.col.team": ("team", "班组"),
    "team.col.skills": ("skills", "技能"),
    "team.col.allowed_shifts": ("allowed shifts", "仅可上班次"),
    "team.col.forbidden_shifts": ("forbidden shifts", "不可上班次"),
    "team.col.min_hours": ("min hours", "最少工时"),
    "team.col.max_hours": ("max hours", "最多工时"),
    "team.col.max_consecutive_days": ("max consecutive days", "最多连续上班天数"),
    "team.col.min_consecutive_days": ("min consecutive days", "最少连续上班天数"),
    "team.col.min_consecutive_days_off": ("min consecutive days off", "最少连续休息天数"),
    "team.col.max_weekends": ("max weekends", "最多周末上班数"),
    "team.col.max_shifts": ("max shifts per type", "各班次上限"),
    # Shifts
    "team.col.code": ("code", "班次代码"),
    "team.col.shift_name": ("shift name", "班次名称"),
    "team.col.start": ("start", "开始时间"),
    "team.col.end": ("end", "结束时间"),
    "team.col.break_minutes": ("break minutes", "休息分钟"),
    "team.col.break_start": ("break start", "休息开始"),
    "team.col.night": ("night", "夜班"),
    "team.col.color": ("colour", "颜色"),
    "team.col.not_followed_by": ("not followed by", "次日不可接"),
    # Rules
    "team.col.rule": ("rule", "规则"),
    "team.col.enabled": ("enabled", "启用"),
    "team.col.hard_soft": ("hard/soft", "硬/软"),
    "team.col.params": ("parameters", "参数"),
    # Leave
    "team.col.start_date": ("start date", "开始日期"),
    "team.col.end_date": ("end date", "结束日期"),
    "team.col.leave_type": ("leave type", "假别"),
    "team.col.half_day": ("half day", "半天"),
    "team.col.approved_by": ("approved by", "审批人"),
    # Requests
    "team.col.kind": ("kind", "类型"),
    # Demand
    "team.col.min": ("min", "最少人数"),
    "team.col.target": ("target", "目标人数"),
    "team.col.max": ("max", "最多人数"),
    "team.col.under_weight": ("under weight", "不足权重"),
    "team.col.over_weight": ("over weight", "超出权重"),
    # SkillCover
    "team.col.skill": ("skill", "技能"),
    "team.col.min_people": ("min people", "最少人数"),
    "team.col.window_start": ("window start", "时段开始"),
    "team.col.window_end": ("window end", "时段结束"),
    # cell values
    "team.val.on": ("on", "上班"),
    "team.val.off": ("off", "休息"),
    "team.val.am": ("am", "上午"),
    "team.val.pm": ("pm", "下午"),
    "team.val.team_lead": ("team_lead", "班长"),
    "team.val.manager": ("manager", "中心经理"),
    # template
    "team.readme.title": ("rosterkit team workbook", "rosterkit 团队排班工作簿"),
    "team.readme.intro": (
        "Fill one sheet per topic; headers may be in English or Chinese. Blank rows are skipped. "
        "Then run: rosterkit roster team.xlsx --out roster",
        "每个工作表填写一类信息；表头可用中文或英文。空行会被跳过。填好后运行：rosterkit roster team.xlsx --out roster",
    ),
    "team.readme.sheet": ("sheet", "工作表"),
    "team.readme.what": ("what it holds", "内容"),
    "team.readme.settings": (
        "team name, month (YYYY-MM) or start/end dates, holiday country (CN), interval minutes",
        "团队名称、月份（YYYY-MM）或开始/结束日期、节假日国家（CN）、时段分钟数",
    ),
    "team.readme.employees": (
        "one row per agent: id, skills (comma separated), shift eligibility, contract hours, limits",
        "每位座席一行：工号、技能（逗号分隔）、可上班次、合同工时、各项上限",
    ),
    "team.readme.shifts": (
        "one row per shift type; a shift whose end is before its start crosses midnight",
        "每种班次一行；结束时间早于开始时间的班次跨午夜",
    ),
    "team.readme.rules": (
        "rules from the catalogue: enabled, hard or soft, weight, parameters like days=6",
        "规则目录中的规则：是否启用、硬/软约束、权重、参数（如 days=6）",
    ),
    "team.readme.leave": (
        "approved leave; half day = am/pm on a one-day leave",
        "已批准的请假；半天假填上午/下午（仅限一天的假）",
    ),
    "team.readme.requests": (
        "wishes: on = wants to work (that shift), off = wants the day (or that shift) off",
        "个人申请：上班 = 希望上（该）班，休息 = 希望休息（或不上该班）",
    ),
    "team.readme.pinned": (
        "fixed assignments (empty shift = fixed day off)",
        "固定排班（班次留空 = 固定休息）",
    ),
    "team.readme.history": (
        "last days of the previous month (empty shift = day off)",
        "上月最后几天的排班（班次留空 = 休息）",
    ),
    "team.readme.demand": (
        "people wanted per shift per day: a date, a weekday, or every day",
        "每个班次每天需要的人数：按日期、按星期或每天",
    ),
    "team.readme.skill_cover": (
        "at least N people with a skill on each shift or in a daily time window",
        "每个班次或每天某时段至少 N 名具备某技能的人员",
    ),
    "team.readme.lists": ("values offered by the dropdowns", "下拉列表的可选值"),
}
