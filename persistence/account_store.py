"""Accounts, sessions, API tokens and failed log-ins in the database: the ``AccountStore``,
``SessionStore`` and ``TokenStore`` of the services. Tokens are looked up by their SHA-256
(the services hash them); a disabled account's sessions and tokens find nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from persistence.db import for_writing
from persistence.mappers import account_of
from persistence.tables import AccountRow, ApiTokenRow, LoginFailureRow, SessionRow
from services.errors import AlreadyExists, NotFound
from services.identity import Account
from services.ports import Credentials, NewAccount

__all__ = ["SqlAccounts", "SqlSessions", "SqlTokens"]


class SqlAccounts:
    """Accounts behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def add(self, new: NewAccount) -> Account:
        row = AccountRow(
            login=new.login,
            role=new.role.value,
            store_id=new.store_id,
            name=new.name,
            password_hash=new.password_hash,
            created_at=new.at,
        )
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                session.add(row)
        except IntegrityError:
            raise AlreadyExists("login", new.login or "") from None
        return account_of(row)

    def get(self, account_id: int) -> Account:
        with Session(self._engine) as session:
            row = session.get(AccountRow, account_id)
            if row is None:
                raise NotFound("account", str(account_id))
            return account_of(row)

    def credentials(self, login: str) -> Credentials:
        with Session(self._engine) as session:
            row = session.exec(select(AccountRow).where(AccountRow.login == login)).first()
            if row is None:
                raise NotFound("account", login)
            return Credentials(account_of(row), row.password_hash)

    def all(self) -> list[Account]:
        with Session(self._engine) as session:
            rows = session.exec(
                select(AccountRow)
                .where(col(AccountRow.login).is_not(None))
                .order_by(col(AccountRow.login))
            )
            return [account_of(r) for r in rows]

    def set_disabled(self, login: str, disabled: bool) -> Account:
        return self._change(login, disabled=disabled)

    def set_password(self, login: str, password_hash: str) -> Account:
        return self._change(login, password_hash=password_hash)

    def _change(self, login: str, **values: object) -> Account:
        """Set columns of the account of ``login``; ``NotFound`` if there is none."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            row = session.exec(select(AccountRow).where(AccountRow.login == login)).first()
            if row is None:
                raise NotFound("account", login)
            for column, value in values.items():
                setattr(row, column, value)
        return account_of(row)

    def promote(self, account_id: int, new: NewAccount) -> Account:
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                row = session.get(AccountRow, account_id)
                if row is None or row.login is not None:
                    raise NotFound("anonymous account", str(account_id))
                row.login, row.role, row.name = new.login, new.role.value, new.name
                row.password_hash = new.password_hash
        except IntegrityError:
            raise AlreadyExists("login", new.login or "") from None
        return account_of(row)

    def record_failure(self, login: str, address: str, at: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            row = LoginFailureRow(login=login[:64], address=address[:64], at=at)
            session.add(row)
            session.flush()
            assert row.id is not None
            return row.id

    def forget_failure(self, failure_id: int) -> None:
        with Session(self._writer) as session, session.begin():
            session.exec(delete(LoginFailureRow).where(col(LoginFailureRow.id) == failure_id))

    def forget_failures_before(self, before: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            old = col(LoginFailureRow.at) < before
            return int(session.exec(delete(LoginFailureRow).where(old)).rowcount)

    def failures_since(self, login: str, address: str, since: datetime) -> tuple[int, int]:
        with Session(self._engine) as session:
            recent = col(LoginFailureRow.at) >= since
            by_login = select(func.count()).where(recent, LoginFailureRow.login == login[:64])
            by_address = select(func.count()).where(recent, LoginFailureRow.address == address[:64])
            return session.exec(by_login).one(), session.exec(by_address).one()


class SqlSessions:
    """Browser sessions behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def open(
        self, account_id: int, token_hash: str, csrf_token: str, at: datetime, until: datetime
    ) -> None:
        with Session(self._writer) as session, session.begin():
            session.add(
                SessionRow(
                    token_hash=token_hash,
                    account_id=account_id,
                    csrf_token=csrf_token,
                    created_at=at,
                    expires_at=until,
                )
            )

    def forget_expired(self, now: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            expired = col(SessionRow.expires_at) <= now
            return int(session.exec(delete(SessionRow).where(expired)).rowcount)

    def find(self, token_hash: str, now: datetime) -> tuple[Account, str] | None:
        with Session(self._engine) as session:
            found = session.exec(
                select(AccountRow, SessionRow.csrf_token)
                .join(SessionRow, col(SessionRow.account_id) == col(AccountRow.id))
                .where(
                    SessionRow.token_hash == token_hash,
                    col(SessionRow.expires_at) > now,
                    col(AccountRow.disabled).is_(False),
                )
            ).first()
            return None if found is None else (account_of(found[0]), found[1])

    def close(self, token_hash: str) -> None:
        with Session(self._writer) as session, session.begin():
            row = session.exec(select(SessionRow).where(SessionRow.token_hash == token_hash))
            for found in row:
                session.delete(found)

    def close_all(self, account_id: int) -> int:
        with Session(self._writer) as session, session.begin():
            done = session.exec(delete(SessionRow).where(col(SessionRow.account_id) == account_id))
            return int(done.rowcount)


class SqlTokens:
    """API tokens behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def create(self, account_id: int, token_hash: str, at: datetime) -> int:
        row = ApiTokenRow(token_hash=token_hash, account_id=account_id, created_at=at)
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            session.add(row)
        assert row.id is not None
        return row.id

    def find(self, token_hash: str) -> Account | None:
        with Session(self._engine) as session:
            row = session.exec(
                select(AccountRow)
                .join(ApiTokenRow, col(ApiTokenRow.account_id) == col(AccountRow.id))
                .where(
                    ApiTokenRow.token_hash == token_hash,
                    col(ApiTokenRow.revoked_at).is_(None),
                    col(AccountRow.disabled).is_(False),
                )
            ).first()
            return None if row is None else account_of(row)

    def revoke(self, token_id: int, at: datetime) -> bool:
        with Session(self._writer) as session, session.begin():
            done = session.exec(
                update(ApiTokenRow)
                .where(col(ApiTokenRow.id) == token_id, col(ApiTokenRow.revoked_at).is_(None))
                .values(revoked_at=at)
            )
            return bool(done.rowcount == 1)

    def revoke_all(self, account_id: int, at: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            done = session.exec(
                update(ApiTokenRow)
                .where(
                    col(ApiTokenRow.account_id) == account_id,
                    col(ApiTokenRow.revoked_at).is_(None),
                )
                .values(revoked_at=at)
            )
            return int(done.rowcount)
