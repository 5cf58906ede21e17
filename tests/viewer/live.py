"""Drives headless Chromium through selenium for the `relgraph serve` test (tests/serve.rs).

Usage: python3 live.py JOB.json — JOB gives the page's URL, the model file and three texts
(with one more node, broken, fixed). The script opens the page, zooms and selects a node,
saves each text in turn into the model file and records what the page shows after each
save: the node ids drawn, the viewer's state, the text and visibility of #diagnostics,
with the seconds each change took to appear. It prints one JSON object and judges nothing.
"""

import json
import os
import shutil
import sys
import tempfile
import time

os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,800",
]

DRAWN = "return Array.from(document.querySelectorAll('#nodes [data-node]')).map(function (g) { return g.getAttribute('data-node'); })"
DIAGNOSTICS = "var d = document.getElementById('diagnostics'); return d ? {hidden: d.hidden, text: d.textContent} : null"


def save(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def wait(driver, script, test, timeout=20.0):
    """Polls `script` until `test(value)` holds; returns (value, seconds) or (last, None)."""
    start = time.time()
    value = None
    while time.time() - start < timeout:
        try:
            value = driver.execute_script(script)
        except Exception:  # the page is reloading
            value = None
        if value is not None and test(value):
            return value, round(time.time() - start, 3)
        time.sleep(0.05)
    return value, None


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    profile = tempfile.mkdtemp(prefix="relgraph-live-")
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + profile)
    options.binary_location = job["chromium"]
    driver = webdriver.Chrome(service=Service(job["chromedriver"]), options=options)
    seen = {}
    try:
        driver.get(job["url"])
        seen["ready"] = wait(driver, "return document.documentElement.getAttribute('data-ready')", lambda v: v == "true")[1] is not None
        seen["first"] = driver.execute_script(DRAWN)
        driver.find_element("id", "zoom-in").click()
        driver.find_element("id", "zoom-in").click()
        driver.execute_script("window.relgraph.select(arguments[0])", job["select"])
        seen["state_before"] = driver.execute_script("return window.relgraph.state()")

        save(job["model"], job["added"])
        drawn, seconds = wait(driver, DRAWN, lambda ids: job["new_node"] in ids)
        seen["after_add"] = drawn
        seen["add_seconds"] = seconds
        wait(driver, "return document.documentElement.getAttribute('data-ready')", lambda v: v == "true")
        seen["state_after"] = driver.execute_script("return window.relgraph.state()")

        save(job["model"], job["broken"])
        diagnostics, seconds = wait(driver, DIAGNOSTICS, lambda d: not d["hidden"] and d["text"] != "")
        seen["broken_diagnostics"] = diagnostics
        seen["broken_seconds"] = seconds
        seen["after_break"] = driver.execute_script(DRAWN)

        save(job["model"], job["fixed"])
        diagnostics, seconds = wait(driver, DIAGNOSTICS, lambda d: d["hidden"])
        seen["fixed_diagnostics"] = diagnostics
        seen["fixed_seconds"] = seconds
        seen["after_fix"], _ = wait(driver, DRAWN, lambda ids: job["fixed_node"] in ids)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
