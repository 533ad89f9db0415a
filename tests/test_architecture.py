"""The code's own rules, checked as tests: the layers and no import cycles (import-linter, with
the contracts in pyproject.toml), types (mypy over src), lint with the complexity limit (ruff),
and none of the escape hatches the project gave up."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "peacewatch"
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _tool(name: str) -> str:
    found = BIN / name
    if not found.exists():
        found = Path(shutil.which(name) or name)
    return str(found)


def test_imports_follow_the_layers_and_have_no_cycles():
    done = _run(_tool("lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


@pytest.mark.slow
def test_mypy_finds_no_error_in_src():
    done = _run(sys.executable, "-m", "mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_ruff_passes_with_the_complexity_limit():
    done = _run(_tool("ruff"), "check", "src", "tests", "bench")
    assert done.returncode == 0, done.stdout[-4000:]


def _source_lines():
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield path.relative_to(SRC.parent), number, line


@pytest.mark.parametrize(("what", "pattern"), [
    ("a private module of re", re.compile(r"\bre\._|sre_parse|sre_compile|sre_constants")),
    ("a glob over installed files", re.compile(r"site-packages|\.glob\(\s*['\"][^'\"]*lookups")),
    ("a noqa silencing the complexity rule", re.compile(r"noqa:.*C901")),
])
def test_no_escape_hatch(what, pattern):
    found = [f"{path}:{number}" for path, number, line in _source_lines() if pattern.search(line)]
    assert found == [], f"{what}: {found}"


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def test_no_import_error_caught_around_the_projects_own_modules():
    """Our modules are always installed together: a failing import of one is a bug to see."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try) or not any(_catches_import_error(h) for h in node.handlers):
                continue
            for inner in (n for stmt in node.body for n in ast.walk(stmt)):
                module = inner.module if isinstance(inner, ast.ImportFrom) else None
                names = [a.name for a in inner.names] if isinstance(inner, ast.Import) else [module or ""]
                if any(name.startswith("peacewatch") for name in names):
                    found.append(f"{path.relative_to(SRC.parent)}:{node.lineno}")
    assert found == []


def test_grammar_names_each_word_class_once():
    """grammar.py is shared by every reader: a name assigned twice silently changes what the
    readers that import the first one see (two sections once both defined TARGET_PREPS)."""
    tree = ast.parse((SRC / "grammar.py").read_text(encoding="utf-8"))
    names = [target.id for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)]
    assert sorted({n for n in names if names.count(n) > 1}) == []
