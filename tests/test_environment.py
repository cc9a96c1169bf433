import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.environment import database_from_url, env_bool, env_int, env_list, env_str


def test_bool_accepts_common_words_and_rejects_typos(monkeypatch):
    for word, expected in [("true", True), ("On", True), ("1", True), ("no", False), ("", False)]:
        monkeypatch.setenv("FLAG", word)
        assert env_bool("FLAG") is expected
    monkeypatch.setenv("FLAG", "yse")
    with pytest.raises(ImproperlyConfigured, match="FLAG='yse' is not a boolean"):
        env_bool("FLAG")
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", default=True) is True


def test_required_string_names_the_missing_variable(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        env_str("SECRET_KEY")
    assert env_str("SECRET_KEY", "fallback") == "fallback"


def test_int_and_list(monkeypatch):
    monkeypatch.setenv("WORKERS", "four")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("WORKERS", 2)
    monkeypatch.setenv("HOSTS", " a.example, ,b.example ")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_database_urls():
    sqlite = database_from_url("sqlite:////srv/news/db.sqlite3")
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert sqlite["NAME"] == "/srv/news/db.sqlite3"

    postgres = database_from_url(
        "postgres://news:s%40cret@db.internal:5433/newsroom?sslmode=require"
    )
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["USER"], postgres["PASSWORD"]) == ("news", "s@cret")
    assert (postgres["HOST"], postgres["PORT"], postgres["NAME"]) == (
        "db.internal",
        "5433",
        "newsroom",
    )
    assert postgres["OPTIONS"] == {"sslmode": "require"}

    with pytest.raises(ImproperlyConfigured, match="scheme 'mysql'"):
        database_from_url("mysql://x/y")
    with pytest.raises(ImproperlyConfigured, match="database name"):
        database_from_url("postgres://localhost/")
