"""TimelineError carries every diagnostic, located; validate returns them."""
import pytest
import tarikh

BROKEN = """{
  "format": "tarikh/1",
  "events": [
    {"id": "a", "date": "2018-13-40", "title": "bad day"},
    {"id": "b", "date": "2018-09-17", "titel": "typo"}
  ]
}"""


def test_an_error_carries_line_column_pointer_and_hints():
    with pytest.raises(tarikh.TimelineError) as raised:
        tarikh.Timeline(BROKEN, name="broken.json")
    diagnostics = raised.value.diagnostics
    assert len(diagnostics) >= 2, diagnostics
    date = next(d for d in diagnostics if d.pointer == "/events/0/date")
    assert (date.file, date.line, date.severity) == ("broken.json", 4, "error")
    assert date.column > 0
    typo = next(d for d in diagnostics if d.pointer.startswith("/events/1"))
    assert typo.line == 5 and any("title" in h for h in typo.hints), typo
    assert "broken.json:4:" in str(raised.value)


def test_validate_returns_the_same_diagnostics_without_raising():
    diagnostics = tarikh.validate(BROKEN)
    assert {d.pointer for d in diagnostics} >= {"/events/0/date"}
    assert tarikh.validate({"format": "tarikh/1", "events": [{"id": "a", "date": "2018", "title": "x"}]}) == []


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(tarikh.TimelineError, match="nothing-here.json"):
        tarikh.render(tmp_path / "nothing-here.json")
