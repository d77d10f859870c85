//! Where `spw` writes, tried as a clumsy user and a hostile neighbour would: closed pipes, a full
//! standard output, output paths that are folders, FIFOs, links or read-only files, a batch
//! whose disk fills up part-way, and arguments that cannot be used. Every failure has one code
//! and leaves nothing half-written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
        .display()
        .to_string()
}

fn spw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spw"))
        .args(args)
        .env("SPW_DB", std::env::temp_dir().join("spw-outputs-unused.db"))
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir)
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
        .collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    for args in [
        vec!["quote".to_owned(), example("quote.json")],
        vec![
            "validate".to_owned(),
            example("invalid-door.json"),
            "--json".to_owned(),
        ],
        vec!["bom".to_owned(), example("seed-door-configuration.json")],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_spw"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // The reader goes away before the command prints anything (`spw … | head -0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("waits");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            out.status.code().is_some_and(|c| c != 101),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_a_coded_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_spw"))
        .args(["quote", &example("quote.json")])
        .stdout(full)
        .output()
        .expect("runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("ERR_IO_001"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn an_output_path_that_is_a_folder_or_missing_folder_is_refused_with_a_code() {
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("already-a-folder");
    std::fs::create_dir(&folder).expect("folder");
    let out = spw(&[
        "datasheet",
        &example("seed-door-configuration.json"),
        "--out",
        folder.to_str().expect("path"),
        "--date",
        "2026-12-01",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("ERR_IO_002").count(), 1, "{err}");
    assert!(err.contains("is a folder"), "{err}");
    assert!(folder.is_dir());

    let missing = dir.path().join("no-such-folder").join("ds.pdf");
    let out = spw(&[
        "datasheet",
        &example("seed-door-configuration.json"),
        "--out",
        missing.to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json error");
    assert_eq!(v["error"]["code"], "ERR_IO_002");
    assert!(!dir.path().join("no-such-folder").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_link_at_the_output_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp");
    let fifo = dir.path().join("out.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let out = spw(&[
        "datasheet",
        &example("seed-door-configuration.json"),
        "--out",
        fifo.to_str().expect("path"),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("ERR_IO_002") && err.contains("not a regular file"),
        "{err}"
    );
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));

    // A link planted where the victim will write points at the victim's own file.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let link = dir.path().join("door.csv");
    std::os::unix::fs::symlink(&victim, &link).expect("link");
    let out = spw(&[
        "bom",
        &example("seed-door-configuration.json"),
        "--csv",
        link.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
}

#[test]
fn a_read_only_output_needs_force() {
    let dir = tempfile::tempdir().expect("temp");
    let csv = dir.path().join("bom.csv");
    let xlsx = dir.path().join("bom.xlsx");
    std::fs::write(&csv, "old").expect("old");
    let mut p = std::fs::metadata(&csv).expect("meta").permissions();
    p.set_readonly(true);
    std::fs::set_permissions(&csv, p).expect("chmod");
    let args = [
        "bom",
        &example("seed-door-configuration.json"),
        "--csv",
        csv.to_str().expect("path"),
        "--xlsx",
        xlsx.to_str().expect("path"),
    ];
    let out = spw(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&csv).expect("read"), "old");
    // Both spreadsheets or neither: the workbook was not written either.
    assert!(!xlsx.exists());

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = spw(&forced);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_ne!(std::fs::read_to_string(&csv).expect("read"), "old");
    assert!(xlsx.exists());
}

/// A disk that fills up part-way through a batch, played by a file-size limit: writes past it
/// fail with EFBIG (`SIGXFSZ` is ignored so the write returns the error instead of killing).
#[cfg(target_os = "linux")]
#[test]
fn a_draw_batch_that_cannot_be_written_whole_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let out_dir = dir.path().join("drawings");
    let seed = example("seed-door-configuration.json");
    let rev_b = example("seed-door-configuration-rev-b.json");
    let script = format!(
        "trap '' XFSZ; ulimit -f 24; exec '{}' draw '{seed}' '{rev_b}' --out '{}' \
         --formats dxf,svg,pdf --date 2026-12-01",
        env!("CARGO_BIN_EXE_spw"),
        out_dir.display()
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .output()
        .expect("runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("ERR_IO_001"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(listing(dir.path()), Vec::<String>::new(), "{err}");

    // The same batch without the limit is written whole: 2 doors × 6 sheets × (DXF, SVG) + a
    // PDF set each.
    let out = spw(&[
        "draw",
        &seed,
        &rev_b,
        "--out",
        out_dir.to_str().expect("path"),
        "--formats",
        "dxf,svg,pdf",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files: Vec<String> = listing(&out_dir)
        .into_iter()
        .filter(|n| n.contains('.'))
        .collect();
    assert_eq!(files.len(), 26, "{files:?}");
    assert!(files.iter().all(|n| !n.contains(".spw-tmp-")), "{files:?}");
}

#[test]
fn an_impossible_date_is_one_coded_error_said_once() {
    let out = spw(&["quote", &example("quote.json"), "--date", "2026-02-30"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("ERR_VAL_001").count(), 1, "{err}");
    assert!(err.contains("no such day"), "{err}");
    assert_eq!(err.matches("range").count(), 1, "{err}");

    let out = spw(&[
        "datasheet",
        &example("seed-door-configuration.json"),
        "--out",
        "/nonexistent/x.pdf",
        "--date",
        "2026-13-01",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("ERR_VAL_001").count(), 1, "{err}");
}

#[test]
fn a_stored_revision_that_cannot_exist_is_not_read_as_a_file_name() {
    let out = spw(&["compare", "Q-2026-ABCD-001@0", "Q-2026-ABCD-001@2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("ERR_VAL_001"), "{err}");
    assert!(err.contains("neither a quote revision"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
}
