"""The office's year from the browser (issue 14's acceptance), against `performa serve --demo` whose mail goes to a
real SMTP server this test starts (aiosmtpd, on the port demo-server.sh gave the server):

1. the struttura tecnica creates a manager's account and gets a temporary password;
2. it uploads the Brescia results file, sees the preview first, and confirms;
3. it schedules the 31/12/2021 collection: the manager receives the opening notice by e-mail, follows its link,
   signs in and enters a value (a correction: the demo already holds the illustrative 2021 values);
4. it creates the 2022-2024 draft from the adopted plan and sees the 2021 values proposed as baselines.
"""
import email
import email.policy
import os
import re
import time
import unittest
from datetime import date, timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from performa_browser import PLAN, chromium, click, login, logout, plan_path, url, wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MANAGER_EMAIL = "massimo.ziletti@cciaa-brescia.example"


class Inbox:
    """aiosmtpd handler: keeps every message it receives, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def wait_for(self, recipient, subject_start, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages:
                if recipient in str(message["To"]) and str(message["Subject"]).startswith(subject_start):
                    return message
            time.sleep(0.2)
        raise AssertionError(f"nessun messaggio «{subject_start}…» per {recipient}; ricevuti: {[str(m['Subject']) for m in self.messages]}")


class OfficeYear(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.inbox = Inbox()
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=int(os.environ["PERFORMA_TEST_SMTP_PORT"]))
        cls.smtp.start()
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.smtp.stop()

    def submit(self, form_selector):
        click(self.driver, self.driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type='submit']"))

    def test_1_admin_creates_a_managers_account(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url("/utenti/nuovo"))
        wait_for(driver, By.ID, "campo-utente").send_keys("m.ziletti")
        driver.find_element(By.ID, "campo-nome").send_keys("Massimo Ziletti")
        driver.find_element(By.ID, "campo-email").send_keys(MANAGER_EMAIL)
        Select(driver.find_element(By.ID, "campo-ruolo")).select_by_value("manager")
        Select(driver.find_element(By.ID, "campo-dirigente")).select_by_value("ziletti")
        self.submit("form[action='/utenti']")
        password = wait_for(driver, By.CSS_SELECTOR, "#password-temporanea .font-monospace").text.strip()
        self.assertGreaterEqual(len(password), 12)
        type(self).password = password
        logout(driver)

    def test_2_admin_uploads_the_results_and_sees_the_preview_first(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url("/carica"))
        click(driver, wait_for(driver, By.CSS_SELECTOR, "label[for='tipo-risultati']"))
        wait_for(driver, By.ID, "campo-file").send_keys(str(EXAMPLES / "results-2021.yaml"))
        self.submit("form[enctype='multipart/form-data']")
        outcome = wait_for(driver, By.ID, "esito-previsto").text
        self.assertTrue(outcome, "the preview says what the upload would do")
        self.assertIn("results-2021.yaml", driver.find_element(By.ID, "anteprima").text)
        self.submit("form:has(input[name='contenuto'])")
        WebDriverWait(driver, 20).until(lambda d: "esito=" in d.current_url)
        logout(driver)

    def test_3_the_manager_is_told_by_email_follows_the_link_and_enters_a_value(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url(plan_path("/rilevazioni?scadenza=2021-12-31")))
        today = date.today()
        row = wait_for(driver, By.XPATH, "//table[@id='tabella-campagne']//tr[th[contains(., '31/12/2021')]]")
        click(driver, row.find_element(By.CSS_SELECTOR, "details.calendario summary"))
        for name, value in (("apertura", today), ("chiusura", today + timedelta(days=20))):
            field = row.find_element(By.NAME, name)
            driver.execute_script("arguments[0].value = arguments[1];", field, value.isoformat())
        click(driver, row.find_element(By.CSS_SELECTOR, "details.calendario button[type='submit']"))
        WebDriverWait(driver, 20).until(lambda d: "esito=campagna-pianificata" in d.current_url)
        self.assertIn("Calendario della rilevazione salvato", driver.find_element(By.CSS_SELECTOR, ".alert-success").text)
        driver.get(url("/posta"))
        self.assertIn(MANAGER_EMAIL, wait_for(driver, By.ID, "tabella-posta").text)
        logout(driver)

        message = self.inbox.wait_for(MANAGER_EMAIL, "Performa: aperta la rilevazione al 31/12/2021")
        body = message.get_content()
        self.assertIn("Gentile Massimo Ziletti", body)
        link = re.search(r"http://\S+/rilevazioni\?scadenza=2021-12-31", body).group(0)

        driver.get(link)
        wait_for(driver, By.ID, "utente").send_keys("m.ziletti")
        driver.find_element(By.ID, "password").send_keys(self.password)
        click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/accesso'] button[type='submit']"))
        WebDriverWait(driver, 20).until(lambda d: "/rilevazioni" in d.current_url and "accesso" not in d.current_url)
        enter = wait_for(driver, By.CSS_SELECTOR, "a[href$='/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31']")
        click(driver, enter)
        field = wait_for(driver, By.ID, "valore")
        field.clear()
        field.send_keys("250")
        click(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']"))
        WebDriverWait(driver, 20).until(lambda d: "esito=rilevazione-salvata" in d.current_url)
        self.assertEqual(wait_for(driver, By.ID, "valore-attuale").text.strip(), "250")
        logout(driver)

    def test_4_admin_creates_the_next_plan_with_2021_values_as_baselines(self):
        driver = self.driver
        login(driver, "admin")
        driver.get(url(plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")))
        measured = wait_for(driver, By.ID, "valore-attuale").text.strip()
        driver.get(url(plan_path("/piano")))
        self.submit("#scorrimento")
        WebDriverWait(driver, 20).until(lambda d: "esito=piano-successivo" in d.current_url)
        self.assertIn("2022-2024", driver.current_url)
        next_plan = driver.current_url.split("/piani/")[1].split("/")[0]
        driver.get(url(f"/piani/{next_plan}/obiettivi/1.1.2"))
        first_row = wait_for(driver, By.XPATH, "//table[.//th[contains(., 'Target storico')]]//tbody/tr[1]")
        self.assertEqual(first_row.find_elements(By.TAG_NAME, "td")[1].text.strip(), measured,
                         "the baseline of 1.1.2/1 in the 2022-2024 draft is 2021's measured value")
        logout(driver)


if __name__ == "__main__":
    unittest.main()
