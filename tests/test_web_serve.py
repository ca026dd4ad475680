"""Serving: `apec-search serve`, `flask --app webapp`, and one Engine shared by threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import waitress
from click.testing import CliRunner
from flask.cli import ScriptInfo

from indexer.cli import cli
from tests.web_fixtures import web_index  # noqa: F401
from webapp import create_app
from webapp.engine import get_engine


def test_serve_runs_waitress_with_the_options(monkeypatch, tmp_path):
    served = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(
        cli, ["serve", "--index", str(tmp_path), "--host", "0.0.0.0", "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert f"Serving {tmp_path} on http://0.0.0.0:8123/" in result.output
    assert served["host"] == "0.0.0.0" and served["port"] == 8123 and served["threads"] == 8
    assert served["app"].config["INDEX_DIR"] == tmp_path


def test_serve_defaults(monkeypatch):
    served = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("APEC_SEARCH_INDEX", "/srv/apec-index")
    assert CliRunner().invoke(cli, ["serve"]).exit_code == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert served["app"].config["INDEX_DIR"] == Path("/srv/apec-index")


def test_serve_refuses_a_bad_port():
    result = CliRunner().invoke(cli, ["serve", "--port", "99999"])
    assert result.exit_code == 2 and "99999" in result.output


def test_flask_cli_finds_the_factory(monkeypatch, tmp_path):
    monkeypatch.setenv("APEC_SEARCH_INDEX", str(tmp_path))
    app = ScriptInfo(app_import_path="webapp").load_app()
    assert app.config["INDEX_DIR"] == tmp_path
    assert app.test_client().get("/").status_code == 200


def test_one_engine_is_shared_by_concurrent_requests(web_index):  # noqa: F811
    app = create_app({"INDEX_DIR": web_index})
    with app.app_context():
        engine = get_engine()

    def fetch(n: int) -> tuple[int, bool]:
        with app.test_client() as client:
            response = client.get(f"/search?q=digitalisation&page={n % 2 + 1}")
            with app.app_context():
                same = get_engine() is engine
            return response.status_code, same

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(fetch, range(24)))
    assert outcomes == [(200, True)] * 24
