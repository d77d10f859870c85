//! Logs: `tracing` to a daily-rotating file in the OS log folder (last 14 kept), and panics
//! logged with their location before the default hook runs.

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;

/// Start logging to `folder`. Keep the guard alive for the life of the app (it flushes).
pub fn init(folder: &Path) -> Option<WorkerGuard> {
    std::fs::create_dir_all(folder).ok()?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("spw-desktop")
        .filename_suffix("log")
        .max_log_files(14)
        .build(folder)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .try_init()
        .ok()?;
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!("panic: {info}");
        default_hook(info);
    }));
    Some(guard)
}
