"""Each punch reader on a small file in its vendor's layout (title rows, merged header cells,
次日 times, Excel serials, csv encodings), generated here with openpyxl."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from openpyxl import Workbook

from rosterkit.errors import InputError
from rosterkit.io.punches import read_punches


def _xlsx(path, rows, merges=(), sheet="Sheet1"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def _stamps(frame):
    return [t.strftime("%Y-%m-%d %H:%M") for t in frame["timestamp"]]


def test_zkteco_with_title_row_merged_and_datetime_cells(tmp_path):
    path = _xlsx(
        tmp_path / "zk.xlsx",
        [
            ["考勤记录表 2024-03-01 ~ 2024-03-31"],
            ["部门", "姓名", "登记号码", "日期时间", "机器号", "编号", "比对方式", "卡号"],
            ["客服一部", "张三", 1001, dt.datetime(2024, 3, 4, 8, 58, 12), 1, 1, "指纹", ""],
            ["客服一部", "张三", 1001, "2024-03-04 18:03:00", 1, 2, "指纹", ""],
            [],
            ["客服一部", "李四", "1002", "2024/3/5 9:01", 1, 3, "人脸", ""],
        ],
        merges=["A1:H1"],
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "zkteco"
    assert list(found["employee_id"]) == ["1001", "1001", "1002"]
    assert _stamps(found) == ["2024-03-04 08:58", "2024-03-04 18:03", "2024-03-05 09:01"]
    assert list(found["source_row"]) == [3, 4, 6]  # Excel rows; the blank row is not a punch


def test_zkteco_english_csv_in_gb18030_with_split_date_and_time(tmp_path):
    path = tmp_path / "zk.csv"
    text = "部门,姓名,考勤号码,日期,时间,机器号,比对方式\n客服部,王五,7,2024-03-04,08:59,1,指纹\n客服部,王五,7,2024-03-04,18:00:30,1,指纹\n"
    path.write_bytes(text.encode("gb18030"))
    found = read_punches(path)
    assert found["format"].iloc[0] == "zkteco"
    assert list(found["name"]) == ["王五", "王五"]
    assert _stamps(found) == ["2024-03-04 08:59", "2024-03-04 18:00"]


def test_dingtalk_raw_records_with_next_day_times(tmp_path):
    path = _xlsx(
        tmp_path / "dingtalk.xlsx",
        [
            ["原始记录 统计日期：2024-03-01 至 2024-03-31"],
            [
                "姓名",
                "考勤组",
                "部门",
                "工号",
                "职位",
                "UserId",
                "考勤日期",
                "考勤时间",
                "打卡时间",
                "打卡结果",
                "打卡地址",
            ],
            [
                "赵六",
                "夜班组",
                "客服部",
                "E07",
                "坐席",
                "u1",
                "24-03-04 星期一",
                "22:00",
                "21:52",
                "正常",
                "中心",
            ],
            [
                "赵六",
                "夜班组",
                "客服部",
                "E07",
                "坐席",
                "u1",
                "24-03-04 星期一",
                "06:00",
                "次日 06:04",
                "正常",
                "中心",
            ],
        ],
        merges=["A1:K1"],
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "dingtalk-raw"
    assert list(found["employee_id"]) == ["E07", "E07"]
    assert _stamps(found) == ["2024-03-04 21:52", "2024-03-05 06:04"]


def test_dingtalk_daily_statistics_with_merged_two_row_header(tmp_path):
    path = _xlsx(
        tmp_path / "daily.xlsx",
        [
            ["每日统计 2024-03-01 至 2024-03-31"],
            ["姓名", "工号", "日期", "班次", "上班1", None, "下班1", None],
            [None, None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果"],
            ["钱七", "E08", "2024-03-04 星期一", "N", "21:58", "正常", "次日 06:01", "正常"],
            ["钱七", "E08", "2024-03-05 星期二", "N", None, "缺卡", "次日 06:10", "正常"],
        ],
        merges=["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2"],
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "dingtalk-daily"
    assert _stamps(found) == ["2024-03-04 21:58", "2024-03-05 06:01", "2024-03-06 06:10"]
    assert list(found["direction"]) == ["in", "out", "out"]
    assert list(found["source_row"]) == [4, 4, 5]


def test_dingtalk_punch_times_one_column_per_day(tmp_path):
    path = _xlsx(
        tmp_path / "times.xlsx",
        [
            ["打卡时间表 统计日期：2024-03-01 至 2024-03-31"],
            ["姓名", "考勤组", "部门", "工号", *[str(d) for d in range(1, 8)]],
            [
                "孙八",
                "白班",
                "客服部",
                "E09",
                "08:57\n18:02",
                "",
                "",
                "09:00 18:00",
                "",
                "",
                "22:01\n次日 06:02",
            ],
        ],
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "dingtalk-times"
    assert _stamps(found) == [
        "2024-03-01 08:57",
        "2024-03-01 18:02",
        "2024-03-04 09:00",
        "2024-03-04 18:00",
        "2024-03-07 22:01",
        "2024-03-08 06:02",
    ]


def test_dingtalk_punch_times_without_a_month_is_an_error(tmp_path):
    path = _xlsx(
        tmp_path / "times.xlsx",
        [["姓名", "部门", *[str(d) for d in range(1, 8)]], ["孙八", "客服部", "08:57"]],
    )
    with pytest.raises(InputError, match="month of its day columns"):
        read_punches(path)


def test_wecom_punch_records_with_a_no_punch_row(tmp_path):
    path = _xlsx(
        tmp_path / "wecom.xlsx",
        [
            ["上下班打卡 统计时间：2024-03-04 至 2024-03-05"],
            [
                "时间",
                "姓名",
                "账号",
                "部门",
                "打卡类型",
                "应打卡时间",
                "实际打卡时间",
                "打卡状态",
                "打卡地点",
            ],
            ["2024/03/04 星期一", "周九", "E10", "客服部", "上班打卡", "09:00", "08:59", "正常", "中心"],
            ["2024/03/04 星期一", "周九", "E10", "客服部", "下班打卡", "18:00", "--", "未打卡", ""],
        ],
        merges=["A1:I1"],
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "wecom"
    assert found["direction"].tolist() == ["in", "out"]
    assert found["timestamp"].iloc[0] == pd.Timestamp("2024-03-04 08:59")
    assert pd.isna(found["timestamp"].iloc[1])
    assert "未打卡" in found["problem"].iloc[1]


def test_plain_csv_with_bom_direction_and_excel_serials_in_xlsx(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(
        "employee_id,timestamp,direction\nE1,2024-03-04 08:58,in\nE1,2024-03-04T18:01:05,out\n".encode(
            "utf-8-sig"
        )
    )
    found = read_punches(path)
    assert found["format"].iloc[0] == "csv"
    assert _stamps(found) == ["2024-03-04 08:58", "2024-03-04 18:01"]
    assert found["direction"].tolist() == ["in", "out"]
    serial = _xlsx(tmp_path / "serial.xlsx", [["employee_id", "timestamp"], ["E1", 45355.375]])
    assert _stamps(read_punches(serial)) == ["2024-03-04 09:00"]


def test_unknown_format_lists_the_known_ones(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("who,when\nE1,2024-03-04 08:00\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_punches(path)
    text = str(info.value)
    assert "unknown punch format" in text
    for name in ("zkteco", "dingtalk-raw", "dingtalk-daily", "dingtalk-times", "wecom", "csv"):
        assert name in text


def test_bad_timestamp_names_its_row_and_column(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("employee_id,timestamp\nE1,2024-03-04 08:58\nE1,yesterday noon\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_punches(path)
    assert "p.csv, row 3, column 'timestamp'" in str(info.value)
    assert "'yesterday noon'" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-04 08:58:12",
        "2024-03-04 8:58:12",
        "2024/3/4 8:58:12",
        "2024年3月4日 08:58:12",
        "2024-03-04T08:58:12",
        "2024.03.04 08:58:12",
        "2024-03-04 08:58:12.000",
        "2024/3/4 8:58:12.5",
        "2024-03-04 星期一 08:58:12",
    ],
)
def test_text_timestamps_in_the_forms_exports_use(text):
    from rosterkit.io.punch_times import to_timestamps

    parsed = to_timestamps(pd.Series([text]), lambda i: None)
    assert parsed.iloc[0] == pd.Timestamp("2024-03-04 08:58:12")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("employee_id,timestamp", "csv"),
        ("部门,姓名,登记号码,日期时间,机器号", "zkteco"),
        ("时间,姓名,账号,打卡类型,实际打卡时间,打卡状态", "wecom"),
        ("姓名,工号,日期,上班1打卡时间,下班1打卡时间", "dingtalk-daily"),
    ],
)
def test_a_header_without_rows_is_zero_punches(tmp_path, header, name):
    path = tmp_path / "p.csv"
    path.write_text(header + "\n", encoding="utf-8")
    found = read_punches(path)
    assert (len(found), found.attrs["format"]) == (0, name)


def test_zkteco_english_firmware_headers(tmp_path):
    path = tmp_path / "attlog.csv"
    path.write_text(
        "Department,Name,No.,Date/Time,Location ID,ID Number,VerifyCode,CardNo\n"
        "Service,Li Si,1002,2024-03-04 08:57:01,1,,FP,\n",
        encoding="utf-8",
    )
    found = read_punches(path)
    assert found.attrs["format"] == "zkteco"
    assert (found["employee_id"].iloc[0], found["name"].iloc[0]) == ("1002", "Li Si")
    assert _stamps(found) == ["2024-03-04 08:57"]


def test_dingtalk_raw_with_whole_timestamps_and_no_date_column(tmp_path):
    path = tmp_path / "raw.csv"
    path.write_text("姓名,工号,打卡时间,打卡结果\n赵六,E07,2024-03-04 21:52,正常\n", encoding="utf-8")
    found = read_punches(path)
    assert found.attrs["format"] == "dingtalk-raw"
    assert _stamps(found) == ["2024-03-04 21:52"]
