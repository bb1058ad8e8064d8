"""``_numbered_keys`` (lib/compare/corpus.py): the distinct values and each entry's place among them,
by counting when the values span a narrow range, by sorting otherwise; both as ``np.unique``."""

from __future__ import annotations

import numpy as np
import pytest

from lib.compare.corpus import _numbered_keys


@pytest.mark.parametrize(
    "raw",
    [
        [],
        [0],
        [5, 5, 5],
        [3, 0, 2, 3, 0],  # narrow: counted
        [7, 1 << 40, 7, 2],  # wide: sorted
        list(range(50, 0, -1)),
        [0, 1 << 21, 1],  # a gap wider than four times the entries but under the counting floor
    ],
)
def test_numbered_keys_are_unique_with_inverse(raw: list[int]) -> None:
    values = np.array(raw, np.int64)
    keys, place = _numbered_keys(values)
    expected, inverse = np.unique(values, return_inverse=True)
    assert keys.dtype == np.int64 and place.dtype == np.int32
    assert keys.tolist() == expected.tolist()
    assert place.tolist() == inverse.reshape(-1).tolist()
