"""Every page loads without a complaint in the browser's console: no Content-Security-Policy violation (the pages
forbid inline scripts and styles, and Bootstrap Italia's bundle must not need them), no missing file (the favicon).
"""
import unittest

from performa_browser import chromium, login, plan_path, url

PAGES = ["/", plan_path(), plan_path("/albero"), plan_path("/dirigenti"), plan_path("/rilevazioni"),
         plan_path("/obiettivi/1.1.2"), plan_path("/validazione"), plan_path("/documenti"), plan_path("/pola")]


class BrowserConsole(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def complaints(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]

    def test_no_console_errors_on_any_page(self):
        self.driver.get(url("/accesso"))
        self.assertEqual(self.complaints(), [], "pagina di accesso")
        login(self.driver, "oiv")
        for path in PAGES:
            with self.subTest(path=path):
                self.driver.get(url(path))
                self.assertEqual(self.complaints(), [], path)


if __name__ == "__main__":
    unittest.main()
