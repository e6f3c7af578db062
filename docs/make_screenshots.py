"""`make screenshots`: pictures of the demo site for the README ("Bildschirmfotos").

Builds the demo on a throwaway SQLite database and media folder (migrate,
load_demo_content, apply_editorial and load_demo_states where they exist), serves
it with runserver on a free local port, and saves PNGs of the main public pages
(on a wide screen and on a phone, the phone menu once open) and of the editorial
workflow in the admin (logged in as the demo moderator) to docs/screenshots/.
Uses Debian's Chromium like the browser tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT_DIR = BASE_DIR / "docs" / "screenshots"
WIDTH, HEIGHT = 1280, 900
DEMO_PASSWORD = "gesunde-kommune-demo"  # noqa: S105 - the documented demo password

# (file name, URL, what to wait for)
PUBLIC_PAGES = [
    ("startseite", "/de/", None),
    ("kalender", "/de/veranstaltungen/?bundesland=thueringen", None),
    ("veranstaltung", "/de/veranstaltungen/fachtag-praeventionsketten-thueringen-2027/", None),
    ("region", "/de/regionen/gera/", None),
    ("kriterien", "/de/good-practice-kriterien/", None),
    ("suche", "/de/suche/?q=Pr%C3%A4ventionsketten", None),
]

# The same site on a phone (375 × 812 CSS px): (file name, URL, open the menu?)
PHONE = {"width": 375, "height": 812}
PHONE_PAGES = [
    ("telefon-startseite", "/de/", False),
    ("telefon-menue", "/de/", True),
    ("telefon-kalender", "/de/veranstaltungen/?bundesland=thueringen", False),
    (
        "telefon-veranstaltung",
        "/de/veranstaltungen/fachtag-praeventionsketten-thueringen-2027/",
        False,
    ),
    ("telefon-suche", "/de/suche/?q=Pr%C3%A4ventionsketten", False),
]
MENU_BUTTON = "button[aria-controls=site-menu]"


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def has_command(env: dict[str, str], name: str) -> bool:
    return name in manage(env, "help", "--commands").split()


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our local server
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def shoot(page: Page, name: str) -> None:
    path = OUT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    say(f"  {path.relative_to(BASE_DIR)} ({path.stat().st_size // 1024} KiB)")


def phone_screenshots(browser: Browser, base: str) -> None:
    """The public pages at phone width, once with the menu opened by a tap."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="de-DE")
    page = context.new_page()
    for name, url, open_menu in PHONE_PAGES:
        page.goto(base + url)
        if open_menu:
            # A click, not a tap: a tap leaves Chromium's tap highlight in the picture.
            page.locator(MENU_BUTTON).click()
            page.wait_for_selector(f"{MENU_BUTTON}[aria-expanded=true]")
        shoot(page, name)
    context.close()


def admin_screenshots(page: Page, base: str) -> None:
    """The review list and a page in review, as the demo moderator sees them."""
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "moderation")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pruefliste/")
    shoot(page, "admin-pruefliste")
    # The first page waiting for review, opened from the list.
    link = page.locator("main a[href*='/admin/pages/'][href$='/edit/']").first
    if link.count():
        link.click()
        page.wait_for_load_state("networkidle")
        shoot(page, "admin-seite-in-pruefung")


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="gk-screenshots-") as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp}/screenshots.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            "BASE_URL": base,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        say("Demo-Seite auf einer Wegwerf-Datenbank aufbauen …")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        editorial = has_command(env, "apply_editorial")
        if editorial:
            manage(env, "apply_editorial")
        if has_command(env, "load_demo_states"):
            manage(env, "load_demo_states")

        server = subprocess.Popen(  # noqa: S603 - fixed arguments, our own manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(f"{base}/de/")
            say(f"Bildschirmfotos nach {OUT_DIR.relative_to(BASE_DIR)}/:")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(
                    viewport={"width": WIDTH, "height": HEIGHT}, locale="de-DE"
                )
                page = context.new_page()
                for name, url, _ in PUBLIC_PAGES:
                    page.goto(base + url)
                    shoot(page, name)
                phone_screenshots(browser, base)
                if editorial:
                    admin_screenshots(page, base)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
