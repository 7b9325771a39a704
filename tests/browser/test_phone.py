"""Every page on a 390 px phone (issue 12, item 9), as each role, with and without JavaScript:

- nothing is wider than the window (the page never scrolls sideways);
- the menu opens on screen and its links are visible (with JavaScript: the off-canvas menu; without: a plain list);
- the measurements table keeps its buttons in view, and so does the measurement form.
"""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from performa_browser import chromium, click, login, phone, plan_path, url, wait_for
from site_pages import MEASUREMENT_FORM, ROLES, pages_for

# The first element, if any, that the page lets stick out of the window (for the failure message).
WIDEST = """
const width = window.innerWidth;
for (const element of document.querySelectorAll('body *')) {
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.right > width + 1) return element.outerHTML.slice(0, 160);
}
return null;"""

# True when the element is on screen, has a size, and is the topmost thing at its centre (not hidden by an overlay).
ON_SCREEN = """
const element = arguments[0], box = element.getBoundingClientRect();
if (box.width < 1 || box.height < 1 || box.left < 0 || box.right > window.innerWidth + 1) return false;
const style = getComputedStyle(element);
if (style.visibility === 'hidden' || style.opacity === '0') return false;
const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
return hit !== null && (hit === element || element.contains(hit));"""


class PhoneBase:
    javascript = True

    @classmethod
    def setUpClass(cls):
        cls.driver = chromium(javascript=cls.javascript)
        phone(cls.driver)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def assert_fits(self, name):
        driver = self.driver
        scroll_width, width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        self.assertEqual(width, 390, "the window is a 390 px phone")
        self.assertLessEqual(scroll_width, width, f"{name}: wider than the window ({scroll_width} px): {driver.execute_script(WIDEST)}")

    def assert_on_screen(self, element, what):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        self.assertTrue(self.driver.execute_script(ON_SCREEN, element), f"{what} is on screen")

    def test_every_page_fits_the_window_for_every_role(self):
        driver = self.driver
        driver.delete_all_cookies()
        driver.get(url("/accesso"))
        self.assert_fits("accesso")
        for role in ROLES:
            login(driver, role)
            for name, path in pages_for(role):
                with self.subTest(role=role, page=name):
                    driver.get(url(path))
                    self.assert_fits(f"{role} {name}")

    def test_the_menu_opens_on_screen_with_its_links(self):
        driver = self.driver
        for role in ROLES:
            with self.subTest(role=role):
                login(driver, role)
                driver.get(url(plan_path("/cruscotto")))
                if self.javascript:
                    toggler = wait_for(driver, By.CSS_SELECTOR, ".custom-navbar-toggler")
                    self.assert_on_screen(toggler, "the menu button")
                    click(driver, toggler)
                    WebDriverWait(driver, 10).until(
                        lambda d: d.execute_script(ON_SCREEN, d.find_element(By.CSS_SELECTOR, "#menu-piano a.nav-link")))
                links = driver.find_elements(By.CSS_SELECTOR, "#menu-piano a.nav-link")
                self.assertGreaterEqual(len(links), 8)
                for link in links:
                    self.assert_on_screen(link, f"the menu's «{link.text}»")
                    self.assertTrue(link.text.strip(), "the menu's links have visible text")
                    colour, background = driver.execute_script(
                        "const s = getComputedStyle(arguments[0]); let e = arguments[0], b = 'rgba(0, 0, 0, 0)';"
                        "while (e && (b === 'rgba(0, 0, 0, 0)' || b === 'transparent')) { b = getComputedStyle(e).backgroundColor; e = e.parentElement; }"
                        "return [s.color, b];", link)
                    self.assertNotEqual(colour, background, f"«{link.text}» is not written in the colour of its background")

    def test_the_measurements_table_and_form_keep_their_buttons_in_view(self):
        driver = self.driver
        for role in ("admin", "ziletti"):
            with self.subTest(role=role):
                login(driver, role)
                driver.get(url(plan_path("/rilevazioni?scadenza=2021-12-31&tutti=1")))
                buttons = wait_for(driver, By.ID, "tabella-rilevazioni").find_elements(By.CSS_SELECTOR, "a.btn")
                self.assertGreater(len(buttons), 10)
                for button in buttons[:5] + buttons[-3:]:
                    self.assert_on_screen(button, f"the button «{button.text}» of the measurements table")
                if role == "admin":
                    # The schedule forms are folded (<details>): opened, their buttons must fit too.
                    for summary in driver.find_elements(By.CSS_SELECTOR, "#tabella-campagne details.calendario summary"):
                        click(driver, summary)
                    for button in driver.find_elements(By.CSS_SELECTOR, "#tabella-campagne .btn"):
                        self.assert_on_screen(button, f"the campaign button «{button.text}»")
                driver.get(url(MEASUREMENT_FORM))
                submit = wait_for(driver, By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']")
                self.assert_on_screen(submit, "the measurement form's button")
                self.assert_on_screen(driver.find_element(By.ID, "valore"), "the value field")
                self.assert_on_screen(driver.find_element(By.CSS_SELECTOR, "form[action='/uscita'] button"), "Esci")


class PhoneWithJavaScript(PhoneBase, unittest.TestCase):
    pass


class PhoneWithoutJavaScript(PhoneBase, unittest.TestCase):
    javascript = False


if __name__ == "__main__":
    unittest.main(verbosity=2)
