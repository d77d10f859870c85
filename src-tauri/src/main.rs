//! `spw-desktop`: the SPW600e Designer window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    spw_desktop::run();
}
