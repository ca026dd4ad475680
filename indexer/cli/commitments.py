"""`apec-search commitments`: what ministers committed to, filtered."""

from __future__ import annotations

import json
from pathlib import Path

import click

from indexer.cli.common import index_option, parse_years
from indexer.commitments import STRENGTHS
from indexer.commitments.store import (
    CSV_COLUMNS,
    CommitmentsMissing,
    csv_rows,
    find_commitments,
    group_by_year,
)
from indexer.commitments.topics import TOPICS_BY_SLUG
from indexer.search.csv_export import to_csv
from indexer.search.generation import default_index_dir


@click.command("commitments")
@click.option("--topic", type=click.Choice(list(TOPICS_BY_SLUG)), help="Only this topic.")
@click.option("--year", callback=parse_years, help="A year or a range: 2015, 2010-2015.")
@click.option("--strength", type=click.Choice(STRENGTHS), help="Only this strength.")
@click.option("--q", "words", help="Only sentences with all these words (in any form).")
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
        click.echo(to_csv(csv_rows(found), CSV_COLUMNS), nl=False)
    else:
        click.secho(f"{len(found)} commitments", bold=True)
        for group_year, records in group_by_year(found):
            click.secho(f"\n{group_year or 'Undated'}", bold=True, fg="cyan")
            for r in records:
                verb = click.style(r.verb, bold=True, fg="yellow")
                lead = f"{r.lead_in} … " if r.lead_in else ""  # a list item's context
                click.echo(f"  [{r.strength}] {verb} ({r.actor}): {lead}{r.text}")
                click.secho(f"    {r.title} · {r.link}", dim=True)
                if r.undated:
                    click.secho(f"    undated: {r.undated}", dim=True)
                for label, others in (("also on", r.sources[1:]), ("reported in", r.reported_in)):
                    if others:
                        names = "; ".join(o["title"] or o["url"] for o in others)
                        click.secho(f"    {label}: {names}", dim=True)
