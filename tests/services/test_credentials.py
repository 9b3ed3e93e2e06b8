"""Passwords are argon2id at the product's cost; tokens are random and kept as a hash."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from services import credentials
from services.credentials import check_password, hash_password, hash_token, new_token


def test_the_product_hashes_passwords_with_argon2id_at_rfc_9106_low_memory_cost() -> None:
    product = PasswordHasher()  # what services.credentials builds (the tests swap in a cheap one)
    assert product.type.name == "ID"
    assert (product.time_cost, product.memory_cost, product.parallelism) == (
        RFC_9106_LOW_MEMORY.time_cost,
        RFC_9106_LOW_MEMORY.memory_cost,
        RFC_9106_LOW_MEMORY.parallelism,
    )
    hashed = product.hash("correct horse")
    assert hashed.startswith("$argon2id$") and "m=65536,t=3" in hashed
    assert credentials._NOBODY.startswith("$argon2id$")


def test_a_password_matches_only_its_own_hash() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed != hash_password("correct horse battery")  # salted
    assert check_password(hashed, "correct horse battery")
    assert not check_password(hashed, "correct horse battery ")
    assert not check_password(None, "correct horse battery")  # no password matches nothing
    assert not check_password("not a hash", "correct horse battery")


def test_tokens_are_long_random_and_kept_only_as_their_hash() -> None:
    token, kept = new_token("mwt_")
    again, _ = new_token("mwt_")
    assert token.startswith("mwt_") and len(token) == 4 + 43 and token != again
    assert kept == hash_token(token) and token not in kept and len(kept) == 64
