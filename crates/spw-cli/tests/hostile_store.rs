//! `spw` over hostile or damaged stores, as an attacker or an unlucky day would have it: a
//! drawing file name that climbs out of the output folder, a tampered project file, a database
//! damaged by a page or cut short, another program's database, a full disk, and the temporary
//! files a killed program leaves.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn spw_at(db: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spw"))
        .arg("--db")
        .arg(db)
        .args(["--user", "dana"])
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        format!("{stdout}{stderr}"),
    )
}

/// A change made to a project file.
type Tamper = Box<dyn Fn(&mut Value)>;

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn one_line_quote(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example("quote.json")).expect("example");
    let mut v: Value = serde_json::from_str(&text).expect("json");
    if let Some(lines) = v["lines"].as_array_mut() {
        lines.truncate(1);
    }
    let p = dir.join("one-line.json");
    std::fs::write(&p, v.to_string()).expect("write");
    p
}

/// A database with one quote and drawing revision A issued as DXF and PDF; its quote number.
fn issued(db: &Path, dir: &Path) -> String {
    let q = one_line_quote(dir);
    let (code, _, out) = spw_at(db, &["quote", "new", path_str(&q)]);
    assert_eq!(code, 0, "{out}");
    let number = out.trim().to_owned();
    let (code, _, out) = spw_at(db, &["drawing", "issue", &number, "--formats", "dxf,pdf"]);
    assert_eq!(code, 0, "{out}");
    number
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn replace_all(haystack: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len());
    let mut n = 0;
    let mut i = 0;
    while i + from.len() <= haystack.len() {
        if &haystack[i..i + from.len()] == from {
            haystack[i..i + from.len()].copy_from_slice(to);
            n += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    n
}

#[test]
fn drawing_files_never_writes_outside_its_folder() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let number = issued(&db, dir.path());
    // Someone edits a stored file name into a path (same length, so the page stays sound).
    let mut bytes = std::fs::read(&db).expect("read");
    let n = replace_all(
        &mut bytes,
        b"SPW600e-ELV-001-A.dxf",
        b"../../../escape-A.dxf",
    );
    assert!(n > 0, "the stored name is in the file");
    std::fs::write(&db, &bytes).expect("write");

    let out = dir.path().join("a/b/c/out");
    let (code, _, text) = spw_at(&db, &["drawing", "files", &number, "--out", path_str(&out)]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("ERR_STORE_003"), "{text}");
    assert!(text.contains("escape-A.dxf"), "{text}");
    let written = files_under(&dir.path().join("a"));
    assert!(written.is_empty(), "{written:?}");
    assert!(!dir.path().join("a/escape-A.dxf").exists());
}

#[test]
fn drawing_files_writes_the_whole_set_or_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let number = issued(&db, dir.path());
    let out = dir.path().join("out");
    // The set's last file cannot be written: a folder stands at its name.
    std::fs::create_dir_all(out.join("SPW600e-SET-001-A.pdf")).expect("folder");
    let (code, _, text) = spw_at(&db, &["drawing", "files", &number, "--out", path_str(&out)]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("ERR_IO_002"), "{text}");
    let written = files_under(&out);
    assert!(
        written.is_empty(),
        "part of the set was written: {written:?}"
    );
    // With the way clear, the whole set.
    std::fs::remove_dir(out.join("SPW600e-SET-001-A.pdf")).expect("rmdir");
    let (code, _, text) = spw_at(&db, &["drawing", "files", &number, "--out", path_str(&out)]);
    assert_eq!(code, 0, "{text}");
    assert!(files_under(&out).len() >= 6, "{text}");
}

/// Export the project of `number` from `db` as JSON.
fn project_file(db: &Path, number: &str, dir: &Path) -> Value {
    let (code, show, out) = spw_at(db, &["quote", "show", number, "--json"]);
    assert_eq!(code, 0, "{out}");
    let project = show["project_number"].as_str().expect("project");
    let file = dir.join("project.spwproject");
    let (code, _, out) = spw_at(
        db,
        &["project", "export", project, "--out", path_str(&file)],
    );
    assert_eq!(code, 0, "{out}");
    serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json")
}

#[test]
fn a_tampered_project_file_is_refused_whole_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let number = issued(&db, dir.path());
    let file = project_file(&db, &number, dir.path());
    let last = file["file_contents"]
        .as_object()
        .and_then(|c| c.keys().next_back().cloned())
        .expect("a file");
    let tampered: Vec<(&str, Tamper)> = vec![
        (
            "path",
            Box::new(|d: &mut Value| {
                d["tables"]["drawing_files"][0]["file_name"] = json!("../../../../tmp/x.dxf");
            }),
        ),
        (
            "absolute",
            Box::new(|d: &mut Value| {
                d["tables"]["drawing_files"][0]["file_name"] = json!("/etc/cron.d/x");
            }),
        ),
        (
            "damaged-last",
            Box::new(move |d: &mut Value| {
                d["file_contents"][&last] = json!("aGVsbG8=");
            }),
        ),
        (
            "hash-path",
            Box::new(|d: &mut Value| {
                d["tables"]["files"][0]["hash"] = json!("../../../../etc/passwd");
            }),
        ),
        (
            "figures",
            Box::new(|d: &mut Value| {
                d["tables"]["quotes"][0]["total"] = json!(1);
            }),
        ),
    ];
    for (name, tamper) in tampered {
        let mut doc = file.clone();
        tamper(&mut doc);
        let path = dir.path().join(format!("{name}.spwproject"));
        std::fs::write(&path, serde_json::to_vec(&doc).expect("json")).expect("write");
        let other = dir.path().join(format!("{name}.db"));
        let (code, err, out) = spw_at(&other, &["project", "import", path_str(&path), "--json"]);
        assert_eq!(code, 2, "{name}: {out}");
        assert_eq!(
            err["error"]["code"],
            json!("ERR_STORE_006"),
            "{name}: {out}"
        );
        let (_, list, _) = spw_at(&other, &["quote", "list", "--json"]);
        assert_eq!(list["total"], json!(0), "{name}: rows were imported");
        let left = files_under(&dir.path().join(format!("{name}.db.files")));
        assert!(left.is_empty(), "{name}: files were written: {left:?}");
        if name == "figures" {
            let msg = err["error"]["message"].as_str().unwrap_or_default();
            assert!(msg.contains(&number) && msg.contains("`total`"), "{msg}");
        }
    }
}

#[test]
fn a_project_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let big = dir.path().join("huge.spwproject");
    // Sparse: 256 MiB and one byte on paper, nothing on disk.
    std::fs::File::create(&big)
        .expect("create")
        .set_len(256 * 1024 * 1024 + 1)
        .expect("size");
    let db = dir.path().join("work.db");
    let (code, err, out) = spw_at(&db, &["project", "import", path_str(&big), "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(err["error"]["code"], json!("ERR_STORE_006"), "{out}");
    assert!(out.contains("256 MiB"), "{out}");
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

/// A compact copy (a backup has no free pages, so any page damaged is one in use).
fn compact_copy(dir: &Path) -> PathBuf {
    let db = dir.join("work.db");
    let q = one_line_quote(dir);
    for _ in 0..3 {
        let (code, _, out) = spw_at(&db, &["quote", "new", path_str(&q)]);
        assert_eq!(code, 0, "{out}");
    }
    let copy = dir.join("copy.db");
    let (code, _, out) = spw_at(&db, &["backup", path_str(&copy)]);
    assert_eq!(code, 0, "{out}");
    assert!(side_files(&copy).is_empty());
    copy
}

#[test]
fn a_database_with_a_damaged_page_is_not_written_to() {
    let dir = tempfile::tempdir().expect("tmp");
    let copy = compact_copy(dir.path());
    let mut bytes = std::fs::read(&copy).expect("read");
    let pages = bytes.len() / 4096;
    assert!(pages > 8, "{pages} pages");
    for b in bytes.iter_mut().skip(pages / 2 * 4096).take(4096) {
        *b = 0xA5;
    }
    std::fs::write(&copy, &bytes).expect("write");
    let q = one_line_quote(dir.path());
    let (code, err, out) = spw_at(&copy, &["quote", "new", path_str(&q), "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(err["error"]["code"], json!("ERR_STORE_003"), "{out}");
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        bytes,
        "the file changed"
    );
    assert_eq!(side_files(&copy), Vec::<PathBuf>::new());
    // `db check` says what is wrong, with the same code.
    let (code, check, out) = spw_at(&copy, &["db", "check", "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(check["error"]["code"], json!("ERR_STORE_003"), "{out}");
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        bytes,
        "the check changed it"
    );
}

#[test]
fn a_database_cut_short_by_a_byte_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let copy = compact_copy(dir.path());
    let bytes = std::fs::read(&copy).expect("read");
    let short = &bytes[..bytes.len() - 1];
    std::fs::write(&copy, short).expect("write");
    let q = one_line_quote(dir.path());
    for args in [
        vec!["quote", "list", "--json"],
        vec!["quote", "new", path_str(&q), "--json"],
    ] {
        let (code, err, out) = spw_at(&copy, &args);
        assert_eq!(code, 2, "{out}");
        assert_eq!(err["error"]["code"], json!("ERR_STORE_003"), "{out}");
        assert_eq!(std::fs::read(&copy).expect("read"), short);
        assert_eq!(side_files(&copy), Vec::<PathBuf>::new());
    }
}

/// An empty SQLite database (one page: the header and an empty schema) with this
/// `user_version`: what another program leaves after `PRAGMA user_version = N`.
fn empty_sqlite(user_version: u32) -> Vec<u8> {
    let mut page = vec![0u8; 4096];
    page[..16].copy_from_slice(b"SQLite format 3\0");
    page[16..18].copy_from_slice(&4096u16.to_be_bytes());
    page[18] = 1; // write version: rollback journal
    page[19] = 1;
    page[21] = 64; // payload fractions
    page[22] = 32;
    page[23] = 32;
    page[24..28].copy_from_slice(&1u32.to_be_bytes()); // change counter
    page[28..32].copy_from_slice(&1u32.to_be_bytes()); // pages
    page[40..44].copy_from_slice(&1u32.to_be_bytes()); // schema cookie
    page[44..48].copy_from_slice(&4u32.to_be_bytes()); // schema format
    page[56..60].copy_from_slice(&1u32.to_be_bytes()); // UTF-8
    page[60..64].copy_from_slice(&user_version.to_be_bytes());
    page[92..96].copy_from_slice(&1u32.to_be_bytes()); // valid for
    page[96..100].copy_from_slice(&3_046_000u32.to_be_bytes());
    page[100] = 0x0D; // an empty table leaf: the schema
    page[105..107].copy_from_slice(&4096u16.to_be_bytes()); // cell content starts at the end
    page
}

#[test]
fn another_programs_database_with_a_schema_version_is_not_taken_over() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("theirs.db");
    let bytes = empty_sqlite(7);
    std::fs::write(&db, &bytes).expect("write");
    let q = one_line_quote(dir.path());
    let (code, err, out) = spw_at(&db, &["quote", "new", path_str(&q), "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(err["error"]["code"], json!("ERR_STORE_003"), "{out}");
    assert_eq!(std::fs::read(&db).expect("read"), bytes);
    // The same file with nothing in it at all is new, and becomes ours.
    std::fs::write(&db, empty_sqlite(0)).expect("write");
    let (code, _, out) = spw_at(&db, &["quote", "new", path_str(&q)]);
    assert_eq!(code, 0, "{out}");
}

/// `spw` with the largest file it may write limited to `blocks` (a full disk, as far as SQLite
/// can tell: writing past it fails).
#[cfg(unix)]
fn spw_on_full_disk(db: &Path, blocks: u32, args: &[&str]) -> (i32, Value, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_spw"))
        .arg("--db")
        .arg(db)
        .args(["--user", "dana"])
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        format!("{stdout}{}", String::from_utf8_lossy(&out.stderr)),
    )
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_reported_as_such_not_as_a_damaged_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let q = one_line_quote(dir.path());
    // A new database that cannot be made.
    let new = dir.path().join("new.db");
    let (code, err, out) = spw_on_full_disk(&new, 64, &["quote", "new", path_str(&q), "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(err["error"]["code"], json!("ERR_STORE_007"), "{out}");
    // A healthy database that cannot take the next save.
    let db = dir.path().join("work.db");
    let (code, _, out) = spw_at(&db, &["quote", "new", path_str(&q)]);
    assert_eq!(code, 0, "{out}");
    let before = std::fs::read(&db).expect("read");
    let (code, err, out) = spw_on_full_disk(&db, 64, &["quote", "new", path_str(&q), "--json"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(err["error"]["code"], json!("ERR_STORE_007"), "{out}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
    // Room again: nothing was lost, the database was healthy all along.
    let (code, list, out) = spw_at(&db, &["quote", "list", "--json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(list["total"], json!(1));
    let (code, check, out) = spw_at(&db, &["db", "check", "--json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(check["integrity"], json!("ok"));
}

fn plant(path: &Path, age: Duration) {
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    std::fs::write(path, b"half a file").expect("write");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open");
    f.set_modified(SystemTime::now() - age).expect("age");
}

#[test]
fn db_check_counts_temporary_files_and_fix_removes_the_stale_ones() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let q = one_line_quote(dir.path());
    assert_eq!(spw_at(&db, &["quote", "new", path_str(&q)]).0, 0);
    let killed_beside = dir.path().join(".spw-tmp-killed.db");
    let killed_in_store = dir.path().join("work.db.files/ab/.spw-tmp-killed.tmp");
    let live = dir.path().join(".spw-tmp-live.tmp");
    plant(&killed_beside, Duration::from_secs(300));
    plant(&killed_in_store, Duration::from_secs(300));
    plant(&live, Duration::ZERO);

    let (code, check, out) = spw_at(&db, &["db", "check", "--json"]);
    assert_eq!(code, 0, "temporary files are harmless: {out}");
    assert_eq!(check["temporary_files"], json!(3), "{out}");
    assert!(killed_beside.exists(), "a check alone removes nothing");

    let (code, check, out) = spw_at(&db, &["db", "check", "--fix", "--json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(check["removed_temporary_files"], json!(2), "{out}");
    assert_eq!(check["temporary_files"], json!(1), "{out}");
    assert!(!killed_beside.exists() && !killed_in_store.exists());
    assert!(
        live.exists(),
        "a file another program may be writing is kept"
    );
    let (code, _, out) = spw_at(&db, &["db", "check", "--fix"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 temporary"), "{out}");
}

#[test]
fn stale_temporary_files_are_cleared_when_the_store_opens_for_writing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let q = one_line_quote(dir.path());
    assert_eq!(spw_at(&db, &["quote", "new", path_str(&q)]).0, 0);
    let stale = dir.path().join("work.db.files/cd/.spw-tmp-old.tmp");
    let recent = dir.path().join(".spw-tmp-recent.tmp");
    plant(&stale, Duration::from_secs(2 * 3600));
    plant(&recent, Duration::from_secs(30 * 60));
    // Reading leaves them; the first write of a session clears what is over an hour old.
    assert_eq!(spw_at(&db, &["quote", "list"]).0, 0);
    assert!(stale.exists());
    assert_eq!(spw_at(&db, &["quote", "new", path_str(&q)]).0, 0);
    assert!(!stale.exists());
    assert!(recent.exists());
}
