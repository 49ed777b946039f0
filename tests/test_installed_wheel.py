"""`pip install .` gives a working service: the wheel carries data/, intents/, templates/ and the API
description, and the installed app finds them, and a writable instance folder, without the checkout.

The slow test builds the sdist and the wheel from a copy of the checkout as `python -m build` does, installs
the wheel into a new virtual environment, and runs the app there from a folder outside the checkout. The
new environment reaches this one's dependencies (and the separately installed encoder package) through a
.pth line, so nothing is downloaded; the checkout itself is not importable there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from chatbot.config import BUNDLE, content_root, default_instance_path
from tests.memory_chat import MemoryChat

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "what does a machine learning engineer do?"
APP_SPEC = "chatbot.wsgi:app"  # what the README tells gunicorn to serve from an installed wheel
STEP_TIMEOUT = 240  # seconds for one build, install or probe

# Run by the installed environment's interpreter: loads the app from argv[1] with gunicorn's own loader,
# drives it with Flask's test client, and writes what it saw as JSON to the file named by argv[3].
PROBE = """
import json, re, sys
from pathlib import Path

import chatbot
from chatbot.config import CONTENT_ROOT
from chatbot.encoder import default_cache_dir
from gunicorn.util import import_app

app = import_app(sys.argv[1])
client = app.test_client()
page = client.get("/")
html = page.get_data(as_text=True)
sheet = re.search(r'href="(/static/[^"]+[.]css)"', html)
created = client.post("/api/sessions")
body = created.get_json()
turn = client.post(f"/api/sessions/{body['session']['id']}/messages", json={"text": sys.argv[2]},
                   headers={"Authorization": f"Bearer {body['token']}"})
Path(sys.argv[3]).write_text(json.dumps({
    "package": str(Path(chatbot.__file__).resolve().parent),
    "content_root": str(CONTENT_ROOT),
    "instance": app.instance_path,
    "cache_default": str(default_cache_dir()),
    "sys_path": sys.path,
    "page": [page.status_code, html],
    "stylesheet": client.get(sheet.group(1)).status_code if sheet else None,
    "openapi": client.get("/api/openapi.yaml").status_code,
    "opening": [created.status_code, [m["text"] for m in body["messages"]]],
    "turn": [turn.status_code, [m["text"] for m in turn.get_json()["messages"] if m["sender"] == "bot"]],
}))
"""


def test_a_checkout_reads_its_own_root_and_keeps_its_instance_there(tmp_path):
    package = tmp_path / "checkout" / "chatbot"
    package.mkdir(parents=True)
    assert content_root(package) == tmp_path / "checkout"
    assert default_instance_path(package, str(tmp_path / "env")) == tmp_path / "checkout" / "instance"


def test_an_installed_package_reads_its_bundle_and_keeps_its_instance_under_the_prefix(tmp_path):
    env = tmp_path / "env"
    package = env / "site-packages" / "chatbot"
    (package / BUNDLE).mkdir(parents=True)
    assert content_root(package) == package / BUNDLE
    assert default_instance_path(package, str(env)) == env / "var" / "chatbot-instance"


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path


def run(command: list[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a step; on failure the assertion shows the end of its output."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          timeout=STEP_TIMEOUT, **kwargs)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """Leave out what a clean clone would not have: virtual environments, VCS data, caches, build output."""
    generated = {".git", "instance", "build", "dist", "__pycache__", ".mypy_cache", ".pytest_cache",
                 ".hypothesis", "node_modules"}
    return {name for name in names
            if name in generated or name.endswith(".egg-info") or (Path(folder, name, "pyvenv.cfg")).exists()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    """The project built into a wheel (through its sdist) and installed into a new virtual environment."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_not_sources)  # so the build's egg-info stays out of the checkout
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", work / "dist", source])
    wheel = next((work / "dist").glob("*.whl"))

    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    site_packages = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                         .stdout.strip())
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    # A path from a .pth line is searched but its own .pth files are not run, so this environment's
    # editable install (a .pth hook pointing at the checkout) stays out of the new one.
    (site_packages / "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel])
    return Installed(venv, python)


@pytest.mark.slow
def test_the_installed_wheel_serves_the_chat_page_and_a_turn_from_outside_the_checkout(installed, engine,
                                                                                       tmp_path):
    from chatbot.encoder import default_cache_dir

    script, report = tmp_path / "probe.py", tmp_path / "report.json"
    script.write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "COACH_DATA_DIR", "COACH_INTENTS_DIR", "PYTHONPATH"}}
    # The encoder's int8 model and vectors are keyed by content, so the checkout's cache serves here too
    # and spares a minute of building; the default folder is still checked below.
    env["COACH_CACHE_DIR"] = str(default_cache_dir())
    # -I: no PYTHONPATH, no user site, and neither the current folder nor the script's on sys.path.
    run([installed.python, "-I", script, APP_SPEC, QUESTION, report], cwd=tmp_path, env=env)
    seen = json.loads(report.read_text(encoding="utf-8"))

    package = Path(seen["package"])
    assert package.is_relative_to(installed.venv) and not package.is_relative_to(ROOT)
    assert str(ROOT) not in seen["sys_path"]
    assert Path(seen["content_root"]) == package / BUNDLE
    instance = installed.venv / "var" / "chatbot-instance"
    assert Path(seen["instance"]) == instance and (instance / "coach.sqlite3").is_file()
    assert Path(seen["cache_default"]) == instance / "cache"

    status, html = seen["page"]
    assert status == 200 and 'id="chat-form"' in html
    assert seen["stylesheet"] == 200 and seen["openapi"] == 200

    # The installed service says what the checkout's engine says, word for word.
    local = MemoryChat(engine)
    assert seen["opening"] == [201, [reply.text for reply in local.replies]]
    local.say(QUESTION)
    assert seen["turn"] == [200, [reply.text for reply in local.replies]]
