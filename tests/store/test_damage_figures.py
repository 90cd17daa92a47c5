"""The damage figures hold (issue 11): every damaged key file is refused naming the key file, with no
traceback and no byte of the store changed, and is then recovered from a backup with `restore
--key-only`; every damaged backup is refused naming the backup, the store untouched."""

from __future__ import annotations

from pathlib import Path

from tests import damage_inputs


def test_damaged_key_files_are_refused_then_recovered(tmp_path: Path) -> None:
    refused, recovered = damage_inputs.run_damaged_key_files(tmp_path)
    print(refused.line(), recovered.line(), sep="\n")
    assert refused.tried == len(damage_inputs.KEY_FILE_DAMAGE)
    assert not refused.failures(), [(o.name, o.traceback or o.message) for o in refused.failures()]
    assert recovered.completed == recovered.tried, [
        (o.name, o.traceback or o.message) for o in recovered.outcomes
    ]


def test_damaged_backups_are_refused_and_change_nothing(tmp_path: Path) -> None:
    tally = damage_inputs.run_damaged_backups(tmp_path)
    print(tally.line())
    assert tally.tried == 2 * len(damage_inputs.BACKUP_DAMAGE)
    assert not tally.failures(), [(o.name, o.traceback or o.message) for o in tally.failures()]
    assert tally.completed <= 1  # only a key file recovered from a backup damaged elsewhere
