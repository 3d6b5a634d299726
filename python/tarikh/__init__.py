"""tarikh: timelines as SVG, PDF, PNG or HTML, Arabic and all, from Python.

    >>> import tarikh
    >>> svg = tarikh.render("timelines/idlib-sochi-2018.json", lang="ar")
    >>> timeline = tarikh.Timeline.from_dataframe(df, date="date", title="headline", lane="actor")
    >>> pdf = timeline.render(format="pdf", layout="chronicle")

Every problem of a timeline raises TimelineError, which carries every diagnostic (file,
line, column, JSON pointer, message, hints). A rendering releases the GIL: threads render
in parallel, each with its own fonts. docs/python.md says more.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _tarikh

__all__ = ["Diagnostic", "Timeline", "TimelineError", "render", "render_pages", "validate", "version"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is and what it is, as the command line prints it (`text`).

    A timeline made from a DataFrame also names the frame's `row` (its index label) and
    `column_name`; `line` and `column` are then those of the JSON tarikh was given."""

    severity: str  # "error" or "warning"
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    pointer: str = ""
    hints: tuple = ()
    text: str = ""
    row: Any = None
    column_name: Optional[str] = None

    def __str__(self) -> str:
        return self.text or self.message


class TimelineError(ValueError):
    """A timeline that cannot be read or drawn as asked; `diagnostics` holds every problem."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics) or "tarikh: unknown error")


TimelineLike = Union["Timeline", Mapping[str, Any], str, os.PathLike]


def version() -> str:
    """The library's version, "0.1.0"."""
    return _tarikh.version()


def _diagnostics(raw: Iterable[dict], located=None) -> list:
    out = []
    for d in raw:
        d = dict(d, hints=tuple(d["hints"]))
        if located:
            d.update(located(d["pointer"]))
        out.append(Diagnostic(**d))
    return out


class Timeline:
    """A timeline tarikh has read and checked; render it, or let Jupyter show it.

    Make one with Timeline(dict | JSON text | path), Timeline.from_records or
    Timeline.from_dataframe. `warnings` holds the problems that did not stop it."""

    def __init__(self, source: Union[Mapping[str, Any], str, os.PathLike], *, name: Optional[str] = None):
        self._locate = None
        if isinstance(source, Mapping):
            text, name = json.dumps(source, ensure_ascii=False, indent=1), name or "<dict>"
            handle, raw = _tarikh.load_text(text, name)
        elif isinstance(source, os.PathLike) or (isinstance(source, str) and not source.lstrip().startswith("{")):
            handle, raw = _tarikh.load_path(os.fspath(source))
        elif isinstance(source, str):
            handle, raw = _tarikh.load_text(source, name or "<string>")
        else:
            raise TypeError("a timeline is a dict, a JSON string, a path or a tarikh.Timeline, found %s"
                            % type(source).__name__)
        self._finish(handle, raw)

    def _finish(self, handle, raw, locate=None) -> None:
        self._locate = locate
        diagnostics = _diagnostics(raw, locate)
        if handle is None:
            raise TimelineError(diagnostics)
        self._handle = handle
        self.warnings = diagnostics

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], date: str = "date", title: str = "title",
                     lane: Optional[str] = None, text: Optional[str] = None, place: Optional[str] = None,
                     id: Optional[str] = None, end: Optional[str] = None, timeline_title: Optional[str] = None,
                     language: Optional[str] = None, **timeline: Any) -> "Timeline":
        """A timeline with one event per record (a dict): its `date` and `title` fields, and
        `lane`, `text`, `place`, `id`, `end` when named. A record without a date is an
        error naming the record. Other keyword arguments are the timeline's own fields
        ("timezone", "theme", …; docs/format.md).

            >>> tarikh.Timeline.from_records(
            ...     [{"date": "2018-09-17", "title": "Sochi deal"}], timeline_title="Idlib")
        """
        rows = [(i, r) for i, r in enumerate(records)]
        return cls._from_rows(rows, "<records>", dict(date=date, title=title, lane=lane, text=text, place=place,
                                                      id=id, end=end), timeline_title, language, timeline)

    @classmethod
    def from_dataframe(cls, df, date: str = "date", title: str = "title", lane: Optional[str] = None,
                       text: Optional[str] = None, place: Optional[str] = None, id: Optional[str] = None,
                       end: Optional[str] = None, timeline_title: Optional[str] = None,
                       language: Optional[str] = None, **timeline: Any) -> "Timeline":
        """A timeline with one event per row of a pandas DataFrame, from the columns named.

        Dates may be strings ("2018-09-17", "2018-09") or Timestamps (a Timestamp at
        midnight is a day). A row without a date (NaN, NaT, None) is an error naming the
        row: drop such rows first (df.dropna(subset=["date"])). Other missing cells leave
        the field out. Diagnostics name the frame's row and column.

            >>> df = pandas.DataFrame({"date": ["2018-09-17"], "title": ["Sochi deal"]})
            >>> tarikh.Timeline.from_dataframe(df, timeline_title="Idlib").render()
        """
        columns = dict(date=date, title=title, lane=lane, text=text, place=place, id=id, end=end)
        missing = [c for c in columns.values() if c is not None and c not in df.columns]
        if missing:
            raise TimelineError([_problem("<DataFrame>", 'expected a column "%s", found none' % missing[0],
                                          "its columns: " + ", ".join(map(str, df.columns)), column_name=missing[0])])
        rows = [(label, row) for label, row in zip(df.index, df.to_dict("records"))]
        return cls._from_rows(rows, "<DataFrame>", columns, timeline_title, language, timeline)

    @classmethod
    def _from_rows(cls, rows, name, columns, timeline_title, language, timeline):
        events, problems, lanes = [], [], []
        for n, (label, row) in enumerate(rows):
            event = {"id": _cell(row.get(columns["id"])) if columns["id"] else "e%d" % (n + 1)}
            for field_name, column in columns.items():
                if column is None or field_name == "id":
                    continue
                value = _cell(row.get(column))
                if value is None:
                    if field_name == "date":
                        problems.append(_problem(
                            name, "expected a date, found none",
                            "drop the rows without one first: df.dropna(subset=[%r])" % column,
                            where="row %r, column %r: " % (label, column), pointer="/events/%d/date" % n,
                            row=label, column_name=column))
                    continue
                if field_name == "lane" and value not in lanes:
                    lanes.append(value)
                event[field_name] = value
            events.append(event)
        if problems:
            raise TimelineError(problems)
        source = {"format": "tarikh/1", **timeline}
        if timeline_title is not None:
            source["title"] = timeline_title
        if language is not None:
            source["languages"] = [language]
        if lanes:
            # A lane is named by its cell: a lane without a label would be drawn unnamed.
            source.setdefault("lanes", [{"id": lane, "label": lane} for lane in lanes])
        source["events"] = events
        labels = [label for label, _ in rows]
        by_field = {f: c for f, c in columns.items() if c is not None}

        def locate(pointer: str) -> dict:
            parts = pointer.split("/")
            if len(parts) < 3 or parts[1] != "events" or not parts[2].isdigit() or int(parts[2]) >= len(labels):
                return {}
            return {"row": labels[int(parts[2])], "column_name": by_field.get(parts[3]) if len(parts) > 3 else None}

        self = cls.__new__(cls)
        handle, raw = _tarikh.load_text(json.dumps(source, ensure_ascii=False, indent=1), name)
        self._finish(handle, raw, locate)
        return self

    def render(self, format: str = "svg", lang: Optional[str] = None, layout: str = "chart",
               width: Union[str, int, float, None] = None, theme: Optional[str] = None, **options: Any) -> bytes:
        """The timeline drawn: see tarikh.render."""
        return render(self, format=format, lang=lang, layout=layout, width=width, theme=theme, **options)

    def _repr_svg_(self) -> str:
        return self.render("svg", svg_size="responsive").decode("utf-8")

    def _repr_html_(self) -> str:
        # The HTML page, hover cards and all, in a frame of its own so that its styles stay in it.
        page = self.render("html").decode("utf-8")
        quoted = page.replace("&", "&amp;").replace('"', "&quot;")
        return '<iframe srcdoc="%s" style="width:100%%;height:480px;border:0"></iframe>' % quoted


def _problem(file: str, message: str, hint: str, where: str = "", **located: Any) -> Diagnostic:
    """An error found in Python, worded as the library words its own."""
    text = "%s%serror: %s%s\nhint: %s" % (file, ": " if file else "", where, message, hint)
    return Diagnostic("error", message, file=file, hints=(hint,), text=text, **located)


def _cell(value: Any) -> Any:
    """A cell as JSON: None for NaN, NaT and None; a day or an ISO time for a timestamp."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ == "NaTType":
        return None
    if hasattr(value, "isoformat") and hasattr(value, "hour"):  # datetime, pandas.Timestamp
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) and value.tzinfo is None:
            return value.strftime("%Y-%m-%d")
        return value.isoformat()
    if hasattr(value, "isoformat"):  # date
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _timeline(timeline: TimelineLike) -> Timeline:
    return timeline if isinstance(timeline, Timeline) else Timeline(timeline)


def render_pages(timeline: TimelineLike, format: str = "svg", lang: Optional[str] = None, layout: str = "chart",
                 width: Union[str, int, float, None] = None, theme: Optional[str] = None, **options: Any) -> list:
    """Every file of a rendering: one for PDF and HTML, one per page for SVG and PNG (a paged
    layout). Takes what tarikh.render takes."""
    t = _timeline(timeline)
    languages = [] if lang is None else lang.split("+")
    files, raw = _tarikh.render(t._handle, format, layout, languages, None if width is None else str(width), theme,
                                options)
    diagnostics = _diagnostics(raw, t._locate)
    if files is None:
        raise TimelineError(diagnostics)
    for d in diagnostics:
        warnings.warn(str(d), stacklevel=3)
    return files


def render(timeline: TimelineLike, format: str = "svg", lang: Optional[str] = None, layout: str = "chart",
           width: Union[str, int, float, None] = None, theme: Optional[str] = None, **options: Any) -> bytes:
    """The timeline drawn as `format` ("svg", "pdf", "png" or "html"), as bytes: the bytes
    `tarikh render` writes for the same input and options.

    timeline: a dict, a JSON string, a path (str or pathlib.Path) or a tarikh.Timeline.
    lang: the edition's language ("ar"; "en+ar" for a bilingual chronicle); None: the file's first.
    layout: "chart", "chronicle", "calendar" or "radial".
    width: "680px", "170mm", 680 (px); None: as wide as the chart needs.
    theme: "default", "print", "dark", "compact" or a theme file's path.
    options: the command line's other options, with "_" for "-": scale, facet, segment,
    page, landscape, fit, calendar, text_size, svg_size, svg_text, catalogue, digits,
    aggregate, measure, label_where, label_top, font_dirs (a list), dpi, max_pixels,
    max_pages. An option the layout has no use for is refused.

    Raises TimelineError with every diagnostic when the timeline cannot be read or drawn;
    warnings (a glyph no font has) go to warnings.warn. A paged SVG or PNG has one file per
    page: render() refuses it, render_pages() returns them all.

    Example:

        >>> import tarikh
        >>> svg = tarikh.render({"format": "tarikh/1", "title": "Idlib",
        ...                      "events": [{"id": "a", "date": "2018-09-17", "title": "Sochi deal"}]})
        >>> png = tarikh.render("timelines/idlib-sochi-2018.json", format="png", lang="ar", dpi=192)
        >>> pdf = tarikh.render(pathlib.Path("story.json"), format="pdf", layout="chronicle", page="A4")
    """
    files = render_pages(timeline, format=format, lang=lang, layout=layout, width=width, theme=theme, **options)
    if len(files) > 1:
        holds = "a PNG" if format == "png" else "an SVG"
        raise TimelineError([_problem("", "this layout has %d pages and %s holds one" % (len(files), holds),
                                      'use tarikh.render_pages() for every page, or format="pdf" or "html"')])
    return files[0]


def validate(timeline: Union[Mapping[str, Any], str, os.PathLike, Timeline]) -> list:
    """Every diagnostic of a timeline, errors and warnings, as a list of Diagnostic (empty:
    fine); never raises for a timeline's problems.

        >>> [d.pointer for d in tarikh.validate({"format": "tarikh/1", "events": [{"id": "a"}]})]
        ['/events/0']
    """
    if isinstance(timeline, Timeline):
        return list(timeline.warnings)
    try:
        return list(_timeline(timeline).warnings)
    except TimelineError as error:
        return error.diagnostics
