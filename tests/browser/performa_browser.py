"""Shared helpers of the browser tests: a headless Chromium driven by Selenium, and the demo server's users.

The server under test is `performa serve --demo`, started by run.sh; its address comes from PERFORMA_URL.
"""
import os
import shutil

from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("PERFORMA_URL", "http://127.0.0.1:8080").rstrip("/")
PLAN = "cciaa-brescia-2021-2023"
# The width of a small phone (CSS pixels), at which every page must work.
PHONE_WIDTH = 390


def chromium(width=1280, height=900, javascript=True):
    """Debian's chromium and chromium-driver, headless; --no-sandbox because CI runs as root. With
    javascript=False the pages run without scripts, as they must still work."""
    options = webdriver.ChromeOptions()
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=it-IT", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(0)
    return driver


def url(path):
    return BASE_URL + path


def plan_path(suffix=""):
    return f"/piani/{PLAN}{suffix}"


def wait_for(driver, by, selector, timeout=20):
    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((by, selector)))


IN_VIEW = """
const box = arguments[0].getBoundingClientRect();
return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;"""


def click(driver, element):
    """Brings the element to the middle of the window at once (Bootstrap Italia scrolls smoothly, which would
    leave it moving under the pointer) and clicks it. Scrolls again until it stays in view: a page that moves the
    focus on load (the error summary's autofocus) may scroll after the first attempt, even between the check and the
    click: then the click lands elsewhere and is tried again from the scroll."""
    def in_view(d):
        d.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        return d.execute_script(IN_VIEW, element)

    def clicked(d):
        WebDriverWait(d, 5, poll_frequency=0.2).until(in_view)
        try:
            element.click()
            return True
        except ElementClickInterceptedException:
            return False
    WebDriverWait(driver, 10, poll_frequency=0.3).until(clicked)


def wait_for_new_page(driver, old_page, timeout=20):
    """Waits until `old_page` (the <html> element before a form was sent) is gone. Selenium's staleness_of misses one
    case: while Chromium swaps documents, asking the old node answers "Node with given id does not belong to the
    document", a plain WebDriverException; that also means the old page is gone."""
    def gone(_):
        try:
            old_page.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):
            return True
    WebDriverWait(driver, timeout).until(gone)


def login(driver, username, password=None):
    """Logs in through the form, as a person would."""
    driver.delete_all_cookies()
    driver.get(url("/accesso"))
    wait_for(driver, By.ID, "utente").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password or f"demo-{username}")
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/accesso'] button[type='submit']"))
    WebDriverWait(driver, 20).until(lambda d: "/accesso" not in d.current_url)


def logout(driver):
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/uscita'] button[type='submit']"))
    WebDriverWait(driver, 20).until(lambda d: "/accesso" in d.current_url)


def phone(driver, height=844):
    """Makes the window a 390 px phone (a mobile viewport, touch-sized): Chromium's windows are never narrower than
    500 px, so the phone is emulated through the DevTools protocol, as the browser's own device mode does."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": PHONE_WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": True})


def desktop(driver, width=1280, height=900):
    """Back to a desktop window after `phone`."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(width, height)


def full_page_screenshot(driver, path, width=1280):
    """A screenshot of the whole page at `width` (PHONE_WIDTH: as a phone): the window is made as tall as the
    document first."""
    if width == PHONE_WIDTH:
        phone(driver)
    else:
        desktop(driver, width)
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    height = min(max(int(height) + 40, 600), 12000)
    if width == PHONE_WIDTH:
        phone(driver, height)
    else:
        driver.set_window_size(width, height)
    driver.save_screenshot(path)
    desktop(driver, 1280)
