from tests.editorial.conftest import granskare_client, redaktor_client  # noqa: F401
