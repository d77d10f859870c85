//! The store's clock: with a test clock every timestamp the store writes is the clock's instant,
//! and stepping the clock moves retry eligibility as design plan 5.3.1 says. Event names read
//! from the database are typed; one this program does not know is a coded error.

use spw_model::catalogue::Catalogue;
use spw_store::{Actor, EventType, Priority, Store, TestClock};
use std::path::Path;
use std::time::Duration;
use time::OffsetDateTime;
use time::macros::{date, datetime};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn example_quote() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/quote.json");
    std::fs::read_to_string(root).expect("examples/quote.json")
}

fn actor() -> Actor {
    Actor {
        name: "dana".into(),
        email: None,
    }
}

const T0: OffsetDateTime = datetime!(2026-12-01 11:50:20.123 UTC);

#[test]
fn a_test_clock_stamps_outbox_events_and_audit_records_and_steps_retries() -> TestResult {
    let dir = tempfile::tempdir()?;
    let clock = TestClock::at(T0);
    let mut s = Store::open_with_clock(&dir.path().join("c.db"), actor(), clock.clone())?;
    let cat = Catalogue::builtin()?;
    let q = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    assert_eq!(s.now(), T0);

    let t0 = spw_store::timestamp(T0);
    assert_eq!(t0, "2026-12-01T11:50:20.123Z");
    let ev = s.outbox(10)?.pop().ok_or("an outbox event")?;
    assert_eq!(ev.event_type, EventType::QuoteRequested);
    assert_eq!(ev.priority, EventType::QuoteRequested.priority());
    assert_eq!(
        (ev.created_at.as_str(), ev.next_attempt_at.as_str()),
        (t0.as_str(), t0.as_str())
    );
    assert_eq!(ev.payload["timestamp"], t0.as_str());
    assert_eq!(ev.payload["event"], "quote.requested");
    let audit = s.quote_audit(&q.quote_number)?;
    assert!(!audit.is_empty());
    for a in &audit {
        assert_eq!(a.timestamp, t0, "{} {}", a.table_name, a.action);
    }

    // Ten minutes later the quote is approved: a Critical event, 2^n s between attempts.
    clock.advance(Duration::from_secs(600));
    let t1 = T0 + Duration::from_secs(600);
    s.set_status(&q.quote_number, spw_quote::QuoteStatus::Sent, None, None)?;
    s.set_status(
        &q.quote_number,
        spw_quote::QuoteStatus::Approved,
        None,
        None,
    )?;
    let audit = s.quote_audit(&q.quote_number)?;
    assert!(
        audit
            .iter()
            .any(|a| a.timestamp == spw_store::timestamp(t1))
    );
    assert!(
        audit
            .iter()
            .all(|a| [t0.clone(), spw_store::timestamp(t1)].contains(&a.timestamp))
    );
    let due = s.outbox_due(s.now(), 10)?;
    let approved = due.first().ok_or("due")?;
    assert_eq!(
        (approved.event_type, approved.priority),
        (EventType::QuoteApproved, Priority::Critical)
    );
    assert_eq!(approved.created_at, spw_store::timestamp(t1));
    let id = approved.id;
    let is_due = |s: &Store| -> Result<bool, spw_store::StoreError> {
        Ok(s.outbox_due(s.now(), 10)?.iter().any(|e| e.id == id))
    };

    let mut at = t1;
    for (attempt, wait) in [(1, 2), (2, 4), (3, 8), (4, 16)] {
        let e = s.outbox_failed(id, "503", s.now(), 0.0)?;
        assert_eq!((e.attempts, e.status.as_str()), (attempt, "pending"));
        assert_eq!(
            e.next_attempt_at,
            spw_store::timestamp(at + Duration::from_secs(wait))
        );
        assert_eq!(Duration::from_secs(wait), Priority::Critical.delay(attempt));
        clock.advance(Duration::from_secs(wait - 1));
        assert!(!is_due(&s)?, "attempt {attempt}: not due a second early");
        clock.advance(Duration::from_secs(1));
        assert!(is_due(&s)?, "attempt {attempt}: due after {wait} s");
        at += Duration::from_secs(wait);
    }
    let dead = s.outbox_failed(id, "503", s.now(), 0.0)?;
    assert_eq!((dead.attempts, dead.status.as_str()), (5, "dead"));
    clock.advance(Duration::from_secs(3600));
    assert!(!is_due(&s)?, "a dead event is never due again");

    // A Medium event (`quote.rejected`): linear 5 s steps, three attempts.
    let q2 = s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    s.set_status(&q2.quote_number, spw_quote::QuoteStatus::Sent, None, None)?;
    s.set_status(
        &q2.quote_number,
        spw_quote::QuoteStatus::Rejected,
        None,
        None,
    )?;
    let rejected = s
        .outbox(10)?
        .into_iter()
        .find(|e| e.event_type == EventType::QuoteRejected)
        .ok_or("quote.rejected queued")?;
    assert_eq!(
        (rejected.priority, rejected.max_attempts),
        (Priority::Medium, 3)
    );
    let t2 = s.now();
    let e = s.outbox_failed(rejected.id, "timeout", t2, 0.0)?;
    assert_eq!(
        e.next_attempt_at,
        spw_store::timestamp(t2 + Duration::from_secs(5))
    );
    let e = s.outbox_failed(rejected.id, "timeout", t2, 0.0)?;
    assert_eq!(
        e.next_attempt_at,
        spw_store::timestamp(t2 + Duration::from_secs(10))
    );
    assert_eq!(
        s.outbox_failed(rejected.id, "timeout", t2, 0.0)?.status,
        "dead"
    );
    Ok(())
}

#[test]
fn event_names_are_typed_in_and_out_of_the_database() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e.db");
    let mut s = Store::open_with_clock(&path, actor(), TestClock::at(T0))?;
    let incoming = |name| spw_store::IncomingEvent {
        event_id: "evt_1",
        event_type: name,
        source_system: "nexus",
        payload: "{}",
        signature: "t=1,v1=ab",
        signature_verified: true,
    };
    let err = s
        .receive_event(&incoming("quote.aproved"))
        .expect_err("a misspelt event is refused");
    assert_eq!(err.code(), "ERR_STORE_008");
    assert!(err.to_string().contains("`quote.aproved`"), "{err}");
    assert!(s.inbox_pending(10)?.is_empty(), "nothing recorded");
    assert!(s.receive_event(&incoming("quote.approved"))?);
    let pending = s.inbox_pending(10)?;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].1, EventType::QuoteApproved);

    let cat = Catalogue::builtin()?;
    s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    drop(s);
    // Another (newer, or hand-edited) program left names this one does not know.
    let conn = rusqlite::Connection::open(&path)?;
    conn.execute("UPDATE outbox SET event_type = 'quote.requestd'", [])?;
    conn.execute("UPDATE inbox SET event_type = 'quote.aprooved'", [])?;
    drop(conn);
    let s = Store::open(&path, actor())?;
    let err = s.outbox(10).expect_err("an unknown event read back");
    assert_eq!(err.code(), "ERR_STORE_009");
    assert!(err.to_string().contains("`quote.requestd`"), "{err}");
    let err = s.inbox_pending(10).expect_err("an unknown event read back");
    assert!(err.to_string().contains("`quote.aprooved`"), "{err}");
    Ok(())
}
