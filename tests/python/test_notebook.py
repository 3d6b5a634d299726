"""The example notebook runs headless and its output holds the timeline's SVG."""
import json
import os
import shutil
import subprocess
import sys
import pathlib

import tarikh

HERE = pathlib.Path(__file__).parent


def test_the_notebook_shows_the_svg(tmp_path):
    shutil.copy(HERE / "example.ipynb", tmp_path / "example.ipynb")
    env = dict(os.environ)
    # The kernel is this interpreter's (its "python3" on PATH first), with the package on PYTHONPATH.
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(tarikh.__file__)))
    run = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--output", "done.ipynb",
                          "--ExecutePreprocessor.timeout=120", str(tmp_path / "example.ipynb")],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    done = json.loads((tmp_path / "done.ipynb").read_text())
    (output,) = done["cells"][1]["outputs"]
    svg = "".join(output["data"]["image/svg+xml"])
    assert svg.startswith("<svg") and "Sochi deal" in svg and 'width="100%"' in svg
    assert "srcdoc=" in "".join(output["data"]["text/html"])
