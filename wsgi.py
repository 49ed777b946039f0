"""WSGI entry point in a checkout: `gunicorn wsgi:app` or `flask --app wsgi run`.

The app and its per-worker thread limits live in chatbot/wsgi.py, so an installed wheel (which has no
root-level modules) serves the same app as `chatbot.wsgi:app`."""

from chatbot.wsgi import app

__all__ = ["app"]
