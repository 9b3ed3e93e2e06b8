"""The browser pages' shells (``web.pages``): wording in zh-CN by default and en on asking,
the demo rooms, and the npm code the pages import, served by the app (never a CDN)."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from tests.web.designs_api import BEDROOM, csrf
from web.app import create_app
from web.frontend import NODE_MODULES
from web.page_messages import PAGE_MESSAGES


@pytest.fixture(scope="module")
def client(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The app on a database of its own: the pages' tests save designs (and so make
    visitors, whom the app counts per address)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'millwork.db'}"
    migrate(url)
    return TestClient(create_app(catalog=catalog, database=url))


def test_every_page_message_has_both_languages_and_the_same_placeholders() -> None:
    for key, texts in PAGE_MESSAGES.items():
        assert set(texts) == {"en", "zh-CN"}, key
        assert set(re.findall(r"\{\w+\}", texts["en"])) == set(
            re.findall(r"\{\w+\}", texts["zh-CN"])
        ), key


def data_of(page: str, block: str) -> dict[str, object]:
    found = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', page, re.S)
    assert found, block
    parsed: dict[str, object] = json.loads(found.group(1))
    return parsed


def test_the_start_page_is_chinese_first_and_english_on_asking(client: TestClient) -> None:
    c = TestClient(client.app)  # its own cookies
    page = c.get("/").text
    assert '<html lang="zh-CN">' in page and "规划您的房间" in page
    assert 'data-testid="new-design"' in page
    assert data_of(page, "page-data")["lang"] == "zh-CN"
    english = c.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Plan your room" in english.text
    assert data_of(english.text, "page-messages")["undo"] == "Undo"
    # the choice is kept for the next pages
    assert '<html lang="en">' in c.get("/designs/d_1").text
    assert '<html lang="zh-CN">' in c.get("/designs/d_1?lang=zh-CN").text
    assert '<html lang="zh-CN">' in c.get("/?lang=fr").text


def saved(client: TestClient) -> tuple[TestClient, str]:
    """A browser of its own (an anonymous visitor) that saved the bedroom: it and the id."""
    browser = TestClient(client.app)
    answer = browser.post("/api/v1/designs", json={"document": BEDROOM})
    assert answer.status_code == 201
    design_id: str = answer.json()["id"]
    return browser, design_id


def test_the_page_data_cannot_end_its_script_block(client: TestClient) -> None:
    browser, design_id = saved(client)
    token = browser.post(f"/api/v1/designs/{design_id}/share", headers=csrf(browser)).json()
    page = client.get(f"/s/{token['token']}").text
    assert data_of(page, "page-data") == {
        "lang": "zh-CN",
        "design_id": None,
        "token": token["token"],
    }
    wrong = client.get("/designs/a%3Cscript%3E")
    assert wrong.status_code == 404 and "a<script>" not in wrong.text


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/designs/d_none", 404, "此地址没有设计"),
        ("/designs/a%20b?lang=en", 404, "There is no design at this address"),
        ("/s/mwl_withdrawn?lang=en", 404, "This share link does not work"),
        ("/s/" + "x" * 101, 404, "此分享链接已失效"),
        ("/quotes/Q-2026-000001?lang=en", 403, "sign in with the account"),
    ],
)
def test_a_page_of_nothing_answers_an_html_page_with_its_status(
    client: TestClient, path: str, status: int, words: str
) -> None:
    answer = TestClient(client.app).get(path)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert words in answer.text and f'data-status="{status}"' in answer.text
    assert 'href="/"' in answer.text  # the way back to the start


def test_a_design_or_quote_of_someone_else_is_not_found(client: TestClient) -> None:
    _, design_id = saved(client)
    stranger = TestClient(client.app)
    stranger.post("/api/v1/designs", json={"document": BEDROOM})  # a visitor of their own
    assert stranger.get(f"/designs/{design_id}").status_code == 404
    assert stranger.get("/quotes/Q-2026-000001").status_code == 404
    owner, mine = saved(client)
    assert owner.get(f"/designs/{mine}").status_code == 200


def test_the_editor_has_the_controls_the_journeys_use(client: TestClient) -> None:
    browser, design_id = saved(client)
    page = browser.get(f"/designs/{design_id}").text
    for testid in (
        "price-total",
        "problem-list",
        "viewer-3d",
        "plan-view",
        "add-cabinet",
        "save-status",
        "undo",
        "redo",
    ):
        assert f'data-testid="{testid}"' in page, testid


def test_the_demo_rooms_are_design_documents(client: TestClient) -> None:
    for name in ("bedroom", "l-shaped-bedroom"):
        doc = client.get(f"/demos/{name}.json").json()
        assert doc["schema"] == "millwork/design@1"
        assert client.post("/api/v1/evaluate", json=doc).status_code == 200
    assert client.get("/demos/secrets.json").status_code == 404


@pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="run `npm ci` (make install) first")
def test_three_and_axe_are_served_from_node_modules(client: TestClient) -> None:
    for path in (
        "three/build/three.module.js",
        "three/build/three.core.js",
        "three/examples/jsm/loaders/GLTFLoader.js",
        "three/examples/jsm/utils/BufferGeometryUtils.js",
        "three/examples/jsm/controls/OrbitControls.js",
        "axe-core/axe.min.js",
    ):
        answer = client.get(f"/vendor/{path}")
        assert answer.status_code == 200, path
        assert "javascript" in answer.headers["content-type"], path
    # only those folders: not the packages' other files, not node_modules itself
    assert client.get("/vendor/three/package.json").status_code == 404
    assert client.get("/vendor/three/src/Three.js").status_code == 404
    lock = json.loads((NODE_MODULES.parent / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/three"]["version"].startswith("0.18")


def test_a_browser_asking_for_a_page_that_is_not_there_gets_a_page(client: TestClient) -> None:
    html = {"Accept": "text/html,application/xhtml+xml"}
    answer = client.get("/nothing/here?lang=en", headers=html)
    assert answer.status_code == 404 and "There is nothing at this address" in answer.text
    # the API and machines still get the JSON error
    assert client.get("/api/v1/nothing", headers=html).json()["error"]["code"] == "not_found"
    assert client.get("/nothing/here").json()["error"]["code"] == "not_found"
