"""The home and help pages' JSON twins: what the index holds, and the JSON endpoints."""

from bs4 import BeautifulSoup

from tests.helpers import make_document, make_index
from webapp import create_app


def client_of(index):
    return create_app({"INDEX_DIR": index, "TESTING": True}).test_client()


TEXT = "Ministers of Atlantis agreed to widen access to finance for the harbour firms of the bay."


def test_the_home_page_links_its_json_twin(tmp_path):
    index = make_index(tmp_path, [make_document("https://example.org/a", "Harbour plan", [TEXT])])
    client = client_of(index)
    home = BeautifulSoup(client.get("/").data, "html.parser")
    twin = client.get(home.select_one(".index-stats a[href^='/api/']")["href"]).get_json()
    assert twin["stats"]["documents"] == 1 and twin["examples"]
    assert client_of(tmp_path / "none").get("/api/stats").status_code == 503


def test_the_help_pages_twin_lists_every_json_endpoint_with_its_page(tmp_path):
    client = client_of(tmp_path / "none")
    app = client.application
    help_page = BeautifulSoup(client.get("/help").data, "html.parser")
    twin = help_page.find("a", string="JSON twin")["href"]
    endpoints = client.get(twin).get_json()["endpoints"]
    routes = {
        r.rule.replace("<doc_id>", "<id>").replace("<ref>", "<number>")
        for r in app.url_map.iter_rules()
    }
    api_routes = {r for r in routes if r.startswith("/api")}
    assert {e["path"] for e in endpoints} == api_routes
    assert all(e["page"] in routes for e in endpoints)
    listed = help_page.get_text()
    assert all(e["path"].split("<")[0].rstrip("/") in listed for e in endpoints)


def test_an_index_of_no_documents_serves_empty_pages(tmp_path):
    # a corpus whose only page holds too little text to index builds an empty index
    index = make_index(tmp_path, [make_document("https://example.org/a", "A", ["Firms."])])
    client = client_of(index)
    assert client.get("/api/stats").get_json()["stats"]["documents"] == 0
    assert client.get("/api/search?q=firms").get_json()["total"] == 0
    assert client.get("/").status_code == 200
