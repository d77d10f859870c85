//! The application menu. Each item sends its id to the UI as a `menu` event; the UI runs the
//! same action its keyboard shortcut runs (Cmd on macOS, Ctrl elsewhere). File › Open recent
//! quote lists the recent quotes; their items' ids are [`RECENT_QUOTE`] + the quote number.

use crate::wire::RecentQuote;
use tauri::menu::{
    Menu, MenuBuilder, MenuItem, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Event name sent to the UI with the item id.
pub const EVENT: &str = "menu";

/// Id prefix of a recent quote's item.
pub const RECENT_QUOTE: &str = "recent-quote:";

/// A recent quote's menu text: number, customer and project.
pub fn recent_label(q: &RecentQuote) -> String {
    if q.project_name.trim().is_empty() {
        format!("{} — {}", q.quote_number, q.customer_name)
    } else {
        format!(
            "{} — {}, {}",
            q.quote_number, q.customer_name, q.project_name
        )
    }
}

/// File › Open recent quote, kept so its items can be replaced when the list changes.
pub struct RecentMenu<R: Runtime>(pub Submenu<R>);

fn recent_items<R: Runtime>(
    app: &AppHandle<R>,
    recent: &[RecentQuote],
) -> tauri::Result<Vec<MenuItem<R>>> {
    if recent.is_empty() {
        return Ok(vec![
            MenuItemBuilder::with_id("recent-none", "No recent quotes")
                .enabled(false)
                .build(app)?,
        ]);
    }
    recent
        .iter()
        .map(|q| {
            MenuItemBuilder::with_id(format!("{RECENT_QUOTE}{}", q.quote_number), recent_label(q))
                .build(app)
        })
        .collect()
}

/// Build the menu bar, and the recent quotes submenu inside it.
pub fn build<R: Runtime>(
    app: &AppHandle<R>,
    recent: &[RecentQuote],
) -> tauri::Result<(Menu<R>, Submenu<R>)> {
    let item = |id: &str, text: &str, accel: &str| {
        MenuItemBuilder::with_id(id, text)
            .accelerator(accel)
            .build(app)
    };
    let mut recents = SubmenuBuilder::new(app, "Open recent quote");
    for i in recent_items(app, recent)? {
        recents = recents.item(&i);
    }
    let recents = recents.build()?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new-door", "New door", "CmdOrCtrl+N")?)
        .item(&item("open-door", "Open door…", "CmdOrCtrl+O")?)
        .item(&recents)
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
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()?;
    Ok((menu, recents))
}

/// Replace the recent quotes submenu's items after the list changed.
pub fn refresh<R: Runtime>(app: &AppHandle<R>, recent: &[RecentQuote]) {
    let Some(sub) = app.try_state::<RecentMenu<R>>() else {
        return;
    };
    let replace = || -> tauri::Result<()> {
        for old in sub.0.items()? {
            sub.0.remove(&old)?;
        }
        for i in recent_items(app, recent)? {
            sub.0.append(&i)?;
        }
        Ok(())
    };
    if let Err(e) = replace() {
        tracing::warn!("recent quotes menu not updated: {e}");
    }
}

/// Forward a menu click to the UI.
pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Err(e) = app.emit(EVENT, id) {
        tracing::warn!("menu event {id} not delivered: {e}");
    }
}
