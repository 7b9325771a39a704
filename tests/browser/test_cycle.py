"""The performance cycle in a real browser (headless Chromium), against `performa serve --demo`:

1. a manager enters a 31/12 value and sees the organization's achievement change on the cruscotto;
2. the OIV validates that objective's achievement with a reason;
3. an invalid value shows its error next to the field and nothing is saved.

The tests run in this order (unittest sorts them by name) on one server; run.sh starts it.
"""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from performa_browser import chromium, click, login, logout, plan_path, url, wait_for

FORM = plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")


class PerformanceCycle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def text(self, element_id):
        return wait_for(self.driver, By.ID, element_id).text.strip()

    def history_rows(self):
        return len(self.driver.find_elements(By.CSS_SELECTOR, "#storico tbody tr"))

    def test_1_manager_enters_a_year_end_value_and_the_dashboard_changes(self):
        driver = self.driver
        login(driver, "vairano")
        driver.get(url(plan_path("/cruscotto")))
        before = self.text("risultato-ente")
        self.assertRegex(before, r"^\d{1,3},\d{2}%$", "the organization's achievement in Italian format")

        driver.get(url(FORM))
        rows = self.history_rows()
        field = wait_for(driver, By.ID, "valore")
        field.clear()
        field.send_keys("300")
        driver.find_element(By.ID, "nota").send_keys("Bandi chiusi in anticipo: verifica del browser")
        click(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']"))
        WebDriverWait(driver, 20).until(lambda d: "esito=rilevazione-salvata" in d.current_url)
        self.assertIn("Rilevazione salvata", driver.find_element(By.CSS_SELECTOR, ".alert-success").text)
        self.assertEqual(self.text("valore-attuale"), "300")
        self.assertEqual(self.history_rows(), rows + 1, "the earlier value stays in the history")
        self.assertIn("verifica del browser", driver.find_element(By.ID, "storico").text)

        driver.get(url(plan_path("/cruscotto")))
        after = self.text("risultato-ente")
        self.assertRegex(after, r"^\d{1,3},\d{2}%$")
        self.assertNotEqual(before, after, "the cruscotto shows the new achievement at once")
        logout(driver)

    def test_2_oiv_validates_the_objective_with_a_reason(self):
        driver = self.driver
        login(driver, "oiv")
        driver.get(url(plan_path("/validazione")))
        click(driver, driver.find_element(By.CSS_SELECTOR, "a[href*='oggetto=1.1.2&']"))
        computed = self.text("grado-calcolato")
        proposed = wait_for(driver, By.ID, "grado").get_attribute("value")
        self.assertTrue(computed.startswith(proposed), f"the form proposes the computed value ({proposed} / {computed})")
        driver.find_element(By.ID, "motivazione").send_keys("Verificato con i provvedimenti di concessione")
        click(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Registra la validazione']"))
        WebDriverWait(driver, 20).until(lambda d: "esito=validazione-salvata" in d.current_url)
        self.assertIn("Validazione OIV registrata", driver.find_element(By.CSS_SELECTOR, ".alert-success").text)
        self.assertTrue(self.text("grado-validato").startswith(proposed))

        driver.get(url(plan_path("/obiettivi/1.1.2")))
        self.assertIn("validato OIV", driver.find_element(By.TAG_NAME, "main").text)
        self.assertIn("Verificato con i provvedimenti di concessione", driver.find_element(By.TAG_NAME, "main").text)
        logout(driver)

    def test_3_an_invalid_value_shows_its_error_and_nothing_is_saved(self):
        driver = self.driver
        login(driver, "vairano")
        driver.get(url(FORM))
        current = self.text("valore-attuale")
        rows = self.history_rows()
        field = wait_for(driver, By.ID, "valore")
        field.clear()
        field.send_keys("molti")
        click(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']"))
        error = wait_for(driver, By.ID, "valore-errore")
        self.assertIn("Valore non leggibile", error.text)
        self.assertEqual(driver.find_element(By.ID, "valore").get_attribute("aria-invalid"), "true")
        self.assertIn("valore-errore", driver.find_element(By.ID, "valore").get_attribute("aria-describedby"))
        self.assertEqual(driver.find_element(By.ID, "valore").get_attribute("value"), "molti", "the entered text stays to be corrected")
        self.assertEqual(self.text("valore-attuale"), current, "nothing was saved")
        self.assertEqual(self.history_rows(), rows)
        logout(driver)


if __name__ == "__main__":
    unittest.main(verbosity=2)
