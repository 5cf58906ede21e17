"""Drives headless Chromium through selenium for the map viewer tests (tests/viewer.rs).

Usage: python3 driver.py JOB.json  — JOB names a scenario and its inputs; the observations
are printed as one JSON object on standard output. This script judges nothing: the Rust
test compares what it saw with what the model and the CLI say.

The browser runs with no network: headless, no background networking, no component
updates, a fresh profile; every request it makes is reported (performance log), as is
every console message.
"""

import json
import os
import shutil
import sys
import tempfile
import time

os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
]


def start(job, profile):
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + profile)
    options.binary_location = job["chromium"]
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if job.get("downloads"):
        options.add_experimental_option(
            "prefs", {"download.default_directory": job["downloads"], "download.prompt_for_download": False}
        )
    driver = webdriver.Chrome(service=Service(job["chromedriver"]), options=options)
    driver.set_script_timeout(60)
    if job.get("downloads"):
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": job["downloads"]})
    return driver


def open_page(driver, path):
    driver.get("file://" + path)
    for _ in range(200):
        if driver.execute_script("return document.documentElement.getAttribute('data-ready')") == "true":
            return True
        time.sleep(0.05)
    return False


def alert_text(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def logs(driver):
    """Console messages and the URLs of every network request so far."""
    console = [{"level": e.get("level"), "message": e.get("message")} for e in driver.get_log("browser")]
    requests = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return console, requests


def displayed(driver, selector, attribute):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(function (e) { return getComputedStyle(e).display !== 'none'; })"
        ".map(function (e) { return e.getAttribute(arguments[1]); });".replace("arguments[1]", json.dumps(attribute)),
        selector,
    )


def move_time(driver, date):
    """Moves #time to the last stop on or before `date` (as a user's drag: input event)."""
    return driver.execute_script(
        """
        var t = document.getElementById('time'), dates = JSON.parse(t.getAttribute('data-dates'));
        var index = -1;
        for (var i = 0; i < dates.length; i++) if (dates[i] <= arguments[0]) index = i;
        if (index < 0) return null;
        t.value = String(index);
        t.dispatchEvent(new Event('input', { bubbles: true }));
        return dates[parseInt(t.value, 10)];
        """,
        date,
    )


SIDES = "return arguments[0].map(function (p) { return relgraph.sides(p[0], p[1]); });"


def ui_sides(driver, source, target):
    """Types two names into the picker, presses Trace, reads the answer's attributes."""
    for field, name in (("path-from", source), ("path-to", target)):
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(name)
    driver.find_element(By.ID, "path-go").click()
    result = driver.find_element(By.ID, "path-result")
    read = lambda name: json.loads(result.get_attribute(name) or "null")  # noqa: E731
    return {
        "stance": result.get_attribute("data-stance"),
        "support": read("data-support"),
        "pressure": read("data-pressure"),
        "nodes": read("data-nodes"),
        "text": result.text,
    }


def sides_now(driver, job, chosen):
    """The page's answers for every pair (and the form's for the UI pairs) as shown now."""
    return {
        "chosen": chosen,
        "label": driver.find_element(By.ID, "time-label").text,
        "answers": driver.execute_script(SIDES, job["pairs"]),
        "ui": [ui_sides(driver, a, b) for a, b in job.get("ui_pairs", [])],
    }


def sides_at(driver, job):
    """The answers at each of job["states"]: a date (the slider's last stop on or before
    it) or null (All dates)."""
    out = []
    for date in job["states"]:
        if date is None:
            driver.find_element(By.ID, "time-all").click()
            out.append(sides_now(driver, job, None))
        else:
            out.append(sides_now(driver, job, move_time(driver, date)))
    return out


def shipped(driver, job):
    out = {"ready": open_page(driver, job["file"])}
    out["nodes_drawn"] = displayed(driver, "[data-node]", "data-node")
    out["edges_drawn"] = displayed(driver, "[data-edge]", "data-edge")
    # Search, pick the suggestion, click the node on the map.
    search = driver.find_element(By.ID, "search")
    search.send_keys(job["search"])
    time.sleep(0.1)
    picks = driver.find_elements(By.CSS_SELECTOR, "#suggestions [data-pick]")
    out["suggestions"] = [p.get_attribute("data-pick") for p in picks]
    search.send_keys(Keys.ENTER)
    node = driver.find_element(By.CSS_SELECTOR, '[data-node="%s"]' % job["node"])
    driver.execute_script("relgraph.fit();")
    node.click()
    out["details"] = driver.find_element(By.ID, "details").get_attribute("textContent")
    out["highlighted"] = driver.execute_script(
        "return Array.from(document.querySelectorAll('.lit[data-edge]')).map(function (e) { return e.getAttribute('data-edge'); });"
    )
    # Click one of its ties: the details show that tie's quotes.
    tie = driver.find_element(By.CSS_SELECTOR, '[data-edge="%d"]' % job["tie"])
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));", tie)
    out["tie_details"] = driver.find_element(By.ID, "details").get_attribute("textContent")
    # A legend filter hides a node kind.
    box = driver.find_element(By.CSS_SELECTOR, '[data-filter="node:%s"]' % job["filter_kind"])
    box.click()
    out["filtered_nodes"] = displayed(driver, "[data-node]", "data-node")
    box.click()
    # The slider.
    out["times"] = []
    for date in job["dates"]:
        chosen = move_time(driver, date)
        out["times"].append(
            {
                "asked": date,
                "chosen": chosen,
                "label": driver.find_element(By.ID, "time-label").text,
                "nodes": displayed(driver, "[data-node]", "data-node"),
                "edges": displayed(driver, "[data-edge]", "data-edge"),
            }
        )
    driver.find_element(By.ID, "time-all").click()
    out["edges_after_all"] = len(displayed(driver, "[data-edge]", "data-edge"))
    # The picker at each state of the slider: many pairs through the page's API, a few
    # through the form.
    out["sides"] = sides_at(driver, job)
    # A click on the background 2 px beside a tie picks that tie.
    out["near_click"] = driver.execute_script(
        """
        var e = document.querySelector('[data-edge="' + arguments[0] + '"]');
        var p = e.getPointAtLength(e.getTotalLength() / 2), m = e.getScreenCTM();
        var x = m.a * p.x + m.c * p.y + m.e + 2, y = m.b * p.x + m.d * p.y + m.f + 2;
        document.getElementById('map').dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
        return document.querySelector('#details h2').textContent;
        """,
        job["near_tie"],
    )
    # Keyboard: Tab reaches nodes, Enter selects; wheel zooms, F fits again.
    keyed = driver.find_element(By.CSS_SELECTOR, '[data-node="%s"]' % job["key_node"])
    driver.execute_script("arguments[0].focus();", keyed)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    out["key_details"] = driver.execute_script("return document.querySelector('#details h3').textContent;")
    viewport = "return document.getElementById('viewport').getAttribute('transform');"
    driver.execute_script("relgraph.fit();")
    fitted = driver.execute_script(viewport)
    driver.execute_script(
        "var m = document.getElementById('map'), r = m.getBoundingClientRect();"
        "m.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: r.left + 200, clientY: r.top + 200, bubbles: true, cancelable: true }));"
    )
    zoomed = driver.execute_script(viewport)
    driver.find_element(By.TAG_NAME, "body").send_keys("f")
    out["zoom"] = {"fitted": fitted, "zoomed": zoomed, "refitted": driver.execute_script(viewport)}
    out["alert"] = alert_text(driver)
    out["console"], out["requests"] = logs(driver)
    return out


def hostile(driver, job):
    out = {"ready": open_page(driver, job["file"])}
    out["alert"] = alert_text(driver)
    out["nodes_drawn"] = displayed(driver, "[data-node]", "data-node")
    out["names"] = []
    out["ties"] = []
    for node_id in job["nodes"]:
        driver.execute_script("relgraph.select(arguments[0]);", node_id)
        out["names"].append(driver.execute_script("return document.querySelector('#details h3').textContent;"))
    for number in job["edges"]:
        tie = driver.find_element(By.CSS_SELECTOR, '[data-edge="%d"]' % number)
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));", tie)
        out["ties"].append(driver.find_element(By.ID, "details").get_attribute("textContent"))
    search = driver.find_element(By.ID, "search")
    search.send_keys(job["search"])
    time.sleep(0.1)
    out["suggestions"] = [p.get_attribute("data-pick") for p in driver.find_elements(By.CSS_SELECTOR, "#suggestions [data-pick]")]
    out["pwned"] = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
    out["elements"] = driver.execute_script(
        "return { img: document.querySelectorAll('img, iframe, object, embed, a[href]').length,"
        " script: document.querySelectorAll('script').length };"
    )
    out["title"] = driver.title
    out["alert_after"] = alert_text(driver)
    out["console"], out["requests"] = logs(driver)
    return out


def paths(driver, job):
    out = {"ready": open_page(driver, job["file"])}
    out["sides"] = sides_at(driver, job)
    out["console"], out["requests"] = logs(driver)
    return out


def drag(driver, job):
    """Selects one node, drags another by (dx, dy) screen pixels with a real pointer, and
    downloads the positions file."""
    from selenium.webdriver.common.action_chains import ActionChains

    out = {"ready": open_page(driver, job["file"])}
    driver.execute_script("relgraph.fit(); relgraph.select(arguments[0]);", job["keep"])
    out["before"] = driver.execute_script("return { state: relgraph.state(), positions: relgraph.positions() };")
    node = driver.find_element(By.CSS_SELECTOR, '[data-node="%s"] .shape' % job["node"])
    steps = 8
    chain = ActionChains(driver).move_to_element(node).click_and_hold()
    for _ in range(steps):
        chain = chain.move_by_offset(job["dx"] // steps, job["dy"] // steps)
    chain.release().perform()
    out["after"] = driver.execute_script(
        "return { state: relgraph.state(), positions: relgraph.positions(),"
        " details: document.querySelector('#details h3') && document.querySelector('#details h3').textContent,"
        " transform: document.querySelector('[data-node=\"' + arguments[0] + '\"]').getAttribute('transform') };",
        job["node"],
    )
    driver.find_element(By.ID, "download-positions").click()
    target = os.path.join(job["downloads"], "positions.layout.ron")
    for _ in range(200):
        if os.path.exists(target) and not os.path.exists(target + ".crdownload"):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    out["downloaded"] = open(target, encoding="utf-8").read() if os.path.exists(target) else None
    out["links"] = driver.execute_script("return document.querySelectorAll('a[href]').length;")
    out["alert"] = alert_text(driver)
    out["console"], out["requests"] = logs(driver)
    return out


def details(driver, job):
    """The details panel of each node and tie, as text and as its list of sources."""
    out = {"ready": open_page(driver, job["file"])}
    read = """
        var d = document.getElementById('details');
        return { text: d.textContent, sources: Array.from(d.querySelectorAll('[data-source]')).map(function (li) {
            return { id: li.getAttribute('data-source'), text: li.textContent }; }) };
    """
    out["nodes"] = []
    for node_id in job["nodes"]:
        driver.execute_script("relgraph.select(arguments[0]);", node_id)
        out["nodes"].append(driver.execute_script(read))
    out["edges"] = []
    for number in job["edges"]:
        tie = driver.find_element(By.CSS_SELECTOR, '[data-edge="%d"]' % number)
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));", tie)
        out["edges"].append(driver.execute_script(read))
    out["pwned"] = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
    out["links"] = driver.execute_script("return document.querySelectorAll('a[href], img, iframe').length;")
    out["console"], out["requests"] = logs(driver)
    return out


def opening(driver, job):
    out = {"ready": open_page(driver, job["file"])}
    out["label"] = driver.find_element(By.ID, "time-label").text
    out["nodes"] = displayed(driver, "[data-node]", "data-node")
    out["edges"] = displayed(driver, "[data-edge]", "data-edge")
    out["console"], out["requests"] = logs(driver)
    return out


MEASURE = """
var done = arguments[arguments.length - 1];
var t0 = performance.now();
(function () { %s })();
document.body.getBoundingClientRect();
requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
"""


def bench(driver, job):
    t0 = time.time()
    out = {"ready": open_page(driver, job["file"])}
    out["load_seconds"] = time.time() - t0
    out["nodes_drawn"] = len(displayed(driver, "[data-node]", "data-node"))
    results = {}
    for name, actions in job["interactions"].items():
        times = [driver.execute_async_script(MEASURE % action) for action in actions]
        times.sort()
        results[name] = {"median_ms": times[len(times) // 2], "max_ms": times[-1], "runs": len(times)}
    out["interactions"] = results
    out["console"], out["requests"] = logs(driver)
    return out


def screenshot(driver, job):
    out = {"ready": open_page(driver, job["file"])}
    driver.set_window_size(job.get("width", 1400), job.get("height", 860))
    driver.execute_script("relgraph.fit();")
    for script in job.get("scripts", []):
        driver.execute_script(script)
    time.sleep(0.3)
    driver.save_screenshot(job["png"])
    out["console"], out["requests"] = logs(driver)
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    profile = tempfile.mkdtemp(prefix="relgraph-chromium-")
    driver = start(job, profile)
    try:
        scenarios = {
            "shipped": shipped,
            "hostile": hostile,
            "paths": paths,
            "drag": drag,
            "details": details,
            "opening": opening,
            "bench": bench,
            "screenshot": screenshot,
        }
        result = scenarios[job["scenario"]](driver, job)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
