//! A backup while another program keeps writing: how long `Store::backup` takes with a writer
//! saving one quote after another the whole time, against the same database idle — and, for
//! comparison, SQLite's step-wise backup (256 pages a step), which starts again after every
//! write by another connection, under the same load (given up after a time limit).
//!
//! `cargo bench -p spw-store --bench backup_under_load` (`SPW_BENCH_QUOTES`, default 2,000,
//! sets the database's size). Prints a table.

use spw_model::catalogue::Catalogue;
use spw_store::{Actor, Store};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use time::macros::date;

const STEPWISE_LIMIT: Duration = Duration::from_secs(30);

fn actor(name: &str) -> Actor {
    Actor {
        name: name.into(),
        email: None,
    }
}

fn quote() -> String {
    include_str!("../../../examples/quote.json").to_owned()
}

fn build(path: &Path, quotes: usize) {
    let cat = Catalogue::builtin().expect("catalogue");
    let mut s = Store::open(path, actor("bench")).expect("open");
    let mut left = quotes;
    while left > 0 {
        let n = left.min(500);
        let batch: Vec<String> = (0..n).map(|_| quote()).collect();
        s.create_quotes(&batch, date!(2026 - 12 - 01), &cat)
            .expect("seed");
        left -= n;
    }
}

/// A writer saving quotes back to back until stopped; counts its saves.
struct Load {
    stop: Arc<AtomicBool>,
    saves: Arc<AtomicU64>,
    thread: std::thread::JoinHandle<()>,
}

impl Load {
    fn start(path: &Path) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let saves = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, saves, path) = (stop.clone(), saves.clone(), path.to_path_buf());
            std::thread::spawn(move || {
                let cat = Catalogue::builtin().expect("catalogue");
                let mut s = Store::open(&path, actor("writer")).expect("open");
                while !stop.load(Ordering::SeqCst) {
                    s.create_quote(&quote(), date!(2026 - 12 - 01), &cat)
                        .expect("save");
                    saves.fetch_add(1, Ordering::SeqCst);
                }
            })
        };
        while saves.load(Ordering::SeqCst) < 2 {
            std::thread::sleep(Duration::from_millis(5));
        }
        Load {
            stop,
            saves,
            thread,
        }
    }

    fn saves(&self) -> u64 {
        self.saves.load(Ordering::SeqCst)
    }

    fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
        self.thread.join().expect("writer");
    }
}

/// SQLite's step-wise online backup, as the store once made it: 256 pages a step, 5 ms apart.
fn stepwise(src: &Path, dest: &Path) -> (Duration, bool) {
    let from = rusqlite::Connection::open(src).expect("open");
    let mut to = rusqlite::Connection::open(dest).expect("open");
    let b = rusqlite::backup::Backup::new(&from, &mut to).expect("backup");
    let t = Instant::now();
    loop {
        match b.step(256).expect("step") {
            rusqlite::backup::StepResult::Done => return (t.elapsed(), true),
            _ if t.elapsed() > STEPWISE_LIMIT => return (t.elapsed(), false),
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

fn main() {
    let quotes: usize = std::env::var("SPW_BENCH_QUOTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let t = Instant::now();
    build(&db, quotes);
    let built = t.elapsed();
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "database: {quotes} quotes, {:.1} MB (built in {:.1} s)",
        size as f64 / 1e6,
        built.as_secs_f64()
    )
    .ok();

    let reader = Store::open(&db, actor("backup")).expect("open");
    let dest = |name: &str| -> PathBuf { dir.path().join("backups").join(name) };
    let t = Instant::now();
    reader.backup(&dest("idle.db")).expect("backup");
    let idle = t.elapsed();

    let check = rusqlite::Connection::open(&db).expect("open");
    let t = Instant::now();
    let found: String = check
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .expect("quick_check");
    let quick = t.elapsed();
    drop(check);

    writeln!(
        out,
        "{:<44} {:>10} {:>16}",
        "run", "time", "saves meanwhile"
    )
    .ok();
    writeln!(
        out,
        "{:<44} {:>8.0}ms {:>16}",
        "backup, idle",
        idle.as_secs_f64() * 1e3,
        0
    )
    .ok();
    let load = Load::start(&db);
    for i in 1..=3 {
        let before = load.saves();
        let t = Instant::now();
        reader
            .backup(&dest(&format!("busy-{i}.db")))
            .expect("backup under load");
        let took = t.elapsed();
        writeln!(
            out,
            "{:<44} {:>8.0}ms {:>16}",
            format!("backup under a steady write load, run {i}"),
            took.as_secs_f64() * 1e3,
            load.saves() - before
        )
        .ok();
    }
    let before = load.saves();
    let (took, finished) = stepwise(&db, &dest("stepwise.db"));
    writeln!(
        out,
        "{:<44} {:>8.0}ms {:>16}  {}",
        "step-wise backup API under the same load",
        took.as_secs_f64() * 1e3,
        load.saves() - before,
        if finished {
            "finished".to_owned()
        } else {
            format!("gave up after {} s, not finished", STEPWISE_LIMIT.as_secs())
        }
    )
    .ok();
    load.stop();
    writeln!(
        out,
        "{:<44} {:>8.0}ms {:>16}  ({found})",
        "quick_check(1) before a session's first write",
        quick.as_secs_f64() * 1e3,
        "-"
    )
    .ok();
}
