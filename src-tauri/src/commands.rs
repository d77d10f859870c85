//! The Tauri commands: thin wrappers that take the UI's arguments, call one operation
//! (`ops`, over `spw-app`) or one native service (dialogs, opener, settings file), and turn
//! every failure — a panic included — into a coded [`CommandError`].
//!
//! Command names are the UI client's (`ui/src/lib/api.ts`) and stay stable.

use crate::ops;
use crate::state::AppState;
use crate::wire::{
    CatalogueChoices, CommandError, DoorDesign, ExportProgress, ExportRequest, ExportResult,
    ExportedFile, OpenedDoor, PreviewRequest, Settings, SettingsView,
};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// Event name of export progress.
pub const EXPORT_PROGRESS: &str = "export-progress";

/// Run `f`, turning a panic into `ERR_APP_PANIC` so the UI shows it instead of losing the
/// window.
pub(crate) fn guard<T>(
    what: &str,
    f: impl FnOnce() -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => {
            if let Err(e) = &r {
                tracing::info!(command = what, code = %e.code, "{}", e.message);
            }
            r
        }
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            tracing::error!(command = what, "panic: {msg}");
            Err(CommandError::new(
                "ERR_APP_PANIC",
                format!("{what} failed unexpectedly: {msg}"),
            ))
        }
    }
}

/// A file that could not be written, with its code (`ERR_IO_001` writing failed, `ERR_IO_002`
/// the path was refused: a folder, link or device, or a read-only file).
pub(crate) fn write_error(e: spw_files::WriteError) -> CommandError {
    CommandError::new(e.code(), e.to_string())
}

fn io_error(what: &str, path: &Path, e: impl std::fmt::Display) -> CommandError {
    CommandError::new("ERR_APP_IO", format!("{what} {}: {e}", path.display()))
}

/// The configurator's choices from the catalogue in use.
#[tauri::command]
pub async fn catalogue_choices(
    state: State<'_, AppState>,
) -> Result<CatalogueChoices, CommandError> {
    guard("catalogue_choices", || {
        Ok(crate::choices::choices(&state.catalogue()))
    })
}

// The live commands are `async` so they run on the runtime's worker threads, never on the
// window's main thread, and keystrokes stay responsive while the core works.

/// Issues, U-value, weight, price and the sheet on screen of the door being edited.
#[tauri::command]
pub async fn design_door(
    state: State<'_, AppState>,
    request: PreviewRequest,
) -> Result<DoorDesign, CommandError> {
    guard("design_door", || {
        Ok(ops::design_door(
            &request,
            &state.catalogue(),
            &state.settings(),
            &state.template(),
            ops::today(),
        ))
    })
}

/// Export drawings into a folder: every file made in memory first, then each written
/// atomically, with `export-progress` events. An invalid door is refused with its code.
#[tauri::command]
pub async fn export_drawings(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportResult, CommandError> {
    guard("export_drawings", || {
        let progress = |done: usize, total: usize, file: &str| {
            let _ = app.emit(
                EXPORT_PROGRESS,
                ExportProgress {
                    done: u32::try_from(done).unwrap_or(u32::MAX),
                    total: u32::try_from(total).unwrap_or(u32::MAX),
                    file: file.into(),
                },
            );
        };
        progress(0, 0, "");
        let files = ops::export_files(
            &request,
            &state.catalogue(),
            &state.settings(),
            &state.template(),
            ops::today(),
        )?;
        let folder = PathBuf::from(request.folder.trim());
        if request.folder.trim().is_empty() {
            return Err(CommandError::new(
                "ERR_APP_IO",
                "choose a folder to export to",
            ));
        }
        std::fs::create_dir_all(&folder).map_err(|e| io_error("creating", &folder, e))?;
        // Every file of the export, or none: staged and flushed together, then renamed.
        let paths: Vec<PathBuf> = files.iter().map(|f| folder.join(&f.file_name)).collect();
        let batch: Vec<(&Path, &[u8])> = paths
            .iter()
            .zip(&files)
            .map(|(p, f)| (p.as_path(), f.bytes.as_slice()))
            .collect();
        spw_files::write_all(&batch, spw_files::Overwrite::Writable).map_err(write_error)?;
        progress(
            files.len(),
            files.len(),
            files.last().map_or("", |f| &f.file_name),
        );
        let written: Vec<ExportedFile> = paths
            .iter()
            .zip(&files)
            .map(|(path, f)| ExportedFile {
                path: path.display().to_string(),
                format: f.format.extension().into(),
                bytes: u32::try_from(f.bytes.len()).unwrap_or(u32::MAX),
            })
            .collect();
        tracing::info!(folder = %folder.display(), files = written.len(), "exported drawings");
        Ok(ExportResult { files: written })
    })
}

/// A native folder picker; `None` when cancelled.
#[tauri::command]
pub async fn pick_folder(app: AppHandle, title: String) -> Result<Option<String>, CommandError> {
    let picked = app.dialog().file().set_title(title).blocking_pick_folder();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// A door configuration file's text, read as the CLI reads its inputs: refused by its size
/// before reading when larger than `spw_app::MAX_INPUT_BYTES` (`ERR_VAL_001` with the limit),
/// never more than that read, a byte order mark dropped, UTF-8 required.
fn read_door_file(path: &Path) -> Result<String, CommandError> {
    use std::io::Read as _;
    let name = path.display().to_string();
    let refused = |issue: spw_model::Issue| CommandError {
        code: issue.code.as_str().into(),
        message: issue.message.clone(),
        issues: vec![issue],
    };
    let file = std::fs::File::open(path).map_err(|e| io_error("reading", path, e))?;
    let meta = file.metadata().map_err(|e| io_error("reading", path, e))?;
    if meta.is_file() {
        spw_app::check_input_size(&name, meta.len()).map_err(refused)?;
    }
    let mut bytes = Vec::new();
    file.take(spw_app::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error("reading", path, e))?;
    spw_app::input_text(&name, bytes).map_err(refused)
}

/// Open a door configuration file through a native dialog; `None` when cancelled.
#[tauri::command]
pub async fn open_door_file(app: AppHandle) -> Result<Option<OpenedDoor>, CommandError> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Door configuration", &["json"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let text = read_door_file(&path)?;
    Ok(Some(OpenedDoor {
        path: path.display().to_string(),
        text,
    }))
}

/// Save the door's JSON: to `path`, or where a native save dialog says; `None` when cancelled.
#[tauri::command]
pub async fn save_door_file(
    app: AppHandle,
    text: String,
    path: Option<String>,
) -> Result<Option<String>, CommandError> {
    let target = match path {
        Some(p) => Some(PathBuf::from(p)),
        None => app
            .dialog()
            .file()
            .add_filter("Door configuration", &["json"])
            .set_file_name("door.json")
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(target) = target else {
        return Ok(None);
    };
    spw_files::write_atomic(&target, text.as_bytes()).map_err(write_error)?;
    Ok(Some(target.display().to_string()))
}

/// Open a file or folder in the system's default application.
#[tauri::command]
pub fn open_in_viewer(app: AppHandle, path: String) -> Result<(), CommandError> {
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| CommandError::new("ERR_APP_IO", format!("opening {path}: {e}")))
}

/// The settings and where files live.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> SettingsView {
    state.settings_view()
}

/// Save the settings (atomically), reload the catalogue and template they name, and watch
/// their folders.
#[tauri::command]
pub fn save_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<SettingsView, CommandError> {
    guard("save_settings", || {
        crate::settings::save(&state.paths.settings_file, &settings)?;
        state.set_settings(settings);
        crate::watch::restart(&app);
        Ok(state.settings_view())
    })
}

/// The door a new design starts from (the design plan's seed configuration).
#[tauri::command]
pub fn new_door() -> String {
    crate::SEED_DOOR.to_owned()
}

/// Record a front-end error in the log file.
#[tauri::command]
pub fn log_ui_error(message: String, details: String) {
    tracing::error!(details = %details, "UI error: {message}");
}
