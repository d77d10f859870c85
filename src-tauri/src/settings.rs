//! The settings file: JSON in the OS config folder, written atomically (and the helpers the
//! app's other small JSON files, such as the recent quotes, are read and written with).

use crate::wire::{CommandError, Settings};
use std::path::Path;

/// File name inside the config folder.
pub const FILE_NAME: &str = "settings.json";

/// Read one of the app's own JSON files (settings, recent quotes): `None` when it does not
/// exist, an `ERR_APP_SETTINGS` error naming `what` when it is not valid.
pub fn read_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
) -> Result<Option<T>, CommandError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| {
            CommandError::new(
                "ERR_APP_SETTINGS",
                format!("{what} file {} is not valid: {e}", path.display()),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(CommandError::new(
            "ERR_APP_SETTINGS",
            format!("reading {}: {e}", path.display()),
        )),
    }
}

/// Write one of the app's own JSON files atomically, creating the folder.
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), CommandError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            CommandError::new("ERR_APP_IO", format!("creating {}: {e}", dir.display()))
        })?;
    }
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CommandError::new("ERR_APP_SETTINGS", e.to_string()))?;
    spw_files::write_atomic(path, text.as_bytes())
        .map_err(|e| CommandError::new("ERR_APP_IO", e.to_string()))
}

/// Read the settings; a missing file gives the defaults, an unreadable one is an error (the
/// defaults are then used and the file is left alone until the designer saves).
pub fn load(path: &Path) -> Result<Settings, CommandError> {
    Ok(read_json(path, "settings")?.unwrap_or_default())
}

/// Write the settings atomically, creating the folder.
pub fn save(path: &Path, settings: &Settings) -> Result<(), CommandError> {
    write_json(path, settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_missing_file_gives_defaults() {
        let dir = std::env::temp_dir().join(format!("spw-desktop-settings-{}", std::process::id()));
        let path = dir.join("nested").join(FILE_NAME);
        assert_eq!(load(&path).expect("defaults"), Settings::default());
        let mut s = Settings::default();
        s.company.name = "Acme Glazing".into();
        s.default_scale = "1:10".into();
        save(&path, &s).expect("save");
        assert_eq!(load(&path).expect("load"), s);
        std::fs::write(&path, "{not json").expect("write");
        assert_eq!(load(&path).expect_err("bad").code, "ERR_APP_SETTINGS");
        std::fs::remove_dir_all(&dir).ok();
    }
}
