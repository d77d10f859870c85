//! Watching the catalogue and template folders: an edited price list or title block is
//! reloaded at once and the UI told (`sources-changed`), so the open drawing re-renders.

use crate::state::AppState;
use crate::wire::SourcesChanged;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager};

/// Event name sent to the UI.
pub const EVENT: &str = "sources-changed";

/// (Re)start watching the folders the settings name; nothing is watched when both are
/// built in.
pub fn restart(app: &AppHandle) {
    let state = app.state::<AppState>();
    let s = state.settings();
    let folders: Vec<PathBuf> = [s.catalogue_folder, s.templates_folder]
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .collect();
    let mut slot = state
        .watcher
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = None;
    if folders.is_empty() {
        return;
    }
    let handle = app.clone();
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if !matches!(
            event.kind,
            EventKind::Modify(_) | EventKind::Create(_) | EventKind::Remove(_)
        ) {
            return;
        }
        let Some(path) = event.paths.first() else {
            return;
        };
        let relevant = path.extension().is_some_and(|e| e == "toml" || e == "typ");
        if !relevant {
            return;
        }
        let state = handle.state::<AppState>();
        let error = state.reload();
        tracing::info!(path = %path.display(), error = ?error, "watched file changed; reloaded");
        let _ = handle.emit(
            EVENT,
            SourcesChanged {
                path: path.display().to_string(),
                error,
            },
        );
    });
    match watcher {
        Ok(mut w) => {
            for f in &folders {
                if let Err(e) = w.watch(f, RecursiveMode::NonRecursive) {
                    tracing::warn!(folder = %f.display(), "cannot watch: {e}");
                }
            }
            *slot = Some(w);
        }
        Err(e) => tracing::warn!("file watcher unavailable: {e}"),
    }
}
