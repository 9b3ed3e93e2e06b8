"""Passwords and bearer secrets: argon2 for passwords, SHA-256 for random tokens.

A token (session cookie, API token, share link) is 256 random bits shown once; only its
SHA-256 is kept, so a copy of the database opens nothing. Random tokens need no slow hash:
there is nothing to guess.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = ["check_password", "hash_password", "hash_token", "new_token", "same_secret"]

_HASHER: Final = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) defaults
# checked against when a login does not exist, so that case takes as long as a wrong password
_NOBODY: Final = _HASHER.hash("millwork: no such account")


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (salted: two hashes of one password differ)."""
    return _HASHER.hash(password)


def check_password(hashed: str | None, password: str) -> bool:
    """Whether ``password`` matches ``hashed``; ``None`` (no password) matches nothing, in
    the same time."""
    try:
        _HASHER.verify(hashed or _NOBODY, password)
    except (VerificationError, InvalidHashError):
        return False
    return hashed is not None


def new_token(prefix: str) -> tuple[str, str]:
    """A new random token (``prefix`` + 43 characters) and the hash to keep of it."""
    token = prefix + secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    """The hex SHA-256 kept of a token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Compare two secrets in constant time."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode())
