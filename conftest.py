"""Collection for the doctests of every package (pyproject.toml ``testpaths``): Alembic's
migration scripts run only inside Alembic (``env.py`` migrates on import), so they are not
collected."""

collect_ignore = ["persistence/migrations"]
