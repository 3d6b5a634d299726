"""The Dask recipe (tarikh.scale_out) on a LocalCluster of 2 worker processes: the CLI's bytes
for every timeline, and a broken one reported with its diagnostics without stopping the rest."""
import json
import subprocess

import pytest
import tarikh
from conftest import CLI, small_timeline
from tarikh.scale_out import render_many

distributed = pytest.importorskip("distributed")  # Debian's python3-distributed: in test_packages


def test_forty_timelines_on_two_workers_are_the_cli_bytes(tmp_path):
    folder = tmp_path / "timelines"
    folder.mkdir()
    paths = []
    for i in range(40):
        path = folder / ("t%02d.json" % i)
        path.write_text(json.dumps(small_timeline(i), ensure_ascii=False))
        paths.append(path)
    paths[7].write_text('{"format": "tarikh/1", "events": [{"id": "a", "date": "2018-02-30", "title": "no such day"}]}')
    subprocess.run([CLI, "batch", str(folder), "-o", str(tmp_path / "cli"), "--format", "svg", "--jobs", "2", "--quiet"],
                   capture_output=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        outcomes = render_many(client, [str(p) for p in paths], format="svg")
    assert [o.name for o in outcomes] == [p.stem for p in paths]
    broken = outcomes[7]
    assert not broken.ok and broken.diagnostics[0].pointer == "/events/0/date"
    assert broken.diagnostics[0].line == 1 and "t07.json" in broken.diagnostics[0].file
    for i, outcome in enumerate(outcomes):
        if i == 7:
            continue
        lang = small_timeline(i)["languages"][0]
        assert outcome.data == (tmp_path / "cli" / ("%s.%s.svg" % (outcome.name, lang))).read_bytes(), outcome.name
