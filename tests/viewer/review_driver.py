"""Drives headless Chromium through selenium for the review page test (tests/draft.rs).

Usage: python3 review_driver.py JOB.json. Opens the page, reads what it shows, reviews the
first three ties with the keyboard (a, r, a), clicks the second tie's highlight, and prints
one JSON object: the text shown, the number of ties listed and highlighted pieces, the
quote shown after the click, the model the page would download, console messages, and
whether anything from the article ran. It judges nothing.
"""

import json
import os
import shutil
import sys
import tempfile

os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,900"]


def main():
    job = json.load(open(sys.argv[1]))
    profile = tempfile.mkdtemp()
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + profile)
    options.binary_location = job["chromium"]
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(job["chromedriver"]), options=options)
    try:
        driver.get("file://" + job["page"])
        seen = {}
        seen["text"] = driver.find_element(By.ID, "text").get_attribute("textContent")
        seen["ties_listed"] = len(driver.find_elements(By.CSS_SELECTOR, "#ties li"))
        seen["highlights"] = len(driver.find_elements(By.CSS_SELECTOR, "#text .t"))
        body = driver.find_element(By.TAG_NAME, "body")
        for key in ["a", "r", "a"]:
            body.send_keys(key)
        seen["model"] = driver.execute_script("return window.relgraphReviewModel()")
        second = driver.execute_script(
            "var p = Array.from(document.querySelectorAll('#text .t')).find(function (e) {"
            " return e.dataset.ties.split(' ')[0] === '1'; }); if (p) { p.click(); } return !!p;")
        seen["clicked"] = second
        seen["clicked_quote"] = driver.find_element(By.ID, "quote").text
        seen["pwned"] = driver.execute_script("return window.__pwned === undefined ? null : window.__pwned")
        seen["console"] = [e.get("message") for e in driver.get_log("browser")]
        print(json.dumps(seen))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


main()
