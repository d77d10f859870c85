//! SPW600e Designer's desktop shell: a Tauri 2 window around the `ui/` front end, whose
//! commands are thin wrappers over the `spw-app` operations the CLI uses.
//!
//! `commands` is the whole surface the UI calls (`quotes` the Quotes and Revisions screens'
//! commands over the workstation database); `ops` shapes `spw-app` answers for it;
//! `wire` holds the desktop's wire types (TypeScript generated from them by `ts-rs`);
//! `state`, `sources`, `settings` and `watch` keep the catalogue, title block and settings;
//! `recent` the recent quotes; `menu` and `logging` are the native parts.

pub mod choices;
pub mod commands;
pub mod logging;
pub mod menu;
pub mod ops;
pub mod quotes;
pub mod recent;
pub mod settings;
pub mod sources;
pub mod state;
pub mod watch;
pub mod wire;

use tauri::Manager;

/// The design plan's seed door, where a new design starts.
pub const SEED_DOOR: &str = include_str!("../../examples/seed-door-configuration.json");

fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let path = app.path();
    let config = path.app_config_dir()?;
    let paths = state::Paths {
        settings_file: config.join(settings::FILE_NAME),
        recent_file: config.join(recent::FILE_NAME),
        log_folder: path.app_log_dir()?,
        data_folder: path.app_data_dir()?,
    };
    if let Some(guard) = logging::init(&paths.log_folder) {
        app.manage(LogGuard(guard));
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        "SPW600e Designer starting"
    );
    let s = match settings::load(&paths.settings_file) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("{}: {}", e.code, e.message);
            wire::Settings::default()
        }
    };
    let db = paths.data_folder.join(quotes::DB_FILE);
    let state = state::AppState::new(paths, s).map_err(|e| format!("{}: {}", e.code, e.message))?;
    let recent = state.recent_quotes();
    app.manage(state);
    app.manage(quotes::StoreState::new(db));
    let handle = app.handle().clone();
    let (menu, recents) = menu::build(&handle, &recent)?;
    app.set_menu(menu)?;
    app.manage(menu::RecentMenu(recents));
    app.on_menu_event(|app, event| menu::forward(app, event.id().as_ref()));
    watch::restart(&handle);
    Ok(())
}

/// Keeps the log writer flushing for the life of the app.
struct LogGuard(#[allow(dead_code)] tracing_appender::non_blocking::WorkerGuard);

/// Start the app (the binary's `main`).
pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(setup)
        .invoke_handler(tauri::generate_handler![
            commands::catalogue_choices,
            commands::design_door,
            commands::export_drawings,
            commands::pick_folder,
            commands::open_door_file,
            commands::save_door_file,
            commands::open_in_viewer,
            commands::get_settings,
            commands::save_settings,
            commands::new_door,
            commands::log_ui_error,
            quotes::list_quotes,
            quotes::price_quote,
            quotes::get_quote,
            quotes::recent_quotes,
            quotes::save_quote,
            quotes::set_quote_status,
            quotes::issue_quote_drawings,
            quotes::quote_drawing_history,
            quotes::compare_revisions,
            quotes::produce_package,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        tracing::error!("the app stopped: {e}");
        eprintln!("spw-desktop: {e}");
        std::process::exit(1);
    }
}
