"""Type labels as the pages show them: a host economy's APEC-year site publishes releases
that are not APEC's own, and the label says so."""

from indexer.extract import extract_bytes
from webapp.facets import doc_type_label


def test_a_host_years_release_is_not_labelled_apecs_own():
    page = (
        b"<html><head><title>First Senior Officials' Meeting in Lakeside</title></head><body>"
        b"<p>Senior officials of the twenty-one economies opened their first meeting of the"
        b" year in Lakeside, the host's organising office said.</p></body></html>"
    )
    url = "https://www.apeclakeside2031.example/apec/media/news/first-senior-officials-meeting"
    doc = extract_bytes(page, url, "text/html")
    assert doc.doc_type == "news_release"
    label = doc_type_label(doc.doc_type)
    assert "host year" in label and not label.startswith("APEC news")
