"""Screenshots of every page of the demo, to look at (and to attach to a review): `python screenshots.py FOLDER`.

Run by run.sh with --screenshots FOLDER, against the server it starts.
"""
import os
import sys

from performa_browser import chromium, full_page_screenshot, login, plan_path, url

PAGES = [
    ("admin", "01-cruscotto", plan_path("/cruscotto")),
    ("admin", "02-albero-aree", plan_path("/albero?colorazione=aree")),
    ("admin", "03-albero-dirigenti", plan_path("/albero?colorazione=dirigenti")),
    ("admin", "04-scheda-strategico", plan_path("/obiettivi/1.1")),
    ("admin", "05-scheda-operativo", plan_path("/obiettivi/1.1.2")),
    ("admin", "06-rilevazioni", plan_path("/rilevazioni")),
    ("vairano", "07-rilevazione-modulo", plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")),
    ("oiv", "08-dirigenti-valorizzazione", plan_path("/dirigenti?fondo=150.000")),
    ("oiv", "09-validazione", plan_path("/validazione")),
    ("oiv", "10-validazione-modulo", plan_path("/validazione/modulo?oggetto=1.1.2&scadenza=2021-12-31")),
    ("admin", "11-pola", plan_path("/pola")),
    ("admin", "12-diagnostica", plan_path("/diagnostica")),
    ("admin", "13-documenti", plan_path("/documenti")),
    ("admin", "14-piano", plan_path("/piano")),
    ("admin", "15-modifica-indicatore", plan_path("/modifica/obiettivi/1.1.2/indicatori/1")),
    ("admin", "16-modifica-assegnazioni", plan_path("/modifica/assegnazioni/vairano")),
]


def main(folder):
    os.makedirs(folder, exist_ok=True)
    driver = chromium()
    try:
        driver.get(url("/accesso"))
        full_page_screenshot(driver, os.path.join(folder, "00-accesso.png"))
        current = None
        for user, name, path in PAGES:
            if user != current:
                login(driver, user)
                current = user
            driver.get(url(path))
            full_page_screenshot(driver, os.path.join(folder, f"{name}.png"))
            print(f"{name}: {driver.title}")
        driver.set_window_size(390, 844)
        driver.get(url(plan_path("/cruscotto")))
        driver.save_screenshot(os.path.join(folder, "17-cruscotto-mobile.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
