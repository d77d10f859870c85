//! The store against hostile and damaged input: project files that try to write outside their
//! folders, carry payloads nobody names or figures nobody priced; databases damaged by a page,
//! cut short, or belonging to another program; temporary files left by killed programs; and a
//! backup taken while another program keeps writing.

use serde_json::{Value, json};
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, QuoteQuery, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime};
use time::macros::date;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A change made to a project file.
type Tamper = Box<dyn Fn(&mut Value)>;

fn cat() -> Catalogue {
    Catalogue::builtin().expect("built-in catalogue")
}

fn actor(name: &str) -> Actor {
    Actor {
        name: name.into(),
        email: None,
    }
}

fn example_quote() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/quote.json");
    std::fs::read_to_string(root).expect("examples/quote.json")
}

/// A database with one quote and its drawings issued (SVG elevations), and its project exported.
fn exported(dir: &Path) -> Result<(Store, String, Value), Box<dyn std::error::Error>> {
    let cat = cat();
    let mut a = Store::open(&dir.join("a.db"), actor("dana"))?;
    let q = a.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    let fmts = [
        spw_app::drawings::Format::Svg,
        spw_app::drawings::Format::Pdf,
    ];
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
    let file: Value = serde_json::from_slice(&a.export_project(&project)?)?;
    Ok((a, q.quote_number, file))
}

/// Every regular file under a folder (recursively).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Import a tampered project file into a fresh database: it must be refused with
/// `ERR_STORE_006`, and nothing — no row, no file — may be left behind.
fn refused_whole(
    dir: &Path,
    name: &str,
    doc: &Value,
) -> Result<String, Box<dyn std::error::Error>> {
    let path = dir.join(format!("{name}.db"));
    let mut b = Store::open(&path, actor("sam"))?;
    let e = b
        .import_project(&serde_json::to_vec(doc)?)
        .err()
        .ok_or_else(|| format!("{name}: the tampered file must be refused"))?;
    assert_eq!(e.code(), "ERR_STORE_006", "{name}: {e}");
    let all = QuoteQuery {
        text: String::new(),
        page: 1,
        page_size: 10,
    };
    assert_eq!(b.list_quotes(&all)?.total, 0, "{name}: rows were imported");
    let left = files_under(b.files().root());
    assert!(left.is_empty(), "{name}: files were written: {left:?}");
    Ok(e.to_string())
}

#[test]
fn a_file_name_that_is_a_path_is_refused_whole() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (_a, _, file) = exported(dir.path())?;
    for (i, name) in [
        "../../escape.svg",
        "/tmp/abs.svg",
        "..",
        "sub/x.svg",
        "a\u{0}b.svg",
        "",
    ]
    .iter()
    .enumerate()
    {
        let mut doc = file.clone();
        doc["tables"]["drawing_files"][0]["file_name"] = json!(name);
        let msg = refused_whole(dir.path(), &format!("name{i}"), &doc)?;
        assert!(msg.contains("file name"), "{msg}");
    }
    let mut doc = file.clone();
    doc["tables"]["documents"] = json!([{
        "id": "d1", "quote_id": file["tables"]["quotes"][0]["id"], "quote_revision": 1,
        "kind": "package", "line_number": null, "file_name": "../../../.bashrc",
        "file_hash": file["tables"]["files"][0]["hash"],
        "size_bytes": file["tables"]["files"][0]["size_bytes"], "pages": 1,
        "created_by": "x", "created_at": "2026-12-01T00:00:00Z", "version": 1
    }]);
    refused_whole(dir.path(), "document", &doc)?;
    Ok(())
}

#[test]
fn a_damaged_last_file_or_a_payload_nobody_names_leaves_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (_a, _, file) = exported(dir.path())?;
    let contents = file["file_contents"].as_object().ok_or("contents")?;
    assert!(contents.len() >= 3, "several files, to damage the last");
    let last = contents.keys().next_back().ok_or("a file")?.clone();

    let mut doc = file.clone();
    doc["file_contents"][&last] = json!("aGVsbG8=");
    let msg = refused_whole(dir.path(), "damaged", &doc)?;
    assert!(msg.contains(&last), "{msg}");

    // A payload no row names (the size of it does not matter: nothing reaches the disk).
    let mut doc = file.clone();
    let payload = vec![7u8; 64 * 1024];
    doc["file_contents"][spw_store::sha256_hex(&payload)] = json!(base64_of(&payload));
    let msg = refused_whole(dir.path(), "unreferenced", &doc)?;
    assert!(msg.contains("none of its rows names"), "{msg}");

    // A row whose file is not carried.
    let mut doc = file.clone();
    doc["file_contents"]
        .as_object_mut()
        .ok_or("contents")?
        .remove(&last);
    refused_whole(dir.path(), "missing", &doc)?;
    Ok(())
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn a_hash_that_is_a_path_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (_a, _, file) = exported(dir.path())?;
    let evil = "../../../../etc/passwd";
    let mut doc = file.clone();
    let real = doc["tables"]["files"][0]["hash"]
        .as_str()
        .ok_or("hash")?
        .to_owned();
    doc["tables"]["files"][0]["hash"] = json!(evil);
    for f in doc["tables"]["drawing_files"]
        .as_array_mut()
        .ok_or("drawing files")?
    {
        if f["file_hash"] == json!(real) {
            f["file_hash"] = json!(evil);
        }
    }
    let contents = doc["file_contents"].as_object_mut().ok_or("contents")?;
    let body = contents.remove(&real).ok_or("body")?;
    contents.insert(evil.into(), body);
    let msg = refused_whole(dir.path(), "hash", &doc)?;
    assert!(msg.contains("SHA-256"), "{msg}");
    // Upper-case hex is not how the store names files either.
    let mut doc = file.clone();
    doc["tables"]["files"][0]["hash"] = json!(real.to_uppercase());
    refused_whole(dir.path(), "upper", &doc)?;
    Ok(())
}

#[test]
fn figures_nobody_priced_are_refused_naming_the_quote_and_field() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (a, number, file) = exported(dir.path())?;

    // The quote row says £0.01.
    let mut doc = file.clone();
    doc["tables"]["quotes"][0]["total"] = json!(1);
    let msg = refused_whole(dir.path(), "total", &doc)?;
    assert!(msg.contains(&number) && msg.contains("`total`"), "{msg}");

    // The revision row and the quote row agree on £0.01, the priced result does not.
    let mut doc = file.clone();
    doc["tables"]["quotes"][0]["total"] = json!(1);
    doc["tables"]["quote_revisions"][0]["total"] = json!(1);
    let msg = refused_whole(dir.path(), "both", &doc)?;
    assert!(msg.contains(&number), "{msg}");

    // The priced result itself was edited: its lines no longer add up.
    let mut doc = file.clone();
    let mut report: Value = serde_json::from_str(
        doc["tables"]["quote_revisions"][0]["report"]
            .as_str()
            .ok_or("r")?,
    )?;
    report["total"] = json!(1);
    report["lines"][0]["total"] = json!(1);
    doc["tables"]["quote_revisions"][0]["report"] = json!(report.to_string());
    let msg = refused_whole(dir.path(), "report", &doc)?;
    assert!(msg.contains(&number), "{msg}");

    // A discount that is not its percentage of the subtotal.
    let mut doc = file.clone();
    let mut report: Value = serde_json::from_str(
        doc["tables"]["quote_revisions"][0]["report"]
            .as_str()
            .ok_or("r")?,
    )?;
    report["discount_percentage"] = json!(50.0);
    doc["tables"]["quote_revisions"][0]["report"] = json!(report.to_string());
    let msg = refused_whole(dir.path(), "discount", &doc)?;
    assert!(msg.contains("discount_amount"), "{msg}");

    // A quote line that says something else than the priced result.
    let mut doc = file.clone();
    doc["tables"]["quote_lines"][0]["total"] = json!(1);
    refused_whole(dir.path(), "line", &doc)?;

    // The untampered file imports, with the figures its author priced.
    let mut b = Store::open(&dir.path().join("ok.db"), actor("sam"))?;
    b.import_project(&serde_json::to_vec(&file)?)?;
    let (here, there) = (b.quote(&number, None)?, a.quote(&number, None)?);
    assert_eq!(here.report, there.report);
    assert_eq!(here.report["total"], there.report["total"]);
    Ok(())
}

#[test]
fn wrong_types_and_versions_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (_a, _, file) = exported(dir.path())?;
    let cases: Vec<(&str, Tamper)> = vec![
        (
            "text-total",
            Box::new(|d: &mut Value| d["tables"]["quotes"][0]["total"] = json!("1501172")),
        ),
        (
            "real-revision",
            Box::new(|d: &mut Value| d["tables"]["quote_revisions"][0]["revision"] = json!(1.5)),
        ),
        (
            "null-required",
            Box::new(|d: &mut Value| d["tables"]["quotes"][0]["quote_number"] = Value::Null),
        ),
        (
            "object-cell",
            Box::new(|d: &mut Value| d["tables"]["customers"][0]["company_name"] = json!({"a": 1})),
        ),
        (
            "bool-size",
            Box::new(|d: &mut Value| d["tables"]["files"][0]["size_bytes"] = json!(true)),
        ),
        (
            "wrong-size",
            Box::new(|d: &mut Value| d["tables"]["files"][0]["size_bytes"] = json!(3)),
        ),
        (
            "row-not-object",
            Box::new(|d: &mut Value| d["tables"]["drawings"][0] = json!([1, 2])),
        ),
        (
            "table-not-list",
            Box::new(|d: &mut Value| d["tables"]["drawings"] = json!({})),
        ),
        (
            "version-text",
            Box::new(|d: &mut Value| d["format_version"] = json!("1")),
        ),
        (
            "version-zero",
            Box::new(|d: &mut Value| d["format_version"] = json!(0)),
        ),
        (
            "schema-missing",
            Box::new(|d: &mut Value| {
                if let Some(o) = d.as_object_mut() {
                    o.remove("schema_version");
                }
            }),
        ),
        (
            "format",
            Box::new(|d: &mut Value| d["format"] = json!("zip")),
        ),
    ];
    for (name, tamper) in cases {
        let mut doc = file.clone();
        tamper(&mut doc);
        refused_whole(dir.path(), name, &doc)?;
    }
    Ok(())
}

#[test]
fn a_project_file_over_the_limit_is_refused_by_its_size() -> TestResult {
    let dir = tempfile::tempdir()?;
    let big = dir.path().join("huge.spwproject");
    // Sparse: the size is there, the bytes are never read.
    std::fs::File::create(&big)?.set_len(spw_store::MAX_PROJECT_FILE_BYTES + 1)?;
    let e = spw_store::read_project_file(&big)
        .err()
        .ok_or("too large must be refused")?;
    assert_eq!(e.code(), "ERR_STORE_006");
    assert!(e.to_string().contains("256 MiB"), "{e}");
    let small = dir.path().join("small.spwproject");
    std::fs::write(&small, b"{}")?;
    assert_eq!(spw_store::read_project_file(&small)?, b"{}");
    Ok(())
}

fn side_files(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .collect()
}

/// A database with a few quotes, compacted (no free pages, so any page damaged is one in use),
/// closed.
fn compact_database(path: &Path) -> TestResult {
    let cat = cat();
    let mut s = Store::open(path, actor("dana"))?;
    for _ in 0..3 {
        s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)?;
    }
    drop(s);
    let c = rusqlite::Connection::open(path)?;
    c.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
    drop(c);
    assert!(side_files(path).is_empty());
    Ok(())
}

#[test]
fn a_database_with_one_damaged_page_is_refused_before_any_write_and_left_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("damaged.db");
    compact_database(&path)?;
    let mut bytes = std::fs::read(&path)?;
    let pages = bytes.len() / 4096;
    assert!(pages > 8, "{pages} pages");
    let page = pages / 2;
    for b in bytes.iter_mut().skip(page * 4096).take(4096) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes)?;
    let cat = cat();
    let outcome = match Store::open(&path, actor("x")) {
        Err(e) => Err(e),
        Ok(mut s) => s
            .create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)
            .map(|_| ()),
    };
    let e = outcome
        .err()
        .ok_or("a damaged database must not be written")?;
    assert_eq!(e.code(), "ERR_STORE_003", "{e}");
    assert!(e.to_string().contains("damaged"), "{e}");
    assert_eq!(std::fs::read(&path)?, bytes, "the file was changed");
    assert_eq!(side_files(&path), Vec::<PathBuf>::new());
    Ok(())
}

#[test]
fn a_database_cut_short_is_refused_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("short.db");
    compact_database(&path)?;
    let bytes = std::fs::read(&path)?;
    for cut in [1, 4096] {
        let short = &bytes[..bytes.len() - cut];
        std::fs::write(&path, short)?;
        let e = Store::open(&path, actor("x"))
            .err()
            .ok_or("a database cut short must be refused")?;
        assert_eq!(e.code(), "ERR_STORE_003", "{e}");
        assert_eq!(std::fs::read(&path)?, short);
        assert_eq!(side_files(&path), Vec::<PathBuf>::new());
    }
    Ok(())
}

#[test]
fn a_foreign_database_without_tables_is_not_taken_over() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("foreign.db");
    {
        let c = rusqlite::Connection::open(&path)?;
        c.execute_batch("PRAGMA user_version = 7;")?;
    }
    let before = std::fs::read(&path)?;
    assert!(!before.is_empty());
    let e = Store::open(&path, actor("x"))
        .err()
        .ok_or("another program's database must be refused")?;
    assert_eq!(e.code(), "ERR_STORE_003", "{e}");
    assert_eq!(std::fs::read(&path)?, before);
    // An empty SQLite file with nothing in it is new, and ours from now on.
    let empty = dir.path().join("empty.db");
    drop(rusqlite::Connection::open(&empty)?.execute_batch("PRAGMA user_version = 0;"));
    drop(Store::open(&empty, actor("x"))?);
    Ok(())
}

fn set_age(path: &Path, age: Duration) -> TestResult {
    let f = std::fs::OpenOptions::new().write(true).open(path)?;
    f.set_modified(SystemTime::now() - age)?;
    Ok(())
}

#[test]
fn temporary_files_are_counted_and_stale_ones_removed_when_writing_starts() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("t.db");
    let hash = {
        let s = Store::open(&path, actor("x"))?;
        s.put_file(b"a drawing")?
    };
    let store_folder = spw_store::FileStore::beside(&path)
        .path(&hash)
        .parent()
        .ok_or("folder")?
        .to_path_buf();
    let hour = Duration::from_secs(3600);
    let planted = [
        (store_folder.join(".spw-tmp-killed1.tmp"), 2 * hour),
        (store_folder.join(".tmp-4242-0123abcd"), 2 * hour),
        (dir.path().join(".spw-tmp-killed2.db"), 3 * hour),
        (dir.path().join(".spw-tmp-live.tmp"), Duration::from_secs(5)),
    ];
    for (p, age) in &planted {
        std::fs::write(p, b"half")?;
        set_age(p, *age)?;
    }
    // Someone else's dot-file beside the database is not ours to count or remove.
    std::fs::write(dir.path().join(".tmp-not-ours"), b"x")?;
    set_age(&dir.path().join(".tmp-not-ours"), 5 * hour)?;

    let mut s = Store::open(&path, actor("x"))?;
    assert_eq!(s.check()?.temporary_files, 4);
    assert!(s.check()?.ok(), "temporary files are harmless");
    // Reading removes nothing; the first write clears the stale ones.
    s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat())?;
    let left: Vec<bool> = planted.iter().map(|(p, _)| p.exists()).collect();
    assert_eq!(left, [false, false, false, true]);
    assert_eq!(s.check()?.temporary_files, 1);
    assert!(dir.path().join(".tmp-not-ours").exists());
    // Asked to, younger ones go too.
    assert_eq!(s.remove_temporary_files(Duration::ZERO), 1);
    assert_eq!(s.check()?.temporary_files, 0);
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_backup_never_writes_through_a_link_planted_at_a_temporary_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let s = Store::open(&dir.path().join("a.db"), actor("x"))?;
    let out = dir.path().join("backups");
    std::fs::create_dir(&out)?;
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious")?;
    // The name the backup once used, predictable from the process id.
    let predictable = out.join(format!(".b.db.tmp-{}", std::process::id()));
    std::os::unix::fs::symlink(&victim, &predictable)?;
    s.backup(&out.join("b.db"))?;
    assert_eq!(std::fs::read(&victim)?, b"precious");
    let names: Vec<String> = std::fs::read_dir(&out)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(spw_files::TEMP_PREFIX))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    Ok(())
}

#[test]
fn a_backup_finishes_while_another_program_keeps_writing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("busy.db");
    let cat = cat();
    {
        // Big enough that a page-by-page copy takes many steps.
        let mut s = Store::open(&path, actor("seed"))?;
        let batch: Vec<String> = (0..120).map(|_| example_quote()).collect();
        s.create_quotes(&batch, date!(2026 - 12 - 01), &cat)?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writer = {
        let (stop, written, path) = (stop.clone(), written.clone(), path.clone());
        std::thread::spawn(move || -> Result<(), String> {
            let cat = Catalogue::builtin().map_err(|e| e.to_string())?;
            let mut s = Store::open(&path, actor("writer")).map_err(|e| e.to_string())?;
            // A steady load: one quote after another until told to stop (or a generous cap).
            while !stop.load(Ordering::SeqCst) && written.load(Ordering::SeqCst) < 2_000 {
                s.create_quote(&example_quote(), date!(2026 - 12 - 01), &cat)
                    .map_err(|e| e.to_string())?;
                written.fetch_add(1, Ordering::SeqCst);
            }
            Ok(())
        })
    };
    while written.load(Ordering::SeqCst) < 3 {
        std::thread::yield_now();
    }
    let reader = Store::open(&path, actor("backup"))?;
    let sum = reader.backup(&dir.path().join("copy/busy.db"))?;
    let writer_still_going = !writer.is_finished();
    stop.store(true, Ordering::SeqCst);
    writer.join().map_err(|_| "writer panicked")??;
    assert!(
        writer_still_going,
        "the backup only finished once the writer had stopped"
    );
    let copy = Store::open(Path::new(&sum.path), actor("check"))?;
    assert!(copy.check()?.ok());
    let n = copy
        .list_quotes(&QuoteQuery {
            text: String::new(),
            page: 1,
            page_size: 1,
        })?
        .total;
    assert!(n >= 123, "{n} quotes in the backup");
    Ok(())
}
