//! The quotes opened or saved most recently on this workstation, newest first: kept in a
//! small JSON file beside the settings (written atomically) and shown in the File menu and on
//! the Quotes screen.

use crate::wire::{CommandError, QuoteView, RecentQuote};
use std::path::Path;

/// File name inside the config folder.
pub const FILE_NAME: &str = "recent-quotes.json";

/// How many are remembered.
pub const MAX: usize = 10;

/// The list with `entry` first: an entry for the same quote moves up rather than repeating,
/// and the oldest beyond [`MAX`] drop off.
pub fn remember(list: &[RecentQuote], entry: RecentQuote) -> Vec<RecentQuote> {
    std::iter::once(entry.clone())
        .chain(
            list.iter()
                .filter(|q| q.quote_number != entry.quote_number)
                .cloned(),
        )
        .take(MAX)
        .collect()
}

/// The entry for a quote as shown.
pub fn entry(v: &QuoteView) -> RecentQuote {
    RecentQuote {
        quote_number: v.quote_number.clone(),
        customer_name: v.input.customer_name.clone(),
        project_name: v.input.project_name.clone(),
    }
}

/// Read the list; a missing file is an empty list, an unreadable one an error (the app then
/// starts with an empty list and writes a good file at the next change).
pub fn load(path: &Path) -> Result<Vec<RecentQuote>, CommandError> {
    Ok(crate::settings::read_json(path, "recent quotes")?.unwrap_or_default())
}

/// Write the list atomically, creating the folder.
pub fn save(path: &Path, list: &[RecentQuote]) -> Result<(), CommandError> {
    crate::settings::write_json(path, &list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: &str) -> RecentQuote {
        RecentQuote {
            quote_number: n.into(),
            customer_name: format!("Customer of {n}"),
            project_name: String::new(),
        }
    }

    #[test]
    fn the_newest_comes_first_without_repeats_and_the_list_is_bounded() {
        let list = remember(&[], q("Q-1"));
        let list = remember(&list, q("Q-2"));
        let list = remember(&list, q("Q-1"));
        let numbers: Vec<_> = list.iter().map(|r| r.quote_number.as_str()).collect();
        assert_eq!(numbers, ["Q-1", "Q-2"]);
        let mut long = Vec::new();
        for i in 0..MAX + 5 {
            long = remember(&long, q(&format!("Q-{i}")));
        }
        assert_eq!(long.len(), MAX);
        assert_eq!(long[0].quote_number, format!("Q-{}", MAX + 4));
        assert_eq!(long[MAX - 1].quote_number, "Q-5");
    }

    #[test]
    fn the_list_round_trips_and_a_missing_file_is_empty() {
        let dir = std::env::temp_dir().join(format!("spw-desktop-recent-{}", std::process::id()));
        let path = dir.join(FILE_NAME);
        assert!(load(&path).expect("empty").is_empty());
        let list = remember(&remember(&[], q("Q-1")), q("Q-2"));
        save(&path, &list).expect("save");
        assert_eq!(load(&path).expect("load"), list);
        std::fs::write(&path, "[{").expect("write");
        assert_eq!(load(&path).expect_err("bad").code, "ERR_APP_SETTINGS");
        std::fs::remove_dir_all(&dir).ok();
    }
}
