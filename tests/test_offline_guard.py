import socket

import pytest

from tests.conftest import NetworkUsed


def test_network_is_refused_in_tests() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80), timeout=1)
