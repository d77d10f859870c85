//! What the running app holds: the catalogue and title block in use, the settings, and where
//! its files live. Shared by every command behind locks held only for a copy of an `Arc`.

use crate::sources;
use crate::wire::{AppPaths, CommandError, RecentQuote, Settings, SettingsView};
use spw_drawing::TitleBlockTemplate;
use spw_model::catalogue::Catalogue;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

/// The app's state.
pub struct AppState {
    catalogue: RwLock<Arc<Catalogue>>,
    template: RwLock<Arc<TitleBlockTemplate>>,
    settings: Mutex<Settings>,
    load_error: Mutex<Option<CommandError>>,
    /// Where files live.
    pub paths: Paths,
    /// The file watcher (replaced when the watched folders change).
    pub watcher: Mutex<Option<notify::RecommendedWatcher>>,
    recent: Mutex<Vec<RecentQuote>>,
}

/// The app's folders.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The settings file.
    pub settings_file: PathBuf,
    /// The recent quotes file, beside it.
    pub recent_file: PathBuf,
    /// Log folder.
    pub log_folder: PathBuf,
    /// Data folder.
    pub data_folder: PathBuf,
}

fn read<T: Clone>(lock: &RwLock<Arc<T>>) -> Arc<T> {
    match lock.read() {
        Ok(g) => Arc::clone(&g),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

fn write<T>(lock: &RwLock<Arc<T>>, value: T) {
    match lock.write() {
        Ok(mut g) => *g = Arc::new(value),
        Err(poisoned) => *poisoned.into_inner() = Arc::new(value),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AppState {
    /// State from settings: the catalogue and template they name (built-in ones when those do
    /// not load, with the error kept for the settings screen).
    pub fn new(paths: Paths, settings: Settings) -> Result<AppState, CommandError> {
        let state = AppState {
            catalogue: RwLock::new(Arc::new(sources::load_catalogue(None)?)),
            template: RwLock::new(Arc::new(spw_app::drawings::builtin_template())),
            settings: Mutex::new(settings),
            load_error: Mutex::new(None),
            recent: Mutex::new(crate::recent::load(&paths.recent_file).unwrap_or_else(|e| {
                tracing::warn!("{}: {}", e.code, e.message);
                Vec::new()
            })),
            paths,
            watcher: Mutex::new(None),
        };
        state.reload();
        Ok(state)
    }

    /// The catalogue in use.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        read(&self.catalogue)
    }

    /// The title block template in use, with the settings' company details applied.
    pub fn template(&self) -> Arc<TitleBlockTemplate> {
        read(&self.template)
    }

    /// The recent quotes, newest first.
    pub fn recent_quotes(&self) -> Vec<RecentQuote> {
        lock(&self.recent).clone()
    }

    /// Put a quote first in the recent list and write the list; returns the new list.
    pub fn remember_quote(&self, entry: RecentQuote) -> Result<Vec<RecentQuote>, CommandError> {
        let mut list = lock(&self.recent);
        let next = crate::recent::remember(&list, entry);
        crate::recent::save(&self.paths.recent_file, &next)?;
        list.clone_from(&next);
        Ok(next)
    }

    /// A copy of the settings.
    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Replace the settings (not saved here) and reload what they point at.
    pub fn set_settings(&self, settings: Settings) {
        *lock(&self.settings) = settings;
        self.reload();
    }

    /// Re-read the catalogue and title block from the configured folders. On failure the last
    /// good one stays in use and the error is kept (and returned).
    pub fn reload(&self) -> Option<CommandError> {
        let s = self.settings();
        let mut error = None;
        let cat_dir = s.catalogue_folder.as_deref().map(Path::new);
        match sources::load_catalogue(cat_dir) {
            Ok(c) => write(&self.catalogue, c),
            Err(e) => error = Some(e),
        }
        let tpl_dir = s.templates_folder.as_deref().map(Path::new);
        match sources::load_template(tpl_dir) {
            Ok(mut t) => {
                let c = &s.company;
                let set = |field: &mut String, v: &str| {
                    if !v.trim().is_empty() {
                        *field = v.trim().to_owned();
                    }
                };
                set(&mut t.company.name, &c.name);
                set(&mut t.company.address, &c.address);
                set(&mut t.company.telephone, &c.telephone);
                set(&mut t.company.email, &c.email);
                write(&self.template, t);
            }
            Err(e) => error = error.or(Some(e)),
        }
        *lock(&self.load_error) = error.clone();
        error
    }

    /// The settings screen's view.
    pub fn settings_view(&self) -> SettingsView {
        let s = self.settings();
        SettingsView {
            catalogue_source: s
                .catalogue_folder
                .clone()
                .unwrap_or_else(|| "built-in".into()),
            template_source: s
                .templates_folder
                .as_deref()
                .map(|d| {
                    Path::new(d)
                        .join(sources::TITLE_BLOCK_FILE)
                        .display()
                        .to_string()
                })
                .unwrap_or_else(|| "built-in".into()),
            settings: s,
            paths: AppPaths {
                settings_file: self.paths.settings_file.display().to_string(),
                log_folder: self.paths.log_folder.display().to_string(),
                data_folder: self.paths.data_folder.display().to_string(),
            },
            load_error: lock(&self.load_error).clone(),
        }
    }
}
