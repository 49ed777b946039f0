"""Gunicorn settings for test servers: each worker logs when its app is loaded, so tests can wait for all.

TEST_WORKER_INIT="package.module:function" names one more hook to run in each worker after the app
loads (fault tests use it to pause a turn at a chosen point).
"""

from __future__ import annotations

import importlib
import os

READY = "Worker ready: pid"


def post_worker_init(worker) -> None:
    hook = os.environ.get("TEST_WORKER_INIT")
    if hook:
        module, _, function = hook.partition(":")
        getattr(importlib.import_module(module), function)(worker)
    worker.log.info("%s %s", READY, worker.pid)
