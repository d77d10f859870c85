//! Durable writes of a large drawing batch: 30 doors, every view, DXF + SVG + PDF, written the
//! way `spw draw` writes them (one batch: staged, flushed in parallel, renamed) against one
//! file at a time (each flushed before the next starts). Prints wall and CPU time of each, so
//! the time spent waiting for the disk shows.
//!
//! `cargo bench -p spw-cli --bench durable_writes` (files go under the target folder, on the
//! disk the product writes to — not a RAM disk, where a flush costs nothing).

#![allow(clippy::print_stdout, missing_docs)] // a bench binary reports on stdout

use spw_app::drawings::{Format, default_options, draw};
use spw_drawing::ViewKind;
use spw_files::{Overwrite, write_all};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DOORS: usize = 30;

/// CPU time of this process so far (user + system, every thread), from /proc.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every architecture we ship for.
    Some(Duration::from_millis((utime + stime) * 10))
}

fn measure(label: &str, f: impl FnOnce()) {
    let cpu0 = cpu_time();
    let t0 = Instant::now();
    f();
    let wall = t0.elapsed();
    let cpu = cpu_time().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
    match cpu {
        Some(cpu) => println!(
            "{label:<50} wall {:>8.1} ms   cpu {:>8.1} ms   wall/cpu {:>5.1}",
            wall.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e3,
            wall.as_secs_f64() / cpu.as_secs_f64().max(1e-3)
        ),
        None => println!("{label:<50} wall {:>8.1} ms", wall.as_secs_f64() * 1e3),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once too, which is fine.
    let seed = include_str!("../../../examples/seed-door-configuration.json");
    let cat = spw_model::Catalogue::builtin().expect("built-in catalogue");
    let options = default_options(vec![
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ]);
    let formats = [Format::Dxf, Format::Svg, Format::Pdf];
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    measure(
        &format!("draw {DOORS} doors (DXF, SVG, PDF in memory)"),
        || {
            for i in 0..DOORS {
                let mut door: serde_json::Value = serde_json::from_str(seed).expect("seed door");
                let width = 1500 + 10 * i64::try_from(i).expect("small");
                door["frame_width"] = width.into();
                door["leaf_width"] = (width / 2).into();
                for key in ["leaf_weight", "overall_u_value"] {
                    if let Some(o) = door.as_object_mut() {
                        o.remove(key);
                    }
                }
                let set = draw(&door.to_string(), &options, &formats, &cat).expect("draws");
                for f in set.files {
                    files.push((format!("{i:02}-{}", f.file_name), f.bytes));
                }
            }
        },
    );
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);

    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("durable-writes");
    let fresh = |name: &str| -> PathBuf {
        let d = root.join(name);
        std::fs::remove_dir_all(&d).ok();
        std::fs::create_dir_all(&d).expect("bench folder");
        d
    };
    let one_by_one = fresh("one-by-one");
    measure("write one file at a time (flush each)", || {
        for (name, b) in &files {
            write_all(&[(&one_by_one.join(name), b)], Overwrite::Writable).expect("write");
        }
    });
    let batch_dir = fresh("batch");
    measure("write as one batch (parallel flush, then rename)", || {
        let paths: Vec<PathBuf> = files.iter().map(|(n, _)| batch_dir.join(n)).collect();
        let batch: Vec<(&Path, &[u8])> = paths
            .iter()
            .zip(&files)
            .map(|(p, (_, b))| (p.as_path(), b.as_slice()))
            .collect();
        write_all(&batch, Overwrite::Writable).expect("write");
    });
    std::fs::remove_dir_all(&root).ok();
}
