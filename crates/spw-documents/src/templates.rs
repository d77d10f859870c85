//! The document templates: typst files under `templates/documents/`, compiled in so the core
//! works without the folder, and replaceable one by one with an edited copy.

use crate::DocError;

/// Main template of the specification datasheet.
pub(crate) const DATASHEET: &str = "datasheet.typ";
/// Main template of the quote technical package.
pub(crate) const QUOTE_PACKAGE: &str = "quote-package.typ";

/// Every template file and its built-in text: the house style (company details, colours,
/// header and footer, nominal weather classes, terms), the door specification sections shared
/// by both documents, the two main documents and the logo.
pub const TEMPLATE_FILES: [(&str, &str); 5] = [
    (
        "house-style.typ",
        include_str!("../../../templates/documents/house-style.typ"),
    ),
    (
        "door-spec.typ",
        include_str!("../../../templates/documents/door-spec.typ"),
    ),
    (
        DATASHEET,
        include_str!("../../../templates/documents/datasheet.typ"),
    ),
    (
        QUOTE_PACKAGE,
        include_str!("../../../templates/documents/quote-package.typ"),
    ),
    (
        "logo.svg",
        include_str!("../../../templates/documents/logo.svg"),
    ),
];

/// A set of templates: the built-in ones, any of which may be replaced by an edited copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates {
    files: Vec<(String, String)>,
}

impl Templates {
    /// The templates compiled into the crate.
    pub fn builtin() -> Templates {
        Templates {
            files: TEMPLATE_FILES
                .iter()
                .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
                .collect(),
        }
    }

    /// Replace one template file (named as in [`TEMPLATE_FILES`], e.g. `house-style.typ`) by
    /// `text`, e.g. a copy edited by the sales office.
    pub fn replace(&mut self, name: &str, text: impl Into<String>) -> Result<(), DocError> {
        match self.files.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = text.into();
                Ok(())
            }
            None => Err(DocError::Input(format!(
                "unknown template file `{name}`; the templates are {}",
                TEMPLATE_FILES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The text of one template file.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    /// Every file, name and text.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(n, t)| (n.as_str(), t.as_str()))
    }
}

impl Default for Templates {
    fn default() -> Self {
        Templates::builtin()
    }
}
