"""Error messages (English, 中文): what is wrong (``err.<area>.<what>``) and how to fix it (``….fix``).

Every ``InputError`` outside the team workbook (whose messages live in ``labels/team.py`` as
``team.err.*`` / ``team.fix.*``) takes its problem and fix text from here, so a ``--lang zh`` user
reads the whole message in Chinese. Both texts of an entry take the same ``{fields}``
(tests/foundation/test_error_catalogue.py checks it), so formatting never fails in one language.
"""

LABELS: dict[str, tuple[str, str]] = {
    # ---- how a location and a message are put together (rosterkit/errors.py) ----------------------
    "err.loc.file": ("{file}", "文件 {file}"),
    "err.loc.sheet": ("sheet '{sheet}'", "工作表 '{sheet}'"),
    "err.loc.row": ("row {row}", "第 {row} 行"),
    "err.loc.column": ("column '{column}'", "列 '{column}'"),
    "err.loc.join": (", ", "，"),
    "err.located": ("{where}: {problem}", "{where}：{problem}"),
    "err.with_fix": ("{problem} {fix}", "{problem}{fix}"),
    "err.report": ("{prefix}: {message}", "{prefix}：{message}"),  # how cli/main.py shows an error
    "err.aborted": ("Aborted.", "已中止。"),
    "err.sentence": ("{text}.", "{text}。"),  # a reason from elsewhere (a library, pydantic), as a sentence
    # ---- shared fixes -------------------------------------------------------------------------------
    "err.fix.fill_in": ("Fill it in.", "请填写。"),
    "err.fix.fix_row": ("Correct or delete that row.", "请更正或删除该行。"),
    "err.fix.check_path": ("Check the path.", "请检查路径。"),
    # ---- files in general (io/atomic, io/csv_text, io/sheet_rows) ------------------------------------
    "err.io.overwrite_input": ("this output would overwrite an input file.", "此输出会覆盖一个输入文件。"),
    "err.io.overwrite_input.fix": (
        "Choose another output path (-o / --out); rosterkit never overwrites its inputs.",
        "请换一个输出路径（-o / --out）；rosterkit 不会覆盖输入文件。",
    ),
    "err.io.encoding": (
        "the file is neither UTF-8 nor GB18030 text.",
        "文件既不是 UTF-8 也不是 GB18030 编码的文本。",
    ),
    "err.io.encoding.fix": (
        "Save it from Excel as 'CSV UTF-8' (or as .xlsx) and try again.",
        "请在 Excel 中另存为“CSV UTF-8”（或 .xlsx）后重试。",
    ),
    "err.io.bad_csv": ("not a readable CSV table ({detail}).", "无法读取为 CSV 表格（{detail}）。"),
    "err.io.not_found": ("file not found.", "找不到文件。"),
    "err.io.folder": ("this is a folder, not a file.", "这是文件夹，不是文件。"),
    "err.io.folder.fix": ("Give the path of a file in that folder.", "请给出该文件夹中某个文件的路径。"),
    "err.io.bad_workbook": ("cannot read this workbook ({detail}).", "无法读取此工作簿（{detail}）。"),
    "err.io.bad_workbook.fix": (
        "Open it in Excel and save it again as .xlsx.",
        "请用 Excel 打开后重新另存为 .xlsx。",
    ),
    "err.io.no_header": (
        "this {what} has no header row with the column(s) {wanted}.",
        "此{what}没有包含这些列的表头行：{wanted}。",
    ),
    "err.io.no_header.fix": (
        "Add the missing column(s) to the header row. Expected columns: {columns}.",
        "请在表头行中补上缺少的列。应有的列：{columns}。",
    ),
    "err.io.column_or": ("'{column}' (or {names})", "'{column}'（或 {names}）"),
    # the kinds of file read_keyed_table looks for
    "err.what.roster": ("roster", "排班表"),
    "err.what.leave_file": ("leave file", "请假文件"),
    "err.what.employee_list": ("employee list", "员工名单"),
    # ---- employee lists (io/employee_list, io/roster_table) ----------------------------------------
    "err.emp.empty_id": ("the employee id is empty.", "工号为空。"),
    "err.emp.twice": ("employee id '{id}' is listed twice.", "工号 '{id}' 出现了两次。"),
    "err.emp.twice.fix": ("Keep one row per employee.", "每名员工只保留一行。"),
    # ---- roster files (io/roster_csv, io/roster_table, io/roster_workbook, cli/check) ---------------
    "err.roster.not_found.fix": ("Check the path of the roster.", "请检查排班表的路径。"),
    "err.roster.empty_file": ("the roster file is empty.", "排班表文件是空的。"),
    "err.roster.empty_file.fix": (
        "Pass roster.csv as written by `rosterkit roster`.",
        "请提供由 `rosterkit roster` 生成的 roster.csv。",
    ),
    "err.roster.lacks_columns": (
        "the header row lacks the column(s) {missing}.",
        "表头行缺少这些列：{missing}。",
    ),
    "err.roster.lacks_columns.fix": (
        "Use the columns {columns} (as `rosterkit roster` writes them).",
        "请使用这些列：{columns}（与 `rosterkit roster` 生成的一致）。",
    ),
    "err.roster.not_date": ("date {value} is not a date.", "日期 {value} 不是有效日期。"),
    "err.roster.not_date.fix": ("Write dates as YYYY-MM-DD.", "日期请写作 YYYY-MM-DD。"),
    "err.roster.unknown_shift": (
        "shift {value} is not defined (defined: {known}).",
        "班次 {value} 未定义（已定义：{known}）。",
    ),
    "err.roster.unknown_shift.fix": (
        "Use a shift code of the team, a leave code, or leave the cell empty for a day off.",
        "请填写团队的班次代码或请假代码；休息日请留空。",
    ),
    "err.roster.no_rows": ("the roster has no rows.", "排班表没有任何数据行。"),
    "err.roster.no_rows.fix": ("Pass a roster with at least one day.", "请提供至少包含一天的排班表。"),
    "err.roster.no_rows.month_fix": ("Pass the roster.csv of the month.", "请提供该月的 roster.csv。"),
    "err.roster.too_long": ("the roster spans more than 400 days.", "排班表跨度超过 400 天。"),
    "err.roster.too_long.fix": ("Check the dates.", "请检查日期。"),
    "err.roster.empty_date": ("the date is empty.", "日期为空。"),
    "err.roster.empty_date.fix": ("Fill it in as YYYY-MM-DD.", "请按 YYYY-MM-DD 填写。"),
    "err.roster.second_row": (
        "a second row for employee '{id}' on {date}.",
        "员工 '{id}' 在 {date} 有第二行。",
    ),
    "err.roster.second_row.fix": (
        "Keep one row per employee per day (at most one shift a day).",
        "每名员工每天只保留一行（每天最多一个班次）。",
    ),
    "err.roster.no_time": (
        "shift '{shift}' has no {column} time, and it is not a leave code.",
        "班次 '{shift}' 没有{column}时间，也不是请假代码。",
    ),
    "err.roster.when.start": ("start", "开始"),
    "err.roster.when.end": ("end", "结束"),
    "err.roster.no_time.fix": (
        "Give the shift's start and end (YYYY-MM-DD HH:MM), or write a leave code: {known}.",
        "请填写班次的开始和结束时间（YYYY-MM-DD HH:MM），或填写请假代码：{known}。",
    ),
    "err.roster.backwards": (
        "the shift ends ({end}) before it starts ({start}).",
        "班次的结束时间（{end}）早于开始时间（{start}）。",
    ),
    "err.roster.backwards.fix": (
        "A shift that crosses midnight ends on the next date.",
        "跨零点的班次，结束日期应为第二天。",
    ),
    "err.roster.workbook_not_found.fix": (
        "Check the path of the roster workbook.",
        "请检查排班工作簿的路径。",
    ),
    "err.roster.bad_workbook": ("cannot read the workbook ({detail}).", "无法读取工作簿（{detail}）。"),
    "err.roster.bad_workbook.fix": (
        "Save it again from Excel as .xlsx, or pass roster.csv.",
        "请用 Excel 重新另存为 .xlsx，或改用 roster.csv。",
    ),
    "err.roster.no_header": (
        "no header row with '{column}' in column A.",
        "A 列中找不到含 '{column}' 的表头行。",
    ),
    "err.roster.no_header.fix": (
        "Keep the header rows of the roster workbook as `rosterkit roster` wrote them.",
        "请保留 `rosterkit roster` 生成的排班工作簿表头行，不要改动。",
    ),
    "err.roster.no_dates": ("no date columns in the header row.", "表头行中没有日期列。"),
    "err.roster.no_dates.fix": (
        "Keep the dates in the header row as `rosterkit roster` wrote them.",
        "请保留 `rosterkit roster` 生成的表头日期，不要改动。",
    ),
    "err.roster.bad_code": (
        "{value} is neither a shift code ({known}) nor a leave code.",
        "{value} 既不是班次代码（{known}），也不是请假代码。",
    ),
    "err.roster.bad_code.fix": (
        "Write a shift code of the team, a leave code (e.g. annual, 年假), or leave the cell empty.",
        "请填写团队的班次代码、请假代码（如 年假、annual），或留空。",
    ),
    "err.roster.not_in_legend": (
        "shift(s) {codes} are not in the workbook's legend, so their times are unknown.",
        "班次 {codes} 不在工作簿的图例中，无法得知其上下班时间。",
    ),
    "err.roster.not_in_legend.fix": (
        "Add them to the legend sheet (code, name, start, end) or pass roster.csv.",
        "请在图例工作表中补上这些班次（代码、名称、开始、结束），或改用 roster.csv。",
    ),
    "err.roster.strangers": (
        "employee(s) {ids} of the roster are not in the team.",
        "排班表中的员工 {ids} 不在团队中。",
    ),
    "err.roster.strangers.fix": (
        "Add them to the team file {team} or remove them from the roster.",
        "请把他们加入团队文件 {team}，或从排班表中删除。",
    ),
    # ---- call history and forecast files (io/history, io/forecast_files) ----------------------------
    "err.hist.csv.fix": (
        "Give a CSV with a header row, e.g. 'timestamp,calls', one row per interval or per call.",
        "请提供带表头行的 CSV，如 'timestamp,calls'，每个时段或每通来电一行。",
    ),
    "err.hist.bad_sheet.fix": (
        "Give an .xlsx file with the history on its first sheet (or name it with --sheet).",
        "请提供历史数据在第一个工作表上的 .xlsx 文件（或用 --sheet 指定工作表）。",
    ),
    "err.hist.not_excel": (
        "not a readable Excel workbook ({detail}).",
        "不是可读取的 Excel 工作簿（{detail}）。",
    ),
    "err.hist.not_excel.fix": (
        "Save the history as .xlsx or .csv (UTF-8) and try again.",
        "请将历史数据另存为 .xlsx 或 .csv（UTF-8）后重试。",
    ),
    "err.hist.no_such_column": (
        "there is no column '{given}' (columns: {columns}).",
        "没有 '{given}' 这一列（现有列：{columns}）。",
    ),
    "err.hist.no_such_column.fix": ("Give one of the columns listed.", "请使用上面列出的某一列。"),
    "err.hist.not_timestamp": (
        "'{value}' is not a timestamp (expected YYYY-MM-DD HH:MM[:SS]).",
        "'{value}' 不是时间（应为 YYYY-MM-DD HH:MM[:SS]）。",
    ),
    "err.hist.not_number": (
        "'{value}' is not a {what} (expected a number of 0 or more).",
        "'{value}' 不是有效的{what}（应为 0 或以上的数字）。",
    ),
    "err.hist.what.calls": ("call count", "来电量"),
    "err.hist.what.duration": ("duration in seconds", "时长（秒）"),
    "err.hist.not_duration": (
        "'{value}' is not a duration (expected seconds, mm:ss or hh:mm:ss).",
        "'{value}' 不是时长（应为秒数、mm:ss 或 hh:mm:ss）。",
    ),
    "err.hist.no_rows": ("the file holds no rows.", "文件中没有数据行。"),
    "err.hist.no_rows.fix": (
        "Give a history with a header row and at least two weeks of data.",
        "请提供带表头行、至少两周数据的历史文件。",
    ),
    "err.hist.no_timestamp": (
        "no timestamp column found (columns: {columns}).",
        "找不到时间列（现有列：{columns}）。",
    ),
    "err.hist.no_timestamp.fix": (
        "Name the column 'timestamp' (or 时间), give both a 'date' and a 'time' column, "
        "or pass --timestamp-column NAME.",
        "请把列命名为“时间”（或 timestamp），或同时提供“日期”和“时刻”两列，或用 --timestamp-column 指定列名。",
    ),
    "err.hist.no_calls": (
        "no count column found (columns: {columns}).",
        "找不到来电量列（现有列：{columns}）。",
    ),
    "err.hist.no_calls.fix": (
        "Name it 'calls' (or 来电量), or pass --calls-column NAME.",
        "请把列命名为“来电量”（或 calls），或用 --calls-column 指定列名。",
    ),
    "err.hist.special_columns": (
        "a special-days file needs the columns 'date' and 'kind' (found: {columns}).",
        "特殊日期文件需要“日期”和“类型”两列（现有列：{columns}）。",
    ),
    "err.hist.special_columns.fix": (
        "Write one row per date, e.g. '2024-10-01,closed'; kinds: {kinds}.",
        "每个日期一行，如 '2024-10-01,closed'；类型可为：{kinds}。",
    ),
    "err.hist.unknown_kind": ("unknown kind '{kind}'.", "未知类型 '{kind}'。"),
    "err.fix.one_of": ("Use one of: {known}.", "请使用以下之一：{known}。"),
    "err.fcfile.csv.fix": (
        "Give the file written by 'rosterkit forecast' / 'rosterkit staff'.",
        "请提供由 'rosterkit forecast' / 'rosterkit staff' 生成的文件。",
    ),
    "err.fcfile.missing": (
        "missing column(s) {missing} (found: {found}).",
        "缺少列 {missing}（现有列：{found}）。",
    ),
    "err.fcfile.missing.fix": (
        "Give a file written by 'rosterkit {made_by}' (columns {columns}).",
        "请提供由 'rosterkit {made_by}' 生成的文件（列：{columns}）。",
    ),
    "err.fcfile.not_number": ("'{value}' is not a number of 0 or more.", "'{value}' 不是 0 或以上的数字。"),
    "err.fcfile.not_number.fix": (
        "Correct the value or re-run the command that wrote the file.",
        "请更正该值，或重新运行生成此文件的命令。",
    ),
    "err.fcfile.not_timestamp": (
        "'{value}' is not a timestamp (expected YYYY-MM-DD HH:MM).",
        "'{value}' 不是时间（应为 YYYY-MM-DD HH:MM）。",
    ),
    "err.fcfile.not_agents": (
        "'{value}' is not a whole number of agents.",
        "'{value}' 不是整数人数。",
    ),
    "err.fcfile.not_agents.fix": ("Give a whole number of 0 or more.", "请填写 0 或以上的整数。"),
    # ---- forecasting and staffing (forecast/*, cli/forecast, cli/staff) -----------------------------
    "err.fc.no_rows": ("the history holds no rows.", "历史数据中没有数据行。"),
    "err.fc.no_rows.fix": ("Give at least two weeks of history.", "请提供至少两周的历史数据。"),
    "err.fc.coarse": (
        "the history has one row every {spacing} min, coarser than the {minutes} min asked for.",
        "历史数据每 {spacing} 分钟一行，比要求的 {minutes} 分钟更粗。",
    ),
    "err.fc.coarse.fix": (
        "Use --interval {spacing}min, or give a history with finer intervals.",
        "请使用 --interval {spacing}min，或提供时段更细的历史数据。",
    ),
    "err.fc.too_short": (
        "the history covers {days} days ({first} to {last}); at least {need} are needed to learn the "
        "weekly pattern.",
        "历史数据只覆盖 {days} 天（{first} 至 {last}）；至少需要 {need} 天才能学到每周规律。",
    ),
    "err.fc.too_short.fix": (
        "Give at least two weeks of history (more is better: 8 weeks or more).",
        "请提供至少两周的历史数据（越多越好，最好 8 周以上）。",
    ),
    "err.fc.country.fix": (
        "Use an ISO country code such as CN or US, or none.",
        "请使用 ISO 国家代码（如 CN、US），或填写 none。",
    ),
    "err.fc.end_before_start": (
        "--end {end} is before --start {start}.",
        "--end {end} 早于 --start {start}。",
    ),
    "err.fc.end_before_start.fix": (
        "Give an end date on or after the start.",
        "请给出不早于开始日期的结束日期。",
    ),
    "err.fc.too_long": ("the horizon is longer than 400 days.", "预测期超过 400 天。"),
    "err.fc.too_long.fix": ("Forecast at most about a year at a time.", "每次最多预测约一年。"),
    "err.fc.unknown_method": ("unknown method '{method}'.", "未知方法 '{method}'。"),
    "err.fc.unknown_method.fix": ("Use auto or one of: {known}.", "请使用 auto 或以下之一：{known}。"),
    "err.fc.no_usable_day": (
        "no usable day in the history (every day is closed, missing or anomalous).",
        "历史数据中没有可用的日子（每天都是停业、缺失或异常）。",
    ),
    "err.fc.no_usable_day.fix": (
        "Check the history file: it needs at least two weeks of ordinary days.",
        "请检查历史文件：至少需要两周的正常日数据。",
    ),
    "err.fc.not_interval": ("'{text}' is not an interval length.", "'{text}' 不是时段长度。"),
    "err.fc.not_interval.fix": (
        "Write it like 15min, 30min or 1h.",
        "请写成 15min、30min 或 1h 这样的形式。",
    ),
    "err.fc.uneven_interval": (
        "an interval of {minutes} minutes does not divide a day evenly.",
        "{minutes} 分钟的时段不能整除一天。",
    ),
    "err.fc.uneven_interval.fix": (
        "Use a length that divides 24 h, e.g. 5min, 10min, 15min, 30min or 1h.",
        "请使用能整除 24 小时的长度，如 5min、10min、15min、30min 或 1h。",
    ),
    "err.fc.not_date": ("{option} '{text}' is not a date.", "{option} '{text}' 不是日期。"),
    "err.fc.not_date.fix": ("Write it as YYYY-MM-DD.", "请写作 YYYY-MM-DD。"),
    "err.fc.backtest_short": (
        "the history is too short for a {horizon}-day backtest (4 weeks of training are needed "
        "before the first origin).",
        "历史数据太短，无法做 {horizon} 天的回测（第一个起点之前需要 4 周训练数据）。",
    ),
    "err.fc.backtest_short.fix": (
        "Give a longer history, or a shorter --horizon / fewer --origins.",
        "请提供更长的历史数据，或缩短 --horizon / 减少 --origins。",
    ),
    "err.staff.no_upper": (
        "--use-upper needs a '{column}' column, and {source} has none.",
        "--use-upper 需要 '{column}' 列，但 {source} 中没有。",
    ),
    "err.staff.no_upper.fix": (
        "Write the forecast with prediction intervals (rosterkit forecast --level 80).",
        "请生成带预测区间的预测（rosterkit forecast --level 80）。",
    ),
    "err.staff.no_aht": (
        "no handle time: {source} has no '{column}' column.",
        "没有处理时长：{source} 中没有 '{column}' 列。",
    ),
    "err.staff.no_aht.fix": (
        "Give --aht SECONDS (the average handle time), or forecast from a history with handle times.",
        "请用 --aht 秒数 给出平均处理时长，或用含处理时长的历史数据做预测。",
    ),
    "err.staff.aht_zero": ("the average handle time must be above 0 s.", "平均处理时长必须大于 0 秒。"),
    "err.staff.aht_zero.fix": ("Give --aht SECONDS above 0.", "请用 --aht 给出大于 0 的秒数。"),
    "err.staff.no_target": ("no target given.", "未给出服务目标。"),
    "err.staff.no_target.fix": (
        "Give --service-level PERCENT (with --answer-within SECONDS) and/or --asa SECONDS.",
        "请给出 --service-level 百分比（配合 --answer-within 秒数）和/或 --asa 秒数。",
    ),
    # ---- leave files (io/leave_file) -----------------------------------------------------------------
    "err.leave.unknown_choice": ("unknown {what} '{text}'.", "未知的{what} '{text}'。"),
    "err.leave.what.half_day": ("half day", "半天"),
    "err.leave.what.approver": ("approver", "审批人"),
    "err.leave.half_day.fix": (
        "Write am/上午 or pm/下午, or leave it empty for whole days.",
        "请填写 上午/am 或 下午/pm；全天请假请留空。",
    ),
    "err.leave.approver.fix": (
        "Write team_lead (班长) or manager (经理), or leave it empty.",
        "请填写 班长（team_lead）或 经理（manager），或留空。",
    ),
    "err.leave.no_id_column": (
        "the leave file has neither an employee_id (工号) nor a name (姓名) column.",
        "请假文件中既没有“工号”（employee_id）列，也没有“姓名”（name）列。",
    ),
    "err.leave.no_id_column.fix": ("Add a column employee_id (工号).", "请添加“工号”（employee_id）列。"),
    "err.leave.name_unknown": (
        "no employee id, and the name '{name}' is not in the employee list.",
        "没有工号，且姓名 '{name}' 不在员工名单中。",
    ),
    "err.leave.name_ambiguous": (
        "no employee id, and the name '{name}' is ambiguous ({ids}).",
        "没有工号，且姓名 '{name}' 对应多人（{ids}）。",
    ),
    "err.leave.name.fix": ("Write the employee id (工号).", "请填写工号。"),
    "err.leave.unknown_type": ("unknown leave type '{text}'.", "未知的请假类型 '{text}'。"),
    "err.leave.empty_start": ("the start date is empty.", "开始日期为空。"),
    "err.leave.bad_dates.fix": ("Correct the dates.", "请更正日期。"),
    # ---- punch files (io/punches, io/punch_formats, io/punch_times) ---------------------------------
    "err.punch.unknown_format": (
        "unknown punch format: no header row of a known export in the first 30 rows.{closest}",
        "无法识别的打卡格式：前 30 行中没有已知导出格式的表头行。{closest}",
    ),
    "err.punch.closest_missing": (
        " Closest: {format}, missing column {columns}.",
        "最接近的是 {format}，缺少列 {columns}。",
    ),
    "err.punch.closest_marks": (
        " Closest: {format}, but its other marks are missing.",
        "最接近的是 {format}，但缺少它的其他标志。",
    ),
    "err.punch.unknown_format.fix": (
        "Known formats: {known}. Export the raw punch records, or write a csv with columns "
        "employee_id,timestamp[,direction].",
        "已知格式：{known}。请导出原始打卡记录，或写一个包含 employee_id,timestamp[,direction] 列的 csv。",
    ),
    "err.punch.no_file": ("no punch file given.", "没有提供打卡文件。"),
    "err.punch.no_file.fix": ("Name at least one punch export.", "请至少提供一个打卡导出文件。"),
    "err.punch.no_clock": (
        "found no timestamp column (timestamp/日期时间) and no time column (打卡时间/时间).",
        "找不到日期时间列（日期时间/timestamp），也找不到时间列（打卡时间/时间）。",
    ),
    "err.punch.no_clock.fix": (
        "Export the punches with their date and time.",
        "请导出带日期和时间的打卡记录。",
    ),
    "err.punch.no_month": (
        "this looks like a DingTalk 打卡时间 sheet, but the month of its day columns is unknown.",
        "这像是钉钉的“打卡时间”表，但无法确定各日期列属于哪个月。",
    ),
    "err.punch.no_month.fix": (
        "Keep the export's title row (统计日期 2024-01-01 至 ...) or write full dates as column headers.",
        "请保留导出文件的标题行（统计日期 2024-01-01 至 ...），或用完整日期作列标题。",
    ),
    "err.punch.unreadable": (
        "cannot read {value} as a {what} ({count} such {cells} in this column).",
        "无法把 {value} 读作{what}（此列共有 {count} 个这样的{cells}）。",
    ),
    "err.punch.what.date": ("date", "日期"),
    "err.punch.what.timestamp": ("timestamp", "日期时间"),
    "err.punch.cell": ("cell", "单元格"),
    "err.punch.cells": ("cells", "单元格"),
    "err.punch.unreadable.fix": (
        "Write it as {pattern} (or format the column as date/time in Excel).",
        "请写作 {pattern}（或在 Excel 中把该列设为日期/时间格式）。",
    ),
    "err.punch.no_date": ("the time {value} has no date.", "时间 {value} 没有日期。"),
    "err.punch.no_date.fix": ("Fill in the date column for this row.", "请填写这一行的日期列。"),
    # ---- attendance settings (io/attendance_settings, cli/attendance) -------------------------------
    "err.att.setting": ("{name}: {detail}.", "{name}：{detail}。"),
    "err.att.extra": ("Extra inputs are not permitted", "不是已知的设置项"),  # English as pydantic says it
    "err.att.setting.fix": ("Known settings: {known}.", "可用的设置项：{known}。"),
    "err.att.bad_settings": (
        "cannot parse this settings file ({detail}).",
        "无法解析此设置文件（{detail}）。",
    ),
    "err.att.bad_settings.fix": ("Correct the syntax.", "请更正语法。"),
    "err.att.not_table": (
        "the settings file must hold a table of settings.",
        "设置文件必须是一张设置项表。",
    ),
    "err.att.not_table.fix": (
        "Write one setting per line, e.g. late_grace_minutes = 5.",
        "请每行写一个设置项，如 late_grace_minutes = 5。",
    ),
    "err.att.country.fix": (
        "Use an ISO country code such as CN, or 'none' for weekends only.",
        "请使用 ISO 国家代码（如 CN），只按周末休息请填 none。",
    ),
    # ---- roster command and repair (cli/roster, solver/repair) --------------------------------------
    "err.cli.not_month": ("--month {value} is not a month.", "--month {value} 不是月份。"),
    "err.cli.not_month.fix": ("Write it as YYYY-MM, e.g. 2026-03.", "请写作 YYYY-MM，如 2026-03。"),
    "err.cli.repair_pair": (
        "--repair-from and --previous go together.",
        "--repair-from 和 --previous 必须一起使用。",
    ),
    "err.cli.repair_pair.fix": (
        "Give both: the day to repair from and the roster to repair.",
        "请同时给出：从哪天开始修补，以及要修补的排班表。",
    ),
    "err.cli.no_overlap": (
        "no interval of the requirements ({span}) falls in the roster period {start} .. {end}.",
        "人员需求的时段（{span}）都不在排班期 {start} .. {end} 之内。",
    ),
    "err.cli.no_overlap.fix": (
        "Run `rosterkit staff` on a forecast of the roster period, or choose the period with --month.",
        "请用排班期的预测运行 `rosterkit staff`，或用 --month 选择排班期。",
    ),
    "err.repair.outside": (
        "the repair day {day} is outside the roster's period {start} to {end}.",
        "修补日期 {day} 不在排班期 {start} 至 {end} 之内。",
    ),
    "err.repair.outside.fix": ("Give a date inside the month being repaired.", "请给出要修补月份内的日期。"),
    "err.repair.unknown_shift": (
        "the previous roster has shift {code} for {id} on {day}, which the team does not define.",
        "原排班表中 {id} 在 {day} 的班次 {code} 在团队中没有定义。",
    ),
    "err.repair.unknown_shift.fix": (
        "Use the roster written for this team, or add the shift to the team.",
        "请使用为本团队生成的排班表，或在团队中添加该班次。",
    ),
    # ---- infeasibility diagnosis (solver/explain): a leave rule instance with the leave named ------
    "err.infeasible.leave": ("{leave} leave {start} to {end}", "{leave} {start} 至 {end}"),
    "err.infeasible.half_leave": ("{leave} leave on {start} ({half})", "{start} {leave}（{half}）"),
    # ---- demo (pipeline) ------------------------------------------------------------------------------
    "err.demo.missing": ("the example files {names} are missing.", "缺少示例文件 {names}。"),
    "err.demo.missing.fix": (
        "Run `python examples/generate.py` in the rosterkit checkout to create them.",
        "请在 rosterkit 源码目录中运行 `python examples/generate.py` 生成它们。",
    ),
    # ---- why pydantic refused a value (io/reasons.py); English is pydantic's own sentence -------------
    "err.pyd.greater_than_equal": ("Input should be greater than or equal to {ge}", "应大于或等于 {ge}"),
    "err.pyd.greater_than": ("Input should be greater than {gt}", "应大于 {gt}"),
    "err.pyd.less_than_equal": ("Input should be less than or equal to {le}", "应小于或等于 {le}"),
    "err.pyd.less_than": ("Input should be less than {lt}", "应小于 {lt}"),
    "err.pyd.int_parsing": ("Input should be a valid integer", "应为整数"),
    "err.pyd.int_type": ("Input should be a valid integer", "应为整数"),
    "err.pyd.int_from_float": ("Input should be a valid integer", "应为整数，不能有小数"),
    "err.pyd.float_parsing": ("Input should be a valid number", "应为数字"),
    "err.pyd.float_type": ("Input should be a valid number", "应为数字"),
    "err.pyd.bool_parsing": ("Input should be a valid boolean", "应为 是/否（yes/no）"),
    "err.pyd.bool_type": ("Input should be a valid boolean", "应为 是/否（yes/no）"),
    "err.pyd.date_parsing": ("Input should be a valid date", "应为日期（YYYY-MM-DD）"),
    "err.pyd.date_from_datetime_parsing": ("Input should be a valid date", "应为日期（YYYY-MM-DD）"),
    "err.pyd.time_parsing": ("Input should be in a valid time format", "应为时间（HH:MM）"),
    "err.pyd.enum": ("Input should be {expected}", "应为 {expected}"),
    "err.pyd.literal_error": ("Input should be {expected}", "应为 {expected}"),
    "err.pyd.string_too_short": (
        "String should have at least {min_length} character(s)",
        "至少应有 {min_length} 个字符",
    ),
    "err.pyd.string_type": ("Input should be a valid string", "应为文字"),
    # ---- solver facts (solver/facts.py; the lead swaps its call sites to these keys) ---------------
    "err.facts.unknown_rule": ("unknown rule {rule}.", "未知规则 {rule}。"),
    "err.facts.unknown_shift": (
        "{what}: shift {code} is not defined (defined: {known}).",
        "{what}：班次 {code} 未定义（已定义：{known}）。",
    ),
    "err.facts.unknown_shift.fix": (
        "Add it to the shifts or correct the code.",
        "请在班次中添加，或更正代码。",
    ),
    "err.facts.unknown_employee": (
        "{what}: employee {id} is not in the team.",
        "{what}：员工 {id} 不在团队中。",
    ),
    "err.facts.unknown_employee.fix": ("Add the employee or correct the id.", "请添加该员工，或更正工号。"),
    "err.facts.what.pinned": ("pinned assignment", "固定排班"),
    "err.facts.what.pinned_on": ("pinned assignment of {id} on {date}", "{id} 在 {date} 的固定排班"),
    "err.facts.what.history": ("history", "上月排班"),
    "err.facts.what.history_on": ("history of {id} on {date}", "{id} 在 {date} 的上月排班"),
    "err.facts.what.request": ("request", "申请"),
    "err.facts.what.request_on": ("request of {id} on {date}", "{id} 在 {date} 的申请"),
    "err.facts.what.leave": ("leave", "请假"),
    "err.facts.what.demand": ("demand", "班次需求"),
    "err.facts.what.succession": ("succession", "班次衔接"),
    "err.facts.what.skill_cover": ("skill cover", "技能覆盖"),
    "err.facts.fairness": (
        "rule fairness: measure {measure} is not known.",
        "公平规则：未知的衡量方式 {measure}。",
    ),
    "err.facts.fairness.fix": (
        "Use one of: nights, weekends, holidays, hours.",
        "请使用以下之一：nights、weekends、holidays、hours。",
    ),
    "err.facts.work_hours": (
        "rule work_hours: {param} = {value} is not a number of hours.",
        "工时规则：{param} = {value} 不是小时数。",
    ),
    "err.facts.work_hours.fix": (
        "Give hours (e.g. 174) or 'standard' (21.75 days x 8 h a month).",
        "请填写小时数（如 174），或填 standard（每月 21.75 天 × 8 小时）。",
    ),
    # reasons written by the domain models' validators and the calendar (shown after the location)
    "err.model.break_fits": (
        "break of {minutes} min does not fit in shift {code} ({duration} min)",
        "休息 {minutes} 分钟超出了班次 {code} 的时长（{duration} 分钟）",
    ),
    "err.model.leave_order": (
        "leave ends ({end}) before it starts ({start})",
        "请假结束日期（{end}）早于开始日期（{start}）",
    ),
    "err.model.half_day_one_date": (
        "a half-day leave must start and end on the same date",
        "半天假的开始和结束必须是同一天",
    ),
    "err.model.date_or_weekday": ("give a date or a weekday, not both", "请填写日期或星期几，不要同时填写"),
    "err.model.min_above_max": ("min {min} is above max {max}", "最少人数 {min} 大于最多人数 {max}"),
    "err.model.horizon_order": (
        "the horizon ends ({end}) before it starts ({start})",
        "排班周期结束日期（{end}）早于开始日期（{start}）",
    ),
    "err.model.serious_late": (
        "serious_late_minutes must be greater than late_grace_minutes",
        "严重迟到分钟数（serious_late_minutes）必须大于迟到宽限分钟数（late_grace_minutes）",
    ),
    "err.model.absent_minutes": (
        "absent_minutes must be at least half_day_absent_minutes",
        "旷工分钟数（absent_minutes）不能小于旷工半天分钟数（half_day_absent_minutes）",
    ),
    "err.calendar.country": (
        "no holiday calendar for country code {country}",
        "没有国家代码 {country} 的节假日日历",
    ),
    # ---- Curtois–Qu benchmark instances (io/curtois, `rosterkit import curtois`) ---------------------
    # SECTION_* names, the instance's own field names (MaxTotalMinutes, ...) and its column headers
    # stay as the file writes them.
    "err.curtois.format_hint": (
        "See the format description in the instance's own comment lines (Curtois–Qu benchmark).",
        "格式说明见算例文件自带的注释行（Curtois–Qu 基准）。",
    ),
    "err.curtois.not_found.fix": (
        "Give the path of a Curtois–Qu instance file (e.g. Instance1.txt).",
        "请给出 Curtois–Qu 算例文件的路径（如 Instance1.txt）。",
    ),
    "err.curtois.unreadable": ("cannot read the file ({detail}).", "无法读取该文件（{detail}）。"),
    "err.curtois.unreadable.fix": (
        "Give a plain-text Curtois–Qu instance file.",
        "请提供纯文本格式的 Curtois–Qu 算例文件。",
    ),
    "err.curtois.unknown_section": ("unknown section {section}.", "未知的段 {section}。"),
    "err.curtois.unknown_section.fix": ("Use one of: {sections}.", "请使用以下之一：{sections}。"),
    "err.curtois.section_twice": ("section {section} appears twice.", "段 {section} 出现了两次。"),
    "err.curtois.section_twice.fix": ("Keep one of them.", "请只保留其中一个。"),
    "err.curtois.before_header": (
        "data line {text} before any SECTION_ header.",
        "数据行 {text} 出现在所有 SECTION_ 段标题之前。",
    ),
    "err.curtois.before_header.fix": (
        "Start the file with SECTION_HORIZON (a line of its own).",
        "文件应以 SECTION_HORIZON 开头（单独占一行）。",
    ),
    "err.curtois.missing_sections": ("missing section(s) {missing}.", "缺少段：{missing}。"),
    "err.curtois.missing_sections.fix": (
        "A Curtois–Qu instance has sections {sections}. {hint}",
        "Curtois–Qu 算例包含这些段：{sections}。{hint}",
    ),
    "err.curtois.field_missing": ("{what} is missing (field {field}).", "缺少{what}（第 {field} 个字段）。"),
    "err.curtois.field_missing.fix": ("Add it. {hint}", "请补上。{hint}"),
    "err.curtois.not_whole": (
        "{what} must be a whole number, found {value}.",
        "{what}应为整数，实际为 {value}。",
    ),
    "err.curtois.not_whole.fix": ("Write a whole number.", "请填写整数。"),
    "err.curtois.too_small": (
        "{what} must be at least {minimum}, found {value}.",
        "{what}至少应为 {minimum}，实际为 {value}。",
    ),
    "err.curtois.too_small.fix": ("Correct the value.", "请更正该值。"),
    "err.curtois.fields": (
        "expected {count} comma-separated fields ({header}), found {found}.",
        "应有 {count} 个以逗号分隔的字段（{header}），实际只有 {found} 个。",
    ),
    "err.curtois.fields.fix": ("Complete the line.", "请把该行补充完整。"),
    "err.curtois.outside_horizon": (
        "{what} {value} is outside the horizon of {horizon} days (0..{last}).",
        "{what} {value} 超出了 {horizon} 天的排班周期（0..{last}）。",
    ),
    "err.curtois.outside_horizon.fix": ("Correct the day index.", "请更正日期序号。"),
    "err.curtois.unknown_shift": (
        "shift {code} is not defined in SECTION_SHIFTS (defined: {known}).",
        "班次 {code} 未在 SECTION_SHIFTS 中定义（已定义：{known}）。",
    ),
    "err.curtois.unknown_shift.fix": (
        "Add it there or correct the code.",
        "请在 SECTION_SHIFTS 中添加该班次，或更正班次代码。",
    ),
    "err.curtois.unknown_employee": (
        "employee {id} is not defined in SECTION_STAFF.",
        "员工 {id} 未在 SECTION_STAFF 中定义。",
    ),
    "err.curtois.unknown_employee.fix": (
        "Add the employee there or correct the id.",
        "请在 SECTION_STAFF 中添加该员工，或更正员工 ID。",
    ),
    "err.curtois.horizon_lines": (
        "SECTION_HORIZON must hold exactly one number (days).",
        "SECTION_HORIZON 必须恰好包含一个数字（天数）。",
    ),
    "err.curtois.horizon_lines.fix": ("Write one line, e.g. 28.", "请只写一行，例如 28。"),
    "err.curtois.no_shifts": ("SECTION_SHIFTS is empty.", "SECTION_SHIFTS 是空的。"),
    "err.curtois.no_shifts.fix": (
        "Define at least one shift: ID, length, follow list.",
        "请至少定义一个班次：ID、时长、不能紧接其后的班次列表。",
    ),
    "err.curtois.shift_too_long": (
        "shift length {length} min is a day or longer.",
        "班次时长 {length} 分钟，达到或超过了一整天。",
    ),
    "err.curtois.shift_too_long.fix": ("Use under 1440 minutes.", "请使用少于 1440 分钟的时长。"),
    "err.curtois.bad_shift": ("shift {code} is not valid: {reason}.", "班次 {code} 无效：{reason}。"),
    "err.curtois.bad_shift.fix": ("Correct it.", "请更正。"),
    "err.curtois.employee_twice": ("employee {id} is defined twice.", "员工 {id} 定义了两次。"),
    "err.curtois.employee_twice.fix": ("Keep one line per employee.", "每名员工只保留一行。"),
    "err.curtois.max_shifts_item": (
        "max-shifts item {item} is not of the form SHIFT=COUNT.",
        "最多班次数项 {item} 不符合 SHIFT=COUNT 的格式。",
    ),
    "err.curtois.max_shifts_item.fix": ("Write e.g. D=14|N=4.", "请写作如 D=14|N=4。"),
    "err.curtois.min_above_max": (
        "MinTotalMinutes {min} is above MaxTotalMinutes {max}.",
        "MinTotalMinutes {min} 大于 MaxTotalMinutes {max}。",
    ),
    "err.curtois.min_above_max.fix": ("Correct them.", "请更正这两个值。"),
    "err.curtois.no_staff": ("SECTION_STAFF is empty.", "SECTION_STAFF 是空的。"),
    "err.curtois.no_staff.fix": ("Add one line per employee: {header}.", "请每名员工写一行：{header}。"),
    "err.curtois.cover_twice": (
        "cover for day {day} shift {code} is given twice.",
        "日期序号 {day}、班次 {code} 的需求出现了两次。",
    ),
    "err.curtois.cover_twice.fix": ("Keep one line.", "请只保留一行。"),
    # what a number in the instance is (the instance's own field names are passed as they are)
    "err.curtois.what.horizon": ("horizon length in days", "排班周期天数"),
    "err.curtois.what.shift_length": ("shift length in minutes", "班次时长（分钟）"),
    "err.curtois.what.day": ("day index", "日期序号"),
    "err.curtois.what.request_weight": ("request weight", "申请权重"),
    "err.curtois.what.cover": ("cover requirement", "需求人数"),
    "err.curtois.what.under_weight": ("weight for under-cover", "人手不足的权重"),
    "err.curtois.what.over_weight": ("weight for over-cover", "人手过多的权重"),
}
