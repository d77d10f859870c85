//! `spw` over the workstation database as a person and a script use it: save, list, show,
//! revise, move status, issue drawings, compare stored revisions, carry a project to another
//! database, back up — and the reliability promises: a save reported done survives `kill -9`,
//! two writers at once lose nothing, a damaged database is refused and left alone.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn spw_at(db: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spw"))
        .arg("--db")
        .arg(db)
        .args(if args.contains(&"--user") {
            &[][..]
        } else {
            &["--user", "dana"][..]
        })
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json, stdout)
}

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

#[test]
fn a_quote_from_new_to_compared_drawing_revisions() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let q1 = one_line_quote(dir.path());

    let (code, _, out) = spw_at(&db, &["quote", "new", path_str(&q1)]);
    assert_eq!(code, 0, "{out}");
    let number = out.trim().to_owned();
    assert!(
        number.starts_with("Q-") && number.ends_with("-001"),
        "{number}"
    );

    let (code, list, _) = spw_at(&db, &["quote", "list", "--search", "harbuor", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(list["total"], json!(1));
    assert_eq!(list["items"][0]["quote_number"], json!(number));

    // Revise: the door now opens inward.
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(&q1).expect("read")).expect("json");
    v["lines"][0]["door_configuration"]["opening_direction"] = json!("inward");
    let q2 = dir.path().join("rev2.json");
    std::fs::write(&q2, v.to_string()).expect("write");

    let (code, _, out) = spw_at(&db, &["drawing", "issue", &number, "--formats", "dxf,pdf"]);
    assert_eq!(code, 0, "{out}");
    let (code, saved, _) = spw_at(
        &db,
        &[
            "quote",
            "revise",
            &number,
            path_str(&q2),
            "--base-version",
            "1",
            "--json",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(saved["revision"], json!(2));
    // The same stale base version again is refused.
    let (code, err, _) = spw_at(
        &db,
        &[
            "quote",
            "revise",
            &number,
            path_str(&q2),
            "--base-version",
            "1",
            "--json",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], json!("ERR_STORE_002"));
    let (code, _, out) = spw_at(&db, &["drawing", "issue", &number, "--formats", "dxf,pdf"]);
    assert_eq!(code, 0, "{out}");

    let (code, hist, _) = spw_at(&db, &["drawing", "history", &number, "--json"]);
    assert_eq!(code, 0);
    let letters: Vec<&str> = hist
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["revision"].as_str().expect("letter"))
        .collect();
    assert_eq!(letters, ["A", "B"]);
    let b = &hist[1];
    assert_eq!(b["quote_revision"], json!(2));
    let numbers: Vec<&str> = b["drawings"]
        .as_array()
        .expect("drawings")
        .iter()
        .map(|d| d["drawing_number"].as_str().expect("number"))
        .collect();
    assert!(
        numbers.contains(&"SPW600e-ELV-001") && numbers.contains(&"SPW600e-SET-001"),
        "{numbers:?}"
    );
    assert!(b["date"].as_str().is_some_and(|d| d.len() == 10));

    for (old, new) in [
        (format!("{number}@1"), format!("{number}@2")),
        (format!("{number}@A"), format!("{number}@B")),
    ] {
        let (code, cmp, out) = spw_at(&db, &["compare", &old, &new, "--json"]);
        assert_eq!(code, 0, "{out}");
        let fields: Vec<&str> = cmp["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["field"].as_str().expect("field"))
            .collect();
        assert_eq!(fields, ["opening_direction"], "{old} vs {new}");
    }

    // The stored files come back out, and outside tools accept them.
    let out_dir = dir.path().join("issued-b");
    let (code, _, out) = spw_at(
        &db,
        &[
            "drawing",
            "files",
            &number,
            "--revision",
            "B",
            "--out",
            path_str(&out_dir),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let pdf = out_dir.join("SPW600e-SET-001-B.pdf");
    assert!(pdf.exists(), "{out}");
    if let Ok(st) = Command::new("qpdf").arg("--check").arg(&pdf).status() {
        assert!(st.success(), "qpdf --check");
    }

    // Documents made from a stored revision are kept with it.
    let pkg = dir.path().join("package.pdf");
    let (code, doc, out) = spw_at(
        &db,
        &[
            "quote",
            "package",
            &number,
            "--out",
            path_str(&pkg),
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(doc["quote_revision"], json!(2));
    assert!(doc["pages"].as_u64().is_some_and(|p| p > 3));
    assert!(std::fs::read(&pkg).expect("pdf").starts_with(b"%PDF"));
    let (code, ds, out) = spw_at(
        &db,
        &["quote", "datasheet", &number, "--revision", "1", "--json"],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(ds["kind"], json!("datasheet"));
    assert_eq!(ds["quote_revision"], json!(1));

    let (code, _, _) = spw_at(&db, &["quote", "status", &number, "sent"]);
    assert_eq!(code, 0);
    let (code, err, _) = spw_at(&db, &["quote", "status", &number, "draft", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], json!("ERR_QUOTE_001"));
    let (code, show, _) = spw_at(&db, &["quote", "show", &number, "--json"]);
    assert_eq!(code, 0);
    assert_eq!(show["status"], json!("sent"));
    assert_eq!(show["latest_revision"], json!(2));
    let kinds: Vec<&str> = show["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["package", "datasheet"]);
    let project = show["project_number"].as_str().expect("project").to_owned();

    // Carry the project to another workstation's database.
    let file = dir.path().join("project.spwproject");
    let (code, _, out) = spw_at(
        &db,
        &["project", "export", &project, "--out", path_str(&file)],
    );
    assert_eq!(code, 0, "{out}");
    let other = dir.path().join("other.db");
    let (code, imported, _) = spw_at(&other, &["project", "import", path_str(&file), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(imported["added"]["quotes"], json!(1));
    let (code, there, _) = spw_at(&other, &["quote", "show", &number, "--json"]);
    assert_eq!(code, 0);
    assert_eq!(there["report"], show["report"]);
    let (code, _, out) = spw_at(
        &other,
        &["compare", &format!("{number}@A"), &format!("{number}@B")],
    );
    assert_eq!(code, 0, "{out}");

    let backup = dir.path().join("backup/work.db");
    let (code, _, out) = spw_at(&db, &["backup", path_str(&backup)]);
    assert_eq!(code, 0, "{out}");
    let (code, check, _) = spw_at(&backup, &["db", "check", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(check["integrity"], json!("ok"));
    assert_eq!(check["quotes"], json!(1));
}

#[test]
fn unknown_quotes_and_bad_arguments_are_coded() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let (code, err, _) = spw_at(&db, &["quote", "show", "Q-2026-XXXX-999", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], json!("ERR_STORE_001"));
    let (code, err, _) = spw_at(&db, &["quote", "list", "--page-size", "0", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], json!("ERR_STORE_008"));
    let bad = example("invalid-door.json");
    let mut q: Value =
        serde_json::from_str(&std::fs::read_to_string(example("quote.json")).expect("read"))
            .expect("json");
    q["lines"][0]["door_configuration"] =
        serde_json::from_str(&std::fs::read_to_string(bad).expect("read")).expect("json");
    let qf = dir.path().join("bad-quote.json");
    std::fs::write(&qf, q.to_string()).expect("write");
    let (code, report, _) = spw_at(&db, &["quote", "new", path_str(&qf), "--json"]);
    assert_eq!(code, 1);
    assert_eq!(report["valid"], json!(false));
    assert!(
        report["issues"]
            .as_array()
            .expect("issues")
            .iter()
            .any(|i| i["code"] == "ERR_VAL_002")
    );
}

#[test]
fn a_damaged_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    std::fs::write(&db, b"PK\x03\x04 not a database at all").expect("write");
    let (code, err, _) = spw_at(&db, &["quote", "list", "--json"]);
    assert_eq!(code, 2);
    assert_eq!(err["error"]["code"], json!("ERR_STORE_003"));
    assert_eq!(
        std::fs::read(&db).expect("read"),
        b"PK\x03\x04 not a database at all"
    );
}

/// A small deterministic generator (xorshift), so the kill points are the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn every_save_reported_done_survives_kill_9() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let q = one_line_quote(dir.path());
    // How long one save takes here, to spread the kills over it.
    let t = std::time::Instant::now();
    let (code, _, first) = spw_at(&db, &["quote", "new", path_str(&q)]);
    assert_eq!(code, 0);
    let save_us = u64::try_from(t.elapsed().as_micros())
        .unwrap_or(50_000)
        .max(1_000);
    let mut done = vec![first.trim().to_owned()];
    let mut issued = Vec::new();
    let mut rng = Rng(0x005e_ed0f_5af3_u64);
    let mut killed = 0;
    for i in 0..100 {
        let issue = i % 10 == 9;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_spw"));
        cmd.arg("--db").arg(&db);
        let target = done[usize::try_from(rng.next() % done.len() as u64).unwrap_or(0)].clone();
        if issue {
            cmd.args([
                "drawing",
                "issue",
                &target,
                "--formats",
                "dxf,svg",
                "--json",
            ]);
        } else {
            cmd.args(["quote", "new", path_str(&q)]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let span = if issue { save_us * 6 } else { save_us * 2 };
        std::thread::sleep(std::time::Duration::from_micros(rng.next() % span));
        if child.kill().is_ok() {
            killed += 1;
        }
        let out = child.wait_with_output().expect("wait");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            if issue {
                let v: Value = serde_json::from_str(&text).expect("issue json");
                issued.push((
                    target,
                    v[0]["revision"].as_str().expect("letter").to_owned(),
                ));
            } else {
                done.push(text.trim().to_owned());
            }
        }
    }
    assert!(
        killed > 10,
        "the test must really interrupt saves ({killed} killed)"
    );
    let (code, list, _) = spw_at(&db, &["quote", "list", "--page-size", "500", "--json"]);
    assert_eq!(code, 0);
    let stored: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["quote_number"].as_str().expect("number"))
        .collect();
    for n in &done {
        assert!(
            stored.contains(&n.as_str()),
            "{n} was reported saved but is gone"
        );
    }
    for (n, letter) in &issued {
        let (_, h, _) = spw_at(&db, &["drawing", "history", n, "--json"]);
        assert!(
            h.as_array()
                .expect("history")
                .iter()
                .any(|r| r["revision"] == json!(letter)),
            "drawing revision {letter} of {n} was reported issued but is gone"
        );
    }
    let (code, check, out) = spw_at(&db, &["db", "check", "--json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(check["integrity"], json!("ok"));
    assert_eq!(check["missing_files"], json!([]));
    assert_eq!(check["damaged_files"], json!([]));
    assert_eq!(check["foreign_key_violations"], json!(0));
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("work.db");
    let q = one_line_quote(dir.path());
    // Create the schema first, so both start from the same database.
    assert_eq!(spw_at(&db, &["db", "check"]).0, 0);
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let db = db.clone();
            let q = q.clone();
            std::thread::spawn(move || {
                let mut numbers = Vec::new();
                for _ in 0..8 {
                    let (code, _, out) = spw_at(
                        &db,
                        &[
                            "--user",
                            &format!("writer{w}"),
                            "quote",
                            "new",
                            path_str(&q),
                        ],
                    );
                    assert_eq!(code, 0, "{out}");
                    numbers.push(out.trim().to_owned());
                }
                numbers
            })
        })
        .collect();
    let mut all: Vec<String> = writers
        .into_iter()
        .flat_map(|h| h.join().expect("writer"))
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "every quote got its own number");
    let (_, list, _) = spw_at(&db, &["quote", "list", "--page-size", "100", "--json"]);
    assert_eq!(list["total"], json!(24));
    let (code, check, _) = spw_at(&db, &["db", "check", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(check["integrity"], json!("ok"));
}
