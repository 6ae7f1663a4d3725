"""Docs that tests keep honest: the schema page lists every key the output has, and
the README's two commands are real Makefile targets that CI runs."""
import re

import pytest

from sitrep.io.readers import ReadOptions, read_inputs
from sitrep.output import article_json
from tests.conftest import EXAMPLES, ROOT


def _keys(obj, out):
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.add(k)
            _keys(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _keys(v, out)
    return out


def test_schema_doc_lists_every_output_key(coder):
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_0-9]+)`", doc))
    keys = set()
    for coded in coder.code(read_inputs([str(EXAMPLES)], ReadOptions())):
        _keys(article_json(coded), keys)
    assert keys - documented == set()


def test_readme_commands_are_makefile_targets_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in readme
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["README.md", "docs/store.md", "docs/web.md"])
def test_modules_the_docs_name_exist(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+\.py)`", text))
    assert named, f"{doc} names the modules a newcomer looks for"
    package = ROOT / "src" / "sitrep"
    sources = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    for name in named:
        assert (ROOT / name).exists() or any(s == name or s.endswith("/" + name) for s in sources), (doc, name)


def test_web_doc_lists_every_api_endpoint():
    from sitrep.web.app import create_app

    doc = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    for path in create_app(ROOT / "absent.db").openapi()["paths"]:
        assert f"`GET {path}`" in doc, path
    for shot in re.findall(r"\]\((screenshots/[a-z-]+\.png)\)", doc):
        assert (ROOT / "docs" / shot).exists(), shot


def test_readme_names_every_command():
    from sitrep.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = {name for group in re.findall(r"sitrep ([a-z|]+)", readme) for name in group.split("|")}
    assert set(COMMANDS) <= named, set(COMMANDS) - named


def test_readme_names_every_evaluation():
    from sitrep.cli import EVAL_TASKS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {task for task in EVAL_TASKS if f"sitrep eval {task}" not in readme} == set()


def test_readme_lists_every_data_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    data = ROOT / "src" / "sitrep" / "data"
    assert {p.name for p in data.glob("*.yaml") if f"`data/{p.name}`" not in readme} == set()

