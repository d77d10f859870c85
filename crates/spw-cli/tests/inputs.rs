//! Inputs `spw` must survive: files too large to be a door or a quote (refused by size before
//! they are read, and from a pipe without reading more than the limit), huge arrays, long
//! names, a byte order mark, repeated keys, and names carrying terminal escapes or
//! bidirectional overrides.

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn example_text(name: &str) -> String {
    std::fs::read_to_string(example(name)).expect("example")
}

struct Run {
    code: i32,
    stdout: String,
    json: Value,
}

fn spw(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_spw"))
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Run {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn first_issue(json: &Value) -> &Value {
    &json["issues"][0]
}

#[test]
fn a_200_mb_file_is_refused_by_its_size_before_it_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("huge.json");
    // Sparse: 200 MB stated, nothing written; reading it would take seconds.
    let f = std::fs::File::create(&file).expect("create");
    f.set_len(200 * 1024 * 1024).expect("size");
    drop(f);
    let r = spw(&["validate", path(&file), "--json"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    let i = first_issue(&r.json);
    assert_eq!(i["code"], "ERR_VAL_001");
    assert_eq!(i["value"], 209_715_200u64);
    assert_eq!(i["limit"]["max_bytes"], 4_194_304u64);
    let message = i["message"].as_str().expect("message");
    assert!(
        message.contains("209715200 bytes") && message.contains("4194304"),
        "{message}"
    );
    assert!(r.stdout.len() < 2_000, "{} bytes of output", r.stdout.len());
}

#[test]
fn a_file_just_over_the_limit_is_refused_and_one_at_it_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let over = dir.path().join("over.json");
    let limit = usize::try_from(spw_app::MAX_INPUT_BYTES).expect("fits");
    let mut text = example_text("seed-door-configuration.json");
    let pad = limit + 1 - text.len();
    text.push_str(&" ".repeat(pad));
    std::fs::write(&over, &text).expect("write");
    let r = spw(&["validate", path(&over), "--json"]);
    assert_eq!(r.code, 2);
    assert_eq!(first_issue(&r.json)["code"], "ERR_VAL_001");

    text.pop();
    let at = dir.path().join("at.json");
    std::fs::write(&at, &text).expect("write");
    let r = spw(&["validate", path(&at), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn a_pipe_is_read_no_further_than_the_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_spw"))
        .args(["validate", "/dev/stdin", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = "1,".repeat(32 * 1024);
        let _ = stdin.write_all(b"[");
        // 64 MiB offered; `spw` stops reading past 4 MiB and the pipe closes.
        for _ in 0..1024 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().expect("ends");
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    let json: Value = serde_json::from_str(&stdout).expect("json");
    let i = first_issue(&json);
    assert_eq!(i["code"], "ERR_VAL_001");
    assert!(
        i["message"]
            .as_str()
            .is_some_and(|m| m.contains("more than 4194304 bytes")),
        "{i}"
    );
}

#[test]
fn a_huge_array_within_the_limit_gets_a_short_answer() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("array.json");
    let mut text = "[".to_owned() + &"1,".repeat(1_900_000);
    text.push_str("1]");
    std::fs::write(&file, text).expect("write");
    let r = spw(&["validate", path(&file), "--json"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let i = first_issue(&r.json);
    assert_eq!(i["code"], "ERR_VAL_001");
    assert!(i["value"].as_str().is_some_and(|v| v.ends_with('…')), "{i}");
    assert!(r.stdout.len() < 2_000, "{} bytes of output", r.stdout.len());
}

#[test]
fn a_file_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("notepad.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(example_text("seed-door-configuration.json").as_bytes());
    std::fs::write(&file, bytes).expect("write");
    let r = spw(&["validate", path(&file), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json["valid"], true);
}

#[test]
fn a_repeated_key_is_warned_with_err_val_008() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("twice.json");
    let text = example_text("seed-door-configuration.json").replacen(
        "{",
        "{\"frame_width\": 99999, \"hardware\": {\"lock\": 1, \"lock\": 2},",
        1,
    );
    std::fs::write(&file, text).expect("write");
    let r = spw(&["validate", path(&file), "--json"]);
    let warned: Vec<(&str, &str)> = r.json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter_map(|i| Some((i["code"].as_str()?, i["field"].as_str()?)))
        .collect();
    assert!(
        warned.contains(&("ERR_VAL_008", "frame_width")),
        "{warned:?}"
    );
    // The later `hardware` object replaces the first one whole; both repeats are named.
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(warned.contains(&("ERR_VAL_008", "hardware")), "{warned:?}");
    assert!(
        warned.contains(&("ERR_VAL_008", "hardware.lock")),
        "{warned:?}"
    );
}

#[test]
fn escapes_and_bidi_overrides_in_names_are_shown_as_escapes() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("quote.json");
    let mut q: Value = serde_json::from_str(&example_text("quote.json")).expect("json");
    q["customer_name"] = "Harbour\u{202E}dtL weiV\u{1b}[2J\u{1b}]0;pwned\u{7}".into();
    q["project_reference"] = "PRJ\r\u{2066}-1\u{2069}".into();
    std::fs::write(&file, q.to_string()).expect("write");
    let r = spw(&["quote", path(&file), "--date", "2026-12-01"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("Harbour\\u{202E}dtL weiV\\u{1B}[2J\\u{1B}]0;pwned\\u{7}"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("PRJ\\u{D}\\u{2066}-1\\u{2069}"),
        "{}",
        r.stdout
    );
    for c in ['\u{202E}', '\u{2066}', '\u{2069}', '\u{1b}', '\u{7}', '\r'] {
        assert!(!r.stdout.contains(c), "{c:?} printed raw");
    }
}

#[test]
fn escapes_in_issues_are_shown_as_escapes() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("door.json");
    let text = example_text("seed-door-configuration.json").replacen(
        "{",
        "{\"\\u001b[31mred\\u202e\": 1, \"finish\": \"\\u001b[2Jgold\",",
        1,
    );
    std::fs::write(&file, text).expect("write");
    let r = spw(&["validate", path(&file)]);
    assert!(r.stdout.contains("\\u{1B}[31mred\\u{202E}"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202E}'));
}

#[test]
fn a_long_customer_name_is_refused_before_the_package_is_made() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("quote.json");
    let out = dir.path().join("package.pdf");
    let mut q: Value = serde_json::from_str(&example_text("quote.json")).expect("json");
    q["customer_name"] = "A".repeat(100_000).into();
    std::fs::write(&file, q.to_string()).expect("write");
    let r = spw(&["package", path(&file), "--out", path(&out), "--json"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let i = first_issue(&r.json);
    assert_eq!(i["code"], "ERR_VAL_002");
    assert_eq!(i["field"], "customer_name");
    assert_eq!(i["limit"]["max"], 200);
    assert!(!out.exists());
    assert!(r.stdout.len() < 2_000, "{} bytes of output", r.stdout.len());
}
