//! The catalogue and title block the app draws with: built in, or loaded from the folders the
//! settings name (re-read when a watched file changes).

use crate::wire::CommandError;
use spw_drawing::TitleBlockTemplate;
use spw_model::catalogue::{Catalogue, CatalogueError, CatalogueSources, FILE_NAMES, Source};
use std::path::Path;

/// File name of the title block template inside a templates folder.
pub const TITLE_BLOCK_FILE: &str = "title_block.toml";

/// Load the catalogue from `folder`, or the built-in one.
pub fn load_catalogue(folder: Option<&Path>) -> Result<Catalogue, CommandError> {
    let Some(dir) = folder else {
        return Catalogue::builtin().map_err(|e| catalogue_error(&e));
    };
    let mut texts = Vec::new();
    for name in FILE_NAMES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CommandError::new(
                CatalogueError::CODE,
                format!("reading catalogue file {}: {e}", path.display()),
            )
        })?;
        texts.push((path.display().to_string(), text));
    }
    let s = |i: usize| Source {
        name: &texts[i].0,
        text: &texts[i].1,
    };
    let sources = CatalogueSources {
        system: s(0),
        profiles: s(1),
        glazing: s(2),
        hardware: s(3),
        pricing: s(4),
        ral: s(5),
    };
    Catalogue::load(&sources).map_err(|e| catalogue_error(&e))
}

fn catalogue_error(e: &CatalogueError) -> CommandError {
    CommandError::new(CatalogueError::CODE, e.to_string())
}

/// Load the title block from `folder/title_block.toml`, or the built-in one.
pub fn load_template(folder: Option<&Path>) -> Result<TitleBlockTemplate, CommandError> {
    let Some(dir) = folder else {
        return Ok(spw_app::drawings::builtin_template());
    };
    let path = dir.join(TITLE_BLOCK_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        CommandError::new(
            "ERR_DWG_001",
            format!("reading title block {}: {e}", path.display()),
        )
    })?;
    TitleBlockTemplate::parse(&text).map_err(|e| {
        CommandError::new(
            "ERR_DWG_001",
            format!("title block {}: {e}", path.display()),
        )
    })
}
