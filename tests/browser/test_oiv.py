"""The OIV's day in a real browser (headless Chromium), at desktop width and on a 390 px phone, against
`performa serve --demo`:

1. the validation list is in code order (2.9 before 2.10) and filters what is new or changed since validation;
2. the computed grades of several rows are confirmed at once, without a reason, and show «validato OIV»;
3. a corrected grade needs a reason and shows «corretto dall'OIV»;
4. a manager warned before saving over a validated value saves another one: the row goes back to the OIV,
   marked «modificato dopo la validazione».

Each test runs at both widths; they share one server with the other modules, so they only rely on what they do.
"""
import re
import unittest

from selenium.common.exceptions import ElementNotInteractableException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from performa_browser import PHONE_WIDTH, chromium, click, desktop, login, phone, plan_path, url, wait_for

LIST = plan_path("/validazione?scadenza=2021-12-31")
WIDTHS = ("desktop", "telefono")


def sort_key(code):
    """Codes compared part by part, numbers as numbers and before words (as Performa orders them)."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[./:]", code)]


class OIVDay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def at(self, width):
        if width == "telefono":
            phone(self.driver)
            self.assertEqual(self.driver.execute_script("return window.innerWidth"), PHONE_WIDTH)
        else:
            desktop(self.driver)

    def codes(self):
        return [row.get_attribute("data-codice") for row in self.driver.find_elements(By.CSS_SELECTOR, "#tabella-validazione tbody tr[data-codice]")]

    def row(self, code):
        return wait_for(self.driver, By.CSS_SELECTOR, f"#tabella-validazione tr[data-codice='{code}']")

    def tick(self, checkbox):
        """Ticks a checkbox through its label, as a person does (Bootstrap Italia draws the box on the label)."""
        label = self.driver.find_element(By.CSS_SELECTOR, f"label[for='{checkbox.get_attribute('id')}']")
        try:
            click(self.driver, label)
        except ElementNotInteractableException:
            click(self.driver, checkbox)
        self.assertTrue(checkbox.is_selected())

    def test_1_list_in_code_order_and_bulk_confirmation(self):
        driver = self.driver
        for width in WIDTHS:
            with self.subTest(width=width):
                login(driver, "oiv")
                self.at(width)
                driver.get(url(LIST))
                codes = self.codes()
                self.assertGreater(len(codes), 10)
                self.assertEqual(codes, sorted(codes, key=sort_key), "the list is in code order")

                click(driver, wait_for(driver, By.ID, "filtro-modificati"))
                WebDriverWait(driver, 20).until(lambda d: "filtro=da-validare" in d.current_url)
                pending = self.codes()
                boxes = driver.find_elements(By.CSS_SELECTOR, "#conferma-multipla input[name='conferma']")
                self.assertGreaterEqual(len(boxes), 2, "rows to confirm")
                chosen = [box.get_attribute("value") for box in boxes[:2]]
                for box in boxes[:2]:
                    self.tick(box)
                click(driver, driver.find_element(By.ID, "conferma-selezionati"))
                WebDriverWait(driver, 20).until(lambda d: "esito=validazione-salvata" in d.current_url)
                self.assertIn("Validazione OIV registrata", driver.find_element(By.CSS_SELECTOR, ".alert-success").text)
                for code in chosen:
                    self.assertIn("validato OIV", self.row(code).text)

                click(driver, wait_for(driver, By.ID, "filtro-modificati"))
                WebDriverWait(driver, 20).until(lambda d: "filtro=da-validare" in d.current_url)
                left = self.codes()
                self.assertEqual(left, [code for code in pending if code not in chosen], "confirmed rows leave the filtered list")
                desktop(driver)

    def test_2_a_correction_needs_a_reason(self):
        driver = self.driver
        for width, code in zip(WIDTHS, ("1.1.1", "1.2.1")):
            with self.subTest(width=width):
                login(driver, "oiv")
                self.at(width)
                driver.get(url(plan_path(f"/validazione/modulo?oggetto={code}&scadenza=2021-12-31")))
                field = wait_for(driver, By.ID, "grado")
                field.clear()
                field.send_keys("12,5")
                driver.find_element(By.ID, "motivazione").clear()
                click(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Registra la validazione']"))
                self.assertIn("motivazione", wait_for(driver, By.ID, "motivazione-errore").text)
                driver.find_element(By.ID, "motivazione").send_keys("Documentazione insufficiente")
                click(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Registra la validazione']"))
                WebDriverWait(driver, 20).until(lambda d: "esito=validazione-salvata" in d.current_url)
                driver.get(url(LIST))
                self.assertIn("corretto dall'OIV", self.row(code).text)
                self.assertNotIn("validato OIV", self.row(code).text)
                desktop(driver)

    def test_3_a_later_value_sends_the_row_back_to_the_oiv(self):
        driver = self.driver
        for width, value in zip(WIDTHS, ("41", "42")):
            with self.subTest(width=width):
                login(driver, "oiv")
                self.at(width)
                driver.get(url(plan_path("/validazione/modulo?oggetto=1.1.2%2F1&scadenza=2021-12-31")))
                wait_for(driver, By.ID, "motivazione").clear()
                click(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Registra la validazione']"))
                WebDriverWait(driver, 20).until(lambda d: "esito=validazione-salvata" in d.current_url)
                self.assertTrue(wait_for(driver, By.ID, "valori-validati").text)

                login(driver, "vairano")
                self.at(width)
                driver.get(url(plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")))
                self.assertIn("tornerà all'OIV", wait_for(driver, By.ID, "avviso-validazione").text)
                field = wait_for(driver, By.ID, "valore")
                field.clear()
                field.send_keys(value)
                click(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']"))
                WebDriverWait(driver, 20).until(lambda d: "esito=rilevazione-salvata" in d.current_url)
                self.assertFalse(driver.find_elements(By.ID, "avviso-validazione"), "nothing left to warn about")

                login(driver, "oiv")
                self.at(width)
                driver.get(url(LIST))
                click(driver, wait_for(driver, By.ID, "filtro-modificati"))
                WebDriverWait(driver, 20).until(lambda d: "filtro=da-validare" in d.current_url)
                row = self.row("1.1.2")
                self.assertIn("modificato dopo la validazione", row.text)
                self.assertIn(f"ora «{value}»", row.text)
                desktop(driver)


if __name__ == "__main__":
    unittest.main()
