//! Build script: Tauri's code generation from the repository-root `tauri.conf.json`, re-run
//! whenever the UI build (`ui/dist`, embedded in the binary) changes.

fn main() {
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    if let Err(e) =
        tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
    {
        panic!("tauri build step failed: {e:#}");
    }
}
