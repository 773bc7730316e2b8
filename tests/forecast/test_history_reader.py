"""Reading history files: encodings, Chinese headers, date + time columns, records, Excel."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from rosterkit.errors import InputError
from rosterkit.io.history import read_history, read_special_days


def test_gb18030_with_chinese_headers(tmp_path):
    path = tmp_path / "话务.csv"
    path.write_bytes(
        "时间,来电量,平均处理时长\n2024-03-04 08:00,12,180\n2024-03-04 08:30,3,200\n".encode("gb18030")
    )
    history = read_history(path)
    assert history.kind == "counts"
    assert history.frame["calls"].tolist() == [12, 3]
    assert history.frame["handle_s"].tolist() == [12 * 180, 600]


def test_utf8_bom_with_date_and_time_columns(tmp_path):
    path = tmp_path / "h.csv"
    path.write_bytes("\ufeff日期,时段,话务量\n2024/03/04,08:00,5\n2024/03/04,08:30,6\n".encode())
    history = read_history(path)
    assert history.frame["timestamp"].iloc[1] == pd.Timestamp("2024-03-04 08:30")


def test_call_records_with_mm_ss_durations(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(
        "来电时间,通话时长\n2024-03-04 08:01:10,03:00\n2024-03-04 08:02:00,1:02:03\n", encoding="utf-8"
    )
    history = read_history(path)
    assert history.kind == "records"
    assert history.frame["calls"].tolist() == [1, 1]
    assert history.frame["handle_s"].tolist() == [180, 3723]


def test_columns_given_by_option_and_excel(tmp_path):
    path = tmp_path / "h.xlsx"
    pd.DataFrame({"when": ["2024-03-04 08:00", "2024-03-04 08:30"], "n": [1, 2]}).to_excel(path, index=False)
    history = read_history(path, timestamp_column="when", calls_column="n")
    assert history.frame["calls"].tolist() == [1, 2]
    with pytest.raises(InputError, match="there is no column 'nope'"):
        read_history(path, timestamp_column="nope")


def test_special_days_in_both_languages(tmp_path):
    path = tmp_path / "special.csv"
    path.write_text("日期,类型\n2024-10-01,停业\n2024-11-11,special\n", encoding="utf-8")
    assert read_special_days(path) == {date(2024, 10, 1): "closed", date(2024, 11, 11): "special"}
    path.write_text("date,kind\n2024-10-01,party\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2, column 'kind': unknown kind 'party'"):
        read_special_days(path)


def test_excel_title_row_above_the_header_keeps_row_numbers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某某热线话务统计表"])
    sheet.append([])
    sheet.append(["时间", "来电量"])
    sheet.append(["2024-03-04 08:00", 5])
    sheet.append(["2024-03-04 08:30", "很多"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    with pytest.raises(InputError, match=r"row 5, column '来电量': '很多' is not a call count"):
        read_history(path)
    sheet["B5"] = 7
    book.save(path)
    history = read_history(path)
    assert history.frame["calls"].tolist() == [5, 7]
    assert history.frame["source_row"].tolist() == [4, 5]
