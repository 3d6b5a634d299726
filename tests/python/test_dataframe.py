"""Timeline.from_dataframe and from_records: columns, Timestamps, missing dates, located problems."""
import json

import pandas
import pytest
import tarikh
from conftest import cli_render


def frame():
    return pandas.DataFrame({
        "when": [pandas.Timestamp("2018-09-17"), pandas.Timestamp("2018-10-10"), pandas.Timestamp("2018-11-24 18:30")],
        "headline": ["Sochi deal", "Heavy weapons withdrawn", "Shelling of Aleppo"],
        "actor": ["Russia", "Turkey", None],
        "notes": ["signed in Sochi", float("nan"), "chlorine alleged"],
    }, index=["r1", "r2", "r3"])


def test_a_frame_becomes_the_timeline_its_json_would(tmp_path):
    timeline = tarikh.Timeline.from_dataframe(frame(), date="when", title="headline", lane="actor", text="notes",
                                              timeline_title="Idlib, autumn 2018", timezone="Asia/Damascus")
    source = {"format": "tarikh/1", "timezone": "Asia/Damascus", "title": "Idlib, autumn 2018",
              "lanes": [{"id": "Russia", "label": "Russia"}, {"id": "Turkey", "label": "Turkey"}],
              "events": [{"id": "e1", "date": "2018-09-17", "title": "Sochi deal", "lane": "Russia", "text": "signed in Sochi"},
                         {"id": "e2", "date": "2018-10-10", "title": "Heavy weapons withdrawn", "lane": "Turkey"},
                         {"id": "e3", "date": "2018-11-24T18:30:00", "title": "Shelling of Aleppo", "text": "chlorine alleged"}]}
    path = tmp_path / "frame.json"
    path.write_text(json.dumps(source))
    svg = timeline.render()
    assert svg == cli_render(tmp_path, path, "svg")
    assert b">Russia<" in svg and b">Turkey<" in svg  # the lanes are named by their cells


def test_a_row_without_a_date_is_an_error_naming_the_row():
    df = frame()
    df.loc["r2", "when"] = pandas.NaT
    with pytest.raises(tarikh.TimelineError) as raised:
        tarikh.Timeline.from_dataframe(df, date="when", title="headline")
    (problem,) = raised.value.diagnostics
    assert (problem.row, problem.column_name, problem.pointer) == ("r2", "when", "/events/1/date")
    assert "row 'r2', column 'when'" in str(problem) and "dropna" in problem.hints[0]


def test_a_bad_date_string_is_located_at_its_row_and_column():
    df = pandas.DataFrame({"date": ["2018-09-17", "17/09/2018"], "title": ["fine", "not a date"]})
    with pytest.raises(tarikh.TimelineError) as raised:
        tarikh.Timeline.from_dataframe(df)
    problem = raised.value.diagnostics[0]
    assert (problem.row, problem.column_name, problem.pointer) == (1, "date", "/events/1/date")
    assert problem.line > 0 and "17/09/2018" in problem.message


def test_timestamps_with_a_time_zone_and_strings_mix():
    # dtype=object: else pandas turns "2018-09" into a Timestamp of 1 September.
    dates = pandas.Series([pandas.Timestamp("2018-09-17 10:00", tz="Asia/Damascus"), "2018-09"], dtype=object)
    df = pandas.DataFrame({"date": dates, "title": ["a", "b"]})
    assert tarikh.Timeline.from_dataframe(df).render().startswith(b"<svg")


def test_a_missing_column_is_named():
    with pytest.raises(tarikh.TimelineError, match='expected a column "day"'):
        tarikh.Timeline.from_dataframe(frame(), date="day")


def test_records_take_the_same_fields():
    timeline = tarikh.Timeline.from_records([{"d": "2018-09-17", "t": "Sochi deal"}, {"d": "2018-10", "t": "October"}],
                                            date="d", title="t", timeline_title="Idlib")
    assert b"Sochi deal" in timeline.render(svg_text="real")
    with pytest.raises(tarikh.TimelineError, match="row 1"):
        tarikh.Timeline.from_records([{"date": "2018", "title": "a"}, {"title": "b"}])
