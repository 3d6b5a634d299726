"""tarikh.render: every format, the CLI's bytes, every kind of input."""
import json
import pathlib

import pytest
import tarikh
from conftest import cli_render, small_timeline

MAGIC = {"svg": b"<svg", "pdf": b"%PDF-", "png": b"\x89PNG", "html": b"<!DOCTYPE html"}


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png", "html"])
def test_each_format_is_the_cli_bytes(tmp_path, idlib, fmt):
    ours = tarikh.render(idlib, format=fmt, lang="ar")
    assert MAGIC[fmt] in ours[:200]
    assert ours == cli_render(tmp_path, idlib, fmt, "--lang", "ar")


@pytest.mark.parametrize("layout,args,options", [
    ("chronicle", ["--page", "Letter"], {"page": "Letter"}),
    ("calendar", [], {}),
    ("radial", ["--scale", "sequential"], {"scale": "sequential"}),
    ("chart", ["--width", "170mm", "--theme", "dark", "--digits", "arab"], {"width": "170mm", "theme": "dark", "digits": "arab"}),
])
def test_options_are_the_clis(tmp_path, idlib, layout, args, options):
    fmt = "pdf" if layout == "chronicle" else "svg"
    ours = tarikh.render(idlib, format=fmt, layout=layout, **options)
    assert ours == cli_render(tmp_path, idlib, fmt, "--layout", layout, *args)


def test_dict_string_path_and_timeline_give_one_drawing(tmp_path, idlib):
    source = json.loads(idlib.read_text())
    expected = tarikh.render(idlib)
    assert tarikh.render(str(idlib)) == expected
    assert tarikh.render(source) == expected
    assert tarikh.render(json.dumps(source)) == expected
    assert tarikh.render(tarikh.Timeline(source)) == expected
    assert tarikh.Timeline(pathlib.Path(idlib)).render() == expected


def test_a_dict_is_the_cli_bytes_of_the_same_json(tmp_path):
    source = small_timeline(3)
    path = tmp_path / "t.json"
    path.write_text(json.dumps(source))
    assert tarikh.render(source, format="png") == cli_render(tmp_path, path, "png")


def test_an_option_a_layout_cannot_use_is_refused(idlib):
    with pytest.raises(tarikh.TimelineError, match="a radial has no use for segment"):
        tarikh.render(idlib, layout="radial", segment="year")
    with pytest.raises(tarikh.TimelineError, match='unknown option "colour"'):
        tarikh.render(idlib, colour="red")
    with pytest.raises(tarikh.TimelineError, match="format: expected svg, pdf, png or html"):
        tarikh.render(idlib, format="jpeg")


def test_a_language_the_file_lacks_is_refused(idlib):
    with pytest.raises(tarikh.TimelineError) as error:
        tarikh.render(idlib, lang="xx")
    assert error.value.diagnostics[0].hints


def test_help_shows_an_example():
    assert "Example:" in tarikh.render.__doc__ and ">>> svg = tarikh.render(" in tarikh.render.__doc__


def test_jupyter_sees_svg_and_html(idlib):
    timeline = tarikh.Timeline(idlib)
    assert timeline._repr_svg_().startswith("<svg") or "<svg" in timeline._repr_svg_()[:300]
    assert 'width="100%"' in timeline._repr_svg_()[:600]
    assert timeline._repr_html_().startswith("<iframe srcdoc=")


def test_pages_come_whole_or_not_at_all(tmp_path, idlib):
    pages = tarikh.render_pages(idlib, layout="chronicle")
    assert len(pages) == 2
    cli_render(tmp_path, idlib, "svg", "--layout", "chronicle")
    assert pages == [(tmp_path / "cli-out.svg").read_bytes(), (tmp_path / "cli-out-2.svg").read_bytes()]
    with pytest.raises(tarikh.TimelineError, match="this layout has 2 pages and an SVG holds one"):
        tarikh.render(idlib, layout="chronicle")
