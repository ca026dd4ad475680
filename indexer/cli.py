"""The `apec-search` command line: a thin layer over the library modules."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import click

from indexer.ask import answer
from indexer.build import BuildRunning, build_index
from indexer.commitment_store import (
    CSV_COLUMNS,
    CommitmentsMissing,
    csv_rows,
    find_commitments,
    group_by_year,
)
from indexer.commitments import STRENGTHS
from indexer.corpus import default_corpus_dir
from indexer.errors import ExtractionError
from indexer.extract import FETCH_MAX_BYTES, FETCH_TIMEOUT, document_json, extract_target
from indexer.model import DOC_TYPES
from indexer.search import SORTS, Engine, IndexMissing, default_index_dir
from indexer.topics import TOPICS_BY_SLUG
from indexer.trends import trends


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="apec-search")
def cli() -> None:
    """Search and question answering over APEC's public record on MSMEs."""


def index_option(f):
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Index directory (default: $APEC_SEARCH_INDEX or index/).",
    )(f)


def corpus_option(f):
    return click.option(
        "--corpus",
        "corpus_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Corpus directory (default: $APEC_SEARCH_CORPUS or corpus/).",
    )(f)


def run_crawl(command: str, corpus_dir: Path | None, **options):
    """Crawl into the corpus, or say why it could not and exit with status 1."""
    from indexer.crawl import CrawlError, crawl
    from indexer.sources import SourcesError

    try:
        return crawl(corpus_dir or default_corpus_dir(), progress=True, **options)
    except (CrawlError, SourcesError) as exc:
        click.echo(f"apec-search {command}: {exc}", err=True)
    except OSError as exc:
        click.echo(f"apec-search {command}: cannot write the corpus: {exc}", err=True)
    sys.exit(1)


@cli.command("crawl")
@click.option("--seed", "seeds", multiple=True, metavar="URL",
              help="Start here instead of corpus/sources.toml (repeatable); "
                   "the scope becomes the seeds' own hosts.")
@corpus_option
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests to one host (robots.txt Crawl-delay may raise it).")
@click.option("--max-pages", type=click.IntRange(min=1), default=500, show_default=True,
              help="Stop after this many URLs.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=25 * 1024 * 1024,
              show_default=True, help="Largest body stored; a larger one is cut off and skipped.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Seconds to wait for a connection or for data.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def crawl_command(
    seeds: tuple[str, ...],
    corpus_dir: Path | None,
    delay: float,
    max_pages: int,
    max_bytes: int,
    timeout: float,
    as_json: bool,
) -> None:
    """Fetch APEC's SME documents (HTML and PDF) into the corpus, politely and resumably."""
    summary = run_crawl(
        "crawl",
        corpus_dir,
        seeds=list(seeds) or None,
        delay=delay,
        max_pages=max_pages,
        max_bytes=max_bytes,
        timeout=timeout,
    )
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        click.echo(summary.text())


@cli.command("extract")
@click.argument("target")
@click.option("--timeout", type=float, default=FETCH_TIMEOUT, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("--max-bytes", type=int, default=FETCH_MAX_BYTES, show_default=True,
              help="Largest body accepted.")
def extract_command(target: str, timeout: float, max_bytes: int) -> None:
    """Print what extraction makes of one URL or file (title, metadata, paragraphs) as JSON."""
    try:
        doc = extract_target(target, timeout=timeout, max_bytes=max_bytes)
    except ExtractionError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(document_json(doc))


def run_index(corpus_dir: Path | None, index_dir: Path | None, recreate: bool) -> None:
    try:
        summary = build_index(
            corpus_dir or default_corpus_dir(),
            index_dir or default_index_dir(),
            recreate=recreate,
            progress=True,
        )
    except BuildRunning as exc:
        raise click.ClickException(str(exc)) from exc
    for line in summary.lines():
        click.echo(line)
    if not summary.documents:
        click.echo("The corpus holds no extracted documents yet: run `apec-search crawl` first.")


@cli.command("index")
@corpus_option
@index_option
@click.option("--recreate", is_flag=True, help="Rebuild from the extracted text, from scratch.")
def index_command(corpus_dir: Path | None, index_dir: Path | None, recreate: bool) -> None:
    """Index the corpus's extracted documents (only what changed, unless --recreate)."""
    run_index(corpus_dir, index_dir, recreate)


@cli.command("update")
@click.option("--seed", "seeds", multiple=True, metavar="URL",
              help="Start here instead of corpus/sources.toml (repeatable).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests to one host.")
@click.option("--max-pages", type=click.IntRange(min=1), default=500, show_default=True,
              help="Stop the crawl after this many URLs.")
@corpus_option
@index_option
def update_command(
    seeds: tuple[str, ...],
    delay: float,
    max_pages: int,
    corpus_dir: Path | None,
    index_dir: Path | None,
) -> None:
    """Crawl, then extract and index what changed: the command a scheduled job runs.

    If the crawl fails (no network) it says so and exits with status 1, leaving the corpus
    and the index as they were.
    """
    summary = run_crawl(
        "update", corpus_dir, seeds=list(seeds) or None, delay=delay, max_pages=max_pages
    )
    click.echo(summary.text())
    run_index(corpus_dir, index_dir, recreate=False)


def parse_years(ctx, param, value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|\.\.)\s*(\d{4})\s*)?", value)
    if not m:
        raise click.BadParameter("give a year (2015) or a range (2010-2015)")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(first, last), max(first, last))


@cli.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--year", callback=parse_years, help="A year or a range: 2015, 2010-2015.")
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Document type.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@index_option
def search_command(
    query: tuple[str, ...],
    year: tuple[int, int] | None,
    doc_type: str | None,
    sort: str,
    limit: int,
    page: int,
    as_json: bool,
    index_dir: Path | None,
) -> None:
    """Search the index: words, "exact phrases", OR, -word, title:/type:/year:/location:."""
    engine = Engine(index_dir or default_index_dir())
    try:
        found = engine.search(
            " ".join(query), year=year, doc_type=doc_type, sort=sort, page=page, limit=limit
        )
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        engine.close()
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print_results(found)


def _terminal_snippet(snippet: str) -> str:
    """The HTML snippet for a terminal: <mark> as bold, entities unescaped."""
    parts = re.split(r"<mark>(.*?)</mark>", snippet)
    return "".join(
        click.style(html.unescape(p), bold=True, fg="yellow") if i % 2 else html.unescape(p)
        for i, p in enumerate(parts)
    )


def print_results(found: dict) -> None:
    for note in found["notes"]:
        click.secho(note, fg="magenta")
    if found["suggestion"] and not found["corrected_query"]:
        click.secho(f"Did you mean: {found['suggestion']}", fg="magenta")
    first = (found["page"] - 1) * found["limit"]
    shown = f"{first + 1}-{first + len(found['results'])} of " if found["results"] else ""
    click.secho(f"{shown}{found['total']} documents", bold=True)
    for n, r in enumerate(found["results"], start=first + 1):
        facts = " · ".join(str(x) for x in (r["year"], r["doc_type"], r["location"]) if x)
        click.echo(f"\n{n}. " + click.style(r["title"] or r["url"], bold=True, fg="cyan"))
        click.secho(f"   {facts}", dim=True)
        click.echo(f"   {_terminal_snippet(r['snippet'])}")
        click.secho(f"   {r['link']}", fg="blue")
    if found["total"] and found["facets"]["year"]:
        years = ", ".join(f"{y}: {n}" for y, n in sorted(found["facets"]["year"].items()))
        click.secho(f"\nBy year: {years}", dim=True)


@cli.command("commitments")
@click.option("--topic", type=click.Choice(list(TOPICS_BY_SLUG)), help="Only this topic.")
@click.option("--year", callback=parse_years, help="A year or a range: 2015, 2010-2015.")
@click.option("--strength", type=click.Choice(STRENGTHS), help="Only this strength.")
@click.option("--q", "words", help="Only sentences with all these words.")
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the records as CSV.")
@index_option
def commitments_command(
    topic: str | None,
    year: tuple[int, int] | None,
    strength: str | None,
    words: str | None,
    as_json: bool,
    as_csv: bool,
    index_dir: Path | None,
) -> None:
    """What ministers (and officials, the SMEWG...) committed to, newest year first."""
    if as_json and as_csv:
        raise click.UsageError("Choose one of --json and --csv.")
    try:
        found = find_commitments(
            index_dir or default_index_dir(), topic=topic, years=year, strength=strength, q=words
        )
    except CommitmentsMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        data = {"total": len(found), "commitments": [r.to_dict() for r in found]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    elif as_csv:
        from webapp.csv_export import to_csv  # the one formula-safe CSV writer

        click.echo(to_csv(csv_rows(found), CSV_COLUMNS), nl=False)
    else:
        click.secho(f"{len(found)} commitments", bold=True)
        for group_year, records in group_by_year(found):
            click.secho(f"\n{group_year or 'Undated'}", bold=True, fg="cyan")
            for r in records:
                verb = click.style(r.verb, bold=True, fg="yellow")
                click.echo(f"  [{r.strength}] {verb} ({r.actor}): {r.text}")
                click.secho(f"    {r.title} · {r.link}", dim=True)


@cli.command("trends")
@click.argument("terms", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@index_option
def trends_command(terms: tuple[str, ...], as_json: bool, index_dir: Path | None) -> None:
    """Per year, how many documents and passages mention each TERM (a word or "a phrase")."""
    engine = Engine(index_dir or default_index_dir())
    try:
        found = trends(engine, list(terms))
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="TERM") from exc
    finally:
        engine.close()
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    series = found["series"]
    width = max(len("docs/passages"), *(len(s["term"]) for s in series))
    click.echo("year  " + "  ".join(s["term"].ljust(width) for s in series))
    click.echo("      " + "  ".join("docs/passages".ljust(width) for _ in series))
    for n, year in enumerate(found["years"]):
        cells = (f"{s['counts'][n]['documents']}/{s['counts'][n]['passages']}" for s in series)
        click.echo(f"{year}  " + "  ".join(c.ljust(width) for c in cells).rstrip())


@cli.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads."
)
def serve(index_dir: Path | None, host: str, port: int, threads: int) -> None:
    """Serve the web front end with waitress (it starts even before an index exists)."""
    from waitress import serve as waitress_serve

    from webapp import create_app

    app = create_app({"INDEX_DIR": index_dir or default_index_dir()})
    click.echo(f"Serving {app.config['INDEX_DIR']} on http://{host}:{port}/ (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=threads)


@cli.command("ask")
@click.argument("question", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the answers as JSON.")
@index_option
def ask_command(
    question: tuple[str, ...], limit: int, as_json: bool, index_dir: Path | None
) -> None:
    """Answer a question with cited sentences from the index."""
    engine = Engine(index_dir or default_index_dir())
    try:
        found = answer(engine, " ".join(question), limit=limit)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        engine.close()
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print_answers(found)


def _marked(sentence: str, span: str | None) -> str:
    """The sentence with its answering span in bold."""
    if not span or span not in sentence:
        return sentence
    before, _, after = sentence.partition(span)
    return before + click.style(span, bold=True, fg="yellow") + after


def print_answers(found: dict) -> None:
    if not found["answers"]:
        click.secho("No answer: nothing in the index matches the question.", fg="magenta")
        return
    if not found["confident"]:
        click.secho("No confident answer. The closest passages:", fg="magenta")
    for n, a in enumerate(found["answers"], start=1):
        cite = " · ".join(str(x) for x in (a["title"], a["year"]) if x)
        click.echo(f"\n{n}. {_marked(a['answer'], a['span'])}")
        click.secho(f"   {cite}", fg="cyan")
        click.secho(f"   {a['link']}", fg="blue")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
