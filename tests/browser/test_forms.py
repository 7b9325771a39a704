"""Forms in a real browser, at desktop width and on a 390 px phone (issue 12, item 11):

- a refused form lists every error at once in a summary at the top, each linked to its field, and the summary has
  the focus after the submit (also without JavaScript: `autofocus` on the summary);
- the message of an unreadable value suggests only what this indicator takes;
- what was typed stays, and a chosen document is never dropped silently: the page says it must be chosen again;
- the plan editor reports every error of the form at once;
- closing a collection asks for confirmation on a page of its own, and "Annulla" closes nothing.
"""
import os
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from performa_browser import chromium, click, desktop, login, phone, plan_path, url, wait_for
from site_pages import MEASUREMENT_FORM

EDIT_INDICATOR = plan_path("/modifica/obiettivi/1.1.2/indicatori/1")


class FormsBase:
    """The same checks at two sizes: the subclasses say which."""
    javascript = True

    @classmethod
    def setUpClass(cls):
        cls.driver = chromium(javascript=cls.javascript)
        cls.resize(cls.driver)
        cls.document = tempfile.NamedTemporaryFile(suffix=".pdf", delete=False)
        cls.document.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        cls.document.close()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        os.unlink(cls.document.name)

    def submit(self, selector):
        click(self.driver, self.driver.find_element(By.CSS_SELECTOR, selector))
        return wait_for(self.driver, By.ID, "riepilogo-errori")

    def assert_focus_on_summary(self):
        WebDriverWait(self.driver, 10).until(
            lambda d: d.execute_script("return document.activeElement && document.activeElement.id") == "riepilogo-errori",
            "the error summary has the focus after a failed submit")

    def test_measurement_form_lists_every_error_keeps_the_input_and_names_the_file(self):
        driver = self.driver
        login(driver, "ziletti")
        driver.get(url(MEASUREMENT_FORM))
        field = wait_for(driver, By.ID, "valore")
        field.clear()
        field.send_keys("molti")
        driver.find_element(By.ID, "nota").send_keys("Nota da non perdere")
        driver.find_element(By.ID, "evidenza").send_keys(self.document.name)
        summary = self.submit("form[enctype='multipart/form-data'] button[type='submit']")
        self.assert_focus_on_summary()
        links = summary.find_elements(By.CSS_SELECTOR, "a")
        self.assertEqual([link.get_attribute("href").split("#")[1] for link in links], ["valore", "evidenza"],
                         "both problems listed at once, each linked to its field")
        self.assertIn("2 errori", summary.text)
        # The indicator is a count: the message suggests a number, not SI, percentages or dates.
        message = driver.find_element(By.ID, "valore-errore").text
        self.assertIn("Valore non leggibile", message)
        self.assertIn("un numero", message)
        for foreign in ("SI", "95%", "20/12/2021", "475/500"):
            self.assertNotIn(foreign, message)
        # What was typed stays; the chosen document is named and must be chosen again.
        self.assertEqual(driver.find_element(By.ID, "valore").get_attribute("value"), "molti")
        self.assertEqual(driver.find_element(By.ID, "nota").get_attribute("value"), "Nota da non perdere")
        file_message = driver.find_element(By.ID, "evidenza-errore").text
        self.assertIn(os.path.basename(self.document.name), file_message)
        self.assertIn("va selezionato di nuovo", file_message)
        # Every link of the summary and the form's button are in view, inside the window's width.
        width = driver.execute_script("return window.innerWidth")
        for element in links + [driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']")]:
            rect = element.rect
            self.assertGreaterEqual(rect["x"], 0)
            self.assertLessEqual(rect["x"] + rect["width"], width + 1)
        if self.javascript:
            # A link of the summary puts the cursor in its field.
            click(driver, links[0])
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.activeElement.id") == "valore")

    def test_plan_editor_lists_every_error_at_once(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url(EDIT_INDICATOR))
        title = wait_for(driver, By.ID, "campo-titolo")
        title.clear()
        weight = driver.find_element(By.ID, "campo-peso")
        weight.clear()
        weight.send_keys("venti")
        summary = self.submit("main form button[type='submit']")
        self.assert_focus_on_summary()
        targets = [link.get_attribute("href").split("#")[1] for link in summary.find_elements(By.CSS_SELECTOR, "a")]
        self.assertIn("campo-titolo", targets)
        self.assertIn("campo-peso", targets)
        self.assertEqual(driver.find_element(By.ID, "campo-peso").get_attribute("value"), "venti", "what was typed stays")
        self.assertTrue(driver.find_element(By.ID, "errore-titolo").is_displayed())
        self.assertTrue(driver.find_element(By.ID, "errore-peso").is_displayed())

    def test_closing_a_collection_asks_for_confirmation(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url(plan_path("/rilevazioni?scadenza=2021-06-30")))
        click(driver, wait_for(driver, By.CSS_SELECTOR, "a[href$='/campagne/2021-06-30/chiusura']"))
        wait_for(driver, By.ID, "valori-mancanti")
        self.assertIn("Chiudere la rilevazione al 30/6/2021?", driver.find_element(By.TAG_NAME, "h1").text)
        click(driver, driver.find_element(By.LINK_TEXT, "Annulla"))
        WebDriverWait(driver, 20).until(lambda d: "/rilevazioni" in d.current_url)
        self.assertIn("aperta", driver.find_element(By.ID, "tabella-campagne").text.split("31/12/2021")[0],
                      "cancelling closes nothing")


class FormsOnDesktop(FormsBase, unittest.TestCase):
    @staticmethod
    def resize(driver):
        desktop(driver)


class FormsOnPhone(FormsBase, unittest.TestCase):
    @staticmethod
    def resize(driver):
        phone(driver)


class FormsOnPhoneWithoutJavaScript(FormsBase, unittest.TestCase):
    """Without JavaScript the summary still takes the focus (autofocus) and the confirmation step still works."""
    javascript = False

    @staticmethod
    def resize(driver):
        phone(driver)


if __name__ == "__main__":
    unittest.main(verbosity=2)
