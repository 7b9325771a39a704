"""Screenshots of every page of the demo as each role, at desktop width and on a 390 px phone, to look at (and to
attach to a review): `python screenshots.py FOLDER`. File names: ROLE-PAGE-desktop.png and ROLE-PAGE-telefono.png.

Run by run.sh with --screenshots FOLDER, against the server it starts.
"""
import os
import sys

from performa_browser import PHONE_WIDTH, chromium, full_page_screenshot, login, url
from site_pages import ROLES, pages_for


def main(folder):
    os.makedirs(folder, exist_ok=True)
    driver = chromium()
    try:
        driver.get(url("/accesso"))
        full_page_screenshot(driver, os.path.join(folder, "accesso-desktop.png"))
        full_page_screenshot(driver, os.path.join(folder, "accesso-telefono.png"), width=PHONE_WIDTH)
        for role in ROLES:
            login(driver, role)
            for name, path in pages_for(role):
                driver.get(url(path))
                full_page_screenshot(driver, os.path.join(folder, f"{role}-{name}-desktop.png"))
                full_page_screenshot(driver, os.path.join(folder, f"{role}-{name}-telefono.png"), width=PHONE_WIDTH)
                print(f"{role} {name}: {driver.title}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
