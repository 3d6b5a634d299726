#!/usr/bin/env python3
"""The Dask recipe at size: COUNT small timelines (one of them broken) rendered to SVG on a
distributed.LocalCluster of 1, then 2 worker processes, every output compared with what
`tarikh batch` writes for the same files. Prints the times and the broken timeline's diagnostics.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/dask_render.py [COUNT] [CLI]
"""
import json
import shutil
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
from conftest import small_timeline  # noqa: E402

import distributed  # noqa: E402
from tarikh.scale_out import render_many  # noqa: E402


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    cli = sys.argv[2] if len(sys.argv) > 2 else "build/tarikh"
    work = pathlib.Path(tempfile.mkdtemp())
    paths = []
    for i in range(count):
        path = work / "in" / ("t%04d.json" % i)
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(small_timeline(i), ensure_ascii=False))
        paths.append(str(path))
    pathlib.Path(paths[count // 2]).write_text('{"format": "tarikh/1", "events": [{"id": "a", "date": "2018-02-30"}]}')
    subprocess.run([cli, "batch", str(work / "in"), "-o", str(work / "cli"), "--format", "svg", "--quiet"])
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            client.run(lambda: __import__("tarikh").render(small_timeline(0)))  # fonts loaded in every worker
            start = time.perf_counter()
            outcomes = render_many(client, paths, format="svg")
            seconds = time.perf_counter() - start
        failed = [o for o in outcomes if not o.ok]
        same = sum(o.data == (work / "cli" / (o.name + ".%s.svg" % small_timeline(int(o.name[1:]))["languages"][0])).read_bytes()
                   for o in outcomes if o.ok)
        print("%d workers: %d timelines in %.2f s, %d identical to the CLI's, %d failed"
              % (workers, count, seconds, same, len(failed)))
    for d in failed[0].diagnostics:
        print("  " + str(d).replace("\n", "\n  "))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
