"""Column names of every long-format table that passes between commands (spec section 2).

These are contracts other programs depend on: change them only with a deprecation.
"""

# forecast.csv
INTERVAL_START = "interval_start"
CALLS = "calls"
CALLS_LO = "calls_lo"
CALLS_HI = "calls_hi"
AHT_S = "aht_s"
FORECAST_COLUMNS = [INTERVAL_START, CALLS]
FORECAST_INTERVAL_COLUMNS = [CALLS_LO, CALLS_HI]

# requirements.csv
AGENTS = "agents"
AGENTS_SCHEDULED = "agents_scheduled"
SERVICE_LEVEL = "service_level"
ASA_S = "asa_s"
OCCUPANCY = "occupancy"
REQUIREMENTS_COLUMNS = [
    INTERVAL_START,
    CALLS,
    AHT_S,
    AGENTS,
    AGENTS_SCHEDULED,
    SERVICE_LEVEL,
    ASA_S,
    OCCUPANCY,
]

# roster.csv
EMPLOYEE_ID = "employee_id"
DATE = "date"
SHIFT = "shift"
START = "start"
END = "end"
ROSTER_COLUMNS = [EMPLOYEE_ID, DATE, SHIFT, START, END]

# daily.csv
STATUS = "status"
LATE_MINUTES = "late_minutes"
EARLY_LEAVE_MINUTES = "early_leave_minutes"
MISSING_IN = "missing_in"
MISSING_OUT = "missing_out"
OVERTIME_MINUTES = "overtime_minutes"
LEAVE_TYPE = "leave_type"
PUNCHES = "punches"
DAILY_COLUMNS = [
    EMPLOYEE_ID,
    DATE,
    SHIFT,
    STATUS,
    LATE_MINUTES,
    EARLY_LEAVE_MINUTES,
    MISSING_IN,
    MISSING_OUT,
    OVERTIME_MINUTES,
    LEAVE_TYPE,
    PUNCHES,
]

# normalised punches (what every punch reader returns)
TIMESTAMP = "timestamp"
NAME = "name"
DIRECTION = "direction"  # "in", "out" or empty
SOURCE_ROW = "source_row"  # 1-based row in the source file, for the accounting
SOURCE_FILE = "source_file"
PUNCH_COLUMNS = [EMPLOYEE_ID, NAME, TIMESTAMP, DIRECTION, SOURCE_FILE, SOURCE_ROW]

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M"
DATE_FORMAT = "%Y-%m-%d"
