"""A real browser for end-to-end tests: Debian's Chromium driven by Playwright.

One browser is shared by the whole test session (a cold start costs several
seconds); each test gets a fresh context and page. `axe_check(page)` runs
axe-core on the current page and fails on serious or critical violations.
Every page also fails its test if the browser reports a Content Security
Policy violation or a script error.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    elif not AXE_JS.exists():
        reason = "axe-core is not installed (npm ci)"
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    user_data = tempfile.mkdtemp(prefix="chromium-")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    shutil.rmtree(user_data, ignore_errors=True)


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.problems = problems  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def axe_check() -> Callable[[Any], list[dict[str, Any]]]:
    """Run axe-core on the page; fail on serious or critical violations (WCAG 2.2 AA rules)."""
    source = AXE_JS.read_text()

    def check(page: Any, *, fail: bool = True) -> list[dict[str, Any]]:
        # A click that navigates returns once the new page starts loading:
        # check the whole page, not the part parsed so far.
        page.wait_for_load_state("load")
        page.evaluate(source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
            })"""
        )
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if fail and serious:
            lines = [
                f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in serious
            ]
            pytest.fail(f"Accessibility violations on {page.url}:\n" + "\n".join(lines))
        return serious

    return check


@pytest.fixture
def sign_in(page: Any) -> Callable[[str, str], None]:
    def do(email: str, password: str) -> None:
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return do


# Words split across two lines: a Range over the word has boxes on two lines. A line may end after
# a hyphen ("e-" / "learning"), as in print; never inside a run of letters.
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def broken_words(page: Any, selector: str) -> list[str]:
    """The words inside the elements `selector` finds that the browser has broken across two lines."""
    return list(page.evaluate(BROKEN_WORDS, selector))
