"""The pytest suite of the Python package, run by ctest (tests/CMakeLists.txt) with the build
tree's package on PYTHONPATH, TARIKH_CLI the command line to compare bytes with and
TARIKH_SOURCE_DIR the repository."""
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("TARIKH_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("TARIKH_CLI", str(SOURCE / "build" / "tarikh"))
IDLIB = SOURCE / "timelines" / "idlib-sochi-2018.json"


def small_timeline(i: int) -> dict:
    """A small timeline, different for each i, half of them in Arabic."""
    arabic = i % 2 == 1
    return {
        "format": "tarikh/1",
        "title": ("خط زمني %d" % i) if arabic else ("Timeline %d" % i),
        "languages": ["ar" if arabic else "en"],
        "events": [{"id": "e%d" % k, "date": "2018-%02d-%02d" % (1 + (i + k) % 12, 1 + (3 * k + i) % 28),
                    "title": ("حدث %d" % k) if arabic else ("Event %d of %d" % (k, i))} for k in range(6)],
    }


def cli_render(tmp_path: pathlib.Path, source: pathlib.Path, fmt: str, *args: str) -> bytes:
    """The bytes `tarikh render` writes."""
    out = tmp_path / ("cli-out." + fmt)
    subprocess.run([CLI, "render", str(source), "-o", str(out), *args], check=True, capture_output=True)
    return out.read_bytes()


@pytest.fixture
def idlib() -> pathlib.Path:
    return IDLIB
