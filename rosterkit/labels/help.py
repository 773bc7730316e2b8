"""Command-line help: every command's text and every option's ``help=``, in English and Chinese.

Keys: ``help.<command path>`` for a command (``help.roster``, ``help.forecast.backtest``; the group
itself is ``help.rosterkit``) and ``help.<command path>.<parameter name>`` for an option, by its
Python parameter name (``help.roster.time_limit``). Options shared by the ``forecast`` subcommands
(``history_options``) are keyed once under ``help.forecast.<name>``. The decorators in
``rosterkit/cli`` read these texts; ``rosterkit.cli.help_text.localise_help`` re-applies them once
``--lang`` is known.

Texts are click help: a paragraph after a line holding only ``\\b`` is printed as written (no
rewrapping). Chinese paragraphs are one line each (click joins a paragraph's lines with a space), and
keep commands, option names, file names and examples verbatim (``rosterkit.cli.help_text`` wraps
Chinese between characters, never inside an option or file name).
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- the group -----------------------------------------------------------------------------
    "help.rosterkit": (
        """rosterkit: call-centre forecasting, staffing, duty rosters and attendance.

\b
呼叫中心话务预测、人员需求、排班表与考勤核对。
Pipeline:  forecast -> staff -> roster -> check -> attendance
Try:       rosterkit demo --out demo-output""",
        """rosterkit：呼叫中心话务预测、人员需求测算、排班与考勤核对。

\b
Call-centre forecasting, staffing, duty rosters and attendance.
流程：  forecast -> staff -> roster -> check -> attendance
试试：  rosterkit demo --out demo-output""",
    ),
    "help.rosterkit.lang": (
        "Language of labels and reports (default: the system locale).",
        "界面、报表和帮助的语言（默认：跟随系统区域设置）。",
    ),
    "help.rosterkit.debug": (
        "Show the Python traceback of an error.",
        "出错时显示 Python 调用栈（traceback）。",
    ),
    "help.rosterkit.quiet": (
        "No progress or log lines on stderr.",
        "不在 stderr 上输出进度和日志。",
    ),
    # --- forecast --------------------------------------------------------------------------------
    "help.forecast": (
        """Forecast calls per interval from history; `backtest` scores the methods; `report` writes the
daily / weekly / monthly traffic reports (话务报表).

\b
Example:
  rosterkit forecast history.csv --start 2024-07-01 --end 2024-07-31 --interval 30min -o forecast.csv
  rosterkit forecast backtest history.csv
  rosterkit forecast report history.csv --out reports""",
        """根据历史话务预测每个时段的来电量；`backtest` 给各预测方法打分；`report` 生成日 / 周 / 月话务报表。

\b
示例：
  rosterkit forecast history.csv --start 2024-07-01 --end 2024-07-31 --interval 30min -o forecast.csv
  rosterkit forecast backtest history.csv
  rosterkit forecast report history.csv --out reports""",
    ),
    "help.forecast.options_section": (
        "Options of `rosterkit forecast HISTORY`",
        "`rosterkit forecast HISTORY` 的选项",
    ),
    "help.forecast.make": (
        """Forecast calls per interval from HISTORY.

\b
Example:
  rosterkit forecast history.csv --start 2024-07-01 --end 2024-07-31 --interval 30min --level 80 -o forecast.csv""",
        """根据历史话务 HISTORY 预测每个时段的来电量。

\b
示例：
  rosterkit forecast history.csv --start 2024-07-01 --end 2024-07-31 --interval 30min --level 80 -o forecast.csv""",
    ),
    "help.forecast.interval": (
        "Interval length: 15min, 30min, 1h.",
        "时段长度：15min、30min、1h。",
    ),
    "help.forecast.country": (
        "Holiday calendar: CN, US, ... or none.",
        "节假日日历：CN、US 等，或 none（不用节假日）。",
    ),
    "help.forecast.special_days": (
        "CSV 'date,kind' (closed, special, holiday, workday, rest, makeup).",
        "特殊日期 CSV，列为 'date,kind'（kind 取 closed、special、holiday、workday、rest、makeup）。",
    ),
    "help.forecast.timestamp_column": (
        "History column holding the timestamp (default: found by name).",
        "历史数据中的时间列（默认：按列名自动识别）。",
    ),
    "help.forecast.calls_column": (
        "History column holding the count (default: found by name).",
        "历史数据中的来电量列（默认：按列名自动识别）。",
    ),
    "help.forecast.aht_column": (
        "History column holding handle time in seconds (default: by name).",
        "历史数据中的处理时长列，单位秒（默认：按列名自动识别）。",
    ),
    "help.forecast.sheet": (
        "Workbook sheet holding the history (default: the first).",
        "历史数据所在的工作表（默认：第一个）。",
    ),
    "help.forecast.records": (
        "Each row is one call (no count column).",
        "每行是一通来电（没有来电量列）。",
    ),
    "help.forecast.make.start": (
        "First day to forecast (YYYY-MM-DD).",
        "预测的第一天（YYYY-MM-DD）。",
    ),
    "help.forecast.make.end": (
        "Last day to forecast (YYYY-MM-DD), inclusive.",
        "预测的最后一天（YYYY-MM-DD），含当天。",
    ),
    "help.forecast.make.output": (
        "forecast.csv to write.",
        "要写出的 forecast.csv。",
    ),
    "help.forecast.make.method": (
        "Forecasting method; auto picks by rolling-origin backtest on the history.",
        "预测方法；auto 表示在历史数据上做滚动起点回测，自动选最好的方法。",
    ),
    "help.forecast.make.level": (
        "Add calls_lo / calls_hi: a prediction interval of this %.",
        "增加 calls_lo / calls_hi 两列：该百分比的预测区间。",
    ),
    "help.forecast.make.plot": (
        "Also draw history tail + forecast as PNG.",
        "另外把最近的历史和预测画成 PNG 图。",
    ),
    "help.forecast.backtest": (
        """Print each method's WAPE and MASE per rolling origin on HISTORY (stdout, tab-separated).

\b
Example:
  rosterkit forecast backtest history.csv --origins 4 --horizon 14 --country US""",
        """在历史话务 HISTORY 上按每个滚动起点输出各预测方法的 WAPE 和 MASE（写到 stdout，制表符分隔）。

\b
示例：
  rosterkit forecast backtest history.csv --origins 4 --horizon 14 --country US""",
    ),
    "help.forecast.backtest.origins": (
        "Number of rolling origins.",
        "滚动起点的个数。",
    ),
    "help.forecast.backtest.horizon": (
        "Days forecast from each origin.",
        "每个起点往后预测的天数。",
    ),
    "help.forecast.report": (
        """Write daily / weekly / monthly traffic reports (话务报表) of HISTORY into --out DIR:
traffic_daily.csv, traffic_weekly.csv, traffic_monthly.csv and traffic_report.xlsx.

\b
Example:
  rosterkit forecast report history.csv --out reports""",
        """把历史话务 HISTORY 的日 / 周 / 月话务报表写到 --out DIR：traffic_daily.csv、traffic_weekly.csv、traffic_monthly.csv 和 traffic_report.xlsx。

\b
示例：
  rosterkit forecast report history.csv --out reports""",
    ),
    "help.forecast.report.out_dir": (
        "Folder to write into.",
        "输出文件夹。",
    ),
    # --- staff -----------------------------------------------------------------------------------
    "help.staff": (
        """Agents needed per interval of FORECAST, before and after shrinkage.

\b
Example:
  rosterkit staff forecast.csv --aht 180 --service-level 80 --answer-within 20 --shrinkage 0.3 -o requirements.csv""",
        """根据预测 FORECAST 计算每个时段需要的坐席人数（扣除损耗前和扣除损耗后）。

\b
示例：
  rosterkit staff forecast.csv --aht 180 --service-level 80 --answer-within 20 --shrinkage 0.3 -o requirements.csv""",
    ),
    "help.staff.output": (
        "requirements.csv to write.",
        "要写出的 requirements.csv。",
    ),
    "help.staff.aht": (
        "Average handle time, seconds (default: the forecast's aht_s).",
        "平均处理时长（AHT），单位秒（默认：用预测里的 aht_s）。",
    ),
    "help.staff.service_level": (
        "Percent of calls answered within --answer-within (e.g. 80).",
        "服务水平：在 --answer-within 秒内接起的来电百分比（例如 80）。",
    ),
    "help.staff.answer_within": (
        "Service-level threshold, seconds (3 rings is about 15 s).",
        "服务水平的接听时限，单位秒（响铃 3 声约 15 秒）。",
    ),
    "help.staff.asa": (
        "Target average speed of answer, seconds (instead of or besides --service-level).",
        "目标平均应答时间（ASA），单位秒（可代替 --service-level，也可同时使用）。",
    ),
    "help.staff.shrinkage": (
        "Fraction of paid time off the phones (breaks, training, leave).",
        "损耗率：带薪但不在线接听的时间比例（休息、培训、请假），例如 0.3。",
    ),
    "help.staff.max_occupancy": (
        "Maximum occupancy, percent (e.g. 85).",
        "最高占用率，百分比（例如 85）。",
    ),
    "help.staff.min_agents": (
        "Minimum agents on the phones in every interval with calls.",
        "每个有来电的时段至少在线的坐席人数。",
    ),
    "help.staff.patience": (
        "Mean caller patience, seconds: use Erlang A (abandonment).",
        "来电者平均耐心时长，单位秒：使用 Erlang A（考虑放弃呼叫）。",
    ),
    "help.staff.interval": (
        "Interval length when the forecast has one row (default: its spacing, else 30min).",
        "预测只有一行时的时段长度（默认：按预测的时间间隔，否则 30min）。",
    ),
    "help.staff.use_upper": (
        "Staff for the forecast's upper bound calls_hi (forecast --level).",
        "按预测上限 calls_hi 配置人数（需 forecast --level）。",
    ),
    # --- roster ----------------------------------------------------------------------------------
    "help.roster": (
        """Solve the duty roster (排班) of TEAM (team workbook .xlsx or .toml) with CP-SAT.

\b
Example:
  rosterkit roster examples/team.xlsx --out out --time-limit 30 --workers 2 --seed 0
  rosterkit roster team.xlsx --out out --repair-from 2026-03-12 --previous out/roster.csv
Python:
  from rosterkit.solver.solve import make_roster, SolveOptions
  result = make_roster(read_team(path), SolveOptions(time_limit_s=30))""",
        """用 CP-SAT 为团队 TEAM（团队工作簿 .xlsx 或 .toml）排出本月排班表。

\b
示例：
  rosterkit roster examples/team.xlsx --out out --time-limit 30 --workers 2 --seed 0
  rosterkit roster team.xlsx --out out --repair-from 2026-03-12 --previous out/roster.csv
Python 调用：
  from rosterkit.solver.solve import make_roster, SolveOptions
  result = make_roster(read_team(path), SolveOptions(time_limit_s=30))""",
    ),
    "help.roster.out_dir": (
        "Folder for roster.xlsx, roster.csv and summary.json.",
        "写出 roster.xlsx、roster.csv 和 summary.json 的文件夹。",
    ),
    "help.roster.time_limit": (
        "Seconds of search. Reproducible runs stop on CP-SAT's deterministic clock, calibrated to about this many seconds here (a large month may take a quarter longer); on a loaded machine the search may take up to twice as long (use --nondeterministic for a hard wall-clock limit).",
        "求解时间，单位秒。可复现的运行按 CP-SAT 的确定性时钟停止，本机上大约就是这么多秒（大的月份可能多用约四分之一）；机器繁忙时可能用到两倍时间（要严格按实际时间截止，请加 --nondeterministic）。",
    ),
    "help.roster.workers": (
        "CP-SAT workers.",
        "CP-SAT 并行线程数。",
    ),
    "help.roster.seed": (
        "Random seed (same seed and workers: same roster).",
        "随机种子（种子和线程数相同，排班表就相同）。",
    ),
    "help.roster.month": (
        "Solve this month (YYYY-MM) instead of the team file's period.",
        "排这个月（YYYY-MM），而不是团队文件里的周期。",
    ),
    "help.roster.requirements": (
        "requirements.csv from `rosterkit staff` (interval coverage).",
        "`rosterkit staff` 生成的 requirements.csv（各时段的人数覆盖要求）。",
    ),
    "help.check.requirements": (
        "The requirements.csv the roster was solved with, to judge interval coverage too.",
        "排班时用的 requirements.csv，一并检查各时段的人数覆盖。",
    ),
    "help.roster.repair_from": (
        "Repair mode: re-solve from this day (YYYY-MM-DD), days before kept.",
        "调整模式：从这一天（YYYY-MM-DD）起重新排班，之前的日子保持不变。",
    ),
    "help.roster.previous": (
        "Repair mode: the roster to repair (roster.csv or roster.xlsx).",
        "调整模式：要调整的原排班表（roster.csv 或 roster.xlsx）。",
    ),
    "help.roster.change_weight": (
        "Repair mode: cost of each changed day.",
        "调整模式：每改动一天班次的代价。",
    ),
    "help.roster.summary_path": (
        "Also write summary.json here.",
        "另外把 summary.json 写到这里。",
    ),
    "help.roster.nondeterministic": (
        "Use all workers in parallel (faster, not reproducible).",
        "所有线程并行求解（更快，但结果不可复现）。",
    ),
    # --- check -----------------------------------------------------------------------------------
    "help.check": (
        """Check ROSTER (roster.xlsx or roster.csv) against every rule of TEAM, without the solver.

Lists hard violations and soft penalties on stdout; exit 4 when a hard rule is broken.

\b
Example:
  rosterkit check out/roster.xlsx examples/team.xlsx
  rosterkit check out/roster.xlsx examples/team.xlsx --requirements requirements.csv
Python:
  from rosterkit.solver.check import check
  report = check(roster, team)   # report.violations, report.penalties, report.cost""",
        """按团队 TEAM 的全部规则检查排班表 ROSTER（roster.xlsx 或 roster.csv），不运行求解器。

在 stdout 列出违反的硬性规则和软性规则的扣分；违反硬性规则时退出码为 4。

\b
示例：
  rosterkit check out/roster.xlsx examples/team.xlsx
  rosterkit check out/roster.xlsx examples/team.xlsx --requirements requirements.csv
Python 调用：
  from rosterkit.solver.check import check
  report = check(roster, team)   # report.violations, report.penalties, report.cost""",
    ),
    # --- attendance ------------------------------------------------------------------------------
    "help.attendance": (
        """Reconcile the month's punches (ZKTeco, DingTalk, WeCom or csv exports) against the roster.

ROSTER is the roster.csv (or roster.xlsx) that `rosterkit roster` wrote, or the one the month
was worked to; PUNCHES are one or more exports, each recognised by its header row.

Writes attendance.xlsx (月度汇总, daily detail, exceptions, punch accounting) and daily.csv into
--out. Every punch is matched to a shift, flagged as work outside the roster, or listed as
unmatched with the reason; the counts add up to the input rows.

\b
Example (the example centre's month, from the repository root):
  rosterkit attendance examples/roster-worked.csv examples/punches-zkteco.xlsx \\
      examples/punches-dingtalk.xlsx --leave examples/leave.xlsx \\
      --team examples/team.xlsx --out attendance-2026-10""",
        """把本月打卡记录（中控 ZKTeco、钉钉、企业微信导出或 csv）与排班表核对。

ROSTER 是 `rosterkit roster` 写出的 roster.csv（或 roster.xlsx），或本月实际执行的排班表；PUNCHES 是一个或多个打卡导出文件，按表头行自动识别格式。

在 --out 文件夹写出 attendance.xlsx（月度汇总、每日明细、异常、打卡核对）和 daily.csv。每条打卡都会对应到一个班次、标为排班外出勤，或列为未匹配并写明原因；各项条数加起来等于输入行数。

\b
示例（示例中心的一个月，在仓库根目录运行）：
  rosterkit attendance examples/roster-worked.csv examples/punches-zkteco.xlsx \\
      examples/punches-dingtalk.xlsx --leave examples/leave.xlsx \\
      --team examples/team.xlsx --out attendance-2026-10""",
    ),
    "help.attendance.leave_path": (
        "Leave records (xlsx/csv): 工号, 开始, 结束, 类型, 半天, 审批人.",
        "请假记录（xlsx/csv），列为：工号、开始、结束、类型、半天、审批人。",
    ),
    "help.attendance.out_dir": (
        "Folder for attendance.xlsx and daily.csv.",
        "写出 attendance.xlsx 和 daily.csv 的文件夹。",
    ),
    "help.attendance.employees": (
        "Employee list (employee_id,name) to match punches that carry names only.",
        "员工名单（employee_id,name），用来匹配只有姓名的打卡记录。",
    ),
    "help.attendance.team": (
        "Team workbook: its employees' names match punches that carry names only.",
        "团队工作簿：用其中的员工姓名匹配只有姓名的打卡记录。",
    ),
    "help.attendance.settings_path": (
        "Rule settings file (TOML or JSON, AttendanceSettings fields).",
        "考勤规则设置文件（TOML 或 JSON，字段同 AttendanceSettings）。",
    ),
    "help.attendance.country": (
        "Holiday calendar (ISO code, or 'none').",
        "节假日日历（ISO 国家代码，或 'none'）。",
    ),
    "help.attendance.window_before": (
        "Minutes before a shift's start a punch still belongs to it [180].",
        "班次开始前多少分钟内的打卡仍算该班次 [180]。",
    ),
    "help.attendance.window_after": (
        "Minutes after a shift's end a punch still belongs to it [240].",
        "班次结束后多少分钟内的打卡仍算该班次 [240]。",
    ),
    "help.attendance.late_grace": (
        "Late by at most this many minutes is not late [5].",
        "迟到不超过这么多分钟不算迟到 [5]。",
    ),
    "help.attendance.early_grace": (
        "Leaving at most this many minutes early is not early [0].",
        "早走不超过这么多分钟不算早退 [0]。",
    ),
    "help.attendance.serious_late": (
        "Late by this many minutes or more is serious [30].",
        "迟到达到这么多分钟算严重迟到 [30]。",
    ),
    "help.attendance.half_day_absent": (
        "Late + early minutes counting as half a day absent [120].",
        "迟到加早退达到这么多分钟，记旷工半天 [120]。",
    ),
    "help.attendance.absent": (
        "Late + early minutes counting as a whole day absent [240].",
        "迟到加早退达到这么多分钟，记旷工一天 [240]。",
    ),
    "help.attendance.duplicate_seconds": (
        "Punches this close together count once [60].",
        "间隔在这么多秒以内的打卡只算一次 [60]。",
    ),
    "help.attendance.overtime_min": (
        "Overtime shorter than this many minutes is not counted [30].",
        "加班不足这么多分钟不计 [30]。",
    ),
    "help.attendance.overtime_unit": (
        "Overtime is rounded down to units of this many minutes [30].",
        "加班时长按这么多分钟为单位向下取整 [30]。",
    ),
    "help.attendance.overtime_before": (
        "Count early arrival as overtime [yes].",
        "提前到岗计为加班 [yes]。",
    ),
    "help.attendance.overtime_after": (
        "Count staying late as overtime [yes].",
        "下班后留下计为加班 [yes]。",
    ),
    # --- template --------------------------------------------------------------------------------
    "help.template": (
        """Write an empty, fillable team workbook: headers in English and Chinese, dropdown lists,
one example row per sheet, and a README sheet.

\b
Example:
  rosterkit template -o team.xlsx
  rosterkit template --example -o example-team.xlsx
Python:
  from rosterkit.io.template import write_template
  write_template(Path("team.xlsx"))  # read it back: rosterkit.io.team.read_team(path)""",
        """生成一个空白、可填写的团队工作簿：中英文表头、下拉选项、每个工作表一行示例，以及一个 README 说明页。

\b
示例：
  rosterkit template -o team.xlsx
  rosterkit template --example -o example-team.xlsx
Python 调用：
  from rosterkit.io.template import write_template
  write_template(Path("team.xlsx"))  # 读回：rosterkit.io.team.read_team(path)""",
    ),
    "help.template.output": (
        "Where to write it: .xlsx (the workbook) or .toml (its text twin).",
        "写到哪里：.xlsx（工作簿）或 .toml（内容相同的文本版）。",
    ),
    "help.template.example": (
        "Write the filled example centre (60 agents, 2026-10) instead.",
        "改为写出已填好的示例中心（60 名坐席，2026-10）。",
    ),
    "help.template.month": (
        "Month of the empty template (default: next month).",
        "空白模板的月份（默认：下个月）。",
    ),
    "help.template.force": (
        "Replace the output file if it exists.",
        "输出文件已存在时覆盖它。",
    ),
    # --- import ----------------------------------------------------------------------------------
    "help.import": (
        """Convert outside data into rosterkit's own team files.

\b
Example:
  rosterkit import curtois Instance1.txt -o instance1.toml
  rosterkit roster instance1.toml --out out --time-limit 60 --workers 2""",
        """把外部数据转换成 rosterkit 自己的团队文件。

\b
示例：
  rosterkit import curtois Instance1.txt -o instance1.toml
  rosterkit roster instance1.toml --out out --time-limit 60 --workers 2""",
    ),
    "help.import.curtois": (
        """Convert a Curtois–Qu benchmark instance (Instance1.txt ... Instance24.txt) into a team file.

Employee ids and shift codes are kept; day 0 becomes Monday 2024-01-01. The ordinary `roster`
command then solves it with the benchmark's objective.

\b
Example:
  rosterkit import curtois Instance1.txt -o instance1.toml""",
        """把 Curtois–Qu 基准算例（Instance1.txt ... Instance24.txt）转换成团队文件。

员工编号和班次代码保持不变；第 0 天对应 2024-01-01（星期一）。之后用普通的 `roster` 命令按基准算例自己的目标函数求解。

\b
示例：
  rosterkit import curtois Instance1.txt -o instance1.toml""",
    ),
    "help.import.curtois.output": (
        "Team file to write: .xlsx (team workbook) or .toml (its text twin).",
        "要写出的团队文件：.xlsx（团队工作簿）或 .toml（内容相同的文本版）。",
    ),
    # --- demo ------------------------------------------------------------------------------------
    "help.demo": (
        """Run forecast -> staff -> roster -> attendance on the example centre and write every file of
the pipeline into --out. Takes about half a minute. The attendance step checks the example
punches against examples/roster-worked.csv, the roster they were worked to.

\b
Example:
  rosterkit demo --out demo-output
Python:
  from rosterkit.pipeline import DemoSettings, run_demo
  run_demo(Path("examples"), Path("demo-output"), DemoSettings(time_limit_s=20))""",
        """在示例中心上依次运行 forecast -> staff -> roster -> attendance，把流程中的每个文件写到 --out。大约需要半分钟。考勤一步把示例打卡记录与 examples/roster-worked.csv（实际执行的排班表）核对。

\b
示例：
  rosterkit demo --out demo-output
Python 调用：
  from rosterkit.pipeline import DemoSettings, run_demo
  run_demo(Path("examples"), Path("demo-output"), DemoSettings(time_limit_s=20))""",
    ),
    "help.demo.out_dir": (
        "Folder for forecast.csv, requirements.csv, roster.xlsx, roster.csv, summary.json, "
        "attendance.xlsx and daily.csv.",
        "写出 forecast.csv、requirements.csv、roster.xlsx、roster.csv、summary.json、"
        "attendance.xlsx 和 daily.csv 的文件夹。",
    ),
    "help.demo.examples_dir": (
        "Folder holding the example centre's files (made by examples/generate.py).",
        "示例中心文件所在的文件夹（由 examples/generate.py 生成）。",
    ),
    "help.demo.examples_dir.default": (
        "the checkout's examples/",
        "代码目录下的 examples/",
    ),
    "help.demo.time_limit": (
        "Roster solver seconds.",
        "排班求解时间，单位秒。",
    ),
    "help.demo.workers": (
        "Roster solver threads.",
        "排班求解线程数。",
    ),
    "help.demo.seed": (
        "Roster solver random seed.",
        "排班求解的随机种子。",
    ),
}
