//! The workstation database end to end through its public API: quotes and revisions, status,
//! optimistic concurrency, audit, outbox and inbox, search, drawing issues, export and import,
//! backup, and refusing files it must not touch.

use serde_json::{Value, json};
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, QuoteQuery, RevisionRef, Store, StoreError};
use std::path::{Path, PathBuf};
use time::macros::date;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn cat() -> Catalogue {
    Catalogue::builtin().expect("built-in catalogue")
}

fn actor(name: &str) -> Actor {
    Actor {
        name: name.into(),
        email: Some(format!("{name}@sfgaluminium.example")),
    }
}

fn example_quote() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/quote.json");
    std::fs::read_to_string(root).expect("examples/quote.json")
}

fn with(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).expect("json");
    f(&mut v);
    v.to_string()
}

fn db(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn a_quote_is_numbered_saved_revised_and_moved_through_its_statuses() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let q = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    let ws = s.workstation().to_owned();
    assert_eq!(q.quote_number, format!("Q-2026-{ws}-001"));
    assert_eq!(q.revision, 1);
    assert_eq!(
        q.total, 1_501_172,
        "the example quote's total, as `spw quote` prices it"
    );
    let q2 = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    assert_eq!(q2.quote_number, format!("Q-2026-{ws}-002"));

    // The stored report is exactly what the core prices for the stored request.
    let d = s.quote(&q.quote_number, None)?;
    let again = spw_app::quote(&d.request.to_string(), date!(2026 - 12 - 01), &cat)
        .map_err(|_| "stored request no longer prices")?;
    assert_eq!(serde_json::to_value(&again)?, d.report);
    assert_eq!(d.request["quote_number"], json!(q.quote_number));

    // Revise: quantity 2 → 3 on line 1.
    let edited = with(&example_quote(), |v| v["lines"][0]["quantity"] = json!(3));
    let r = s.revise_quote(
        &q.quote_number,
        &edited,
        Some(d.version),
        Some("three doors"),
        date!(2026 - 12 - 02),
        &cat,
    )?;
    assert_eq!(r.revision, 2);
    assert!(r.total > q.total);
    let d2 = s.quote(&q.quote_number, None)?;
    assert_eq!(d2.revisions.len(), 2);
    assert!(d2.revisions[1].is_latest && !d2.revisions[0].is_latest);
    assert_eq!(d2.revisions[1].note.as_deref(), Some("three doors"));
    // Every revision is kept as it was saved.
    let d1 = s.quote(&q.quote_number, Some(1))?;
    assert_eq!(d1.report, d.report);

    // Statuses: draft → sent → approved; approved is final; a wrong move is ERR_QUOTE_001.
    let c = s.set_status(&q.quote_number, spw_quote::QuoteStatus::Sent, None, None)?;
    assert_eq!((c.from.as_str(), c.to.as_str()), ("draft", "sent"));
    let e = s
        .set_status(&q.quote_number, spw_quote::QuoteStatus::Draft, None, None)
        .err()
        .ok_or("sent → draft must be refused")?;
    assert_eq!(e.code(), "ERR_QUOTE_001");
    s.set_status(
        &q.quote_number,
        spw_quote::QuoteStatus::Approved,
        None,
        Some("signed PO 4471"),
    )?;
    let d3 = s.quote(&q.quote_number, None)?;
    assert_eq!(d3.status, "approved");
    let moves: Vec<(Option<&str>, &str)> = d3
        .status_history
        .iter()
        .map(|h| (h.from_status.as_deref(), h.to_status.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (None, "draft"),
            (Some("draft"), "sent"),
            (Some("sent"), "approved")
        ]
    );
    assert!(d3.status_history.iter().all(|h| h.changed_by == "dana"));
    Ok(())
}

#[test]
fn an_invalid_request_is_refused_with_its_codes_and_spends_no_number() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let bad = with(&example_quote(), |v| {
        v["lines"][0]["door_configuration"]["frame_width"] = json!(2600)
    });
    match s.create_quote(&bad, date!(2026 - 12 - 01), &cat) {
        Err(StoreError::Invalid(r)) => {
            let i = r
                .report
                .issues
                .iter()
                .find(|i| i.code.as_str() == "ERR_VAL_002")
                .ok_or("ERR_VAL_002 expected")?;
            assert_eq!(i.field, "lines[0].door_configuration.frame_width");
        }
        other => return Err(format!("expected Invalid, got {other:?}").into()),
    }
    let q = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    assert!(q.quote_number.ends_with("-001"));
    assert_eq!(
        s.list_quotes(&QuoteQuery {
            text: String::new(),
            page: 1,
            page_size: 10
        })?
        .total,
        1
    );
    Ok(())
}

#[test]
fn a_stale_edit_is_refused_not_merged() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let path = db(&dir, "a.db");
    let mut desk = Store::open(&path, actor("desk"))?;
    let mut cli = Store::open(&path, actor("cli"))?;
    let q = desk.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    let seen = desk.quote(&q.quote_number, None)?.version;
    cli.revise_quote(
        &q.quote_number,
        &example_quote(),
        Some(seen),
        None,
        date!(2026 - 12 - 01),
        &cat,
    )?;
    let e = desk
        .revise_quote(
            &q.quote_number,
            &example_quote(),
            Some(seen),
            None,
            date!(2026 - 12 - 01),
            &cat,
        )
        .err()
        .ok_or("the stale revision must be refused")?;
    match &e {
        StoreError::Conflict {
            expected, actual, ..
        } => {
            assert_eq!(*expected, seen);
            assert_eq!(*actual, seen + 1);
        }
        other => return Err(format!("expected a conflict, got {other}").into()),
    }
    assert_eq!(e.code(), "ERR_STORE_002");
    let e = desk
        .set_status(
            &q.quote_number,
            spw_quote::QuoteStatus::Sent,
            Some(seen),
            None,
        )
        .err()
        .ok_or("a stale status change must be refused")?;
    assert_eq!(e.code(), "ERR_STORE_002");
    // Nothing was overwritten: two revisions, the second by `cli`.
    let d = desk.quote(&q.quote_number, None)?;
    assert_eq!(d.revisions.len(), 2);
    assert_eq!(d.revisions[1].created_by, "cli");
    assert_eq!(d.status, "draft");
    Ok(())
}

#[test]
fn the_audit_log_records_every_change_with_who_and_what_changed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let q = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    s.set_status(&q.quote_number, spw_quote::QuoteStatus::Sent, None, None)?;
    let log = s.quote_audit(&q.quote_number)?;
    let quote_rows: Vec<_> = log.iter().filter(|e| e.table_name == "quotes").collect();
    assert_eq!(quote_rows.len(), 2, "{quote_rows:#?}");
    assert_eq!(quote_rows[0].action, "insert");
    assert_eq!(
        quote_rows[0]
            .new_values
            .as_ref()
            .map(|v| v["status"].clone()),
        Some(json!("draft"))
    );
    let upd = quote_rows[1];
    assert_eq!(upd.action, "update");
    assert!(upd.changed_fields.contains(&"status".to_owned()));
    assert!(upd.changed_fields.contains(&"version".to_owned()));
    assert!(!upd.changed_fields.contains(&"total".to_owned()));
    assert_eq!(
        upd.old_values.as_ref().map(|v| v["status"].clone()),
        Some(json!("draft"))
    );
    assert_eq!(
        upd.new_values.as_ref().map(|v| v["status"].clone()),
        Some(json!("sent"))
    );
    assert!(log.iter().all(|e| e.user_name == "dana"));
    assert!(
        log.iter()
            .any(|e| e.table_name == "quote_revisions" && e.action == "insert")
    );
    assert!(log.iter().any(|e| e.table_name == "quote_status_history"));
    Ok(())
}

#[test]
fn changes_and_their_events_are_written_together_and_retried_by_priority() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let q = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    s.revise_quote(
        &q.quote_number,
        &example_quote(),
        None,
        None,
        date!(2026 - 12 - 01),
        &cat,
    )?;
    s.set_status(&q.quote_number, spw_quote::QuoteStatus::Sent, None, None)?;
    s.set_status(
        &q.quote_number,
        spw_quote::QuoteStatus::Approved,
        None,
        None,
    )?;
    let later = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    let due = s.outbox_due(later, 10)?;
    let kinds: Vec<(&str, spw_store::Priority)> = due
        .iter()
        .map(|e| (e.event_type.as_str(), e.priority))
        .collect();
    use spw_store::Priority::*;
    assert_eq!(
        kinds,
        [
            ("quote.approved", Critical),
            ("quote.requested", High),
            ("quote.updated", Medium)
        ],
        "most urgent first; `sent` sends nothing"
    );
    let approved = &due[0];
    assert_eq!(approved.payload["event"], json!("quote.approved"));
    assert_eq!(approved.payload["quote_number"], json!(q.quote_number));
    assert_eq!(approved.max_attempts, 5);

    // A failure schedules the next attempt 2^n s later; the fifth failure is final.
    let now = time::OffsetDateTime::now_utc();
    let e1 = s.outbox_failed(approved.id, "503 from the server", now, 0.0)?;
    assert_eq!(e1.attempts, 1);
    assert_eq!(e1.status, "pending");
    assert_eq!(
        e1.next_attempt_at,
        spw_store::timestamp(now + std::time::Duration::from_secs(2))
    );
    assert!(
        s.outbox_due(now, 10)?.iter().all(|e| e.id != approved.id),
        "not due before its time"
    );
    for _ in 0..4 {
        s.outbox_failed(approved.id, "503", now, 0.5)?;
    }
    let dead = s
        .outbox(50)?
        .into_iter()
        .find(|e| e.id == approved.id)
        .ok_or("event")?;
    assert_eq!((dead.status.as_str(), dead.attempts), ("dead", 5));
    let ok = s.outbox_delivered(due[1].id)?;
    assert_eq!(ok.status, "delivered");

    // The inbox takes each event once.
    let ev = spw_store::IncomingEvent {
        event_id: "evt_123",
        event_type: "quote.approved",
        source_system: "nexus",
        payload: "{}",
        signature: "t=1,v1=ab",
        signature_verified: true,
    };
    assert!(s.receive_event(&ev)?);
    assert!(!s.receive_event(&ev)?, "a redelivery is recognised");
    assert_eq!(s.inbox_pending(10)?.len(), 1);
    s.event_processed("evt_123", None)?;
    assert!(s.inbox_pending(10)?.is_empty());
    Ok(())
}

#[test]
fn search_finds_numbers_partial_words_and_typos_page_by_page() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let customers = [
        "Harbour View Developments Ltd",
        "Kingsgate Construction",
        "Marlow & Finch Architects",
    ];
    let mut numbers = Vec::new();
    for i in 0..30 {
        let c = customers[i % 3];
        let text = with(&example_quote(), |v| {
            v["customer_name"] = json!(c);
            v["project_name"] = json!(format!("Block {} Refurbishment", i));
            v["project_reference"] = json!(format!("PRJ-2026-{:03}", 100 + i));
        });
        numbers.push(
            s.create_quote(&text, date!(2026 - 12 - 01), &cat)?
                .quote_number,
        );
    }
    let find = |t: &str, page: u32, size: u32| {
        s.list_quotes(&QuoteQuery {
            text: t.into(),
            page,
            page_size: size,
        })
    };
    let all = find("", 1, 7)?;
    assert_eq!((all.total, all.pages, all.items.len()), (30, 5, 7));
    assert_eq!(all.items[0].quote_number, numbers[29], "newest first");
    let last = find("", 5, 7)?;
    assert_eq!(last.items.len(), 2);

    assert_eq!(find("harbour", 1, 50)?.total, 10);
    assert_eq!(find("kingsg", 1, 50)?.total, 10, "partial word");
    let typo = find("harbuor view", 1, 50)?;
    assert_eq!(typo.total, 10, "typo tolerated: {:?}", typo.corrections);
    assert!(!typo.corrections.is_empty());
    assert_eq!(find("marlow finch", 1, 50)?.total, 10, "words in any order");
    let by_ref = find("PRJ-2026-117", 1, 50)?;
    assert_eq!(by_ref.total, 1);
    assert_eq!(by_ref.items[0].quote_number, numbers[17]);
    let by_number = find(&numbers[3], 1, 50)?;
    assert_eq!(
        by_number.items.first().map(|i| i.quote_number.clone()),
        Some(numbers[3].clone())
    );
    assert_eq!(find("zzzzqqq", 1, 50)?.total, 0);
    let e = find("", 1, 0).err().ok_or("page size 0 refused")?;
    assert_eq!(e.code(), "ERR_STORE_008");
    Ok(())
}

#[test]
fn drawing_issues_advance_the_revision_letter_and_supersede_the_previous() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut s = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let one_line = with(&example_quote(), |v| {
        if let Some(l) = v["lines"].as_array_mut() {
            l.truncate(1);
        }
    });
    let q = s.create_quote(&one_line, date!(2026 - 12 - 01), &cat)?;
    let fmts = [
        spw_app::drawings::Format::Dxf,
        spw_app::drawings::Format::Pdf,
    ];
    let opts = spw_store::IssueOptions {
        formats: &fmts,
        base: spw_app::drawings::default_options(vec![
            spw_drawing::ViewKind::Elevation,
            spw_drawing::ViewKind::Plan,
        ]),
        date: "2026-12-01".into(),
    };
    let a = s.issue_drawings(&q.quote_number, &opts, &cat)?;
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].revision, "A");
    let numbers: Vec<&str> = a[0]
        .drawings
        .iter()
        .map(|d| d.drawing_number.as_str())
        .collect();
    assert_eq!(
        numbers,
        ["SPW600e-ELV-001", "SPW600e-PLN-001", "SPW600e-SET-001"]
    );
    for d in &a[0].drawings {
        for f in &d.files {
            let bytes = s.file(&f.sha256)?;
            assert_eq!(bytes.len() as i64, f.size_bytes);
            assert!(f.file_name.ends_with(&format!("-A.{}", f.format)));
        }
    }
    let edited = with(&one_line, |v| {
        v["lines"][0]["door_configuration"]["opening_direction"] = json!("inward")
    });
    s.revise_quote(
        &q.quote_number,
        &edited,
        None,
        None,
        date!(2026 - 12 - 02),
        &cat,
    )?;
    let b = s.issue_drawings(&q.quote_number, &opts, &cat)?;
    assert_eq!(b[0].revision, "B");
    assert_eq!(b[0].quote_revision, 2);
    assert!(b[0].note.contains("opening_direction"), "{}", b[0].note);
    let h = s.drawing_history(&q.quote_number)?;
    let letters: Vec<&str> = h.iter().map(|r| r.revision.as_str()).collect();
    assert_eq!(letters, ["A", "B"]);
    assert!(
        h[0].drawings
            .iter()
            .all(|d| !d.is_latest_version && d.status == "superseded")
    );
    assert!(
        h[1].drawings
            .iter()
            .all(|d| d.is_latest_version && d.status == "completed")
    );
    // By letter, the configuration each revision drew.
    let old = s.door(&q.quote_number, &RevisionRef::Drawing("A".into()), 1)?;
    let new = s.door(&q.quote_number, &RevisionRef::parse("B").ok_or("B")?, 1)?;
    assert!(old.door_configuration.contains("outward"));
    assert!(new.door_configuration.contains("inward"));
    assert_eq!(
        s.door(&q.quote_number, &RevisionRef::Quote(1), 1)?
            .door_configuration,
        old.door_configuration
    );
    let check = s.check()?;
    assert!(check.ok(), "{check:?}");
    assert_eq!(check.drawings, 6);
    Ok(())
}

#[test]
fn a_project_travels_as_one_file_and_merges_on_another_workstation() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut a = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let q = a.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    let fmts = [spw_app::drawings::Format::Svg];
    let opts = spw_store::IssueOptions {
        formats: &fmts,
        base: spw_app::drawings::default_options(vec![spw_drawing::ViewKind::Elevation]),
        date: "2026-12-01".into(),
    };
    a.issue_drawings(&q.quote_number, &opts, &cat)?;
    let project = a
        .quote(&q.quote_number, None)?
        .project_number
        .ok_or("project")?;
    let file = a.export_project(&project)?;

    let mut b = Store::open(&db(&dir, "b.db"), actor("sam"))?;
    assert_ne!(a.workstation(), b.workstation());
    let s1 = b.import_project(&file)?;
    assert_eq!(s1.added.get("quotes"), Some(&1));
    assert!(s1.files_written >= 2);
    let there = b.quote(&q.quote_number, None)?;
    assert_eq!(there.report, a.quote(&q.quote_number, None)?.report);
    assert_eq!(b.drawing_history(&q.quote_number)?.len(), 2);
    assert_eq!(
        b.list_quotes(&QuoteQuery {
            text: "harbour".into(),
            page: 1,
            page_size: 5
        })?
        .total,
        1
    );
    assert!(b.check()?.ok());
    // Importing again changes nothing.
    let s2 = b.import_project(&file)?;
    assert!(s2.added.is_empty() && s2.updated.is_empty(), "{s2:?}");

    // A newer version here wins over the file's older one; the file's newer one wins here.
    a.revise_quote(
        &q.quote_number,
        &example_quote(),
        None,
        None,
        date!(2026 - 12 - 02),
        &cat,
    )?;
    let s3 = b.import_project(&a.export_project(&project)?)?;
    assert_eq!(s3.updated.get("quotes"), Some(&1));
    assert_eq!(b.quote(&q.quote_number, None)?.latest_revision, 2);

    // Both workstations make revision 3 of the same quote: the import is refused, whole.
    a.revise_quote(
        &q.quote_number,
        &example_quote(),
        None,
        Some("from a"),
        date!(2026 - 12 - 03),
        &cat,
    )?;
    b.revise_quote(
        &q.quote_number,
        &example_quote(),
        None,
        Some("from b"),
        date!(2026 - 12 - 03),
        &cat,
    )?;
    let before = b.quote(&q.quote_number, None)?;
    let e = b
        .import_project(&a.export_project(&project)?)
        .err()
        .ok_or("conflict expected")?;
    assert!(e.to_string().contains("ERR_STORE_002"), "{e}");
    assert_eq!(b.quote(&q.quote_number, None)?, before);

    // A damaged file is refused before anything is written.
    let mut broken: Value = serde_json::from_slice(&file)?;
    if let Some(files) = broken["file_contents"].as_object_mut() {
        for v in files.values_mut() {
            *v = json!("aGVsbG8=");
        }
    }
    let e = b
        .import_project(&serde_json::to_vec(&broken)?)
        .err()
        .ok_or("damaged")?;
    assert_eq!(e.code(), "ERR_STORE_006");
    Ok(())
}

#[test]
fn a_backup_opens_as_a_database_with_everything_in_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cat = cat();
    let mut a = Store::open(&db(&dir, "a.db"), actor("dana"))?;
    let q = a.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    let fmts = [spw_app::drawings::Format::Pdf];
    let opts = spw_store::IssueOptions {
        formats: &fmts,
        base: spw_app::drawings::default_options(vec![spw_drawing::ViewKind::Elevation]),
        date: "2026-12-01".into(),
    };
    a.issue_drawings(&q.quote_number, &opts, &cat)?;
    let dest = dir.path().join("backups/2026-12-01.db");
    let sum = a.backup(&dest)?;
    assert_eq!(sum.files, 2);
    let b = Store::open(&dest, actor("dana"))?;
    assert_eq!(
        b.quote(&q.quote_number, None)?,
        a.quote(&q.quote_number, None)?
    );
    assert!(b.check()?.ok());
    assert_eq!(
        b.drawing_history(&q.quote_number)?,
        a.drawing_history(&q.quote_number)?
    );
    Ok(())
}

#[test]
fn files_it_must_not_touch_are_refused_and_left_as_they_were() -> TestResult {
    let dir = tempfile::tempdir()?;
    // Not a database at all.
    let junk = db(&dir, "junk.db");
    std::fs::write(&junk, b"this is a spreadsheet, honestly")?;
    let e = Store::open(&junk, actor("x")).err().ok_or("junk refused")?;
    assert_eq!(e.code(), "ERR_STORE_003");
    assert_eq!(std::fs::read(&junk)?, b"this is a spreadsheet, honestly");

    // A SQLite database of some other program.
    let other = db(&dir, "other.db");
    {
        let c = rusqlite::Connection::open(&other)?;
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")?;
    }
    let before = std::fs::read(&other)?;
    assert_eq!(
        Store::open(&other, actor("x"))
            .err()
            .ok_or("other refused")?
            .code(),
        "ERR_STORE_003"
    );
    assert_eq!(std::fs::read(&other)?, before);

    // A damaged one: the header survives, the pages do not.
    let damaged = db(&dir, "damaged.db");
    {
        let cat = cat();
        let mut s = Store::open(&damaged, actor("x"))?;
        s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    }
    let mut bytes = std::fs::read(&damaged)?;
    for b in bytes.iter_mut().skip(100).take(8000) {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes)?;
    std::fs::remove_file(dir.path().join("damaged.db-wal")).ok();
    let before = std::fs::read(&damaged)?;
    let e = Store::open(&damaged, actor("x"))
        .err()
        .ok_or("a damaged database must be refused")?;
    assert_eq!(e.code(), "ERR_STORE_003", "{e}");
    assert_eq!(std::fs::read(&damaged)?, before);

    // Made by a newer program that changed the schema incompatibly.
    let newer = db(&dir, "newer.db");
    drop(Store::open(&newer, actor("x"))?);
    {
        let c = rusqlite::Connection::open(&newer)?;
        c.execute_batch(
            "PRAGMA user_version = 9999; UPDATE meta SET value = '9999' WHERE key = 'compatible_from';",
        )?;
    }
    let before = std::fs::read(&newer)?;
    let e = Store::open(&newer, actor("x"))
        .err()
        .ok_or("newer refused")?;
    assert_eq!(e.code(), "ERR_STORE_004");
    assert!(e.to_string().contains("9999"));
    assert_eq!(std::fs::read(&newer)?, before);

    // Newer, but only by additions: still usable.
    {
        let c = rusqlite::Connection::open(&newer)?;
        c.execute_batch("UPDATE meta SET value = '1' WHERE key = 'compatible_from';")?;
    }
    let s = Store::open(&newer, actor("x"))?;
    assert!(s.check()?.ok());
    Ok(())
}

#[test]
fn the_person_recorded_is_the_one_named_else_the_login_of_this_workstation() {
    let named = Actor::at_workstation(Some("  Jane Smith "), Some("jane@sfg.example".into()));
    assert_eq!(named.name, "Jane Smith");
    assert_eq!(named.email.as_deref(), Some("jane@sfg.example"));
    // No name (or a blank one): the operating system's login, asked of the OS itself.
    let os = whoami::username().expect("this machine has a login name");
    for none in [None, Some(""), Some("   ")] {
        let a = Actor::at_workstation(none, None);
        assert_eq!(a.name, os);
        assert_ne!(a.name, "unknown");
    }
}
