"""A real browser against `streamlit run`: links restore every page, the sidebar nav keeps the filters,
and uploads stay in their own browser session.

Only a real browser shows whether filters survive a click in the sidebar nav (AppTest's switch_page
says they do even when they do not: see STYLE.md, "Shareable links").
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
from tools.bench import BROWSER_ARGS as ARGS  # noqa: E402  (one Chromium set-up for bench and tests)
from tools.bench import CHROMIUM as CHROMIUM_PATH  # noqa: E402

CHROMIUM = str(CHROMIUM_PATH)
PAGES = ["", "Timeline", "Actor_positions", "Source_comparison", "Reader", "Search", "Network"]
NAV = {
    "Search": "Search",
    "Network": "Network",
    "Timeline": "Timeline",
    "Actor_positions": "Actor positions",
    "Source_comparison": "Source comparison",
    "Reader": "Reader",
    "": "dashboard",
}
# An invented report, written for this test.
UPLOAD = (
    "Valdoria announced on Tuesday that it would reopen the river port. "
    "“The port opens tomorrow,” said Mayor Ilse Brandt.\n"
).encode()

FILTER_BOX = '[data-testid="stExpander"] summary:has-text("Change filters")'
pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, port: int, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]

    @contextlib.contextmanager
    def explain(self, what: str) -> Iterator[None]:
        """Failures carry the server log."""
        try:
            yield
        except AssertionError as err:
            raise AssertionError(f"{what}: {err}\n--- server log ---\n{self.log()}") from err


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def running_server(browser: Any, log: Path, env: dict[str, str]) -> Iterator[Server]:
    """`streamlit run dashboard.py` on a free port with ``env``, until it answers its health check."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    srv = Server(port, log)
    page = browser.new_page()
    try:
        for _ in range(240):
            with contextlib.suppress(Exception):
                if page.request.get(f"{srv.url}/_stcore/health", timeout=2000).ok:
                    break
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}\n{srv.log()}")
            page.wait_for_timeout(500)
        else:
            pytest.fail(f"streamlit never became healthy\n{srv.log()}")
        page.close()
        yield srv
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with running_server(browser, log, {**os.environ}) as srv:
        yield srv


@pytest.fixture(scope="module")
def link_values() -> dict[str, Any]:
    """Two actors the seeds quote, and a January 2022 date range."""
    from lib.extract.pipeline import analyze_paths
    from lib.view import frames, timeline
    from lib.view.urls import Filters

    analysis = analyze_paths([ROOT / "data"])
    quotes = frames.quotes_frame(analysis, Filters())
    kinds = {a.id: a.type for a in analysis.actors}
    ids = [
        i
        for i in quotes["speaker_id"].value_counts().index
        if kinds.get(i) in ("person", "organization", "country")
    ]
    if len(ids) < 2:
        pytest.skip("the seeds yield fewer than two quoted actors: nothing to filter on yet")
    names = {a.id: a.name for a in analysis.actors}
    filters = Filters(actors=tuple(ids[:2]))
    longest = max(analysis.documents, key=lambda d: len(d.text))
    last = [x for x in analysis.sentences if x.doc_id == longest.id and x.text.strip()][-1]
    return {
        "span": (longest.id, last.start, last.end),
        "actors": ids[:2],
        "names": [names[i] for i in ids[:2]],
        "events": not timeline.timeline_frame(analysis, filters, "actor").empty,
    }


def wait_ready(page: Any) -> None:
    """Until the script has run: the title is up and nothing is still running."""
    page.wait_for_selector(f'[data-testid="stSidebar"] {FILTER_BOX}', timeout=120_000)
    for _ in range(240):
        if page.locator('[data-testid="stStatusWidget"]').count() == 0:
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(1500)  # let the URL rewrite and the charts settle


def open_filters(page: Any) -> None:
    """Open the sidebar's box of filter controls (built when opened) and wait for them."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator(FILTER_BOX).click()
    sidebar.locator('[data-testid="stDateInput"]').nth(1).wait_for(timeout=60_000)
    wait_ready(page)


def check_filters(page: Any, values: dict[str, Any], where: str) -> None:
    """The link's filters in the URL, said in the sidebar, and set in their controls once opened."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    said = sidebar.inner_text()
    assert f"Actors: {', '.join(values['names'])}" in said, f"{where}: the sidebar says {said!r}"
    assert "Dates: 2022-01-01 to 2022-01-31" in said, f"{where}: the sidebar says {said!r}"
    assert sidebar.locator('[data-testid="stMultiSelect"]').count() == 0, (
        f"{where}: controls built while closed"
    )
    open_filters(page)
    chips = sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    for name in values["names"]:
        assert name in chips, f"{where}: actor {name!r} not in the actor filter ({chips!r})"
    dates = [i.input_value() for i in sidebar.locator('[data-testid="stDateInput"] input').all()]
    assert dates == ["2022-01-01", "2022-01-31"], f"{where}: date inputs show {dates}"
    for aid in values["actors"]:
        assert f"actor={aid}" in page.url, f"{where}: {aid} missing from URL {page.url}"
    assert "from=2022-01-01" in page.url and "to=2022-01-31" in page.url, f"{where}: URL {page.url}"


def expects_chart(page_name: str, values: dict[str, Any]) -> bool:
    return page_name not in ("Timeline", "Search") or (page_name == "Timeline" and bool(values["events"]))


@pytest.mark.parametrize("page_name", PAGES)
def test_link_restores_page_and_nav_keeps_filters(
    browser: Any, server: Server, link_values: dict[str, Any], page_name: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    query = "&".join(f"actor={a}" for a in link_values["actors"]) + "&from=2022-01-01&to=2022-01-31"
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    page.goto(f"{server.url}/{page_name}?{query}")
    wait_ready(page)
    with server.explain(f"{page_name or 'home'} from a link"):
        assert page.locator('[data-testid="stException"]').count() == 0, "the page shows an exception"
        if expects_chart(page_name, link_values):
            chart = page.locator('[data-testid="stPlotlyChart"], .js-plotly-plot').first
            chart.wait_for(state="visible", timeout=30_000)
        elif page_name == "Timeline":
            assert page.get_by_text("No events match").count() == 1
        check_filters(page, link_values, "after the link")
    page.screenshot(path=str(SHOTS / f"{page_name or 'home'}.png"), full_page=True)
    target = "Reader" if page_name != "Reader" else "Timeline"
    page.locator('[data-testid="stSidebarNav"] a', has_text=NAV[target]).first.click()
    page.wait_for_url(f"**/{target}*", timeout=30_000)
    wait_ready(page)
    with server.explain(f"{page_name or 'home'} -> {target} via the sidebar nav"):
        assert page.locator('[data-testid="stException"]').count() == 0
        check_filters(page, link_values, f"after clicking {target}")
    page.screenshot(path=str(SHOTS / f"{page_name or 'home'}-then-{target}.png"), full_page=True)
    context.close()


def documents_shown(page: Any) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text())


def test_upload_stays_in_its_session(browser: Any, server: Server) -> None:
    first = browser.new_context()
    page = first.new_page()
    page.goto(server.url)
    wait_ready(page)
    before = documents_shown(page)
    uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]')
    uploader.wait_for(state="attached", timeout=120_000)  # the box sits last: a loaded machine draws it late
    uploader.set_input_files(
        files=[{"name": "valdoria-port.txt", "mimeType": "text/plain", "buffer": UPLOAD}]
    )
    with server.explain("upload in the first session"):
        page.get_by_text("In this session: valdoria-port.txt").wait_for(timeout=120_000)
        wait_ready(page)
        page.screenshot(path=str(SHOTS / "home-upload.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert documents_shown(page) == before + 1
    second = browser.new_context()
    other = second.new_page()
    other.goto(server.url)
    wait_ready(other)
    with server.explain("a second browser session"):
        assert other.get_by_text("valdoria-port", exact=False).count() == 0
        assert documents_shown(other) == before
        assert other.get_by_text("In this session").count() == 0
    first.close()
    second.close()


def test_reader_link_scrolls_to_the_span(browser: Any, server: Server, link_values: dict[str, Any]) -> None:
    doc_id, start, end = link_values["span"]
    context = browser.new_context(viewport={"width": 1400, "height": 800})
    page = context.new_page()
    page.goto(f"{server.url}/Reader?doc={doc_id}&start={start}&end={end}")
    wait_ready(page)
    with server.explain("Reader span link"):
        target = page.locator("#tg-target")
        target.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(1000)
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] <= 800, f"the marked span is off screen at {box}"
        assert f"doc={doc_id}" in page.url and f"start={start}" in page.url
    page.screenshot(path=str(SHOTS / "Reader-span.png"))
    context.close()


def reader_links(page: Any, timeout_ms: int = 30_000) -> list[str]:
    """The Open links of the tables, in order: the grid's accessible cells hold them as text. A
    page with several tables draws them one after another (the Network's list of exchanges before
    its evidence): wait until a link is drawn, or the time is up, rather than read the first table."""
    cells = page.locator('[data-testid="stDataFrame"] td[role="gridcell"]')
    cells.first.wait_for(state="attached", timeout=timeout_ms)
    for _ in range(timeout_ms // 500):
        links = [c for c in cells.all_inner_texts() if c.startswith("Reader?")]
        if links:
            return links
        page.wait_for_timeout(500)
    return []


def test_search_with_a_filter_opens_the_reader_at_the_hit(browser: Any, server: Server) -> None:
    """A search with a source filter lists only that source's sentences; Open marks the hit."""
    from lib.extract.pipeline import analyze_paths
    from lib.view import search
    from lib.view.urls import Filters

    analysis = analyze_paths([ROOT / "data"])
    day = max(d.date for d in analysis.documents if d.date)  # the seeds name no source: filter on a day
    filters = Filters(date_from=date.fromisoformat(day), date_to=date.fromisoformat(day))
    expected = search.search(analysis, filters, search.parse("said"))
    others = search.search(analysis, Filters(), search.parse("said"))
    if not expected.hits or others.matched == expected.matched:
        pytest.skip("the seeds give no search the filter narrows")
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.goto(f"{server.url}/Search?{urlencode({'q': 'said', 'from': day, 'to': day})}")
    wait_ready(page)
    with server.explain("Search with a source filter"):
        assert page.locator('[data-testid="stException"]').count() == 0
        noun = "sentence" if expected.matched == 1 else "sentences"
        heading = f"{expected.matched:,} {noun} in"  # not the {others.matched} without the filter
        assert page.get_by_text(heading, exact=False).count() == 1, heading
        page.screenshot(path=str(SHOTS / "Search.png"), full_page=True)
        first = expected.hits[0].sentence
        links = reader_links(page)
        assert links, f"no Open link; the page says {page.locator('h2, h3').all_inner_texts()}"
        href = links[0]
        assert f"doc={quote(first.doc_id)}&start={first.start}&end={first.end}" in href, href
        page.goto(urljoin(page.url, href))
        wait_ready(page)
        target = page.locator("#tg-target")
        target.wait_for(state="visible", timeout=30_000)
        assert first.text.strip()[:20] in target.inner_text() or target.inner_text() in first.text
        assert page.locator("mark.tg-hit").count() >= 1  # the search's words marked too
    context.close()


def test_network_shows_evidence_for_a_selection(browser: Any, server: Server) -> None:
    from lib.extract.pipeline import analyze_paths
    from lib.view import network
    from lib.view.urls import Filters

    analysis = analyze_paths([ROOT / "data"])
    frame = network.exchanges_frame(analysis, network.exchanges(analysis, Filters()))
    edges = network.edges_frame(frame)
    if edges.empty:
        pytest.skip("no quote in the seeds names another actor")
    speaker, about = edges.iloc[0]["speaker_id"], edges.iloc[0]["about_id"]
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    page.goto(f"{server.url}/Network?{urlencode({'speaker': speaker, 'about': about})}")
    wait_ready(page)
    with server.explain("Network with an exchange selected"):
        assert page.locator('[data-testid="stException"]').count() == 0
        page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=30_000)
        assert page.get_by_text("Quotes by", exact=False).count() >= 1
        assert reader_links(page), "no Open link in the evidence"
    page.screenshot(path=str(SHOTS / "Network.png"), full_page=True)
    context.close()


# --- hostile links and reports: shown as text, nothing fetched from outside -------------------

EVIL = "http://evil.example"
HOSTILE = f"[x]({EVIL}/a) ![p]({EVIL}/i.png) :red[RED] $x^2$ <img src={EVIL}/i.png> www.evil.example"
HOSTILE_STEM = "hostile-:red[RED]-$x^2$"  # the document id: a file name can carry these too
# An invented report, written for this test: markdown and HTML in its header and its text.
HOSTILE_REPORT = f"""title: Talks :red[RED] $x^2$ [open]({EVIL}/t) ![t]({EVIL}/t.png)
source: ![s]({EVIL}/s.png) [Evil Post]({EVIL}/p)
date: 2022-01-28

Valdoria and Norland met in Geneva on Friday. [Read more]({EVIL}/more) ![pixel]({EVIL}/pixel.png)
“We will keep talking,” said Mayor Ilse Brandt. <img src={EVIL}/img.png> <script>window.tgEvil = 1</script>
:red[RED] :blue-background[BLUE] $x^2$ www.evil.example and <a href="{EVIL}/a">a link</a>.
"""
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Everything on the page, in every frame: outside links (SVG ones too), images not from this
# server, rendered LaTeX, coloured text from :red[...], and whether a report's script ran.
PAGE_PROBE = """() => {
  const hrefs = [...document.querySelectorAll('a')].map(
    a => a.getAttribute('href') || a.getAttribute('xlink:href') || '');
  const imgs = [...document.querySelectorAll('img, image')].map(
    i => i.getAttribute('src') || i.getAttribute('href') || i.getAttribute('xlink:href') || '');
  return {
    links: [...document.querySelectorAll('a')].filter(
      a => (a.getAttribute('href') || a.getAttribute('xlink:href') || '').includes('evil')).map(
      a => a.parentElement.parentElement.outerHTML.slice(0, 600)),
    images: imgs.filter(
      s => /^(https?:)?\\/\\//.test(s) && !/^https?:\\/\\/(127\\.0\\.0\\.1|localhost)[:\\/]/.test(s)),
    katex: document.querySelectorAll('.katex, math').length,
    colored: [...document.querySelectorAll('span[class*="Colored"], span[style*="color"]')]
      .map(e => e.textContent).filter(t => /RED|BLUE/.test(t)),
    script: window.tgEvil === 1,
  };
}"""


@pytest.fixture(scope="module")
def hostile_server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on a copy of the seeds plus one hostile report (TRIANGULATE_DATA)."""
    folder = tmp_path_factory.mktemp("hostile-reports")
    for seed in sorted((ROOT / "data").glob("seed-*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / f"{HOSTILE_STEM}.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    log = tmp_path_factory.mktemp("streamlit-hostile") / "server.log"
    with running_server(browser, log, {**os.environ, "TRIANGULATE_DATA": str(folder)}) as srv:
        yield srv


def hostile_urls() -> list[str]:
    """Every page with every parameter bad, then the hostile report picked where a page picks one."""
    named = ("actor", "source", "from", "to", "group", "focus", "issue", "a", "b", "doc")
    every = urlencode({**{name: HOSTILE for name in named}, "start": "²", "end": "9" * 5000})
    picked = urlencode(
        {"a": HOSTILE_STEM, "b": "seed-000", "doc": HOSTILE_STEM, "start": "0", "end": "99999"}
    )
    return [f"{page}?{every}" for page in PAGES] + [
        f"Reader?{picked}",
        f"Source_comparison?{picked}",
        f"?{urlencode({'source': 'nobody'})}",  # the hostile report's source still in the picker
    ]


def test_hostile_links_and_reports_stay_text(browser: Any, hostile_server: Server) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for url in hostile_urls():
        page.goto(f"{hostile_server.url}/{url}")
        wait_ready(page)
        with hostile_server.explain(f"hostile link {url[:80]}"):
            assert page.locator('[data-testid="stException"]').count() == 0, "the page shows an exception"
            for frame in page.frames:
                found = frame.evaluate(PAGE_PROBE)
                assert found == {"links": [], "images": [], "katex": 0, "colored": [], "script": False}, (
                    frame.url,
                    found,
                )
            outside = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")]
            outside = [u for u in outside if urlsplit(u).hostname not in LOCAL_HOSTS]
            assert not outside, f"requests left this machine: {outside}"
    page.goto(f"{hostile_server.url}/Reader?doc={quote(HOSTILE_STEM)}")
    wait_ready(page)
    with hostile_server.explain("the hostile report in the Reader"):
        assert page.get_by_text("We will keep talking", exact=False).count() >= 1  # it was read
        assert page.get_by_text("<script>window.tgEvil", exact=False).count() >= 1  # shown as text
    page.screenshot(path=str(SHOTS / "Reader-hostile.png"), full_page=True)
    context.close()


# --- the Timeline of a corpus of 40 reports: short, with readable ticks ----------------------

# Invented actors, places and happenings for generated reports (no real text).
GEN_ACTORS = [
    f"{first} {last}"
    for first in ("Mara", "Ivo", "Lena", "Tomas", "Edda")
    for last in ("Holt", "Pax", "Varga", "Lind", "Okoro", "Brandt")
]
GEN_PLACES = ["Valdoria", "Norland", "Eastland", "Portmere", "Odrin"]
GEN_ACTS = [
    "{a} met {b} in {p} on {d} to discuss the grain corridor.",
    "On {d}, {a} announced that {p} would reopen its river port.",
    "{a} said on {d} that talks with {b} would continue next week.",
    "Troops of {p} shelled the outskirts of Odrin on {d}, {a} said.",
    "{a} and {b} spoke by telephone on {d} about prisoner exchanges.",
]


def generated_reports(n: int = 40, seed: int = 3) -> list[dict[str, str]]:
    """``n`` fictional reports of one week of a crisis: two outlets, dated statements, a caption,
    a repeated live-blog paragraph, and a background sentence from years before."""
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    docs = []
    for i in range(n):
        day = date(2022, 7, 22) + timedelta(days=rng.randint(0, 8))
        paragraphs = []
        for _ in range(rng.randint(5, 9)):
            when = day - timedelta(days=rng.randint(0, 3))
            a, b = rng.sample(GEN_ACTORS, 2)
            paragraphs.append(
                rng.choice(GEN_ACTS).format(a=a, b=b, p=rng.choice(GEN_PLACES), d=f"{when:%-d %B %Y}")
            )
        paragraphs.insert(
            2,
            f"{rng.choice(GEN_ACTORS)} speaks in {rng.choice(GEN_PLACES)} on {day:%-d %B}. Photograph: Staff",
        )
        paragraphs.append(paragraphs[0])  # a live blog repeats its summary
        paragraphs.append(
            f"{rng.choice(GEN_PLACES)} signed a border treaty in March {rng.choice((2012, 2014))}."
        )
        docs.append(
            {
                "id": f"gen-{i:03d}",
                "source": ("Evening Post", "Morning Star")[i % 2],
                "date": day.isoformat(),
                "title": f"Crisis report {i}",
                "text": "\n\n".join(paragraphs),
            }
        )
    return docs


@pytest.fixture(scope="module")
def generated_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json

    folder = tmp_path_factory.mktemp("generated-reports")
    with (folder / "reports.jsonl").open("w", encoding="utf-8") as out:
        for doc in generated_reports():
            out.write(json.dumps(doc) + "\n")
    return folder


@pytest.fixture(scope="module")
def generated_server(
    browser: Any, generated_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("streamlit-generated") / "server.log"
    with running_server(browser, log, {**os.environ, "TRIANGULATE_DATA": str(generated_folder)}) as srv:
        yield srv


TICK_BOXES = """(sel) => [...document.querySelectorAll(sel)].map(t => {
  const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.top, r.bottom];
})"""


def _overlapping(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[2] and b[1] < a[2] and a[3] < b[4] and b[3] < a[4]
    ]


@pytest.mark.parametrize("width", [1400, 600])
def test_timeline_of_forty_reports_is_short_and_readable(
    browser: Any, generated_server: Server, width: int
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 1200})
    page = context.new_page()
    page.goto(f"{generated_server.url}/")
    page.locator('[data-testid="stMetricValue"]').nth(3).wait_for(timeout=240_000)
    wait_ready(page)
    overview_events = int(page.locator('[data-testid="stMetricValue"]').nth(3).inner_text())
    page.goto(f"{generated_server.url}/Timeline")
    wait_ready(page)
    with generated_server.explain(f"Timeline at {width} px"):
        chart = page.locator(".js-plotly-plot").first
        chart.wait_for(state="visible", timeout=60_000)
        box = chart.bounding_box()
        assert box is not None and box["height"] <= 1500, f"the chart is {box} tall"
        for axis_ticks in (".xtick text", ".x2tick text", ".ytick text"):
            boxes = page.evaluate(TICK_BOXES, axis_ticks)
            assert boxes or axis_ticks == ".x2tick text", f"no {axis_ticks} labels"
            assert not _overlapping(boxes), f"{axis_ticks} labels overlap: {_overlapping(boxes)}"
        heading = page.get_by_text("Events in view (", exact=False).first.inner_text()
        assert f"({overview_events})" in heading, (heading, overview_events)
    page.screenshot(path=str(SHOTS / f"Timeline-generated-{width}.png"), full_page=True)
    context.close()


TEXT_BOXES = """() => ['a', 'b'].map(side => {
  const box = document.querySelector('.st-key-text_' + side);
  if (!box) return null;
  const r = box.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, client: box.clientHeight,
          scroll: box.scrollHeight, overflow: getComputedStyle(box).overflowY, text: box.textContent};
})"""


@pytest.mark.parametrize("width", [1400, 600])
def test_comparison_reads_the_texts_in_scrolling_boxes(
    browser: Any, generated_server: Server, width: int
) -> None:
    """The two reports sit in fixed-height boxes that scroll (side by side when wide, stacked when
    narrow), whole inside them; the link's pair is the pair shown."""
    from lib.view.pairlists import TEXT_HEIGHT

    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 1200})
    page = context.new_page()
    page.goto(f"{generated_server.url}/Source_comparison?a=gen-001&b=gen-002", timeout=240_000)
    wait_ready(page)
    for side in ("a", "b"):
        box = page.locator(f".st-key-text_{side}")
        box.scroll_into_view_if_needed(timeout=120_000)  # below the fold at 600 px
        box.get_by_text("signed a border treaty", exact=False).first.wait_for(timeout=30_000)
    with generated_server.explain(f"Source comparison at {width} px"):
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "a=gen-001" in page.url and "b=gen-002" in page.url, page.url
        a, b = page.evaluate(TEXT_BOXES)
        for box in (a, b):
            assert box["client"] <= TEXT_HEIGHT and box["overflow"] in ("auto", "scroll"), box
            assert "signed a border treaty" in box["text"]  # the report's last paragraph is in the box
        if width >= 1400:
            assert a["left"] < b["left"] and b["top"] < a["bottom"], (a, b)  # side by side
        else:
            assert b["top"] >= a["bottom"], (a, b)  # Streamlit stacks the columns
    page.screenshot(path=str(SHOTS / f"Source_comparison-generated-{width}.png"), full_page=True)
    context.close()


# --- corrections: made in the page, kept across a reload and a restart --------------------------


def pick(page: Any, testid: str, label: str, option: str) -> None:
    """Choose ``option`` (its whole shown text) in the select widget labelled ``label``."""
    box = page.locator(f'[data-testid="{testid}"]').filter(has_text=label).first
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")
    if testid == "stMultiSelect":
        page.keyboard.press("Escape")  # a multiselect keeps its list open
    page.wait_for_timeout(300)


@pytest.fixture(scope="module")
def corrected_folder(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of data/ (the repository's data/ is never written) and what the test picks in it:
    two quoted actors to merge, the first report's first quote and another speaker for it."""
    from lib.extract.pipeline import analyze_paths
    from lib.view import frames, urls

    folder = tmp_path_factory.mktemp("corrected-reports")
    for seed in sorted((ROOT / "data").glob("seed-*.txt")):
        shutil.copy(seed, folder / seed.name)
    analysis = analyze_paths([folder])
    choices = urls.choices_of(analysis)
    quotes = frames.quotes_frame(analysis, urls.Filters())
    quoted = [i for i in quotes["speaker_id"].value_counts().index if i in choices.actors]
    if len(quoted) < 2:
        pytest.skip("the seeds yield fewer than two quoted actors")
    first = quotes[quotes["doc_id"] == analysis.documents[0].id].sort_values(["start", "end"]).iloc[0]
    other = next(a for a in sorted(choices.actors) if a not in (*quoted[:2], first["speaker_id"]))
    actors = {a.id: a for a in analysis.actors}

    def label(aid: str) -> str:
        return f"{actors[aid].name} · {actors[aid].type} · {aid}"

    return {
        "folder": folder,
        "target": quoted[0],
        "old": quoted[1],
        "labels": {a: label(a) for a in (quoted[0], quoted[1], other)},
        "names": {a: actors[a].name for a in (quoted[0], quoted[1], other)},
        "quote": str(first["quote"]),
        "speaker": other,
    }


def statements_count(page: Any) -> int:
    text = page.get_by_text("All statements (").first.inner_text()
    return int(text.split("(")[1].split(")")[0])


def test_corrections_last_across_reload_and_restart(
    browser: Any, tmp_path: Path, corrected_folder: dict[str, Any]
) -> None:
    from lib.view import corrections as corr

    v = corrected_folder
    env = {**os.environ, "TRIANGULATE_DATA": str(v["folder"])}
    env.pop("TRIANGULATE_STORE", None)
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    page = context.new_page()
    with running_server(browser, tmp_path / "first.log", env) as srv:
        page.goto(f"{srv.url}/Actor_positions?focus={v['speaker']}")
        wait_ready(page)
        before = statements_count(page)
        page.goto(f"{srv.url}/Corrections")
        wait_ready(page)
        with srv.explain("merging two actors in the page"):
            pick(page, "stMultiSelect", "Actors to merge", v["labels"][v["old"]])
            pick(page, "stSelectbox", "Into", v["labels"][v["target"]])
            page.get_by_role("button", name="Merge").click()
            page.get_by_text(f"Merged {v['names'][v['old']]} into", exact=False).wait_for(timeout=60_000)
            wait_ready(page)
            saved = corr.load_corrections(v["folder"] / corr.FILE_NAME)
            assert saved.merge == {v["old"]: v["target"]}
        with srv.explain("reassigning a quote's speaker in the page"):
            page.get_by_role("tab", name="Quote speaker").click()
            pick(page, "stSelectbox", "Said by", v["labels"][v["speaker"]])
            page.get_by_role("button", name="Reassign").click()
            page.get_by_text("is now said by", exact=False).wait_for(timeout=60_000)
            wait_ready(page)
            page.screenshot(path=str(SHOTS / "Corrections.png"), full_page=True)
        page.reload()
        wait_ready(page)
        with srv.explain("after a reload"):
            assert page.get_by_text("merged into", exact=False).count() >= 1
    with running_server(browser, tmp_path / "second.log", env) as srv:  # a new process: read again
        page.goto(f"{srv.url}/Actor_positions?focus={v['old']}")
        wait_ready(page)
        with srv.explain("the old actor's link after a restart"):
            assert page.locator('[data-testid="stException"]').count() == 0
            assert f"focus={v['target']}" in page.url, page.url
            focus = page.locator('[data-testid="stSelectbox"]').filter(has_text="Actor").first
            shown = focus.inner_text() + " " + focus.locator("input").input_value()
            assert v["names"][v["target"]] in shown, shown
            assert page.get_by_text("Unknown actor").count() == 0
        page.goto(f"{srv.url}/Actor_positions?focus={v['speaker']}")
        wait_ready(page)
        with srv.explain("the reassigned quote on Actor positions and in its CSV"):
            assert statements_count(page) == before + 1
            with page.expect_download() as info:
                page.get_by_role("button", name="CSV", exact=True).last.click()
            csv = Path(info.value.path()).read_text(encoding="utf-8")
            assert v["quote"][:40] in csv
    context.close()


# --- a store of 1,000 reports: the Timeline, a filtered search, the Network -----------------------

LARGE_DOCS = 1000
LARGE_SEED_DOCS = (
    100  # extracted, then replicated (tools/replicas.py) to LARGE_DOCS: a full ingest takes ~10 min
)


@pytest.fixture(scope="session")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 1,000 realistic reports (tools/bench.py's builder: real sentences recombined,
    17 outlets, dates over a year): LARGE_SEED_DOCS extracted, replicated under new ids.
    TRIANGULATE_TEST_STORE names one built before (to iterate on these tests)."""
    given = os.environ.get("TRIANGULATE_TEST_STORE")
    if given:
        return Path(given)
    from lib.records import Corpus, Document
    from lib.store.parallel import ingest_corpus
    from tools.bench import source_texts, synthetic_documents
    from tools.replicas import replicate

    store = tmp_path_factory.mktemp("large") / "store"
    docs = [
        Document(d["id"], d["title"], d["source"], d["date"], "metadata", "en", "", "", d["text"])
        for d in synthetic_documents(LARGE_SEED_DOCS, source_texts(ROOT / "data"))
    ]
    ingest_corpus(Corpus(tuple(docs)), store)
    replicate(store, LARGE_DOCS // LARGE_SEED_DOCS)
    return store


@pytest.fixture(scope="module")
def large_server(
    browser: Any, large_store: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("streamlit-large") / "server.log"
    with running_server(browser, log, {**os.environ, "TRIANGULATE_STORE": str(large_store)}) as srv:
        yield srv


@pytest.mark.parametrize("width", [1400, 600])
def test_timeline_of_a_thousand_reports_is_short_and_readable(
    browser: Any, large_server: Server, width: int
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 1200})
    page = context.new_page()
    page.goto(f"{large_server.url}/Timeline", timeout=240_000)
    wait_ready(page)
    with large_server.explain(f"Timeline of 1,000 reports at {width} px"):
        assert page.locator('[data-testid="stException"]').count() == 0
        chart = page.locator(".js-plotly-plot").first
        chart.wait_for(state="visible", timeout=120_000)
        box = chart.bounding_box()
        assert box is not None and box["height"] <= 1500, f"the chart is {box} tall"
        for axis_ticks in (".xtick text", ".ytick text"):
            boxes = page.evaluate(TICK_BOXES, axis_ticks)
            assert boxes, f"no {axis_ticks} labels"
            assert not _overlapping(boxes), f"{axis_ticks} labels overlap: {_overlapping(boxes)}"
            assert len(boxes) <= 40, f"{len(boxes)} {axis_ticks} labels: too many to read"
    page.screenshot(path=str(SHOTS / f"Timeline-1000-{width}.png"), full_page=True)
    context.close()


class Sized:
    """A corpus the search and network tests run on: its server, its analysis, its Network arrows
    (counted by the store in SQL for a store, from the exchanges for a folder)."""

    def __init__(self, name: str, server: Server, analysis: Any, edges: Any) -> None:
        self.name, self.server, self.analysis, self.edges = name, server, analysis, edges


@pytest.fixture(params=["40", "1000"])
def sized(request: pytest.FixtureRequest) -> Sized:
    from lib.view.urls import Filters

    if request.param == "40":
        from lib.extract.pipeline import analyze_paths
        from lib.view import network

        analysis = analyze_paths([request.getfixturevalue("generated_folder")])
        edges = network.edges_of(analysis, network.exchanges(analysis, Filters()))
        return Sized("40", request.getfixturevalue("generated_server"), analysis, edges)
    from lib.store.parquet import read_analysis
    from lib.store.slices import store_index, store_network_edges

    store = request.getfixturevalue("large_store")
    edges = store_network_edges(store_index(store), Filters())
    return Sized("1000", request.getfixturevalue("large_server"), read_analysis(store), edges)


def test_search_with_a_source_filter(browser: Any, sized: Sized) -> None:
    """The heading counts what the whole analysis's search counts under the filter (not without it),
    and the first Open link is the best hit."""
    from lib.view import search
    from lib.view.urls import Filters

    analysis, server = sized.analysis, sized.server
    source = sorted({d.source for d in analysis.documents if d.source})[1]
    filters = Filters(sources=(source,))
    first = next(d.id for d in analysis.documents if d.source == source)
    words = sorted(
        {w for s in analysis.sentences if s.doc_id == first for w in s.text.split() if w.isalpha()}
    )
    q = next(  # a word of one of its reports that other sources' reports hold too: the filter narrows
        w
        for w in sorted(words, key=len, reverse=True)
        if 0
        < search.search(analysis, filters, search.parse(w)).matched
        < search.search(analysis, Filters(), search.parse(w)).matched
    )
    expected = search.search(analysis, filters, search.parse(q))
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.goto(f"{server.url}/Search?{urlencode({'q': q, 'source': source})}", timeout=240_000)
    wait_ready(page)
    with server.explain(f"Search of {sized.name} reports with a source filter"):
        assert page.locator('[data-testid="stException"]').count() == 0
        noun = "sentence" if expected.matched == 1 else "sentences"
        heading = f"{expected.matched:,} {noun}"
        assert page.get_by_text(heading, exact=False).count() >= 1, heading
        hit = expected.hits[0].sentence
        links = reader_links(page)
        assert links and f"doc={quote(hit.doc_id)}&start={hit.start}&end={hit.end}" in links[0], links[:1]
        page.screenshot(path=str(SHOTS / f"Search-{sized.name}.png"), full_page=True)
    context.close()


def test_network_shows_the_evidence_of_a_pick(browser: Any, sized: Sized) -> None:
    edges, server = sized.edges, sized.server
    assert not edges.empty, f"no quote names another actor in {sized.name} reports"
    edge = edges.iloc[0]
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    speaker, about = str(edge["speaker_id"]), str(edge["about_id"])
    page.goto(f"{server.url}/Network?{urlencode({'speaker': speaker, 'about': about})}", timeout=240_000)
    wait_ready(page)
    with server.explain(f"Network of {sized.name} reports with an exchange picked"):
        assert page.locator('[data-testid="stException"]').count() == 0
        page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=120_000)
        title = f"Quotes by {edge['speaker']} naming {edge['about']} ({edge['quotes']})"
        assert page.get_by_text(title, exact=False).count() >= 1, title
        assert reader_links(page), "no Open link in the evidence"
        page.screenshot(path=str(SHOTS / f"Network-{sized.name}.png"), full_page=True)
    context.close()
