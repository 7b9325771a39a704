"""The PIAO in a real browser (issue 16's acceptance), against `performa serve --demo`:

1. the RPCT opens the 2.3 register, edits a prevention measure of the adopted plan (a revision: a wrong act date is
   refused with the error next to its field, then the measure is saved) and cannot open the plan editor;
2. the RPCT enters the measure's monitoring value at 31/12/2021 from the measure's page;
3. the OIV sees the value on the register and finds the measure in the validation list;
4. the PIAO page lists the sections and the PIAO document prints them in the DM's order;
5. the RPCT adds a risk event to a mapped process from the register, rated on the qualitative method;
6. the HR office adds a training action from the staffing page and finds no form for the 2.3 register.

They share one server with the other modules, so they only rely on what they do.
"""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from performa_browser import chromium, click, login, logout, plan_path, url, wait_for

MEASURE = "6"
KEY = f"MPC.{MEASURE}"
REGISTER = plan_path("/piao/rischi?scadenza=2021-12-31")


class PIAO(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def submit(self):
        click(self.driver, self.driver.find_element(By.CSS_SELECTOR, "main form[method='post'] button[type='submit']"))

    def fill(self, name, value):
        field = wait_for(self.driver, By.ID, f"campo-{name}")
        field.clear()
        field.send_keys(value)

    def measure_row(self):
        return wait_for(self.driver, By.XPATH, f"//table[@id='tabella-misure']//tr[th/a[normalize-space()='{KEY}']]")

    def test_1_the_rpct_edits_a_measure_through_a_revision(self):
        driver = self.driver
        login(driver, "rpct")
        driver.get(url(REGISTER))
        click(driver, self.measure_row().find_element(By.LINK_TEXT, "Modifica"))
        wait_for(driver, By.ID, "campo-titolo")
        self.fill("tempi", "entro il 30/11/2021")
        self.fill("motivo", "Anticipo dei controlli sulle rendicontazioni")
        self.fill("numero-atto", "12/RPCT")
        self.fill("data-atto", "31/13/2021")
        self.submit()
        error = wait_for(driver, By.CSS_SELECTOR, "#campo-data-atto ~ .invalid-feedback, .invalid-feedback")
        self.assertIn("data dell'atto", driver.find_element(By.TAG_NAME, "main").text)
        self.assertTrue(error.text)
        self.fill("data-atto", "15/11/2021")
        self.submit()
        WebDriverWait(driver, 20).until(lambda d: "esito=piano-revisionato" in d.current_url)
        self.assertIn("/piao/rischi", driver.current_url)
        self.assertIn("entro il 30/11/2021", self.measure_row().text)
        # The rest of the plan is not the RPCT's.
        driver.get(url(plan_path("/modifica/aree/1")))
        self.assertIn("non consentita", wait_for(driver, By.TAG_NAME, "main").text)
        logout(driver)

    def test_2_the_rpct_enters_the_monitoring_value(self):
        driver = self.driver
        login(driver, "rpct")
        driver.get(url(plan_path(f"/obiettivi/{KEY}")))
        enter = wait_for(driver, By.CSS_SELECTOR, f"a[href$='/obiettivi/{KEY}/indicatori/1/rilevazioni/2021-12-31']")
        click(driver, enter)
        field = wait_for(driver, By.ID, "valore")
        field.clear()
        field.send_keys("9,5%")
        click(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']"))
        WebDriverWait(driver, 20).until(lambda d: "esito=rilevazione-salvata" in d.current_url)
        self.assertEqual(wait_for(driver, By.ID, "valore-attuale").text.strip(), "9,5%")
        # A value for an objective that is not a measure is not the RPCT's to enter.
        driver.get(url(plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")))
        self.assertIn("non è una misura di prevenzione", wait_for(driver, By.TAG_NAME, "main").text)
        logout(driver)

    def test_3_the_oiv_sees_the_value_and_can_validate_it(self):
        driver = self.driver
        login(driver, "oiv")
        driver.get(url(REGISTER))
        row = self.measure_row()
        self.assertIn("9,5%", row.text)
        self.assertIn("95,00%", row.text, "9,5% against a 10% target")
        driver.get(url(plan_path("/validazione?scadenza=2021-12-31")))
        wait_for(driver, By.CSS_SELECTOR, f"#tabella-validazione tr[data-codice='{KEY}']")
        logout(driver)

    def test_4_the_piao_page_and_document(self):
        driver = self.driver
        login(driver, "lettore")
        driver.get(url(plan_path("/piao")))
        sections = wait_for(driver, By.ID, "sezioni-piao").text
        for number in ("2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4"):
            self.assertIn(number, sections)
        self.assertNotIn("mancante", sections)
        self.assertIn("VP1", driver.find_element(By.TAG_NAME, "main").text)
        driver.get(url(plan_path("/documenti/piao.html")))
        text = wait_for(driver, By.TAG_NAME, "body").text
        order = [text.find(h) for h in ("Sezione 1. Scheda anagrafica", "2.1 Valore pubblico", "2.2 Performance",
                                        "2.3 Rischi corruttivi e trasparenza", "3.1 Struttura organizzativa",
                                        "3.3 Piano triennale dei fabbisogni", "Sezione 4. Monitoraggio")]
        self.assertNotIn(-1, order)
        self.assertEqual(order, sorted(order))
        driver.delete_all_cookies()

    def revise(self, reason):
        """The revision fields of the adopted demo plan."""
        self.fill("motivo", reason)
        self.fill("numero-atto", "20")
        self.fill("data-atto", "30/11/2021")

    def choose(self, name, value):
        select = wait_for(self.driver, By.ID, f"campo-{name}")
        select.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()

    def test_5_the_rpct_adds_a_risk_event(self):
        driver = self.driver
        login(driver, "rpct")
        driver.get(url(REGISTER))
        process = wait_for(driver, By.XPATH, "//table[@id='tabella-processi']//tr[th[starts-with(normalize-space(), 'P03')]]")
        click(driver, process.find_element(By.PARTIAL_LINK_TEXT, "Nuovo evento"))
        wait_for(driver, By.ID, "campo-descrizione")
        self.fill("codice", "P03.R9")
        self.fill("descrizione", "Frazionamento artificioso degli importi per evitare la gara")
        self.fill("fattori", "Discrezionalità")
        self.choose("esposizione-discretion", "high")
        self.choose("esposizione-externalInterest", "high")
        self.choose("esposizione-opacity", "low")
        self.revise("Nuovo evento rischioso emerso dai controlli")
        self.submit()
        WebDriverWait(driver, 20).until(lambda d: "esito=piano-revisionato" in d.current_url)
        row = wait_for(driver, By.XPATH, "//table[@id='tabella-eventi']//tr[th[starts-with(normalize-space(), 'P03.R9')]]")
        self.assertIn("alto", row.text)
        logout(driver)

    def test_6_the_hr_office_adds_a_training_action(self):
        driver = self.driver
        login(driver, "personale")
        driver.get(url(plan_path("/piao/fabbisogni")))
        click(driver, wait_for(driver, By.LINK_TEXT, "Modifica il piano della formazione"))
        empty = next(n for n in range(40) if not wait_for(driver, By.ID, f"campo-titolo-{n}").get_attribute("value"))
        self.fill(f"anno-{empty}", "2022")
        self.fill(f"titolo-{empty}", "Etica e integrità nella pubblica amministrazione")
        self.fill(f"ore-{empty}", "7,5")
        self.revise("Aggiornamento del piano della formazione")
        self.submit()
        WebDriverWait(driver, 20).until(lambda d: "esito=piano-revisionato" in d.current_url)
        self.assertIn("Etica e integrità nella pubblica amministrazione", wait_for(driver, By.ID, "tabella-formazione").text)
        driver.get(url(REGISTER))
        self.assertEqual(driver.find_elements(By.PARTIAL_LINK_TEXT, "Nuovo evento"), [])
        logout(driver)


if __name__ == "__main__":
    unittest.main()
