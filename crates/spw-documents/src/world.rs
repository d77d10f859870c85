//! The typst `World` the documents are compiled in: a closed, in-memory world holding the
//! templates, the generated data file, the drawings to embed, the one bundled font and the date
//! the caller passed in. Nothing is read from disk, the network or the clock.

use std::collections::HashMap;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The bundled font, DejaVu Sans Condensed (licence in `assets/fonts/`).
pub(crate) const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");

/// The font book and fonts, built once per process: parsing the font is the same every time.
pub(crate) struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    fn load() -> Fonts {
        let fonts: Vec<Font> = Font::iter(Bytes::new(FONT)).collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

/// Whether the bundled font parsed (it always does; checked so a broken asset is an error, not
/// a document without text).
pub(crate) fn font_available() -> bool {
    !fonts().fonts.is_empty()
}

/// An in-memory typst world.
pub(crate) struct DocWorld {
    library: LazyHash<Library>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

/// The file id of a path in the project root, e.g. `/datasheet.typ`.
pub(crate) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl DocWorld {
    /// A world whose main file is `main`; `sources` are typst files, `files` everything else.
    pub(crate) fn new(
        main: FileId,
        sources: Vec<(FileId, String)>,
        files: Vec<(FileId, Vec<u8>)>,
        today: time::Date,
    ) -> DocWorld {
        DocWorld {
            library: LazyHash::new(Library::builder().build()),
            main,
            sources: sources
                .into_iter()
                .map(|(id, text)| (id, Source::new(id, text)))
                .collect(),
            files: files
                .into_iter()
                .map(|(id, bytes)| (id, Bytes::new(bytes)))
                .collect(),
            today: Datetime::from_ymd(today.year(), u8::from(today.month()), today.day()),
        }
    }

    /// The source of a file, if it is one of the templates.
    pub(crate) fn template(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        self.sources
            .get(&id)
            .map(|s| Bytes::from_string(s.clone()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
