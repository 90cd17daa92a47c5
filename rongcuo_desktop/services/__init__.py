"""Workflows that ui/ and cli/ both call: plain Python, no Qt, no argparse.

Layers: domain -> store -> services -> reports/seal -> ui | cli. ui/ and cli/ import services and
domain only. Data in and out is plain (domain dataclasses, store.case_list rows, AccountInfo); every
failure is a typed error from services.errors whose str() is a Chinese sentence for the user.

This package module imports nothing: import the submodule you need (`from rongcuo_desktop.services
import unlock`), so the start-up path loads only what it uses (services.unlock, services.cases and
services.errors import no SQLAlchemy).

API note (what to call for what)
--------------------------------
Threads: anything marked (slow) goes on the GUI's slow thread (D-Bus, Argon2id); every call that
takes a Workspace goes on the one database worker (TaskRunner.run_db), named, e.g.
``runner.run_db(functools.partial(judgment.score, ws, member, case_id, scores), ...)``.

Open the store -- services.unlock (the one place that decides credential store vs passphrase):
- ``store_exists(data_dir)``; first start: ``credential_store_status(data_dir)`` (slow), then
  ``create(data_dir, passphrase, require_passphrase_each_start=...) -> (Workspace, status)`` (slow).
- later starts: ``probe(data_dir) -> KeyProbe`` (slow): ``.key`` from the credential store, or
  ``.status``/``.note`` to explain why the passphrase is asked; then
  ``key_from_passphrase(data_dir, passphrase) -> key`` (slow; WrongPassphrase: ask again).
- with a key: ``first_look(data_dir, key, query, limit) -> FirstLook | None`` (no SQLAlchemy; the
  first page before the store opens), then ``open_store(data_dir, key, file_lock=look.lock,
  failed_unlocks=n) -> Workspace``. Failures: StoreNotFound, NotOurDatabase (offer recovery or a
  backup), StoreTooNew, StoreInUse, KeyFileProblem, DataDirNotWritable.
- auto-lock: ``lock(ws)``; unlock again as at start (a new Workspace: rebuild what held the old).
- ``change_passphrase(data_dir, old, new)`` (slow), ``set_require_passphrase(ws, by, value)``,
  ``passphrase_strength(text)``, ``MIN_PASSPHRASE_LENGTH``.
- CLI: ``unlock_and_open(data_dir, passphrase=callable, prefer_passphrase=..., note=print)``.

Who acts -- services.accounts (a Credential: issued by the store at sign-in, checked on every call):
- ``people(ws)`` for the picker; ``sign_in(ws, name, pin) -> Credential`` (WrongPin, PinLockedOut
  with ``.wait_seconds``); ``setup_person(ws)`` on a store without accounts (None otherwise);
  ``key_holder(ws, name=None)`` after a passphrase unlock (carry on as ``name``) and for the CLI.
- ``Credential.name / .role / .may(Action)`` to show a person and offer only what the role may do
  (the store refuses the rest anyway). A member scoring on the secretary's PC: ``sign_in`` for the
  dialog, pass that credential to the one write, drop it; the window keeps its own credential.
- ``add``, ``disable``, ``change_own_pin``, ``reset_pin`` (主任), ``pin_problem(pin)`` (say why as
  it is typed), ``members`` / ``set_members`` (a case's committee).

The case list -- services.cases:
- ``CaseList(ws, viewer)``: ``ids(query)``, ``head(query, limit)``, ``rows(ids)``, ``get(id)``,
  ``count()``, ``stage_counts()`` -- the case table's source, narrowed to what the viewer may see.
  ``CaseQuery`` searches all of a case's text (文号, 当事人, 单位, 问责事项, 事实, 申请情形) and its
  filters combine (stage, case_type, work_field, conclusion or ``UNDECIDED``, year, overdue);
  ``work_fields()``, ``years()`` (the filters' choices), ``overdue_ids()``; saved filters per person:
  ``saved_filters()``, ``save_filter(name, query)`` (InvalidFilterName), ``delete_filter(name)``.
- ``get``, ``find(ws, by, 文号或编号) -> id``, ``add``, ``update``, ``add_demo_cases``.

The judgment -- services.judgment (plain records from domain.committee):
- reads: ``record(ws, by, case_id) -> JudgmentRecord`` (blind for a 委员 until the chair reveals the
  round; ``.round``, ``.revealed``, ``.earlier`` ballots of closed rounds, ``.submitted`` /
  ``.expected``), ``own_line``, ``judge(ws, by, case_id, rulebook=None) -> Judgment``, ``quorum_of ->
  Quorum``, ``timeline(ws, by, case_id) -> [TimelineEntry]``, ``case_file``; for the GUI
  ``panel(ws, by, case_id) -> Panel`` (the running result for the 主任 before the reveal, counts and
  hard rules for others) and ``ballot_form(ws, by, case_id) -> BallotForm`` (the scoring dialog's
  rulebook dimensions and roster, no one's levels but `by`'s own).
- writes: ``set_checklist`` / ``update_checklist`` (秘书), ``score(ws, member, case_id, {dim: Score})``
  (a 委员 of the case's committee; a rationale at levels 1 and 5; amend until the reveal),
  ``score_paper(ws, secretary, case_id, member_name, scores)`` (a paper ballot, marked as such),
  ``recuse(ws, member, case_id, reason)``, ``reveal(ws, chair, case_id)`` (refused before the
  quorum), ``open_round(ws, chair, case_id, reason)`` (after the reveal and 会商; the revealed
  ballots are kept), ``decide(ws, chair, case_id, conclusion, note=..., decided_on=..., votes=Votes,
  dissent=...)``; the decision dialog's ``decide_with_form(..., four_forms=(code, measure))`` also
  records the 四种形态 (domain.casework.LenientHandling) in the same transaction. Recording a
  decision moves the case's stage (store.casework.follow_decision).
- to explain before a write: ``ballot_gaps(levels, rationales)``, ``missing_dimensions(scores)``,
  ``checked_scores``, ``rationale_required(level)``, ``note_required(conclusion, recommendation,
  previous)``, ``dimension_id``. Refusals are JudgmentError / PermissionDenied with the rule said
  in Chinese.
- a member at the secretary's PC: ``accounts.sign_in`` inside the one operation that writes their
  ballot (ui/judgment/ops.py); the credential ends with it.

The hearing -- services.hearing: ``view(ws, by, case_id) -> HearingView`` (秘书, 主任): the
projector-safe plain record of domain.hearing, built where the masking happens (names 谢某某, no
level before the reveal, no note, no other case); the audience window gets nothing else.

The case file -- services.casework (the procedure of domain.procedure; records of domain.casework):
- reads: ``file(ws, by, case_id) -> CaseworkFile`` (the case, its records by kind with ``.of(kind)``
  and ``.one(kind)``, the stage log with ``.entered_on(stage)``, the committee's seats, ``progress``,
  the follow-up ``visits`` and what is ``due``); ``move_options(progress)`` (the moves to offer, each
  allowed or with what it misses), ``steps(progress, visited)`` for the flowchart, ``step_label``.
- writes: ``register(ws, by, case)`` (at 申请); ``move(ws, by, case_id, Stage, reason=, on=,
  rulebook=, note=)`` (受理 pins the rulebook; back and 不予受理 need a reason); ``add`` / ``replace``
  / ``remove`` a record (Investigation, Hearing, ResultUsage, Feedback, Disclosure, Filing, Visit,
  Clearance, LenientHandling, TypicalMark, EvidenceLink): the case moves on as the work allows;
  ``set_committee(ws, by, case_id, [SeatSpec(name, role, field)])``, ``set_profile``,
  ``record_recusal(ws, secretary, case_id, member, reason)``.
  Refusals: CaseworkError (``.missing``: what a blocked move needs), PermissionDenied, CaseNotFound.
- across cases: ``due(ws, by)``, ``overdue_among(ws, by, ids)`` (the list's marker),
  ``repeat_warnings(ws, by, sketch)`` (seed 002 第九条 (九)), ``typical_cases``,
  ``similar_typical_cases``, ``pre_filings``, ``profiles``, ``rulebooks()``.
- drafts (unsaved text, per person; no audit): ``save_draft(ws, by, case_key, field, text)``,
  ``drafts``, ``drop_drafts``; ``NEW_CASE`` is the key of a case not registered yet.
- a case's stage changes only through ``move`` (and the work above): ``cases.update`` refuses a
  stage change (StageNotEditable).

Statistics -- services.stats: ``statistics(ws, by) -> StatsView`` (``.stats``: domain.stats.Statistics,
tables by stage, conclusion, field, year and type and the days per stage; ``.scope`` in words): over
the cases `by` may read (a 委员: their committees' cases only); aggregates, nothing of one case. The
.xlsx file: reports.stats_xlsx.write_workbook (off the GUI thread: run_slow).

The audit trail -- services.audit: ``verify(ws, by) -> VerifyReport`` (slow on long trails),
``log(ws, by) -> [AuditLine]``, ``acknowledge(ws, chair)`` (ends read-only mode).

Data safety -- services.backup, services.attachments, services.transfer:
- ``backup.backup(ws, by, to=None, task=...)`` (秘书, 主任; SourceDamaged on a damaged store),
  ``backup_at_close(ws, keep=..., task=...)`` (runs to the end or leaves nothing),
  ``check_integrity(ws, quick=False) -> DamageReport``,
  ``backups(folder)``, ``read_backup(path)``, ``newest_good(data_dir, key)``.
- ``backup.restore_in_app(ws, chair, path, passphrase, task=...)``: refused before anything closes
  for another role, a wrong passphrase or a damaged file; afterwards the SAME Workspace holds the
  restored store and the people signed in carry on where it knows them (no rebuild of credentials;
  do rebuild the window's models: the data changed). ``passphrase=None`` restores this store's own
  backup (the newest good one offered after damage) with its key. At start-up after damage:
  ``restore_after_damage(data_dir, key, manifest)`` (it records itself) then ``unlock.open_store``.
- ``attachments.add_file / list_for_case / read / export`` (reads and exports are audited).
- ``transfer.check_may_export(ws, by)`` (before saying anything), ``export``, ``preview_import``
  (writes nothing), ``import_file`` (all or nothing); long ones take ``task``.

Progress and cancel: long calls take ``task: services.progress.Progress`` (``report(done, total)``,
``cancelled``); ui/tasks.TaskContext fits it; the default is ``QUIET``.
"""
