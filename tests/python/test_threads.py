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


def test_the_gil_is_released_while_drawing(idlib):
    # Python code in another thread runs during one long rendering only if the GIL is released:
    # a C++ call that held it would let no sleep below return before it ended.
    import threading
    import time

    timeline = tarikh.Timeline(idlib)
    drawing = threading.Thread(target=lambda: timeline.render(format="png", dpi=192))
    drawing.start()
    woke = 0
    while drawing.is_alive():
        time.sleep(0.001)
        woke += 1
    assert woke >= 10, woke
