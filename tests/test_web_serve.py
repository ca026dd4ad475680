"""Serving: `apec-search serve` (gunicorn workers or waitress), `flask --app webapp`, and
one Engine shared by threads."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import waitress
from click.testing import CliRunner
from flask.cli import ScriptInfo

from indexer.cli import cli
from indexer.cli import serve as serve_module
from indexer.index.build import build_index
from tests.helpers import make_corpus, make_document
from tests.web_fixtures import web_index  # noqa: F401
from webapp import create_app
from webapp.engine import get_engine


def test_serve_with_one_worker_runs_waitress_with_the_options(monkeypatch, tmp_path):
    served = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(
        cli,
        ["serve", "--index", str(tmp_path), "--host", "0.0.0.0", "--port", "8123"]
        + ["--workers", "1"],
    )
    assert result.exit_code == 0, result.output
    assert f"Serving {tmp_path} on http://0.0.0.0:8123/ with waitress" in result.output
    assert served["host"] == "0.0.0.0" and served["port"] == 8123 and served["threads"] == 8
    assert served["app"].config["INDEX_DIR"] == tmp_path


def test_serve_defaults_to_a_gunicorn_worker_per_core(monkeypatch):
    served = {}
    monkeypatch.setattr(serve_module, "cores", lambda: 4)
    monkeypatch.setattr(
        serve_module,
        "run_gunicorn",
        lambda app, *args, **kw: served.update(app=app, args=args, **kw),
    )
    monkeypatch.setenv("APEC_SEARCH_INDEX", "/srv/apec-index")
    result = CliRunner().invoke(cli, ["serve", "--threads", "3"])
    assert result.exit_code == 0, result.output
    assert served["args"] == ("127.0.0.1", 8000, 4, 3)
    assert served["app"].config["INDEX_DIR"] == Path("/srv/apec-index")
    assert "with 4 gunicorn workers of 3 threads" in result.output
    served["on_worker_start"]()  # no index there: nothing to open, and no error


def _tiny_index(tmp_path: Path) -> Path:
    build_index(make_corpus(tmp_path, [_statement(1, "export finance")]), tmp_path / "index")
    return tmp_path / "index"


def test_each_gunicorn_worker_opens_the_index_before_taking_requests(monkeypatch, tmp_path):
    served = {}
    monkeypatch.setattr(
        serve_module,
        "run_gunicorn",
        lambda app, *args, **kw: served.update(app=app, args=args, **kw),
    )
    index = _tiny_index(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--index", str(index), "--workers", "2"])
    assert result.exit_code == 0, result.output
    engine = served["app"].extensions["apec_search_engine"]
    assert engine._gen is None  # not in the master: each worker opens its own after the fork
    served["on_worker_start"]()  # what gunicorn calls in a new worker (post_worker_init)
    assert engine._gen is not None and engine.warm_up
    engine.close()


def test_waitress_opens_the_index_before_taking_requests(monkeypatch, tmp_path):
    opened = []

    def serve(app, **kw):
        opened.append(app.extensions["apec_search_engine"]._gen is not None)
        app.extensions["apec_search_engine"].close()

    monkeypatch.setattr(waitress, "serve", serve)
    index = _tiny_index(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--index", str(index), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert opened == [True]


def test_serve_falls_back_to_waitress_where_gunicorn_cannot_run(monkeypatch):
    served = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setattr(serve_module, "gunicorn_available", lambda: False)
    assert CliRunner().invoke(cli, ["serve", "--workers", "2"]).exit_code == 0
    assert (served["host"], served["port"], served["threads"]) == ("127.0.0.1", 8000, 8)


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _search(port: int, q: str) -> dict:
    # A new connection each time, so that the requests spread over the workers.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q={q}", timeout=30) as r:
        return json.loads(r.read())


def _statement(n: int, words: str):
    return make_document(
        f"https://example.org/lakeside/{n}",
        f"Lakeside Statement {n}",
        [f"Ministers of Atlantis welcomed {words} for small enterprises in Lakeside."],
        year=2030 + n,
    )


@pytest.mark.skipif(not serve_module.gunicorn_available(), reason="gunicorn cannot run here")
def test_two_workers_answer_and_serve_a_rebuilt_index_without_restart(tmp_path):
    corpus = make_corpus(tmp_path, [_statement(1, "export finance"), _statement(2, "mentoring")])
    index = tmp_path / "index"
    build_index(corpus, index)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index)]
        + ["--port", str(port), "--workers", "2", "--threads", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                first = _search(port, "ministers")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        assert first["total"] == 2
        assert all(_search(port, "incubators")["total"] == 0 for _ in range(10))
        make_corpus(tmp_path, [_statement(3, "incubators")])
        build_index(corpus, index)
        found = [_search(port, "incubators") for _ in range(20)]
        assert [f["total"] for f in found] == [1] * 20
        assert found[0]["results"][0]["title"] == "Lakeside Statement 3"
        assert _search(port, "ministers")["total"] == 3
        workers = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        assert len(workers) == 2
    finally:
        server.terminate()
        server.wait(30)
