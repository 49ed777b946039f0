"""Flask extensions, created once and bound to an app by the factory."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# Views convert rows to plain dicts inside the transaction; keeping attributes after commit avoids
# a silent second query (and a second transaction) when a view reads them afterwards.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()

def _default_limit() -> str:
    """Read per app, so each app built in one process keeps its own configured limit."""
    from flask import current_app

    return current_app.config["RATELIMIT_DEFAULT"]


limiter = Limiter(key_func=get_remote_address, default_limits=[_default_limit])
csrf = CSRFProtect()


def coach_engine():
    """The dialogue engine the factory loaded for this app (the engine itself knows nothing of Flask)."""
    from flask import current_app

    return current_app.extensions["coach_engine"]
