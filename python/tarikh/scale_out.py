"""Rendering many timelines on an engine you already run (Dask here; docs/scale-out.md).

    from distributed import Client
    from tarikh.scale_out import render_many
    client = Client("tcp://scheduler:8786")            # or Client(LocalCluster(n_workers=2))
    for outcome in render_many(client, sorted(pathlib.Path("timelines").glob("*.json")), format="svg"):
        if outcome.ok: pathlib.Path("out", outcome.name + ".svg").write_bytes(outcome.data)
        else: print(*outcome.diagnostics, sep="\\n")

A timeline that fails comes back with its diagnostics; the others are drawn all the same.
"""
from __future__ import annotations

import os
import pathlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from . import Diagnostic, TimelineError, render


@dataclass
class Outcome:
    """One timeline's rendering: its bytes, or the diagnostics that stopped it."""

    name: str
    data: Optional[bytes] = None
    diagnostics: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None


def _name(source: Any, index: int) -> str:
    if isinstance(source, (str, os.PathLike)) and not str(source).lstrip().startswith("{"):
        return pathlib.Path(source).stem
    return "timeline-%d" % index


def render_one(source: Any, name: str, **options: Any) -> Outcome:
    """Renders one timeline (a path, a dict, a JSON string) where it runs: on a Dask worker,
    a Spark executor, a Ray task. Never raises for the timeline's problems."""
    try:
        return Outcome(name, render(source, **options))
    except TimelineError as error:
        return Outcome(name, None, error.diagnostics)
    except OSError as error:  # a worker that cannot reach the file
        return Outcome(name, None, [Diagnostic("error", str(error), file=str(source), text=str(error))])


def render_many(client, sources: Iterable[Any], **options: Any) -> list:
    """Every source rendered on `client`'s workers (a distributed.Client), in order, as
    Outcomes. The paths must be readable where the workers run; dicts and strings travel."""
    sources = list(sources)
    names = [_name(s, i) for i, s in enumerate(sources)]
    futures = client.map(render_one, sources, names, pure=False, **options)
    return client.gather(futures)
