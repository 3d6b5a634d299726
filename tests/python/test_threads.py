"""Threads render at once (the GIL is released), each with its own Renderer, to the same bytes."""
from concurrent.futures import ThreadPoolExecutor

import tarikh
from conftest import small_timeline


def test_threads_give_the_bytes_one_thread_gives():
    timelines = [tarikh.Timeline(small_timeline(i)) for i in range(24)]
    alone = [t.render(format="png") for t in timelines]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda t: t.render(format="png"), timelines))
    assert together == alone
