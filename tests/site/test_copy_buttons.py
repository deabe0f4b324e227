"""The copy button, used with the keyboard as a reader would: Tab to it, it shows, Enter copies.

What it puts on the clipboard is read back from the browser's clipboard: the
commands without their prompts, never an output line, for a Python session
(pycon), a POSIX shell (console) and a Windows command prompt (doscon).
tests/site/test_site.py checks every block of the site against the same rule
(harness/sitecheck.py, ``expected_copy``), clicking each button from a script.
"""

from __future__ import annotations

import pytest

from harness import sitecheck

# page, the tab to select first (or None), the block's first line, what must be copied
BLOCKS = {
    "pycon": (
        "quickstart/responses.html",
        None,
        ">>> from responses import app",
        "from responses import app\n"
        "client = app.test_client()\n"
        'for url in ["/text", "/me", "/tags"]:\n'
        "    response = client.get(url)\n"
        "    print(response.content_type, response.data)",
    ),
    "console": (
        "quickstart/first-app.html",
        None,
        "$ flask --app hello run",
        "flask --app hello run",
    ),
    "doscon": (
        "installation.html",
        "Windows",
        "> mkdir myproject",
        "mkdir myproject\ncd myproject\npy -3 -m venv .venv\n.venv\\Scripts\\activate",
    ),
}

IS_FOCUSED = "element => element === document.activeElement"
#: A button that shows: fully opaque once its transition ends, with a focus ring.
SHOWS = """button => {
    const style = getComputedStyle(button);
    return style.opacity === "1" && style.outlineStyle !== "none";
}"""


@pytest.mark.parametrize("language", BLOCKS)
def test_tab_to_the_copy_button_and_copy(site, browser, language):
    page_path, tab, first_line, copied = BLOCKS[language]
    with sitecheck.opened(browser, site.url) as (context, _):
        page = context.new_page()
        page.goto(f"{site.url}/{page_path}")
        if tab:
            page.get_by_text(tab, exact=True).click()
        block = page.locator(f"div.highlight-{language} div.highlight").filter(
            has=page.locator("pre", has_text=first_line)
        )
        assert block.count() == 1, f"no single {language} block starting {first_line!r}"
        button = block.locator("button.copybtn")
        assert button.evaluate("b => getComputedStyle(b).opacity") == "0"  # hidden until used

        for _ in range(300):  # Tab through the page until the button has focus
            page.keyboard.press("Tab")
            if button.evaluate(IS_FOCUSED):
                break
        else:
            pytest.fail("Tab never reached the copy button")
        page.wait_for_function(SHOWS, arg=button.element_handle(), timeout=5000)

        page.keyboard.press("Enter")
        assert page.evaluate("navigator.clipboard.readText()") == copied


def test_the_rule_the_site_is_checked_with_agrees():
    """sitecheck.expected_copy, which checks every block, gives the same answers."""
    shown = {
        "pycon": ">>> a = 1\n>>> for i in range(2):\n...     a += i\n...\n>>> a\n2\n",
        "console": "$ flask run\n * Running on http://127.0.0.1:5000\n",
        "doscon": "> cd myproject\n> py -3 -m venv .venv\n",
        "ps1con": "PS> flask run\nOutput\n",
        "text": "> not a prompt here\n$ nor this\n",
    }
    assert {
        language: sitecheck.expected_copy(language, text) for language, text in shown.items()
    } == {
        "pycon": "a = 1\nfor i in range(2):\n    a += i\n\na",
        "console": "flask run",
        "doscon": "cd myproject\npy -3 -m venv .venv",
        "ps1con": "flask run",
        "text": "> not a prompt here\n$ nor this",
    }
    assert sitecheck.expected_copy("console", " * Running on http://127.0.0.1:5000\n") is None
