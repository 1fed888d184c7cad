from tests.editorial.conftest import redaktor_client  # noqa: F401
