"""WSGI entry point: `gunicorn chatbot.wsgi:app` or `flask --app chatbot.wsgi run`, from a checkout or an
installed wheel alike (the checkout's root `wsgi.py` re-exports this app).

Each worker serves one request at a time, so numerical libraries get one thread each: their own thread
pools would only fight the other workers for the machine's cores. Set before numpy is imported (importing
the `chatbot` package itself imports no numerical library)."""

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from chatbot import create_app  # noqa: E402  (the thread limits must come first)

app = create_app()
