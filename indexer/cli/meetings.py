"""`apec-search meetings`: the series of meetings the record holds, with their documents."""

from __future__ import annotations

import json
from pathlib import Path

import click

from indexer.cli.common import index_option
from indexer.record.mentions import SERIES, SERIES_NAMES
from indexer.record.store import RecordMissing, contract, load_meetings
from indexer.search.generation import default_index_dir
from indexer.text.ordinals import ordinal


def describe(meeting: dict) -> str:
    """ "25th SME Ministerial Meeting, 2019-09-05, Concepción, Chile" in one line."""
    number = meeting["number"]
    name = SERIES_NAMES[meeting["series"]]
    head = (
        f"{ordinal(number)}{'?' if meeting['number_inferred'] else ''} {name}" if number else name
    )
    place = ", ".join(p for p in (meeting["city"], meeting["economy"]) if p)
    year = f"{meeting['year']}?" if meeting.get("year_inferred") else meeting["year"]
    when = meeting["start_date"] or year or "year unknown"
    parts = [head, str(when), place or "place unknown"]
    return " · ".join(parts) + (" (virtual)" if meeting["virtual"] else "")


@click.command("meetings")
@click.option("--series", type=click.Choice(SERIES), help="Only this series.")
@click.option("--json", "as_json", is_flag=True, help="Print the meetings as JSON.")
@index_option
def meetings_command(series: str | None, as_json: bool, index_dir: Path | None) -> None:
    """The SME Ministerial Meetings and SMEWG meetings the documents name, oldest first,
    each with its facts and its documents (? marks a number inferred between stated ones)."""
    try:
        meetings = load_meetings(index_dir or default_index_dir(), series)
    except RecordMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        data = {"meetings": [contract(m) for m in meetings]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for meeting in meetings:
        click.secho(describe(meeting), bold=True)
        if meeting["chair"]:
            click.echo(f"  chair: {meeting['chair']}")
        outcomes = [d for d in meeting["documents"] if d["role"] == "outcome"]
        for doc in outcomes:
            click.echo(f"  outcome: {doc['title']} · {doc['url']}")
        if meeting["series"] == "sme_ministerial" and not outcomes:
            click.secho("  no outcome document in the index", fg="yellow")
        others = len(meeting["documents"]) - len(outcomes)
        if others:
            click.secho(f"  {others} other documents", dim=True)
