"""The pipeline's packages import only downwards, in the order the README's "How it works"
gives: text helpers and the data model, then crawl, extract, record, commitments, index,
search, ask and, last, the command line (which alone starts the web app); no two stage
packages import each other, and only the index stage imports Whoosh."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "indexer"
ORDER = ["text", "crawl", "extract", "record", "commitments", "index", "search", "ask", "cli"]
SHARED = {"model", "errors"}  # the data model every stage passes on, and its errors


def stage_of(module: str) -> int | None:
    """The rank of an ``indexer.<package>...`` module in ORDER (shared modules rank with
    ``text``); None for a module outside ``indexer``."""
    parts = module.split(".")
    if parts[0] != "indexer" or len(parts) < 2:
        return None
    name = "text" if parts[1] in SHARED else parts[1]
    return ORDER.index(name)


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


MODULES = sorted(p for p in ROOT.rglob("*.py") if p.parent != ROOT or p.stem in SHARED)


def test_every_stage_package_is_listed():
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_the_stages(path: Path):
    own = stage_of("indexer." + ".".join(path.relative_to(ROOT).with_suffix("").parts))
    upward = [m for m in imports(path) if (s := stage_of(m)) is not None and s > own]
    assert upward == [], f"{path.relative_to(ROOT)} imports a later stage"
    if own < ORDER.index("cli"):  # `apec-search serve` starts the web app; nothing else may
        assert not any(m.split(".")[0] == "webapp" for m in imports(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_index_stage_imports_whoosh(path: Path):
    uses_whoosh = any(m.split(".")[0] == "whoosh" for m in imports(path))
    assert not uses_whoosh or path.parent.name == "index"
