//! The application menu. Each item sends its id to the UI as a `menu` event; the UI runs the
//! same action its keyboard shortcut runs (Cmd on macOS, Ctrl elsewhere).

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// Event name sent to the UI with the item id.
pub const EVENT: &str = "menu";

/// Build the menu bar.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, accel: &str| {
        MenuItemBuilder::with_id(id, text)
            .accelerator(accel)
            .build(app)
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new-door", "New door", "CmdOrCtrl+N")?)
        .item(&item("open-door", "Open door…", "CmdOrCtrl+O")?)
        .item(&item("save-door", "Save door", "CmdOrCtrl+S")?)
        .item(&item("save-door-as", "Save door as…", "CmdOrCtrl+Shift+S")?)
        .separator()
        .item(&item("export", "Export drawings…", "CmdOrCtrl+E")?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit"))?)
        .build()?;
    let mut edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", "CmdOrCtrl+Z")?)
        .item(&item("redo", "Redo", "CmdOrCtrl+Shift+Z")?);
    if cfg!(target_os = "macos") {
        edit = edit.separator().cut().copy().paste().select_all();
    }
    let edit = edit.build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item("screen-configurator", "Configurator", "CmdOrCtrl+1")?)
        .item(&item("screen-drawings", "Drawings", "CmdOrCtrl+2")?)
        .item(&item("screen-settings", "Settings", "CmdOrCtrl+,")?)
        .separator()
        .item(&item("zoom-in", "Zoom in", "CmdOrCtrl+=")?)
        .item(&item("zoom-out", "Zoom out", "CmdOrCtrl+-")?)
        .item(&item("zoom-fit", "Fit sheet", "CmdOrCtrl+0")?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&PredefinedMenuItem::about(
            app,
            Some("About SPW600e Designer"),
            None,
        )?)
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

/// Forward a menu click to the UI.
pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Err(e) = app.emit(EVENT, id) {
        tracing::warn!("menu event {id} not delivered: {e}");
    }
}
