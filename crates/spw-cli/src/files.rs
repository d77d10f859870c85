//! Writing output files safely: each file goes to a temporary name in the target folder, is
//! flushed to disk and renamed into place (the shared `spw-files` crate, also used by the
//! desktop shell).

pub use spw_files::write_atomic;
