//! Reading content files from disk and from the binary, with the checks that come before
//! TOML: size, encoding, emptiness.

use super::Diagnostic;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Large enough for any persona a person would write; small enough that a wrong file
/// (a log, a video) is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deeper than any sensible content folder; stops symlink loops.
const MAX_FOLDER_DEPTH: usize = 16;

/// The text of one content file and the name it is reported under.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    pub fn read(path: &Path) -> Result<SourceFile, Diagnostic> {
        let shown = path.display().to_string();
        let cannot = |err: std::io::Error| {
            Diagnostic::whole(&shown, format!("cannot read the file: {err}"), None)
        };
        let file = fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_err(cannot)?.len();
        if size > MAX_FILE_BYTES {
            return Err(too_big(&shown, size));
        }
        let mut bytes = Vec::new();
        // Read one byte past the limit: the file may have grown since the metadata call.
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(&shown, bytes.len() as u64));
        }
        SourceFile::from_bytes(shown, bytes)
    }

    pub fn from_bytes(path: String, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bad = err.as_bytes()[valid];
                let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
                return Err(Diagnostic::at(
                    &path,
                    &prefix,
                    valid..valid,
                    format!("the file is not UTF-8 text: byte 0x{bad:02X} cannot start a character here"),
                    Some(
                        "save the file as UTF-8 (most editors offer it under \"Save with encoding\")"
                            .into(),
                    ),
                ));
            }
        };
        // Windows editors add a byte-order mark; TOML does not allow one.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        if text.trim().is_empty() {
            return Err(Diagnostic::at(
                &path,
                &text,
                0..0,
                "the file is empty: expected a persona, a scenario or a model",
                Some(
                    "start with `kind = \"persona\"` (or \"scenario\", \"model\"); \
                     docs/content-format.md has a small example to copy"
                        .into(),
                ),
            ));
        }
        Ok(SourceFile { path, text })
    }
}

fn too_big(path: &str, size: u64) -> Diagnostic {
    Diagnostic::whole(
        path,
        format!(
            "the file is {size} bytes; content files may be at most {MAX_FILE_BYTES} bytes (1 MiB)"
        ),
        Some(
            "is this the right file? A persona is a few hundred lines; split very large ones"
                .into(),
        ),
    )
}

/// Every `.toml` file under `folder`, in sub-folders too, in name order; hidden entries
/// (`.git`, editor swap files) are skipped.
pub fn toml_files_in(folder: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut found = Vec::new();
    walk(folder, 0, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(folder: &Path, depth: usize, found: &mut Vec<PathBuf>) -> Result<(), Diagnostic> {
    let cannot = |err: std::io::Error| {
        Diagnostic::whole(
            folder.display().to_string(),
            format!("cannot read the folder: {err}"),
            None,
        )
    };
    if depth > MAX_FOLDER_DEPTH {
        return Ok(());
    }
    for entry in fs::read_dir(folder).map_err(cannot)? {
        let entry = entry.map_err(cannot)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, depth + 1, found)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
    Ok(())
}
