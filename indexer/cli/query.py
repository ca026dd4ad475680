"""Commands that read the index: search, ask and trends."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import click

from indexer.ask import answer
from indexer.ask.search_box import search_box
from indexer.cli.common import QUERY_CONTEXT, index_option, open_engine, parse_years
from indexer.model import DOC_TYPES
from indexer.search.engine import SORTS, TYPE_GROUPS
from indexer.search.trends import trends


@click.command("search", context_settings=QUERY_CONTEXT)
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--year", callback=parse_years, help="A year, a range or undated: 2015, 2010-2015, undated."
)
@click.option(
    "--type",
    "doc_type",
    multiple=True,
    type=click.Choice((*DOC_TYPES, *TYPE_GROUPS)),
    help="Document type (repeatable: any of them); outcomes: statements and declarations.",
)
@click.option(
    "--words",
    "as_words",
    is_flag=True,
    help=(
        "Genre words (statement, news, report...) and a meeting's name are words to match,"
        " not a type preference and the meeting's documents."
    ),
)
@click.option(
    "--no-thesaurus",
    "exact",
    is_flag=True,
    help="Match only the words typed, not the other terms of the concepts they name.",
)
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--meeting", help="Only documents of this meeting: sme_ministerial/25, smewg/58.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@index_option
def search_command(
    query: tuple[str, ...],
    year: tuple[int, int] | None,
    doc_type: tuple[str, ...],
    as_words: bool,
    exact: bool,
    sort: str,
    limit: int,
    page: int,
    meeting: str | None,
    as_json: bool,
    index_dir: Path | None,
) -> None:
    """Search the index: words, "exact phrases", OR, -word, word*, title:/type:/year:/location:."""
    with open_engine(index_dir) as engine:
        found = search_box(
            engine,
            " ".join(query),
            year=year,
            doc_type=list(doc_type) or None,
            sort=sort,
            page=page,
            limit=limit,
            meeting=meeting,
            type_hint=not as_words,
            meeting_hint=not as_words,
            thesaurus=not exact,
        )
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


def _print_result(n: int, r: dict) -> None:
    meeting = r.get("meeting")
    named = f"{meeting['series']}/{meeting['number']}" if meeting and meeting["number"] else None
    facts = " · ".join(str(x) for x in (r["year"], r["doc_type"], r["location"], named) if x)
    click.echo(f"\n{n}. " + click.style(r["title"] or r["url"], bold=True, fg="cyan"))
    click.secho(f"   {facts}", dim=True)
    click.echo(f"   {_terminal_snippet(r['snippet'])}")
    click.secho(f"   {r['link']}", fg="blue")


def print_results(found: dict) -> None:
    featured = found.get("featured")
    if featured and featured["answer"]:
        click.secho(f"Answer: {featured['summary']}", bold=True, fg="green")
        click.secho(f"   {featured['answer']['link']}", fg="blue")
    if found.get("question_words"):
        words = ", ".join(found["question_words"].split())
        click.secho(f"Searched for the question's words: {words}", fg="magenta")
    for note in found["notes"]:
        click.secho(note, fg="magenta")
    if found.get("type_hint"):
        hint = found["type_hint"]
        words = ", ".join(hint["words"])
        click.secho(
            f"Preferring {hint['label']} (from {words}; --words to match them)", fg="magenta"
        )
    if found.get("meeting_hint"):
        hint = found["meeting_hint"]
        words = ", ".join(hint["words"])
        click.secho(
            f"Meeting {hint['key']} first (from {words}; --words to match them)", fg="magenta"
        )
    if found.get("expanded"):
        terms = ", ".join(e["term"] for e in found["expanded"])
        click.secho(f"Also matching: {terms} (quote words to match only them)", fg="magenta")
    if found["suggestion"] and not found["corrected_query"]:
        click.secho(f"Did you mean: {found['suggestion']}", fg="magenta")
    first = (found["page"] - 1) * found["limit"]
    shown = f"{first + 1}-{first + len(found['results'])} of " if found["results"] else ""
    click.secho(f"{shown}{found['total']} documents", bold=True)
    for n, r in enumerate(found["results"], start=first + 1):
        _print_result(n, r)
    if found.get("partial"):
        click.secho("\nAlso matching some of your words:", bold=True, fg="magenta")
        for n, r in enumerate(found["partial"], start=1):
            _print_result(n, r)
    if found.get("related"):
        click.secho("\nRelated to these results:", bold=True, fg="magenta")
        for n, r in enumerate(found["related"], start=1):
            _print_result(n, r)
    if found["total"] and found["facets"]["year"]:
        years = ", ".join(f"{y}: {n}" for y, n in sorted(found["facets"]["year"].items()))
        click.secho(f"\nBy year: {years}", dim=True)


@click.command("ask")
@click.argument("question", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the answers as JSON.")
@index_option
def ask_command(
    question: tuple[str, ...], limit: int, as_json: bool, index_dir: Path | None
) -> None:
    """Answer a question with cited sentences from the index."""
    with open_engine(index_dir) as engine:
        found = answer(engine, " ".join(question), limit=limit)
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


def _years(first: int | None, last: int | None) -> str:
    """ ", 2012", ", 2012-2015", or "" without a year."""
    if not first:
        return ""
    return f", {first}" if last in (None, first) else f", {first}-{last}"


def print_commitments(asked: dict) -> None:
    """The commitments a question asked for (``asked_commitments``), newest first."""
    if not asked["total"]:
        click.secho(f"The record holds no commitment on {asked['label']}.\n", fg="magenta")
        return
    held = "" if asked["years"] else _years(asked["first_year"], asked["last_year"])
    click.secho(f"{asked['total']} commitments on {asked['label']}{held}:", bold=True)
    for n, r in enumerate(asked["records"], start=1):
        lead = f"{r['lead_in']} … " if r["lead_in"] else ""
        click.echo(f"\n{n}. {lead}{r['text']}")
        click.secho(f"   {' · '.join(str(x) for x in (r['title'], r['year']) if x)}", fg="cyan")
        click.secho(f"   {r['link']}", fg="blue")
    if asked["total"] > len(asked["records"]):
        click.echo(f"\nAll of them: {asked['url']} (or apec-search commitments)")
    click.echo()


def print_answers(found: dict) -> None:
    if found.get("commitments"):
        print_commitments(found["commitments"])
    if not found["answers"]:
        click.secho("No answer: nothing in the index matches the question.", fg="magenta")
        return
    if not found["confident"]:
        heading = "No confident answer. The closest passages:"
        if found.get("commitments"):  # answered by the record of commitments, listed above
            heading = "Passages on the question:"
        click.secho(heading, fg="magenta")
    elif found.get("summary"):
        click.secho(found["summary"], bold=True)
    for n, a in enumerate(found["answers"], start=1):
        cite = " · ".join(str(x) for x in (a["title"], a["year"]) if x)
        if found["confident"]:
            cite += f" · confidence {a['confidence']:.0%} ({a['likelihood']})"
        click.echo(f"\n{n}. {_marked(a['answer'], a['span'])}")
        click.secho(f"   {cite}", fg="cyan")
        click.secho(f"   {a['link']}", fg="blue")


@click.command("trends", context_settings=QUERY_CONTEXT)
@click.argument("terms", nargs=-1)
@click.option(
    "--topic",
    "topics",
    multiple=True,
    help="A topic of the concepts file (access-to-finance, ...): any of its words.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@index_option
def trends_command(
    terms: tuple[str, ...], topics: tuple[str, ...], as_json: bool, index_dir: Path | None
) -> None:
    """Per year, how many documents and passages mention each TERM (a word or "a phrase")
    or --topic."""
    with open_engine(index_dir) as engine:
        try:
            found = trends(engine, list(terms), list(topics))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="TERM") from exc
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    series = found["series"]
    head = "docs/passages/per 10k words"
    width = max(len(head), *(len(s["term"]) for s in series))
    click.echo("year  " + "  ".join(s["term"].ljust(width) for s in series))
    click.echo("      " + "  ".join(head.ljust(width) for _ in series))
    for n, year in enumerate(found["years"]):
        cells = (
            f"{c['documents']}/{c['passages']}/"
            + ("-" if c["per_10k_words"] is None else f"{c['per_10k_words']:.2f}")
            for c in (s["counts"][n] for s in series)
        )
        thin = "  (thin)" if year in found["thin_years"] else ""
        click.echo(f"{year}  " + "  ".join(c.ljust(width) for c in cells).rstrip() + thin)
    click.echo(
        f"\n{sum(found['words']):,} words in {sum(found['documents_per_year'])} dated documents;"
        f" {found['undated_documents']} undated left out. Per 10,000 words only for years of"
        f" {found['meaningful_words']:,} words or more; (thin): under {found['min_year_words']:,}."
    )
