//! Embeds the bundled content (`personas/`, `scenarios/`, `models/`) in the binary, so
//! that `cargo run` works with no set-up and adding a file needs no code change.

use std::fs;
use std::path::Path;

const FOLDERS: [&str; 3] = ["models", "personas", "scenarios"];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut entries = Vec::new();
    for folder in FOLDERS {
        println!("cargo:rerun-if-changed={folder}");
        let Ok(dir) = fs::read_dir(Path::new(&root).join(folder)) else {
            continue;
        };
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") && !name.starts_with('.') {
                println!("cargo:rerun-if-changed={folder}/{name}");
                entries.push(format!("{folder}/{name}"));
            }
        }
    }
    entries.sort();
    let mut code = String::from(
        "/// The bundled content files: (path from the repository root, text).\n\
         pub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for path in &entries {
        code.push_str(&format!(
            "    ({path:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("bundled.rs"), code).expect("OUT_DIR is writable");
}
