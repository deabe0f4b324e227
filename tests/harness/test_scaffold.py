"""``make new-page`` (harness/scaffold.py): a page, its example and its test, ready to run."""

import re
import shutil
import subprocess
import sys

import pytest

from harness import ROOT
from harness.scaffold import ScaffoldError, scaffold


@pytest.fixture
def project(tmp_path):
    """A project with the guide's configuration, a root page and one chapter."""
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "tests" / "examples").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "examples" / "conftest.py", tmp_path / "tests" / "examples")
    (tmp_path / "docs" / "becoming-big").mkdir(parents=True)
    toctree = "# {}\n\n```{{toctree}}\n{}\n```\n"
    (tmp_path / "docs" / "index.md").write_text(toctree.format("Guide", "becoming-big/index"))
    (tmp_path / "docs" / "becoming-big" / "index.md").write_text(toctree.format("Big", "hooks"))
    return tmp_path


def test_a_new_page_follows_the_layout_rule_and_runs_as_written(project):
    written = scaffold("becoming-big/response-caching", root=project)
    assert [path.relative_to(project).as_posix() for path in written] == [
        "docs/becoming-big/response-caching.md",
        "examples/becoming_big/response_caching/response_caching.py",
        "tests/examples/becoming_big/response_caching/test_response_caching.py",
        "docs/becoming-big/index.md",
    ]
    page = (project / "docs" / "becoming-big" / "response-caching.md").read_text()
    assert "```{example-folder} becoming_big/response_caching\n```" in page
    included = re.search(r"\{literalinclude\} (\S+)", page)[1]
    assert (project / "docs" / "becoming-big" / included).resolve().is_file()
    toctree = (project / "docs" / "becoming-big" / "index.md").read_text()
    assert toctree.endswith("```{toctree}\nhooks\nresponse-caching\n```\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "docs", "tests"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout  # the page's setup block, its two examples, the test
    assert "pages: 1 page, 1 Python blocks: 1 executed" in done.stdout


def test_a_name_that_would_shadow_a_module_gets_another_module_name(project):
    written = scaffold("logging", title="Logging", root=project)
    assert written[1].name == "logging_app.py"
    assert (
        (project / "docs" / "index.md").read_text().endswith("becoming-big/index\nlogging\n```\n")
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Becoming_Big/Caching", "kebab-case"),
        ("becoming-big/hooks/", "kebab-case"),
        ("nowhere/page", "docs/nowhere/index.md is missing"),
    ],
)
def test_what_cannot_be_made_says_why(project, name, message):
    with pytest.raises(ScaffoldError, match=message):
        scaffold(name, root=project)


def test_an_existing_page_is_never_overwritten(project):
    scaffold("becoming-big/caching", root=project)
    with pytest.raises(ScaffoldError, match="already there: .*caching.md"):
        scaffold("becoming-big/caching", root=project)
