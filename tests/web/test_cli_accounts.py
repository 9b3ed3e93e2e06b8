"""``millwork users``, ``millwork tokens`` and ``millwork demo`` as an administrator runs them:
output, exit codes, one clear error line, and what they do to the app's log-in."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from persistence.store_directory import SqlStores
from services.ports import Store
from tests.persistence.databases import migrated
from web.app import create_app
from web.cli import main

PASSWORD = "correct-horse-battery"  # noqa: S105 (a test's)
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``millwork`` with ``stdin`` as its standard input: (status, stdout, stderr)."""

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def store(database_url: str) -> str:
    """A store in the test's database."""
    with migrated(database_url) as engine:
        SqlStores(engine).put(
            Store(id="sh-xuhui", name="Xuhui", city="Shanghai", timezone="Asia/Shanghai")
        )
    return "sh-xuhui"


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(database=database_url)) as client:
        yield client


def add(run: Run, login: str, role: str, *more: str) -> None:
    code, _, err = run(
        "users", "add", login, "--role", role, *more, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert code == 0, err


def token_of(out: str, login: str) -> tuple[int, str]:
    """The id and the token of ``tokens create``'s output: one line, the token last."""
    found = re.fullmatch(
        rf"token (\d+) for {login} \(revoke with: millwork tokens revoke \1; [^)]*\): (\S+)\n",
        out,
    )
    assert found, out
    return int(found[1]), found[2]


def me(client: TestClient, token: str) -> int:
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code


def log_in(client: TestClient, login: str, password: str) -> dict[str, object] | None:
    csrf = client.cookies.get("millwork_csrf")  # a signed-in browser echoes it
    headers = {"X-CSRF-Token": csrf} if csrf else {}
    answer = client.post(
        "/api/v1/session", json={"login": login, "password": password}, headers=headers
    )
    return answer.json()["account"] if answer.status_code == 200 else None


def test_users_add_list_disable_enable(run: Run, store: str) -> None:
    code, out, err = run(
        "users",
        "add",
        "Designer2",
        "--role",
        "designer",
        "--store",
        store,
        "--name",
        "Wang Fang",
        "--password-stdin",
        stdin=PASSWORD + "\nignored second line\n",
    )
    assert (code, out, err) == (0, "added designer2: designer of sh-xuhui\n", "")
    add(run, "factory1", "factory")
    code, out, _ = run("users", "list")
    header, *rows = out.splitlines()
    assert code == 0 and header.split() == ["login", "role", "store", "disabled", "created", "name"]
    assert [r.split()[:4] for r in rows] == [
        ["designer2", "designer", "sh-xuhui", "no"],
        ["factory1", "factory", "-", "no"],
    ]
    assert rows[0].index("sh-xuhui") == header.index("store")  # aligned
    assert rows[0].endswith("Wang Fang")
    assert run("users", "disable", "FACTORY1")[:2] == (
        0,
        "disabled factory1: its sessions ended and its API tokens were revoked\n",
    )
    _, out, _ = run("users", "list", "--json")
    listed = {a["login"]: a for a in json.loads(out)}
    assert listed["factory1"]["disabled"] is True and listed["designer2"]["disabled"] is False
    assert (
        listed["designer2"]["store_id"] == "sh-xuhui" and listed["designer2"]["name"] == "Wang Fang"
    )
    assert set(listed["designer2"]) == {
        "login",
        "role",
        "store_id",
        "name",
        "disabled",
        "created_at",
    }
    assert run("users", "enable", "factory1")[:2] == (0, "enabled factory1\n")


def test_the_password_is_prompted_for_twice(
    run: Run, monkeypatch: pytest.MonkeyPatch, client: TestClient
) -> None:
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert run("users", "add", "admin1", "--role", "admin")[0] == 0
    assert log_in(client, "admin1", PASSWORD) == {
        "id": 1,
        "login": "admin1",
        "role": "admin",
        "store_id": None,
        "name": "",
    }


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([PASSWORD, PASSWORD + "x"], "the two passwords differ: nothing was changed"),
        ([EOFError()], "no password given (pipe one in with --password-stdin)"),
    ],
)
def test_a_prompted_password_that_does_not_do(
    run: Run, monkeypatch: pytest.MonkeyPatch, answers: list[object], message: str
) -> None:
    given = iter(answers)

    def getpass(prompt: str) -> str:
        answer = next(given)
        if isinstance(answer, BaseException):
            raise answer
        return str(answer)

    monkeypatch.setattr("getpass.getpass", getpass)
    assert run("users", "add", "admin1", "--role", "admin") == (
        1,
        "",
        f"millwork: error: {message}\n",
    )
    assert run("users", "list", "--json")[1] == "[]\n"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (
            ["add", "x1x", "--role", "wizard"],
            PASSWORD,
            "--role 'wizard' is not a role: one of "
            "consumer, designer, store_manager, sales, factory, admin",
        ),
        (["add", "x1x", "--role", "anonymous"], PASSWORD, "--role 'anonymous' is not a role"),
        (
            ["add", "x1x", "--role", "designer"],
            PASSWORD,
            "--store: a designer belongs to a store: give it",
        ),
        (
            ["add", "x1x", "--role", "store_manager"],
            PASSWORD,
            "--store: a store_manager belongs to a store: give it",
        ),
        (
            ["add", "x1x", "--role", "designer", "--store", "nowhere"],
            PASSWORD,
            "--store: there is no store 'nowhere' (stores: sh-xuhui)",
        ),
        (
            ["add", "x1x", "--role", "sales", "--store", "sh-xuhui"],
            PASSWORD,
            "--store: a sales belongs to no store",
        ),
        (["add", "x1x", "--role", "admin"], "short", "the password must have 10–256 characters"),
        (["add", "x1x", "--role", "admin"], "", "--password-stdin: no password on the first line"),
        (["add", "a b", "--role", "admin"], PASSWORD, "'a b' cannot be a login"),
        (["add", "taken", "--role", "admin"], PASSWORD, "login 'taken' already exists"),
        (["disable", "nobody"], "", "no account 'nobody'"),
        (["enable", "nobody"], "", "no account 'nobody'"),
        (["password", "nobody"], PASSWORD, "no account 'nobody'"),
        (["password", "taken"], "short", "the password must have 10–256 characters"),
    ],
)
def test_users_errors_are_one_clear_line(
    run: Run, store: str, argv: list[str], stdin: str, message: str
) -> None:
    add(run, "taken", "consumer")
    if "--role" in argv or argv[0] == "password":
        argv = [*argv, "--password-stdin"]
    code, out, err = run("users", *argv, stdin=stdin + "\n" if stdin else "")
    assert code == 1 and out == ""
    assert err.startswith(f"millwork: error: {message}") and err.count("\n") == 1
    assert len(json.loads(run("users", "list", "--json")[1])) == 1  # nothing added


def test_a_token_authenticates_until_revoked(run: Run, client: TestClient) -> None:
    add(run, "factory1", "factory")
    code, out, err = run("tokens", "create", "factory1")
    token_id, token = token_of(out, "factory1")
    assert code == 0 and err == "" and out.split()[-1] == token and token.startswith("mwt_")
    answer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.json()["account"]["role"] == "factory"
    other_id, other = token_of(run("tokens", "create", "factory1")[1], "factory1")
    assert other_id != token_id and other != token
    assert run("tokens", "revoke", str(token_id))[:2] == (0, f"revoked token {token_id}\n")
    assert me(client, token) == 401 and me(client, other) == 200
    assert run("tokens", "revoke", str(token_id)) == (
        1,
        "",
        f"millwork: error: no API token '{token_id}'\n",
    )


def test_disabling_an_account_stops_its_tokens_and_sessions(run: Run, client: TestClient) -> None:
    add(run, "sales1", "sales")
    _, token = token_of(run("tokens", "create", "sales1")[1], "sales1")
    assert log_in(client, "sales1", PASSWORD) is not None
    assert client.get("/api/v1/me").json()["account"]["login"] == "sales1"  # the session
    run("users", "disable", "sales1")
    assert me(client, token) == 401
    assert client.get("/api/v1/me").json()["account"] is None  # the session ends
    assert log_in(client, "sales1", PASSWORD) is None
    assert run("tokens", "create", "sales1") == (
        1,
        "",
        "millwork: error: the account 'sales1' is disabled: enable it first\n",
    )
    run("users", "enable", "sales1")
    assert me(client, token) == 401  # enabled again, its old tokens stay revoked
    assert log_in(client, "sales1", PASSWORD) is not None


def test_tokens_for_nobody(run: Run) -> None:
    assert run("tokens", "create", "nobody") == (1, "", "millwork: error: no account 'nobody'\n")


def test_a_new_password_signs_out_whoever_knew_the_old_one(run: Run, client: TestClient) -> None:
    add(run, "designer1", "admin")
    assert log_in(client, "designer1", PASSWORD) is not None  # a browser signed in with it
    new = "a-new-password-1"
    assert run("users", "password", "designer1", "--password-stdin", stdin=new)[:2] == (
        0,
        "set a new password for designer1\n",
    )
    assert client.get("/api/v1/me").json() == {"account": None}  # its session has ended
    assert log_in(client, "designer1", PASSWORD) is None
    assert log_in(client, "designer1", new) is not None


def demo_passwords(out: str) -> dict[str, str]:
    """The logins and passwords in ``millwork demo``'s accounts table."""
    table = out.split("Accounts")[1].split("\n\n")[0]
    rows = re.findall(r"^  (\S+) +(\S+) +(\S+) +(\S+)$", table, re.MULTILINE)
    return {login: password for login, _, _, password in rows if login != "login"}


def test_demo_seeds_once_and_its_passwords_log_in(run: Run, client: TestClient) -> None:
    code, first, err = run("demo")
    assert code == 0 and err == ""
    passwords = demo_passwords(first)
    assert set(passwords) == {"consumer1", "designer1", "manager1", "sales1", "factory1", "admin1"}
    assert len(set(passwords.values())) == 6
    roles = {login: log_in(client, login, p)["role"] for login, p in passwords.items()}  # type: ignore[index]
    assert sorted(roles.values()) == sorted(
        ["consumer", "designer", "store_manager", "sales", "factory", "admin"]
    )
    designs = client.get("/api/v1/designs").json()["designs"]  # as admin1, the last: none
    assert designs == []
    log_in(client, "consumer1", passwords["consumer1"])
    mine = {
        d["name"]: d["store_id"] for d in client.get("/api/v1/designs?mine=true").json()["designs"]
    }
    assert mine == {"Master bedroom": None, "L-shaped bedroom, furnished sensibly": "sh-xuhui"}
    log_in(client, "designer1", passwords["designer1"])
    store = [d["name"] for d in client.get("/api/v1/designs").json()["designs"]]
    assert store == ["L-shaped bedroom, furnished sensibly"]

    code, again, err = run("demo")
    assert code == 0 and err == ""
    assert demo_passwords(again) == {}  # no password shown twice
    assert (
        again.count("(existed: not shown again)") == 6 and "millwork users password LOGIN" in again
    )
    assert "added" not in again and again.count("existed") == 3 + 6 + 2
    assert len(json.loads(run("users", "list", "--json")[1])) == 6
    log_in(client, "consumer1", passwords["consumer1"])
    assert len(client.get("/api/v1/designs?mine=true").json()["designs"]) == 2


def test_demo_stores_span_two_cities_and_zones(run: Run) -> None:
    _, out, _ = run("demo")
    stores = re.findall(r"^  (\S+-\S+) +.+ +(\S+) +(Asia/\S+) +added$", out, re.MULTILINE)
    assert len(stores) >= 3
    assert len({city for _, city, _ in stores}) >= 2 and len({z for _, _, z in stores}) >= 2


def test_prune_says_what_it_deleted(run: Run) -> None:
    assert run("prune") == (
        0,
        "deleted 0 expired sessions, 0 old failed log-ins, 0 old throttle events, "
        "0 week-old Idempotency-Key answers\n",
        "",
    )
