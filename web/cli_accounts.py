"""``millwork users …`` and ``millwork tokens …``: the administrators' accounts and API tokens
(DESIGN.md §5, §7), on the database ``DATABASE_URL`` names (else the SQLite file under
``var/``). Each command parses, calls one use case of ``services.accounts`` and prints."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from kernel.problems import Problem
from services.accounts import (
    add_user,
    create_token,
    disable_user,
    enable_user,
    list_users,
    revoke_token,
    set_password,
)
from services.errors import InvalidInput
from services.housekeeping import prune
from services.identity import Account, Role
from web.cli_errors import CliError
from web.cli_support import aligned
from web.database import open_backend
from web.messages import message

__all__ = [
    "prune_old",
    "tokens_create",
    "tokens_revoke",
    "users_add",
    "users_disable",
    "users_enable",
    "users_list",
    "users_password",
]

ROLES = [r.value for r in Role if r is not Role.ANONYMOUS]
# the options a problem of ``add_user`` points at (a login's or password's message names it)
OPTIONS = {"role": "--role", "store": "--store"}


def users_add(args: argparse.Namespace) -> None:
    """Add an account; the password is prompted for (twice) or read from stdin."""
    if args.role not in ROLES:
        raise CliError([f"--role {args.role!r} is not a role: one of {', '.join(ROLES)}"])
    password = _password(args)
    with open_backend() as backend, _in_cli_words():
        account = add_user(
            args.login,
            Role(args.role),
            password,
            store_id=args.store,
            name=args.name,
            backend=backend,
        )
    print(f"added {account.login}: {_role_in_store(account)}")


def users_list(args: argparse.Namespace) -> None:
    """Every account with a login: an aligned table, or JSON with ``--json``."""
    with open_backend() as backend:
        accounts = list_users(backend=backend)
    if args.json:
        print(json.dumps([_view(a) for a in accounts], ensure_ascii=False, indent=2))
        return
    rows = [["login", "role", "store", "disabled", "created", "name"]]
    rows += [
        [
            a.login or "",
            a.role.value,
            a.store_id or "-",
            "yes" if a.disabled else "no",
            a.created_at.strftime("%Y-%m-%d %H:%M UTC"),
            a.name,
        ]
        for a in accounts
    ]
    print("\n".join(aligned(rows)))


def users_disable(args: argparse.Namespace) -> None:
    """Disable an account: its sessions end and its API tokens are revoked at once."""
    with open_backend() as backend:
        account = disable_user(args.login, backend=backend)
    print(f"disabled {account.login}: its sessions ended and its API tokens were revoked")


def prune_old(_: argparse.Namespace) -> None:
    """Delete what no rule counts any more (``services.housekeeping``)."""
    with open_backend() as backend:
        pruned = prune(backend=backend)
    print(
        f"deleted {pruned.sessions} expired sessions, {pruned.failed_log_ins} old failed "
        f"log-ins, {pruned.throttle_events} old throttle events, {pruned.idempotency_keys} "
        "week-old Idempotency-Key answers"
    )


def users_enable(args: argparse.Namespace) -> None:
    """Enable a disabled account again."""
    with open_backend() as backend:
        account = enable_user(args.login, backend=backend)
    print(f"enabled {account.login}")


def users_password(args: argparse.Namespace) -> None:
    """Set a new password for an account (prompted for twice, or read from stdin)."""
    password = _password(args)
    with open_backend() as backend, _in_cli_words():
        account = set_password(args.login, password, backend=backend)
    print(f"set a new password for {account.login}")


def tokens_create(args: argparse.Namespace) -> None:
    """A new API token, printed once as the last word of the output."""
    with open_backend() as backend, _in_cli_words():
        token_id, token = create_token(args.login, backend=backend)
    print(
        f"token {token_id} for {args.login} (revoke with: millwork tokens revoke {token_id}; "
        f"it is shown only now): {token}"
    )


def tokens_revoke(args: argparse.Namespace) -> None:
    """Revoke an API token by its id."""
    with open_backend() as backend:
        revoke_token(args.token_id, backend=backend)
    print(f"revoked token {args.token_id}")


def _password(args: argparse.Namespace) -> str:
    """The first line of stdin with ``--password-stdin``; else prompted for twice."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(["--password-stdin: no password on the first line of stdin"])
        return password
    try:
        first = getpass.getpass(f"password for {args.login}: ")
        again = getpass.getpass("the same password again: ")
    except EOFError:
        raise CliError(["no password given (pipe one in with --password-stdin)"]) from None
    if first != again:
        raise CliError(["the two passwords differ: nothing was changed"])
    return first


@contextmanager
def _in_cli_words() -> Iterator[None]:
    """Say a refused input in the command line's words (``--store: …``, not ``store: …``)."""
    try:
        yield
    except InvalidInput as exc:
        raise CliError([_line(p) for p in exc.problems]) from None


def _line(problem: Problem) -> str:
    option = OPTIONS.get(problem.path)
    return f"{option}: {message(problem)}" if option else message(problem)


def _role_in_store(account: Account) -> str:
    return account.role.value + (f" of {account.store_id}" if account.store_id else "")


def _view(account: Account) -> dict[str, object]:
    return {
        "login": account.login,
        "role": account.role.value,
        "store_id": account.store_id,
        "name": account.name,
        "disabled": account.disabled,
        "created_at": account.created_at.isoformat(),
    }
