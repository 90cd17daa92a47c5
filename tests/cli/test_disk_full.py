"""`rongcuo passphrase change` on a really full disk (a 2 MB tmpfs in a private mount namespace).

Given a store on a tmpfs filled to its last few KB, when the passphrase is changed, then wherever the
first ENOSPC strikes (the lock file, the pre-rekey backup, the re-encrypted copy, the key file's
temporary copy, the log) the user gets one Chinese message saying what was left as it was, never a
traceback; a refused change leaves every file byte-identical and the old passphrase still opens the
store; a change that had room (a backup and a re-encrypted copy) works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import disk_full


@pytest.mark.skipif(not disk_full.namespace_available(), reason="needs unshare -m (root / CAP_SYS_ADMIN)")
def test_passphrase_change_on_a_full_disk(tmp_path: Path) -> None:
    tally = disk_full.run(tmp_path)
    assert tally.tried == len(disk_full.FREE_KB)
    assert not tally.failures(), [(o.name, o.traceback or o.message) for o in tally.failures()]
    assert tally.tracebacks == 0 and tally.bytes_changed == 0
    assert tally.refused_named >= 1, "the fullest disk must refuse the change"
    assert tally.completed >= 1, "with 1 MB free the change (a backup, a re-encrypted copy) must go through"
