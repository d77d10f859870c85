//! The settings file: JSON in the OS config folder, written atomically.

use crate::wire::{CommandError, Settings};
use std::path::Path;

/// File name inside the config folder.
pub const FILE_NAME: &str = "settings.json";

/// Read the settings; a missing file gives the defaults, an unreadable one is an error (the
/// defaults are then used and the file is left alone until the designer saves).
pub fn load(path: &Path) -> Result<Settings, CommandError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            CommandError::new(
                "ERR_APP_SETTINGS",
                format!("settings file {} is not valid: {e}", path.display()),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(CommandError::new(
            "ERR_APP_SETTINGS",
            format!("reading {}: {e}", path.display()),
        )),
    }
}

/// Write the settings atomically, creating the folder.
pub fn save(path: &Path, settings: &Settings) -> Result<(), CommandError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            CommandError::new("ERR_APP_IO", format!("creating {}: {e}", dir.display()))
        })?;
    }
    let text = serde_json::to_string_pretty(settings)
        .map_err(|e| CommandError::new("ERR_APP_SETTINGS", e.to_string()))?;
    spw_files::write_atomic(path, text.as_bytes())
        .map_err(|e| CommandError::new("ERR_APP_IO", e.to_string()))
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
