"""Process tuning shared by the WSGI application and the bench."""

import gc


def tune_garbage_collector() -> None:
    """Everything loaded at start-up lives as long as the process: freeze it out
    of the collector's full passes, which otherwise scan all of it and stall a
    request now and then by a few hundred milliseconds; and collect the young
    generation less often, since a request's garbage is short-lived anyway."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
