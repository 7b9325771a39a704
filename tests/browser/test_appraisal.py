"""A full individual appraisal in a real browser (headless Chromium), against `performa serve --demo`:

1. the evaluator (Cristiana Taioli, head of the Area Anagrafica) communicates the objectives of «Persona
   illustrativa 040», whom she evaluates; the employee acknowledges them from «La mia valutazione»;
2. the evaluator records the mid-year check, rates the behaviours, evaluates, records the colloquio and delivers;
3. the employee asks for a review with reasons; a review without reasons is refused with a clear message;
4. the HR office records the outcome and closes the scheda; the employee sees it closed.

Visibility is checked on the way: the employee cannot open another person's scheda, the reader sees none.
The steps run in order on one scheda of the demo (the only one the demo leaves in draft).
"""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from performa_browser import chromium, click, login, logout, url, wait_for, wait_for_new_page

PERSON = "p040"
YEAR = 2021
SCHEDA = f"/personale/{PERSON}?anno={YEAR}"


class Appraisal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def state(self):
        return wait_for(self.driver, By.ID, "stato-scheda").text

    def act(self, kind, text=None, day=None, outcome=None):
        """Submits the workflow form of `kind` as a person would: fills what it asks, presses its button."""
        driver = self.driver
        form = wait_for(driver, By.ID, f"azione-{kind}")
        if day is not None:
            field = form.find_element(By.NAME, "data")
            driver.execute_script("arguments[0].value = arguments[1]", field, day)
        if outcome is not None:
            # Bootstrap Italia draws the radio on its label: a person clicks the label.
            click(driver, form.find_element(By.CSS_SELECTOR, f"label[for='esito-{outcome}']"))
        if text is not None:
            form.find_element(By.NAME, "testo").send_keys(text)
        page = driver.find_element(By.TAG_NAME, "html")
        click(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
        # The next page, not the one the form was on (whose address may already say esito=).
        wait_for_new_page(driver, page)
        WebDriverWait(driver, 20).until(lambda d: "esito=" in d.current_url or d.find_elements(By.ID, "riepilogo-errori"))

    def test_1_objectives_communicated_and_acknowledged(self):
        driver = self.driver
        login(driver, "taioli")
        driver.get(url(f"/personale?anno={YEAR}"))
        row = wait_for(driver, By.XPATH, f"//table[@id='tabella-personale']//a[contains(@href, '/personale/{PERSON}')]")
        click(driver, row)
        self.assertEqual(self.state(), "bozza")
        self.act("communicateObjectives")
        self.assertEqual(self.state(), "obiettivi comunicati")
        logout(driver)

        login(driver, "dipendente")
        driver.get(url(f"/valutazione?anno={YEAR}"))
        self.assertIn("Persona illustrativa 040", driver.find_element(By.TAG_NAME, "h1").text)
        self.act("acknowledgeObjectives")
        self.assertEqual(self.state(), "presa visione degli obiettivi")
        driver.get(url(f"/personale/p041?anno={YEAR}"))
        self.assertIn("non consentit", driver.find_element(By.TAG_NAME, "main").text.lower())
        logout(driver)

    def test_2_the_evaluator_evaluates_and_delivers(self):
        driver = self.driver
        login(driver, "taioli")
        driver.get(url(SCHEDA))
        self.act("recordMidYearCheck", text="Obiettivi confermati, nessuna revisione.", day=f"{YEAR}-07-15")
        self.assertEqual(self.state(), "verifica intermedia svolta")
        form = wait_for(driver, By.ID, "modulo-comportamenti").find_element(By.XPATH, "following-sibling::form")
        for select in form.find_elements(By.CSS_SELECTOR, "select"):
            Select(select).select_by_value("4")
        page = driver.find_element(By.TAG_NAME, "html")
        click(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
        wait_for_new_page(driver, page)
        self.assertIn("punti su 100", driver.find_element(By.ID, "punteggio-finale").text)
        self.act("evaluate")
        self.assertEqual(self.state(), "valutata")
        self.act("recordInterview", text="Colloquio svolto in presenza.", day=f"{YEAR + 1}-01-20")
        self.act("deliver")
        self.assertEqual(self.state(), "consegnata")
        logout(driver)

    def test_3_the_employee_asks_for_a_review(self):
        driver = self.driver
        login(driver, "dipendente")
        driver.get(url(f"/valutazione?anno={YEAR}"))
        self.act("requestReview", text="   ")
        self.assertTrue(driver.find_elements(By.ID, "riepilogo-errori"), "a review without reasons is refused")
        self.assertEqual(self.state(), "consegnata")
        self.act("requestReview", text="Il comportamento «Orientamento all'utenza» non considera i riscontri dell'utenza.")
        self.assertEqual(self.state(), "riesame richiesto")
        logout(driver)

        login(driver, "lettore")
        driver.get(url(SCHEDA))
        self.assertIn("non consentit", driver.find_element(By.TAG_NAME, "main").text.lower())
        logout(driver)

    def test_4_the_hr_office_records_the_outcome_and_closes(self):
        driver = self.driver
        login(driver, "personale")
        driver.get(url(f"/valutazioni?anno={YEAR}"))
        self.assertTrue(driver.find_elements(By.ID, "tabella-personale"))
        driver.get(url(SCHEDA))
        self.act("decideReview", text="Sentito il valutatore, la valutazione è confermata.", outcome="confermata")
        self.assertEqual(self.state(), "riesame concluso")
        self.act("close")
        self.assertEqual(self.state(), "chiusa")
        logout(driver)

        login(driver, "dipendente")
        driver.get(url(f"/valutazione?anno={YEAR}"))
        self.assertEqual(self.state(), "chiusa")
        logout(driver)


if __name__ == "__main__":
    unittest.main(verbosity=2)
