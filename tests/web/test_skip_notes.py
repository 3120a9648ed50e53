"""The browser tests never skip silently: the session's summary says why they did not run.

A session of its own (pytester) with the web tests' conftest.py and one test that
needs the browser, under a PATH with or without a ``chromium``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")
BROWSER_TEST = """
import pytest

pytestmark = pytest.mark.usefixtures("chromium", "playwright_api")


def test_needs_the_browser():
    pass
"""
NO_CHROMIUM = "browser tests skipped: no Chromium found (apt-get install chromium, as .ci/run does)"
NO_PLAYWRIGHT = "browser tests skipped: playwright is not installed (pip install -e '.[test]')"


@pytest.mark.parametrize(
    ("chromium", "playwright", "outcome", "note"),
    [
        (False, True, "skipped", NO_CHROMIUM),
        (True, False, "skipped", NO_PLAYWRIGHT),
        (True, True, "passed", None),
    ],
)
def test_the_summary_says_why_the_browser_tests_were_skipped(
    pytester, monkeypatch, tmp_path, chromium: bool, playwright: bool, outcome: str, note: str | None
) -> None:
    if playwright:
        pytest.importorskip("playwright.sync_api")
    else:
        for name in ("playwright", "playwright.sync_api"):  # importing it fails, even once imported
            monkeypatch.setitem(sys.modules, name, None)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if chromium:
        (bin_dir / "chromium").write_text("#!/bin/sh\n", encoding="utf-8")
        (bin_dir / "chromium").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_browser=BROWSER_TEST)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(**{outcome: 1})
    notes = [line for line in result.outlines if line.startswith("browser tests skipped")]
    assert notes == ([note] if note else [])
